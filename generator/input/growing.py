"""Records grown from other files: what an article's annotation adds, under ``more_evidence``,
to a record defined elsewhere, so that no one edits another article's file.

Besides evidence, an addition may carry what its kind lists with evidence of its own (an
actor's ``aliases`` and ``roles``, a measure's ``events``): checked as if written on the record
itself, and appended after the record's own, in the order the files are read. Checked after
every file's own records (each addition is a few quotes), so that what a file's records come
out as depends on that file alone (see ``ValidationSteps.check_records``).
"""

from __future__ import annotations

from collections.abc import Mapping

from generator.input import schemas
from generator.input.checks import check_record, unknown_id
from generator.input.quotes import Quotes
from generator.input.raw import Raw, a_or_an, as_list
from generator.model.kinds import ACTORS, KINDS
from generator.model.records import Record
from generator.problems import Problem


def _extras() -> tuple[str, ...]:
    """What an addition may carry besides its record and evidence: its schema's other fields,
    each allowed for a kind whose own definition has that field (aliases and roles: an
    actor's). Read when a run checks additions, not at import: the schema is composed from the
    kinds' fragments, which the registry's start-up check reports on if one is broken."""
    defined = schemas.schema(schemas.ANNOTATIONS)["$defs"]["moreEvidence"]["properties"]
    return tuple(name for name in defined if name not in ("record", "evidence"))


def grown(
    records: list[Record],
    additions: list[Raw],
    sections: dict[str, str],
    quotes: Quotes,
    problems: list[Problem],
    drafted: Mapping[str, str],
) -> list[Record]:
    """The records, with what the files of later articles add to them."""
    by_id = {record.id: record for record in records}
    added: dict[str, int] = {}
    for raw in additions:
        target = raw.data["record"]
        if target not in sections:
            candidates = list(sections)
            problems.append(unknown_id(raw.locate("record"), target, "record", candidates, drafted))
            continue
        kind = KINDS.get(sections[target])  # none for a duplicated id, told already
        if kind and not kind.evidenced:
            message = f"'{target}' is {a_or_an(kind.name)}, which takes no evidence"
            hint = "add the evidence to the claims the question lists"
            problems.append(Problem(raw.locate("record"), message, hint))
            continue
        if target not in by_id:  # a duplicate id, or a record that failed its schema: told already
            continue
        record = by_id[target]
        allowed = _allowed(record.section)
        problems.extend(_misplaced(raw, record.section, allowed))
        added[target] = added.get(target, 0) + 1
        # '_' cannot occur in an id: the anchors of its evidence never clash with the record's own
        data = {
            "id": f"{target}_more{added[target]}",
            **{name: raw.data[name] for name in ("evidence", *allowed) if name in raw.data},
        }
        part = check_record(
            raw._replace(section=record.section, data=data), sections, quotes, problems, drafted
        )
        by_id[target] = _with(record, part)
    return list(by_id.values())


def _allowed(section: str) -> tuple[str, ...]:
    own = schemas.schema(schemas.ANNOTATIONS)["$defs"][KINDS[section].name]["properties"]
    return tuple(name for name in _extras() if name in own)


def _misplaced(raw: Raw, section: str, allowed: tuple[str, ...]) -> list[Problem]:
    """A problem for each field the addition carries that the record's kind does not have."""
    kind = a_or_an(KINDS[section].name)
    *rest, last = ("evidence", *allowed)
    takes = f"{', '.join(rest)} and {last}" if rest else last
    problems = []
    for name in _extras():
        if name in raw.data and name not in allowed:
            owners = " or ".join(
                a_or_an(k.name) for k in KINDS.values() if name in _allowed(k.plural)
            )
            problems.append(
                Problem(
                    raw.locate(name, key=True),
                    f"'{raw.data['record']}' is {kind}, which has no {name}",
                    f"remove {name} here: {owners} has {name}; {kind} takes {takes} here",
                )
            )
    return problems


def _with(record: Record, part: Record) -> Record:
    """``record`` with the evidence, aliases, roles and events of ``part`` after its own."""
    fields = dict(record.fields)
    for name, value in part.fields.items():
        if name != "id":
            fields[name] = [*as_list(record.fields.get(name)), *as_list(value)]
    return Record(
        record.section,
        record.id,
        record.evidence + part.evidence,
        fields,
        record.roles + part.roles,
        record.steps + part.steps,
        record.location,
    )


def alias_problems(raw: list[Raw], additions: list[Raw]) -> list[Problem]:
    """An alias an addition gives an actor that already has that name, and any alias, its own
    or added, that is another actor's name (two records for one actor, or one name for two).
    Names are compared as a reader does, case and spacing aside."""
    actors = [record for record in raw if record.section == ACTORS]
    owner: dict[str, str] = {}
    for actor in actors:
        owner.setdefault(_spelled(actor.data.get("name")), actor.data["id"])
    known = {
        a.data["id"]: {_spelled(n) for n in (a.data.get("name"), *as_list(a.data.get("aliases")))}
        for a in actors
    }
    problems = []
    given = [(a, a.data["id"], i, alias, False) for a in actors for i, alias in _aliases(a)]
    given += [(a, a.data["record"], i, alias, True) for a in additions for i, alias in _aliases(a)]
    for place, actor, index, alias, added in given:
        if actor not in known:  # an addition to no actor: told already
            continue
        if added and _spelled(alias) in known[actor]:
            message = f"'{alias}' is already a name of '{actor}'"
            hint = "remove it here: the actor has that name or alias already"
            problems.append(Problem(place.locate("aliases", index), message, hint))
            continue
        known[actor].add(_spelled(alias))
        other = owner.get(_spelled(alias), actor)
        if other != actor:
            problems.append(
                Problem(
                    place.locate("aliases", index),
                    f"the alias '{alias}' of '{actor}' is the name of another actor, '{other}'",
                    "remove the alias; or, if both records are one actor, merge them",
                )
            )
    return problems


def _aliases(raw: Raw) -> list[tuple[int, str]]:
    return [(i, a) for i, a in enumerate(as_list(raw.data.get("aliases"))) if isinstance(a, str)]


def _spelled(name: object) -> str:
    return " ".join(name.split()).casefold() if isinstance(name, str) else ""
