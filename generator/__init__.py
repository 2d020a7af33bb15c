"""Briefing: seed articles plus YAML annotations in, cross-linked Markdown pages out.

The pipeline reads as the module names do: ``loading`` → ``validation`` → ``model`` →
``rendering`` → ``writing``; ``pipeline`` strings them together and ``cli`` is the front door.
"""
