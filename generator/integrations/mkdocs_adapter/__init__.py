"""The one place the preview reaches into MkDocs' private parts, and the versions it knows:
``steps`` (``build()``'s), ``events`` (the plugins' events around them) and ``server`` (MkDocs'
live-reloading server), imported only once the versions are found supported.

Supported: MkDocs 1.6.x (1.6.1 is the last 1.x release; 2.0 is a rewrite without plugins or
hooks) with Material for MkDocs 9.x, whose search box our worker answers in Material's own,
undocumented protocol (``docs/assets/search-worker.js``; Material 9.8 ends its life in May
2027). Another version found at import is ``UnsupportedMkDocs``: one line from ``serve``.

The preview renders only the pages an edit changed, which MkDocs' public ``build()`` cannot
do: it calls ``build()``'s own steps, private functions of ``mkdocs.commands.build``, in
``build()``'s order, and keeps MkDocs' live-reloading server but tells it when a refresh found
nothing to reload (``ReloadServer``). Each use says what it mirrors in MkDocs 1.6.1's source,
and every plugin event the preview fires goes through here (``fire_*``). What the preview
serves still differs from what ``build`` writes in the ways
``preview_differences.DIFFERENCES`` lists, each with its reason;
``tests/test_preview_parity.py`` holds it to that list.
"""

from __future__ import annotations

from importlib import metadata

from generator.problems import BriefingError

SUPPORTED = "MkDocs 1.6.x with Material for MkDocs 9.x"
# Each package's supported releases: what its version starts with, and what pip installs
RELEASES = {
    "mkdocs": ("1.6.", "mkdocs>=1.6.1,<1.7"),
    "mkdocs-material": ("9.", "mkdocs-material>=9.8,<10"),
}


class UnsupportedMkDocs(BriefingError):
    """The installed MkDocs or Material is one whose private parts the preview does not know."""


def _check_versions() -> None:
    for package, (prefix, wanted) in RELEASES.items():
        try:
            version = metadata.version(package)
        except metadata.PackageNotFoundError:
            version = None
        if version is None or not version.startswith(prefix):
            found = (
                f"{package} {version} is installed" if version else f"{package} is not installed"
            )
            raise UnsupportedMkDocs(
                f"the preview supports {SUPPORTED}, and {found}: "
                f"install a supported one in the project's environment (pip install '{wanted}')"
            )


_check_versions()  # before MkDocs' modules are imported: 2.0 has no mkdocs.commands.build

# ruff: noqa: E402 (imported after the check on purpose)
from jinja2 import TemplateSyntaxError
from mkdocs.config import load_config
from mkdocs.exceptions import MkDocsException
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from generator.integrations.mkdocs_adapter.events import (
    fire_build_error,
    fire_post_build,
    fire_pre_build,
    fire_serve,
    fire_shutdown,
    fire_startup,
    warnings_counted,
)
from generator.integrations.mkdocs_adapter.server import ReloadServer
from generator.integrations.mkdocs_adapter.steps import (
    Built,
    added,
    build,
    excluded,
    extra_templates,
    read_again,
    regather,
    render,
    theme_templates,
)

# what the preview is given
__all__ = [
    "Built",
    "File",
    "Files",
    "MkDocsException",
    "Page",
    "ReloadServer",
    "TemplateSyntaxError",
    "added",
    "build",
    "excluded",
    "extra_templates",
    "fire_build_error",
    "fire_post_build",
    "fire_pre_build",
    "fire_serve",
    "fire_shutdown",
    "fire_startup",
    "load_config",
    "read_again",
    "regather",
    "render",
    "theme_templates",
    "warnings_counted",
]
