"""When each article joined the briefing, and where the published site lives: what the home page's
latest articles and the feed are dated and addressed by.

An article joined with the commit that first added its file, where the project is the root of a
git repository holding that history (a shallow clone dates every article by its oldest commit);
an article not committed yet, or a project without git, has none, and its published date stands
in (``Briefing.latest``). Both come from the repository and the input, never from the clock, so
the same commit builds the same pages.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from generator.input import site_config

ARTICLES = "seeds/articles"
_KNOWN: dict[tuple[str, str], dict[str, str]] = {}  # by (project, HEAD): the preview asks often


def added_dates(root: Path) -> dict[str, str]:
    """The date (YYYY-MM-DD, the committer's) each article's file was first committed, by id."""
    if not (root / ".git").exists():
        return {}
    head = _git(root, "rev-parse", "--verify", "--quiet", "HEAD")
    if head is None:
        return {}
    key = (str(root), head.strip())
    if key not in _KNOWN:
        log = _git(
            root,
            "log",
            "--no-renames",
            "--diff-filter=A",
            "--format=%x00%cs",
            "--name-only",
            "--",
            ARTICLES,
        )
        found: dict[str, str] = {}
        for entry in (log or "").split("\0")[1:]:  # newest first: the last one seen is the first
            date, *names = entry.strip().splitlines()
            for name in names:
                path = Path(name)
                if path.parent.as_posix() == ARTICLES and path.suffix == ".txt":
                    found[path.stem] = date
        _KNOWN[key] = found
    return dict(_KNOWN[key])


def site_url(root: Path) -> str | None:
    """The published site's address: mkdocs.yml's site_url, else $SITE_URL (which the workflow
    sets from configure-pages, and the MkDocs hook takes too), ending in '/'; None without."""
    written = site_config.web_address(site_config.site_url(root))
    return written or site_config.web_address(os.environ.get(site_config.SITE_URL, ""))


def _git(root: Path, *arguments: str) -> str | None:
    try:
        result = subprocess.run(
            ["git", "-C", str(root), *arguments], capture_output=True, text=True, timeout=60
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    return result.stdout if result.returncode == 0 else None
