"""The briefing as frozen records, plus the indexes and backlinks the pages need.

Records refer to each other only by id. ``Briefing.referrers`` is built once, by walking every
reference the records make, so that each page can show the links pointing at it without any
template searching the whole corpus. The model is plain data, and knows nothing of who reads
it: a caller may wrap a briefing to note what each page reads.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from types import MappingProxyType
from typing import Any

from generator import i18n
from generator.i18n import N_, Words, _
from generator.model.articles import Article
from generator.model.kinds import KINDS
from generator.model.network import Network
from generator.problems import Location

SECTIONS = KINDS.keys()  # each kind's plural, in the registry's order
# How a figure's qualifier says its number ("exactly" says it alone)
QUALIFIED = Words(
    {
        "about": N_("about %(number)s"),
        "nearly": N_("nearly %(number)s"),
        "more-than": N_("more than %(number)s"),
        "at-least": N_("at least %(number)s"),
    }
)
ANALYST = "analyst"  # who translated quoted words, when no actor did (evidence's translated_by)


class _ReferenceFields(Mapping[str, Mapping[str, "str | tuple[str, ...] | None"]]):
    """Which fields of a record name other records, with the section each named record must
    be in (None: any section), by section: each kind's ``references``. Validation and
    backlinks both read this one table; it reads the registry when asked, not when imported."""

    def __getitem__(self, section: str) -> Mapping[str, str | tuple[str, ...] | None]:
        return KINDS[section].references

    def __iter__(self) -> Iterator[str]:
        return iter(KINDS)

    def __len__(self) -> int:
        return len(KINDS)


REFERENCE_FIELDS = _ReferenceFields()


def references(section: str, data: dict[str, Any]) -> Iterator[tuple[str, str, tuple]]:
    """Yield (field, target id, path inside the record) for every reference ``data`` makes.

    Tolerates malformed data (schema problems are reported elsewhere), so that one run can
    report a record's bad shape and its broken references together.
    """
    for name in REFERENCE_FIELDS.get(section, {}):
        outer, _, inner = name.partition(".")
        if not inner:
            yield from _targets(name, data.get(name), (name,))
        elif isinstance(data.get(outer), dict):  # 'credibility.corroborated_by'
            yield from _targets(name, data[outer].get(inner), (outer, inner))
        else:  # 'roles.of': the 'of' of each role
            for index, item in _items(data, outer):
                yield from _targets(name, item.get(inner), (outer, index, inner))
    for at, item in evidence_items(data, section):
        if isinstance(item.get("source"), str):
            yield "evidence", item["source"], (*at, "source")
        if isinstance(item.get("translated_by"), str) and item["translated_by"] != ANALYST:
            yield "translated_by", item["translated_by"], (*at, "translated_by")


def _targets(name: str, value: Any, at: tuple) -> Iterator[tuple[str, str, tuple]]:
    """The ids a field's value names: one, or a list of them."""
    if isinstance(value, str):
        yield name, value, at
    elif isinstance(value, list):
        for index, target in enumerate(value):
            if isinstance(target, str):
                yield name, target, (*at, index)


def evidence_items(data: dict[str, Any], section: str) -> Iterator[tuple[tuple, dict[str, Any]]]:
    """Every evidence mapping in a record of ``section`` (its own, and its parts' that carry
    evidence: an actor's roles, a measure's events), with its path. Another kind's field of
    the same name as a part is that kind's own field."""
    for index, item in _items(data, "evidence"):
        yield ("evidence", index), item
    kind = KINDS.get(section)
    for name in kind.parts_with_evidence if kind else ():
        for index, part in _items(data, name):
            if isinstance(part.get("evidence"), dict):
                yield (name, index, "evidence"), part["evidence"]


def _items(data: dict[str, Any], name: str) -> Iterator[tuple[int, dict[str, Any]]]:
    value = data.get(name)
    for index, item in enumerate(value if isinstance(value, list) else []):
        if isinstance(item, dict):
            yield index, item


@dataclass(frozen=True)
class Evidence:
    source: str
    quote: str
    paragraph: int = 0  # anchor #p<paragraph> on the source's page
    start: int = 0  # where the quoted words stand in the article's text
    end: int = 0
    anchor: str = ""  # id of the marked passage on the source's page
    translation: str = ""  # the words in the briefing's language, from another article's
    translated_by: str = ""  # an actor's id, or ANALYST


@dataclass(frozen=True)
class Role:
    title: str
    evidence: Evidence
    of: str = ""
    date: str = ""


@dataclass(frozen=True)
class Step:
    """A dated step of a measure (announced, announced again, in effect), with its evidence."""

    event: str
    evidence: Evidence
    date: str = ""
    inferred: str = ""  # the reasoning for its date, when the source does not state it

    @property
    def label(self) -> str:
        return self.event.replace("-", " ")

    @property
    def inferred_as(self) -> str:
        """How the record's list of inferences names this event's date."""
        return f"date of the {self.label} event"


@dataclass(frozen=True)
class Record:
    """Fields every record has. ``fields`` keeps the validated data for the fields of its kind,
    read as ``record["summary"]`` or ``record.get("tags")`` (a template's ``claim.summary``
    finds the same through Jinja's fallback from attribute to item).

    ``location`` is where the record's mapping starts in its file (an article's: its front
    matter), as the loader marked it. It is not part of what the record is: a record moved
    down its file is the same record, and no page shows where it was written.

    ``named``: the ids each of its reference fields names (see ``references``), found from
    ``fields`` when not given; a store that keeps records gives what it found then."""

    section: str  # the plural the pages live under: actors, claims, ...
    id: str
    evidence: tuple[Evidence, ...]
    fields: Mapping[str, Any] = field(repr=False, hash=False)
    roles: tuple[Role, ...] = ()
    steps: tuple[Step, ...] = ()  # a measure's dated events
    location: Location = field(default=Location(""), compare=False)
    named: Mapping[str, tuple[str, ...]] = field(default=None, compare=False, repr=False)  # type: ignore

    def __post_init__(self) -> None:
        if not isinstance(self.fields, MappingProxyType):  # a copy: the loader's data stays its own
            object.__setattr__(self, "fields", MappingProxyType(dict(self.fields)))
        if self.named is None:
            found: dict[str, list[str]] = {}
            for name, target, _ in references(self.section, self.fields):
                found.setdefault(name, []).append(target)
            named = {name: tuple(ids) for name, ids in found.items()}
            object.__setattr__(self, "named", named)

    def __getitem__(self, name: str) -> Any:
        return self.fields[name]

    def __contains__(self, name: str) -> bool:
        return name in self.fields

    def get(self, name: str, default: Any = None) -> Any:
        return self.fields.get(name, default)

    @property
    def label(self) -> str:
        """How links to this record read (its kind says)."""
        return KINDS[self.section].label(self)

    @property
    def parts(self) -> tuple[Role | Step, ...]:
        """Its parts that carry evidence of their own: an actor's roles, a measure's events."""
        return (*self.roles, *self.steps)

    @property
    def quantity(self) -> str:
        """A figure as a reader says it, in the language in use: 'more than 1,600 arrests'."""
        number = i18n.number(self["value"])
        qualifier = self.fields.get("qualifier", "exactly")
        if qualifier in QUALIFIED:
            number = QUALIFIED[qualifier] % {"number": number}
        return _("%(number)s %(unit)s") % {"number": number, "unit": self["unit"]}

    @property
    def speakers(self) -> tuple[str, ...]:
        """Who made a claim: one actor, several speaking together, or none when the source
        reports a view without saying whose (``form: unattributed``)."""
        speaker = self.fields.get("speaker", ())
        return (speaker,) if isinstance(speaker, str) else tuple(speaker)

    @property
    def inferred(self) -> dict[str, str]:
        """Fields the source does not state outright, with the reasoning for each; a measure's
        inferred event dates among them."""
        own = self.fields.get("inferred", {})
        if not any(step.inferred for step in self.steps):
            return own
        return {**own, **{e.inferred_as: e.inferred for e in self.steps if e.inferred}}


@dataclass(frozen=True)
class Briefing:
    # the analyst's own words (title, topic, description, about), the language they are in
    # (language), the likelihood scale's rows its judgments use (scale) and whose words they
    # are (scale_words: 'ICD 203', 'translated' or 'own'), and where the site is published
    # (site_url, '' for nowhere known)
    about: dict[str, Any]
    records: dict[str, Record]  # by id, in id order
    articles: dict[str, Article]
    referrers: dict[str, dict[str, tuple[str, ...]]] = field(repr=False)
    sections: dict[str, tuple[Record, ...]] = field(repr=False)  # each section's records, by id
    drafts: tuple[str, ...] = ()  # annotation files marked draft: read, never published
    added: dict[str, str] = field(default_factory=dict)  # article id: when it joined (history)

    @cached_property
    def network(self) -> Network:
        """How the actors relate, found from the records at most once per briefing."""
        return Network(self)

    @property
    def title(self) -> str:
        return self.about["title"]

    @property
    def topic(self) -> str:
        return self.about["topic"]

    @property
    def description(self) -> str:
        return self.about["description"]

    @property
    def language(self) -> str:
        return self.about["language"]

    def language_of(self, source: str) -> str:
        """The language an article is written in: its own, else the briefing's."""
        record = self.records.get(source)
        return (record.get("language") if record else None) or self.language

    def foreign(self, source: str) -> str:
        """An article's language where it is not the briefing's (pages mark its words with
        it); "" where it is."""
        language = self.language_of(source)
        return "" if language == self.language else language

    @property
    def about_text(self) -> str:
        return self.about["about"]

    def in_section(self, section: str) -> list[Record]:
        return list(self.sections.get(section, ()))

    def ids_in(self, section: str) -> list[str]:
        """The ids of a section's records: a page that shows only some of the records reads
        this, and then those records, instead of the whole section."""
        return [record.id for record in self.sections.get(section, ())]

    @property
    def counts(self) -> dict[str, int]:
        """Records per section, and the number of articles held."""
        return {s: len(self.ids_in(s)) for s in SECTIONS} | {"articles": len(self.articles)}

    def article_sources(self) -> list[Record]:
        """The source records of the articles held, in id order."""
        return [self.records[i] for i in self.articles]

    def latest(self, limit: int) -> list[tuple[Record, str, bool]]:
        """The ``limit`` articles that joined the briefing last, newest first (ties by id): each
        source record, its date, and whether that is when it joined (its first commit) rather
        than its published date, which stands in without one; undated ones last."""
        dated = []
        for article_id in self.articles:
            source, added = self.records[article_id], self.added.get(article_id)
            dated.append((added or source.get("published", ""), article_id, source, bool(added)))
        dated.sort(key=lambda entry: (entry[0], entry[1]), reverse=True)
        return [(source, date, added) for date, _, source, added in dated[:limit]]

    def defined_in(self, path: str) -> list[Record]:
        """The records an annotation file (its path from the project, as problems name it)
        defines, in id order."""
        return [self.records[i] for i in self._by_file.get(path, ())]

    @cached_property
    def _by_file(self) -> dict[str, tuple[str, ...]]:
        found: dict[str, list[str]] = defaultdict(list)
        for record in self.records.values():
            found[record.location.path].append(record.id)
        return {path: tuple(ids) for path, ids in found.items()}

    def referring(self, target: str, name: str, section: str | None = None) -> list[Record]:
        """Records whose field ``name`` names ``target`` (optionally only of ``section``)."""
        found = (self.records[i] for i in self.referrers.get(target, {}).get(name, ()))
        return [record for record in found if section is None or record.section == section]

    def evidence_in(self, source: str) -> list[tuple[int, int, str, str]]:
        """(start, end, record id, section) of each evidence span in the article ``source``:
        where the evidence stands, not what the records say (a claim's summary)."""
        return [
            (e.start, e.end, record.id, record.section)
            for record in self.referring(source, "evidence")
            for e in record.evidence
            if e.source == source
        ]

    def speakers_of(self, claim_id: str) -> tuple[str, ...]:
        """Who made a claim: all an account of a measure needs of the claims around its words."""
        return self.records[claim_id].speakers

    def section_of(self, record_id: str) -> str:
        """Where a record's page is: all a link to it needs besides its id."""
        return self.records[record_id].section

    def count_referring(self, target: str, name: str) -> int:
        """How many records name ``target`` in their field ``name``, read from backlinks alone
        (a page showing only the number does not change with those records' contents)."""
        return len(self.referrers.get(target, {}).get(name, ()))

    def mentioned_in(self, target: str) -> list[Record]:
        """Sources whose text names the record or evidences a record that involves it."""
        involved = [self.records[target]]
        for names in self.referrers.get(target, {}).values():
            involved.extend(self.records[i] for i in names)
        ids = {e.source for record in involved for e in record.evidence}
        return [self.records[i] for i in sorted(ids)]


def build_briefing(
    title: str,
    topic: str,
    records: list[Record],
    articles: list[Article],
    drafts: tuple[str, ...] = (),
    *,
    description: str = "",
    about: str = "",
    added: dict[str, str] | None = None,
    site_url: str = "",
    language: str = "en",
    scale: tuple[tuple[str, ...], ...] = (),
    scale_words: str = "ICD 203",
) -> Briefing:
    ordered = {record.id: record for record in sorted(records, key=lambda r: r.id)}
    referrers: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for record in ordered.values():  # in id order: a record naming one twice is listed once
        for name, targets in record.named.items():
            for target in targets:
                bucket = referrers[target][name]
                if not bucket or bucket[-1] != record.id:
                    bucket.append(record.id)
    frozen = {t: {n: tuple(ids) for n, ids in by.items()} for t, by in referrers.items()}
    sections: dict[str, list[Record]] = defaultdict(list)
    for record in ordered.values():
        sections[record.section].append(record)
    by_section = {section: tuple(found) for section, found in sections.items()}
    own_words = {
        "title": title,
        "topic": topic,
        "description": description or topic,
        "about": about,
        "site_url": site_url,
        "language": language,
        "scale": scale,
        "scale_words": scale_words,
    }
    held = {article.id: article for article in articles}
    joined = {i: date for i, date in sorted((added or {}).items()) if i in held}
    return Briefing(own_words, ordered, held, frozen, by_section, drafts, joined)
