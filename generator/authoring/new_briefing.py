"""``briefing init``: turn a clone of the project (or a repository made from it as a template)
into an empty briefing of the user's own topic.

The example corpus that ships with the project says so (``example: true`` in
``seeds/briefing.yaml``) and lists its files with their SHA-256 (see ``example``): only those,
unchanged, are removed without asking. Anything else it would remove (an article the user added,
a notes file, an edited example file, a symlink) stops it, with the list, unless the user says
``--force``; even then it is moved to ``.briefing-trash/<date-time>/``, never deleted. The values
it writes are checked by the same rules as ``check`` first, so a run that is refused changes
nothing, and one that is not leaves a briefing that ``check`` accepts.
"""

from __future__ import annotations

import json
import os
import shutil
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import yaml

from generator.authoring import example
from generator.input import schemas, site_config
from generator.input.checks import miscounted_articles
from generator.input.likelihood import OWN_CONFIDENCE, OWN_SCALE
from generator.input.loading import MAX_BYTES, parse_yaml
from generator.problems import BriefingError, InputError, Location, Problem, relative, visible

SCHEMA_LINE = "# yaml-language-server: $schema=../generator/schemas/briefing.schema.json"
TRASH = ".briefing-trash"
SHOWN = 20  # files named in a refusal; the rest are counted


def _limit(key: str) -> int:
    """The schema's length limit for a field of seeds/briefing.yaml (a line or a text)."""
    definition = schemas.schema(schemas.BRIEFING)["properties"][key]["$ref"].rsplit("/", 1)[1]
    return schemas.schema(schemas.ANNOTATIONS)["$defs"][definition]["maxLength"]


LIMITS = {key: _limit(key) for key in ("title", "description", "topic", "about")}
KEPT = {*LIMITS, "language"}  # what a briefing of one's own keeps when init is not told
KEPT_LISTS = (OWN_SCALE, OWN_CONFIDENCE)  # and its key judgments' own words, which init never sets


@dataclass
class Started:
    """What init did: the files it wrote, and each file it moved with where it went."""

    written: list[Path] = field(default_factory=list)
    moved: list[tuple[Path, Path]] = field(default_factory=list)
    removed: int = 0  # of the example's own files


def default_title(root: Path) -> str:
    """The folder's name as a title: 'port-dredging' becomes 'Port dredging'."""
    words = root.name.replace("-", " ").replace("_", " ").split()
    return " ".join(words).capitalize() if words else "Briefing"


# A briefing is a copy of the whole repository (its templates, theme, mkdocs.yml, tests and
# workflow), not the package alone
NOT_A_PROJECT = (
    "{root} is not a briefing project (no mkdocs.yml, no templates/): make your repository from "
    "the Briefing template repository (GitHub: Use this template), or clone it, and run init there"
)


def start(root: Path, own: dict[str, str], force: bool = False) -> Started:
    """Empty seeds/ of the example, write seeds/briefing.yaml and mkdocs.yml's site name and
    description. Checks everything before touching anything."""
    if not (root / site_config.CONFIG).exists() and not (root / "templates").is_dir():
        raise BriefingError(NOT_A_PROJECT.format(root=visible(str(root))))
    seeds = root / "seeds"
    given = {key: " ".join(value.split()) for key, value in own.items() if value and value.strip()}
    earlier = _overview(seeds / "briefing.yaml")
    is_example = earlier.get("example") is True
    if not is_example:  # run again on a briefing of one's own: what it is not told stays
        kept = {k: v for k, v in earlier.items() if k in KEPT and isinstance(v, str)}
        kept |= {k: v for k, v in earlier.items() if k in KEPT_LISTS and isinstance(v, list)}
        given = kept | given
    title = given.get("title") or default_title(root)
    own = {"title": title, "topic": given.get("topic") or f"What the sources say: {title}."}
    own |= {key: given[key] for key in ("description", "language", "about") if key in given}
    own |= {key: given[key] for key in KEPT_LISTS if key in given}
    lines = [SCHEMA_LINE, *(f"{k}: {json.dumps(v, ensure_ascii=False)}" for k, v in own.items())]
    problems = [
        Problem(Location(f"init --{key}"), f"is longer than {limit} characters", "shorten it")
        for key, limit in LIMITS.items()
        if len(own.get(key, "")) > limit
    ]
    problems = problems or _refused_by_check(lines)
    for path in (seeds, seeds / "briefing.yaml"):  # init writes into them: never elsewhere
        if path.is_symlink():
            hint = "init does not follow it: make it a file or folder of the project"
            problems.append(Problem(Location(shown(path, root)), "is a symbolic link", hint))
    try:
        found = [] if seeds.is_symlink() else example.entries(seeds)
    except OSError as error:  # a folder it may not list: it cannot know what it would remove
        where = shown(Path(error.filename), root) if error.filename else "seeds"
        problems.append(Problem(Location(where), f"cannot be read: {error.strerror}"))
        found = []
    shipped = earlier.get(example.KEY) if is_example else None
    replaced = [p for p in found if _shipped(p, seeds, shipped)]
    theirs = [p for p in found if p not in replaced]
    if theirs and not force:
        problems.append(_would_remove(root, theirs, is_example))
    trash = root / TRASH
    if theirs and force and (trash.is_symlink() or (trash.exists() and not trash.is_dir())):
        hint = "init moves what it removes there: make it a folder, or remove it"
        problems.append(Problem(Location(TRASH), "is not a folder of the project", hint))
    problems.extend(_config_problems(root))
    if problems:
        raise InputError(problems)
    started = Started()
    try:
        _replace(root, theirs, replaced, started)
        overview = seeds / "briefing.yaml"
        fresh = overview.with_name(".briefing.yaml.new")  # replaced whole, or not at all
        if os.path.lexists(fresh):  # left by a killed run (a symlink is removed, not followed)
            fresh.unlink()
        with fresh.open("x", encoding="utf-8") as file:  # created here, or refused
            file.write("\n".join(lines) + "\n")
        fresh.replace(overview)
        site_config.repeat(root, own)
    except OSError as error:
        raise _stopped(root, error, started) from None
    started.written = [overview, root / site_config.CONFIG]
    return started


def _replace(root: Path, theirs: list[Path], replaced: list[Path], started: Started) -> None:
    """Move ``theirs`` to the trash, remove the example's own files, and leave the folders
    init empties in place and empty; ``started`` says how far it got."""
    if theirs:
        folder = trash_folder(root)
        for path in theirs:
            target = folder / path.relative_to(root)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.move(path, target)  # a symlink is moved as itself
            started.moved.append((path, target))
    for path in replaced:  # the example's own bytes, as shipped: git history keeps them
        path.unlink()
        started.removed += 1
    for name in example.FOLDERS:
        _remove_empty_folders(root / "seeds" / name)
        (root / "seeds" / name).mkdir(parents=True, exist_ok=True)


def trash_folder(root: Path) -> Path:
    """A new folder ``.briefing-trash/<date-time>/`` for what a command removes."""
    stamp = datetime.now().strftime("%Y-%m-%dT%H-%M-%S")
    for suffix in ("", *(f"-{n}" for n in range(2, 100))):
        folder = root / TRASH / (stamp + suffix)
        if not os.path.lexists(folder):
            break
    folder.mkdir(parents=True)
    return folder


def _stopped(root: Path, error: OSError, started: Started) -> InputError:
    """What to tell when the file system refused part-way: the failure at its path, and what
    was done before it, so nothing is lost from sight."""
    where = shown(Path(error.filename), root) if error.filename else "seeds"
    problem = Problem(
        Location(where), f"init stopped: {error.strerror}", "fix this and run init again"
    )
    done = [f"moved {shown(path, root)} to {shown(to, root)}" for path, to in started.moved]
    done.append(
        f"{started.removed} of the example's own files were removed (git history keeps them); "
        "nothing else was deleted."
    )
    return InputError([problem], "\n".join(done))


def _config_problems(root: Path) -> list[Problem]:
    """mkdocs.yml must be there and readable as text: init rewrites two of its lines, and
    finding out only after seeds/ was emptied would leave the work half done."""
    config = root / site_config.CONFIG
    if not config.is_file():
        return [Problem(Location(site_config.CONFIG), "file is missing", "run init in the project")]
    try:
        config.read_text(encoding="utf-8")
    except OSError as error:
        return [Problem(Location(site_config.CONFIG), f"cannot be read: {error.strerror}")]
    except UnicodeDecodeError:
        return [Problem(Location(site_config.CONFIG), "is not UTF-8 text", "save it as UTF-8")]
    return []


def _refused_by_check(lines: list[str]) -> list[Problem]:
    """What ``check`` would say of the seeds/briefing.yaml init is about to write (with no
    articles left), each problem put at the option that gave the value."""
    text = "\n".join(lines) + "\n"
    try:
        document = parse_yaml(text, "seeds/briefing.yaml")
    except InputError as error:
        found = error.problems
    else:
        found = [p for listed in schemas.check(document, schemas.BRIEFING).values() for p in listed]
        found += site_config.unsafe_for_the_theme(document)
        found += miscounted_articles(document, 0)

    def at_option(problem: Problem) -> Problem:
        line = lines[problem.location.line - 1] if 0 < problem.location.line <= len(lines) else ""
        key = line.split(":", 1)[0] if ":" in line and not line.startswith("#") else ""
        return Problem(Location(f"init --{key}" if key else "init"), problem.message, problem.hint)

    return [at_option(problem) for problem in found]


def _shipped(path: Path, seeds: Path, shipped: object) -> bool:
    """Whether the file is one the example's list names, with the bytes it lists."""
    if not isinstance(shipped, dict) or path.is_symlink() or not path.is_file():
        return False
    listed = shipped.get(path.relative_to(seeds).as_posix())
    try:
        return isinstance(listed, str) and listed == example.digest(path)
    except OSError:  # unreadable: not known to be the example's, so it is the user's
        return False


def _would_remove(root: Path, theirs: list[Path], is_example: bool) -> Problem:
    count = f"{len(theirs)} file{'s' if len(theirs) != 1 else ''}"
    if is_example:
        message = f"init would remove {count} that did not come with the example"
    else:
        message = f"seeds/ holds a briefing of your own ({count}); init would remove it"
    names = [f"\n    {shown(path, root)}" for path in theirs[:SHOWN]]
    more = [f"\n    and {len(theirs) - SHOWN} more"] if len(theirs) > SHOWN else []
    hint = (
        f"pass --force to move them to {TRASH}/<date-time>/ (nothing is deleted), "
        "or move them out of seeds/ first"
    )
    return Problem(Location("seeds/briefing.yaml"), message + ":" + "".join(names + more), hint)


def shown(path: Path, root: Path) -> str:
    """A path as printed: relative to the project, invisible characters as <U+XXXX>."""
    return visible(relative(path, root), keep="")


def _remove_empty_folders(folder: Path) -> None:
    """Remove the folders under ``folder`` that hold nothing now (never through a symlink)."""
    if folder.is_symlink() or not folder.is_dir():
        return
    for path, _, _ in os.walk(folder, topdown=False):  # walk never follows links
        if Path(path) != folder and not os.listdir(path):
            os.rmdir(path)


def _overview(path: Path) -> dict:
    """An existing seeds/briefing.yaml, or nothing if there is none it can read (a FIFO or a
    huge file is not read: init must not hang or fill memory on it)."""
    try:
        if not path.is_file() or path.stat().st_size > MAX_BYTES:
            return {}
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return {}
    return data if isinstance(data, dict) else {}
