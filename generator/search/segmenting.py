"""Whether a briefing needs Pagefind's extended binary: Chinese, Japanese and Korean are written
without spaces between words, and only the extended binary segments them, so that a search finds
a word inside a sentence. ``make site`` asks (``python -m generator.search.segmenting``: exit
status 1 when the binary is needed and not installed) and installs it; a build never does.

Read from the files themselves, with no package beyond the standard library: the briefing's
``language`` in seeds/briefing.yaml and each article's in its front matter.
"""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path

UNSPACED = ("zh", "ja", "ko")  # the languages whose words the extended binary segments
_LANGUAGE = re.compile(r"^language:\s*[\"']?([A-Za-z]+)", re.MULTILINE)


def unspaced(root: Path) -> list[str]:
    """The files of ``root``'s seeds that say they are in one of ``UNSPACED``."""
    seeds = root / "seeds"
    found = []
    for path in [seeds / "briefing.yaml", *sorted((seeds / "articles").glob("*.txt"))]:
        head = _head(path)
        language = _LANGUAGE.search(head)
        if language and language.group(1).lower() in UNSPACED:
            found.append(path.relative_to(root).as_posix())
    return found


def _head(path: Path) -> str:
    """An overview's text, or an article's front matter."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError:
        return ""
    if path.suffix != ".txt":
        return text
    parts = text.split("\n---", 1) if text.startswith("---") else [""]
    return parts[0]


def extended_installed() -> bool:
    return importlib.util.find_spec("pagefind_bin_extended") is not None


def main(root: Path) -> int:
    files = unspaced(root)
    if not files or extended_installed():
        return 0
    print(
        f"{files[0]} is in a language written without spaces: installing Pagefind's extended binary"
    )
    return 1


if __name__ == "__main__":
    sys.exit(main(Path.cwd()))
