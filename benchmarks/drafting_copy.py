"""A copy of a project without one of its articles, as it stood before that article came.

The article's file goes, with its annotation file, every record evidenced only by it (in any
file: an actor in actors.yaml too), the evidence it gave records that other articles evidence
as well (their roles and events from it, their ``more_evidence`` from it), and the questions
and judgments that cite a record that went. What remains may not name what went: a reference
in a field the schema requires takes its record with it, any other is dropped with its
``inferred`` reason. The copy is then what the drafter sees when the article is added anew, and
``generator check`` accepts it (``without_article`` verifies that it does).
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml

from generator import pipeline
from generator.kinds import KINDS
from generator.model.records import Briefing

SCHEMA = Path(pipeline.__file__).parent / "schemas" / "annotations.schema.json"
CITING = ("questions", "judgments")  # the analyst's framing: removed whole when a cited record goes


def without_article(root: Path, article: str, copy: Path) -> Briefing:
    """Write into ``copy`` (new) the project ``root`` without ``article``; return the copy's
    checked briefing (an InputError if the removal left something ``check`` refuses)."""
    copy.mkdir(parents=True)
    shutil.copytree(root / "seeds", copy / "seeds", symlinks=True)
    if (root / "mkdocs.yml").exists():  # check compares its site_name with briefing.yaml's
        shutil.copy2(root / "mkdocs.yml", copy / "mkdocs.yml")
    (copy / "seeds" / "articles" / f"{article}.txt").unlink()
    folder = copy / "seeds" / "annotations"
    own = folder / f"{article}.yaml"
    files = {
        path: yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for path in sorted(folder.rglob("*.yaml"))
    }
    gone = {record["id"] for _, record in _records(files.pop(own, {}))}
    own.unlink(missing_ok=True)
    kept = {path: data for path, data in files.items() if not data.get("draft")}
    changed = remove_article(kept, article, _required(), gone)
    for path in changed:
        text = yaml.safe_dump(kept[path], sort_keys=False, allow_unicode=True, width=100)
        path.write_text(text, encoding="utf-8")
    return pipeline.check(copy, cached=False)


def remove_article(
    files: dict[Path, dict[str, Any]], article: str, required: dict, gone: set[str]
) -> set[Path]:
    """Remove, in place, what ``article`` evidenced and what cites it or what ``gone`` names
    (its own file's records); return the files changed. ``required``: each section's required
    fields (from the schema)."""
    changed: set[Path] = set()
    emptied: list[tuple[Path, dict[str, Any]]] = []  # records that only the article evidenced
    added: dict[str, list[tuple[Path, dict[str, Any]]]] = {}  # more_evidence, by record
    for path, data in files.items():
        for _, record in _records(data):
            had = any(e["source"] == article for e in record.get("evidence") or [])
            if _strip_evidence(record, article):
                changed.add(path)
            if had and not record["evidence"]:
                emptied.append((path, record))
        for entry in data.get("more_evidence") or []:  # with the roles and events they add
            if _strip_evidence(entry, article):
                changed.add(path)
            if entry["evidence"]:
                added.setdefault(entry["record"], []).append((path, entry))
        if "more_evidence" in data:
            data["more_evidence"] = [e for e in data["more_evidence"] or [] if e["evidence"]]
    for path, record in emptied:  # another article's addition becomes its own evidence
        if not added.get(record["id"]):
            gone.add(record["id"])
            continue
        where, entry = added[record["id"]].pop(0)
        record["evidence"] = entry["evidence"]
        for part in ("aliases", "roles", "events"):  # what the addition grew it by
            record[part] = (record.get(part) or []) + entry.get(part, [])
            if not record[part]:
                del record[part]
        files[where]["more_evidence"].remove(entry)
        changed.update((path, where))
    while True:  # a removal may take records that refer to it, and so on
        before = len(gone)
        for path, data in files.items():
            for section, record in list(_records(data)):
                if record["id"] in gone:
                    data[section].remove(record)
                    changed.add(path)
                elif _drop_references(section, record, gone, required[section]):
                    changed.add(path)
                    if record["id"] in gone:
                        data[section].remove(record)
            if data.get("more_evidence"):
                left = [e for e in data["more_evidence"] if e["record"] not in gone]
                for entry in left:  # a role it adds may be of an actor that went
                    roles = [r for r in entry.get("roles") or [] if r.get("of") not in gone]
                    if len(roles) != len(entry.get("roles") or []):
                        entry["roles"] = roles
                        changed.add(path)
                changed.update([path] if len(left) != len(data["more_evidence"]) else [])
                data["more_evidence"] = left
        if len(gone) == before:
            return changed


def _required() -> dict[str, set[str]]:
    definitions = json.loads(SCHEMA.read_text(encoding="utf-8"))["$defs"]
    return {plural: set(definitions[kind.name]["required"]) for plural, kind in KINDS.items()}


def _records(data: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    for section in KINDS:
        for record in data.get(section) or []:
            yield section, record


def _strip_evidence(record: dict[str, Any], article: str) -> bool:
    """Remove the article's evidence, and the roles and events it evidenced; True if any."""
    changed = False
    if record.get("evidence"):
        left = [e for e in record["evidence"] if e["source"] != article]
        changed = len(left) != len(record["evidence"])
        record["evidence"] = left
    for part in ("roles", "events"):
        if record.get(part):
            left = [p for p in record[part] if p["evidence"]["source"] != article]
            if len(left) != len(record[part]):
                changed = True
                record[part] = left
                if not left:
                    del record[part]
                    _drop_inferred(record, part)
    return changed


def _drop_references(section: str, record: dict, gone: set[str], required: set[str]) -> bool:
    """Drop the references ``record`` makes to ``gone``; a required one (or any, for the
    analyst's framing) puts the record itself in ``gone``. True if the record changed."""
    changed = False
    for name in KINDS[section].references:
        outer, _, inner = name.partition(".")
        if outer == "roles" and record.get("roles"):
            left = [role for role in record["roles"] if role.get("of") not in gone]
            if len(left) != len(record["roles"]):
                changed, record["roles"] = True, left
            continue
        holder = record.get(outer) if inner else record
        field = inner or outer
        if not isinstance(holder, dict) or field not in holder:
            continue
        value = holder[field]
        names = [value] if isinstance(value, str) else list(value)
        left = [target for target in names if target not in gone]
        if len(left) == len(names):
            continue
        changed = True
        if section in CITING or (not left and outer in required):
            gone.add(record["id"])
        elif not left:
            del record[outer]  # a grade's whole credibility goes with its corroboration
            _drop_inferred(record, outer)
        else:
            holder[field] = left
    return changed


def _drop_inferred(record: dict[str, Any], name: str) -> None:
    if isinstance(record.get("inferred"), dict):
        record["inferred"].pop(name, None)
        if not record["inferred"]:
            del record["inferred"]
