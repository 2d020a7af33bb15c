"""``briefing init``: turn a clone of the project (or a repository made from it as a template)
into an empty briefing of the user's own topic.

The example corpus that ships with the project says so (``example: true`` in
``seeds/briefing.yaml``); only that one is removed without asking. A briefing of the user's own
is never deleted unless they say ``--force`` (git history keeps what it removes either way).
"""

from __future__ import annotations

import json
from pathlib import Path

import yaml

from generator.input import site_config
from generator.problems import InputError, Location, Problem

SCHEMA_LINE = "# yaml-language-server: $schema=../generator/schemas/briefing.schema.json"
LIMITS = {"title": 200, "description": 200, "topic": 2000, "about": 2000}


def default_title(root: Path) -> str:
    """The folder's name as a title: 'port-dredging' becomes 'Port dredging'."""
    words = root.name.replace("-", " ").replace("_", " ").split()
    return " ".join(words).capitalize() if words else "Briefing"


def start(root: Path, own: dict[str, str], force: bool = False) -> list[Path]:
    """Empty seeds/ of the example, write seeds/briefing.yaml and mkdocs.yml's site name and
    description; return the files written. Checks everything before touching anything."""
    seeds = root / "seeds"
    given = {key: " ".join(value.split()) for key, value in own.items() if value and value.strip()}
    earlier = _overview(seeds / "briefing.yaml")
    example = earlier.get("example") is True
    if not example:  # run again on a briefing of one's own: what it is not told stays
        kept = {k: v for k, v in earlier.items() if k in LIMITS and isinstance(v, str)}
        given = kept | given
    title = given.get("title") or default_title(root)
    own = {"title": title, "topic": given.get("topic") or f"What the sources say: {title}."}
    own |= {key: given[key] for key in ("description", "about") if key in given}
    problems = [
        Problem(Location("init"), f"--{key} is longer than {limit} characters", "shorten it")
        for key, limit in LIMITS.items()
        if len(own.get(key, "")) > limit
    ]
    held = _held(seeds)
    if held and not force and not example:
        files = f"{len(held)} file{'s' if len(held) != 1 else ''}"
        message = f"seeds/ holds a briefing of your own ({files}); init would remove it"
        hint = "pass --force to replace it (git history keeps the files), or work in a new clone"
        problems.append(Problem(Location("seeds/briefing.yaml"), message, hint))
    if not (root / site_config.CONFIG).is_file():
        problems.append(
            Problem(Location(site_config.CONFIG), "file is missing", "run init in the project")
        )
    if problems:
        raise InputError(problems)
    for path in held:
        path.unlink()
    for folder in ("articles", "annotations"):
        (seeds / folder).mkdir(parents=True, exist_ok=True)
    overview = seeds / "briefing.yaml"
    lines = [SCHEMA_LINE]
    lines += [f"{key}: {json.dumps(value, ensure_ascii=False)}" for key, value in own.items()]
    overview.write_text("\n".join(lines) + "\n", encoding="utf-8")
    site_config.repeat(root, own)
    return [overview, root / site_config.CONFIG]


def _held(seeds: Path) -> list[Path]:
    """The articles and annotation files a briefing holds."""
    found = [p for folder in ("articles", "annotations") for p in (seeds / folder).rglob("*")]
    return sorted(p for p in found if p.is_file())


def _overview(path: Path) -> dict:
    """An existing seeds/briefing.yaml, or nothing if there is none it can read."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return {}
    return data if isinstance(data, dict) else {}
