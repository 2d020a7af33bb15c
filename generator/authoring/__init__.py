"""Helping an author: start a briefing, store a new article and draft its annotation."""
