"""What ``new-source`` is given, checked before anything is written.

The id, the kind, a real calendar date, an http(s) address, a publisher that exists (or one
it is asked to create) and a reason for each field known from provenance are checked here, each
with a hint; a created publisher (or author, named by an imported page) is written beside the
other actors, with the words of the article that name it, or, when the text does not name it,
with the provenance that vouches for it.
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


def actors_file(source_id: str) -> Path:
    """Where new-source puts the actors it makes for an article (its publisher, its author): a
    file of the article's own, so that people adding articles at once do not all edit one
    shared file. An id holds no dot, so no article's annotation file can have this name."""
    return Path("seeds/annotations") / f"{source_id}.actors.yaml"


# The fields a reason under provenance: can explain (annotations.schema.json's provenance)
PROVENANCE_FIELDS = tuple(
    schemas.schema(schemas.ANNOTATIONS)["$defs"]["provenance"]["propertyNames"]["enum"]
)
_REASON = re.compile(r"^\s*([a-z_]+)\s*=(.*)$", re.DOTALL)
# The schemas' limit for a text value: an article's label, an actor's name, a reason
_TEXT_LIMIT = schemas.schema(schemas.ANNOTATIONS)["$defs"]["text"]["maxLength"]


def reasons(given: list[str]) -> tuple[dict[str, str], list[Problem]]:
    """``--provenance FIELD=REASON`` options as {field: reason}, and a problem for each that
    names no field, a field provenance cannot explain, or a field twice."""
    found: dict[str, str] = {}
    wrong: list[Problem] = []
    fields = ", ".join(PROVENANCE_FIELDS)
    for option in given:
        match = _REASON.match(option)
        if not match:
            message = f"'{option}' names no field"
            hint = f'give a reason per field: --provenance publisher="REASON" (fields: {fields})'
        elif match.group(1) not in PROVENANCE_FIELDS:
            message = f"'{match.group(1)}' is not a field provenance explains"
            hint = did_you_mean(match.group(1), PROVENANCE_FIELDS) or f"one of: {fields}"
        elif match.group(1) in found:
            message, hint = f"gives the {match.group(1)} two reasons", "give it one"
        elif not match.group(2).strip():
            message = f"gives the {match.group(1)} no reason"
            hint = f'say how you know it: --provenance {match.group(1)}="REASON"'
        else:
            found[match.group(1)] = match.group(2).strip()
            continue
        wrong.append(Problem(Location("new-source --provenance"), message, hint))
    return found, wrong


def problems(source_id: str, text: str, meta: dict, briefing: Briefing) -> list[Problem]:
    """Every problem with what new-source was given, each at the option that gave it.
    ``meta["provenance"]`` is {field: reason}; ``meta["replace"]``, when true, lets the id be
    the article's own."""
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
    elif source_id in briefing.records and not (
        meta.get("replace") and briefing.records[source_id].section == "sources"
    ):
        problem("ID", f"'{source_id}' is already the id of a record", "choose another id")
    if not text.strip():
        problem("FILE", "the article text is empty")
    if not (meta.get("label") or "").strip():
        problem("--label", "no label given, and the file has no title to take it from")
    elif "\n" in meta["label"]:
        problem("--label", "the label must be one line of text")
    given = [
        ("--label", "label", meta.get("label")),
        ("--publisher-name", "publisher_name", meta.get("publisher_name")),
        ("FILE", "author_name", meta.get("author_name")),  # the author an imported page names
        ("FILE", "file", meta.get("file")),  # its name is recorded under received:
    ]
    reasons = meta.get("provenance") or {}
    given += [("--provenance", "provenance", reason) for reason in reasons.values()]
    for option, key, value in given:
        value = value or ""
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
    if meta.get("published") and not real_date(meta["published"]):
        hint = "YYYY, YYYY-MM or YYYY-MM-DD, a date that exists (e.g. 2020-02-29)"
        problem("--published", f"'{meta['published']}' is not a calendar date", hint)
    url = meta.get("url")
    if url and not is_address(url):
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
    for field in reasons:
        if not meta.get(field):
            given_by = "the page names none" if field == "author" else f"give --{field} too"
            problem("--provenance", f"explains the {field}, which is not given", given_by)
    return found


def unusable(value: str) -> str:
    """Why a text taken from elsewhere (a page's metadata) cannot be stored as it is, by the
    rules the options are held to; '' when it can."""
    control = _CONTROL.search(value)
    if control:
        return f"control character U+{ord(control.group()):04X}"
    problems = _as_check_reads("", value)
    if problems:
        return problems[0].message
    return f"{len(value):,} characters long" if len(value) > _TEXT_LIMIT else ""


def is_address(url: str) -> bool:
    return bool(_URL.match(url) and urlsplit(url).hostname)


def _as_check_reads(option: str, value: str) -> list[Problem]:
    """What check's reader says of ``value`` written as it will be (a JSON string), at the
    option that gave it."""
    try:
        parse_yaml(json.dumps(value, ensure_ascii=False), option)
    except InputError as error:
        return [Problem(Location(option), p.message, p.hint) for p in error.problems]
    return []


def real_date(value: str) -> bool:
    found = _DATE.match(value)
    if not found:
        return False
    year, month, day = (int(part) if part else 1 for part in found.groups())
    try:
        date(year, month, day)
    except ValueError:
        return False
    return year >= 1


def new_actors(
    root: Path, source_id: str, meta: dict, text: str, found: list[Problem]
) -> tuple[Path, str] | None:
    """The article's actors file (``actors_file``) with the new publisher (``publisher_name``)
    and author (``author_name``, from an imported page) added, as (path, content); or a
    problem."""
    items = []
    for field, kind in (("publisher", "publication"), ("author", "person")):
        name, actor_id = meta.get(f"{field}_name"), meta.get(field)
        if not name or not actor_id:
            continue
        record: dict = {"id": actor_id, "name": name, "kind": kind}
        places = SearchableText(text).places(fold(name)) if name.strip() else []
        if places:
            quote = {"source": source_id, "quote": name}
            record["evidence"] = [quote | ({"occurrence": 1} if len(places) > 1 else {})]
        elif field not in (meta.get("provenance") or {}):
            message = f"the article's text does not name '{name}'"
            hint = f'say how you know the {field} with --provenance {field}="REASON"'
            found.append(Problem(Location(f"new-source --{field}-name"), message, hint))
            return None
        items.append("  - " + json.dumps(record, ensure_ascii=False) + "\n")
    path = root / actors_file(source_id)
    if not path.exists():
        header = "# yaml-language-server: $schema=../../generator/schemas/annotations.schema.json\n"
        return path, f"{header}actors:\n" + "".join(items)
    content = path.read_text(encoding="utf-8")
    emptied, count = re.subn(r"(?m)^actors:[ \t]*\[\][ \t]*$\n?\Z", "actors:\n", content)
    if count:  # its last key, a list left empty (by remove-source): the items start it again
        return path, emptied + "".join(items)
    if not _ends_with_actors(content):
        message = "cannot add the actors here: the file does not end with its actors: list"
        hint = "add them by hand:\n" + "".join(items)
        found.append(Problem(Location(actors_file(source_id).as_posix()), message, hint))
        return None
    return path, content + ("" if content.endswith("\n") else "\n") + "".join(items)


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
    first = content.splitlines()[value.start_mark.line]  # its items indented as ours are
    return key.value == "actors" and block and first.startswith("  - ")
