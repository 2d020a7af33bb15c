"""The briefing as data: schema.org JSON-LD on record pages, and JSON and CSV downloads.

Downloads hold the records as validated, plus what the build established: where each quote
stands in its article (paragraph and passage anchor) and the address of each record's page.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Callable
from typing import Any

from generator.input.evidence import inside_quotation_marks
from generator.input.marks import CLAUSE_MARKS, FULL_WIDTH_STOPS, QUOTATION_MARKS, SPACED_STOPS
from generator.model.kinds import KINDS
from generator.model.records import ANALYST, Briefing, Evidence, Record
from generator.render import markup


def page_url(record: Record) -> str:
    """The record's address, relative to the site root (JSON-LD ids are relative to the page)."""
    return f"{record.section}/{record.id}/"


def json_ld(briefing: Briefing, record: Record) -> str:
    """The record's schema.org data, for its page's ``<script>`` block (``markup.json_ld``)."""
    data = {"@context": "https://schema.org", **_thing(briefing, record, depth=0)}
    return markup.json_ld(data)


def refs(briefing: Briefing, ids: tuple[str, ...]) -> dict[str, Any] | list[dict[str, Any]]:
    """One reference, or a list of them when several actors spoke together."""
    found = [ref(briefing, i) for i in ids]
    return found[0] if len(found) == 1 else found


def ref(briefing: Briefing, record_id: str) -> dict[str, Any]:
    return _thing(briefing, briefing.records[record_id], depth=1)


def _thing(briefing: Briefing, record: Record, depth: int) -> dict[str, Any]:
    """schema.org for one record; ``depth`` 1 gives the short form used inside another."""
    kind = KINDS[record.section]
    data: dict[str, Any] = {"@id": f"../../{page_url(record)}", "name": record.label}
    data["@type"] = kind.schema_org
    data.update(kind.json_ld(briefing, record, depth))
    if not depth and (record.inferred or record.get("provenance")):
        data["additionalProperty"] = _caveats(record)
    return data


def _caveats(record: Record) -> list[dict[str, str]]:
    """What the sources do not state outright, field by field, with the analyst's reason:
    inferred from the text, or known from where the file came from."""
    inferred = [property_value("inferred", why, f) for f, why in sorted(record.inferred.items())]
    known = record.get("provenance", {})
    return inferred + [
        property_value("known from provenance", why, f) for f, why in sorted(known.items())
    ]


def property_value(name: str, value: str, field: str = "") -> dict[str, str]:
    found = {"@type": "PropertyValue", "name": name, "value": value}
    return found | ({"propertyID": field} if field else {})


def quotations(briefing: Briefing, claim: Record, evidence: Evidence) -> list[dict[str, Any]]:
    """A ``Quotation`` for each run of the passage inside quotation marks in its article."""
    text = briefing.articles[evidence.source].text
    quoted = [
        {
            "@type": "Quotation",
            "text": words,
            "spokenByCharacter": refs(briefing, claim.speakers),
            "isPartOf": ref(briefing, evidence.source),
            "url": f"../../sources/{evidence.source}/#{evidence.anchor}",
        }
        for words in inside_quotation_marks(text, evidence.start, evidence.end)
    ]
    foreign = briefing.foreign(evidence.source)
    if foreign:
        quoted = [found | {"inLanguage": foreign} for found in quoted]
    if evidence.translation and len(quoted) == 1 and _whole(quoted[0]["text"], evidence.quote):
        quoted[0]["workTranslation"] = _translation(briefing, evidence)
    return quoted


# What may stand around a speaker's words in a passage that holds nothing else
_AROUND = QUOTATION_MARKS + SPACED_STOPS + FULL_WIDTH_STOPS + CLAUSE_MARKS + " \u00a0\u202f\n"


def _whole(words: str, quote: str) -> bool:
    """Whether the speaker's ``words`` are the whole passage quoted: its translation is then
    theirs. A passage with the reporter's words too ("..., the director said") is translated
    whole, and its translation is not given as the speaker's."""
    return " ".join(words.split()).strip(_AROUND) == " ".join(quote.split()).strip(_AROUND)


def _translation(briefing: Briefing, evidence: Evidence) -> dict[str, Any]:
    """The evidence's translation, with its language and its translator where an actor made it."""
    translation = {
        "@type": "Quotation",
        "text": evidence.translation,
        "inLanguage": briefing.language,
    }
    if evidence.translated_by != ANALYST:
        translation["translator"] = ref(briefing, evidence.translated_by)
    return translation


Rows = Callable[..., Callable[[Record], str]]


def records_json(briefing: Briefing, rows: Rows) -> str:
    """Every record, with its page and the located evidence: the whole briefing in one file.
    ``rows(fmt, make, *args)`` gives ``make(record, *args)`` as a function of the record
    (``Renderer.rows``)."""
    row = rows("json", json_row)
    data = {"title": _json(briefing.title), "topic": _json(briefing.topic)}
    for section in KINDS:
        data[section] = "[" + ",".join(map(row, briefing.in_section(section))) + "]"
    # What json.dumps(..., sort_keys=True) writes, put together from each record's JSON
    return "{" + ",".join(f"{_json(k)}:{v}" for k, v in sorted(data.items())) + "}\n"


def json_row(record: Record) -> str:
    return _json(_record_data(record))


def _json(value: Any) -> str:
    # Compact: json's C encoder does not indent, and indenting took most of the file's time
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def _record_data(record: Record) -> dict[str, Any]:
    parts = KINDS[record.section].parts_with_evidence  # written located, as the evidence
    data = {k: v for k, v in record.fields.items() if k != "evidence" and k not in parts}
    data["page"] = page_url(record)
    if record.evidence:
        data["evidence"] = [_located(e) for e in record.evidence]
    if record.roles:
        data["roles"] = [
            {k: v for k, v in (("title", r.title), ("of", r.of), ("date", r.date)) if v}
            | {"evidence": _located(r.evidence)}
            for r in record.roles
        ]
    if record.steps:
        data["events"] = [
            {"event": e.event}
            | ({"date": e.date} if e.date else {})
            | ({"inferred": {"date": e.inferred}} if e.inferred else {})
            | {"evidence": _located(e.evidence)}
            for e in record.steps
        ]
    return data


def _located(evidence: Evidence) -> dict[str, Any]:
    located = {
        "source": evidence.source,
        "quote": evidence.quote,
        "paragraph": evidence.paragraph,
        "passage": f"sources/{evidence.source}/#{evidence.anchor}",
    }
    if evidence.translation:
        located |= {"translation": evidence.translation, "translated_by": evidence.translated_by}
    return located


def csv_table(briefing: Briefing, section: str, rows: Rows) -> str:
    """One row per record; lists joined with '; ', evidence as its sources and quotes."""
    header = csv_columns(briefing, section)
    row = rows("csv", csv_row, tuple(header[1:-4]))
    return _csv_line(header) + "".join(map(row, briefing.in_section(section)))


def csv_row(record: Record, names: tuple[str, ...]) -> str:
    cells = [record.id, *(_cell(record.get(name)) for name in names), page_url(record)]
    cells.append("; ".join(e.source for e in record.evidence))
    cells.append(" | ".join(" ".join(e.quote.split()) for e in record.evidence))
    cells.append(_cell(record.inferred))
    return _csv_line(cells)


# A cell a spreadsheet would run as a formula (OWASP's CSV injection list), unless a number
_FORMULA = re.compile(r"^[=+\-@\t\r]")
_NUMBER = re.compile(r"^-?\d+(\.\d+)?$")


def _csv_line(cells: list[str]) -> str:
    stream = io.StringIO()
    csv.writer(stream, lineterminator="\n").writerow(map(_inert, cells))
    return stream.getvalue()


def _inert(cell: str) -> str:
    """The cell, with a leading apostrophe if a spreadsheet would read it as a formula."""
    return f"'{cell}" if _FORMULA.match(cell) and not _NUMBER.match(cell) else cell


def csv_columns(briefing: Briefing, section: str) -> list[str]:
    """The header of a section's table: the fields its records have, beside id and evidence."""
    records = briefing.in_section(section)
    apart = {"id", "evidence", "inferred", *KINDS[section].parts_with_evidence}  # not as cells
    names = sorted({k for r in records for k in r.fields} - apart)
    return ["id", *names, "page", "evidence_sources", "evidence_quotes", "inferred"]


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return "; ".join(_cell(item) for item in value)
    if isinstance(value, dict):
        return "; ".join(f"{k}: {_cell(v)}" for k, v in sorted(value.items()))
    return str(value)
