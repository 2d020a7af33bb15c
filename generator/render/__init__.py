"""Rendering: the model into Markdown pages, data files and drawings, with the templates in templates/."""
