"""Adapters from other tools to the library: the MkDocs hook."""
