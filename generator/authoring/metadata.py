"""What ``new-source`` is given, checked before anything is written.

The id, the kind, a real calendar date, an http(s) address and a publisher that exists (or one
it is asked to create) are checked here, each with a hint; the created publisher is written
beside the other actors, with the words of the article that name it, or, when the text does
not name it, with the provenance that vouches for it.
"""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path
from urllib.parse import urlsplit

import yaml

from generator.input import schemas
from generator.input.checks import ID, MAX_ID, RESERVED
from generator.input.evidence import SearchableText, fold
from generator.input.loading import parse_yaml
from generator.model.records import Briefing
from generator.problems import InputError, Location, Problem, did_you_mean

_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
# Control characters but tab and the line break (which has a message of its own): invisible
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_URL = re.compile(r"^https?://[^\s<>\"'\\`]+$")
ACTORS_FILE = Path("seeds/annotations/actors.yaml")
# The schemas' limit for a text value: an article's label, an actor's name, a reason
_TEXT_LIMIT = schemas.schema(schemas.ANNOTATIONS)["$defs"]["text"]["maxLength"]


def problems(source_id: str, text: str, meta: dict[str, str], briefing: Briefing) -> list[Problem]:
    """Every problem with what new-source was given, each at the option that gave it."""
    found = []

    def problem(option: str, message: str, hint: str = "") -> None:
        found.append(Problem(Location(f"new-source {option}"), message, hint))

    if not ID.match(source_id) or len(source_id) > MAX_ID:
        hint = (
            f"use up to {MAX_ID} lowercase letters, digits and single hyphens, e.g. 'gazette-2020'"
        )
        problem("ID", f"'{source_id}' is not a valid id", hint)
    elif source_id in RESERVED:
        problem(
            "ID",
            f"the id '{source_id}' is reserved for the generator's own page of each kind",
            "choose another id",
        )
    elif source_id in briefing.records:
        problem("ID", f"'{source_id}' is already the id of a record", "choose another id")
    if not text.strip():
        problem("FILE", "the article text is empty")
    if not meta.get("label", "").strip() or "\n" in meta["label"]:
        problem("--label", "the label must be one line of text")
    for option, key in (
        ("--label", "label"),
        ("--publisher-name", "publisher_name"),
        ("--provenance", "provenance"),
        ("FILE", "file"),  # its name is recorded under received:
    ):
        value = meta.get(key) or ""
        control = _CONTROL.search(value)
        if control:
            what = "the file's name" if key == "file" else "the text"
            message = f"control character U+{ord(control.group()):04X} in {what}"
            hint = "rename the file" if key == "file" else "remove it: no page can show it"
            problem(option, message, hint)
        else:  # every other rule check holds a text value to (bidi controls, non-characters)
            found.extend(_as_check_reads(f"new-source {option}", value))
        if len(value) > _TEXT_LIMIT:
            problem(
                option,
                f"is {len(value):,} characters long",
                f"shorten it to at most {_TEXT_LIMIT:,}",
            )
    kinds = schemas.schema("annotations")["$defs"]["sourceKind"]["enum"]
    if meta.get("kind") not in kinds:
        hint = did_you_mean(meta.get("kind") or "", kinds) or "one of: " + ", ".join(kinds)
        problem("--kind", f"'{meta.get('kind')}' is not a kind of source", hint)
    if meta.get("published") and not _real_date(meta["published"]):
        hint = "YYYY, YYYY-MM or YYYY-MM-DD, a date that exists (e.g. 2020-02-29)"
        problem("--published", f"'{meta['published']}' is not a calendar date", hint)
    url = meta.get("url")
    if url and not (_URL.match(url) and urlsplit(url).hostname):
        problem("--url", f"'{url}' is not an http(s) address", "e.g. https://example.org/story")
    publisher, name = meta.get("publisher"), meta.get("publisher_name")
    actors = [record.id for record in briefing.in_section("actors")]
    if name and not publisher:
        problem("--publisher-name", "names a publisher to create", "give its id with --publisher")
    elif publisher and not ID.match(publisher):
        problem("--publisher", f"'{publisher}' is not a valid id", "e.g. 'springfield-gazette'")
    elif publisher == source_id:
        problem("--publisher", f"'{publisher}' is the new source's own id", "give it another id")
    elif publisher and name and publisher in briefing.records:
        problem("--publisher-name", f"'{publisher}' exists already", "drop --publisher-name")
    elif publisher and not name and publisher not in actors:
        hint = did_you_mean(publisher, actors) or (
            "to create it, add --publisher-name 'Its name' (and --provenance if the text "
            "does not name it)"
        )
        problem("--publisher", f"no actor has the id '{publisher}'", hint)
    if meta.get("provenance") and not any(
        meta.get(key) for key in ("publisher", "published", "url")
    ):
        problem(
            "--provenance",
            "explains nothing",
            "it says how you know --publisher, --published or --url",
        )
    return found


def _as_check_reads(option: str, value: str) -> list[Problem]:
    """What check's reader says of ``value`` written as it will be (a JSON string), at the
    option that gave it."""
    try:
        parse_yaml(json.dumps(value, ensure_ascii=False), option)
    except InputError as error:
        return [Problem(Location(option), p.message, p.hint) for p in error.problems]
    return []


def _real_date(value: str) -> bool:
    found = _DATE.match(value)
    if not found:
        return False
    year, month, day = (int(part) if part else 1 for part in found.groups())
    try:
        date(year, month, day)
    except ValueError:
        return False
    return year >= 1


def new_publisher(
    root: Path, source_id: str, meta: dict[str, str], text: str, found: list[Problem]
) -> tuple[Path, str] | None:
    """The actors file with the new publisher added, as (path, content); or a problem."""
    name, actor_id = meta["publisher_name"], meta["publisher"]
    record = {"id": actor_id, "name": name, "kind": "publication"}
    places = SearchableText(text).places(fold(name)) if name.strip() else []
    if places:
        quote = {"source": source_id, "quote": name}
        record["evidence"] = [quote | ({"occurrence": 1} if len(places) > 1 else {})]
    elif not meta.get("provenance"):
        message = f"the article's text does not name '{name}'"
        hint = "say how you know the publisher with --provenance 'REASON'"
        found.append(Problem(Location("new-source --publisher-name"), message, hint))
        return None
    item = "  - " + json.dumps(record, ensure_ascii=False) + "\n"
    path = root / ACTORS_FILE
    if not path.exists():
        header = "# yaml-language-server: $schema=../../generator/schemas/annotations.schema.json\n"
        return path, f"{header}actors:\n{item}"
    content = path.read_text(encoding="utf-8")
    if not _ends_with_actors(content):
        message = "cannot add the publisher here: the file does not end with its actors: list"
        found.append(Problem(Location(ACTORS_FILE.as_posix()), message, f"add it by hand:\n{item}"))
        return None
    return path, content + ("" if content.endswith("\n") else "\n") + item


def _ends_with_actors(content: str) -> bool:
    """Whether a line appended to the file joins its last key, a block list of actors."""
    try:
        node = yaml.compose(content, Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        return False
    if not isinstance(node, yaml.MappingNode) or not node.value:
        return False
    key, value = node.value[-1]
    block = isinstance(value, yaml.SequenceNode) and not value.flow_style
    return key.value == "actors" and block and "\n  - " in content[value.start_mark.index - 1 :]
