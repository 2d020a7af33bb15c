"""What every kind of record is and does: ``Kind``, whose defaults make a new kind complete.

A kind's module (``claim.py``, ...) holds a subclass and its one instance, ``KIND``. The class
attributes say what the kind is; the methods say what its pages, previews, data and checks
show, each with a default that serves a kind nobody wrote a method for: its page lists what
names it, its preview and JSON-LD give its dates, its actors and its first quoted words.

The defaults import their helpers when called: this module is read while the registry is
being put together (see the package's docstring).
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from generator.input.raw import Raw
    from generator.model.records import Briefing, Record
    from generator.problems import Problem

ACTORS = "actors"  # the kind whose records the default preview and JSON-LD name as its actors


class Kind:
    """One kind of record. ``plural`` is its key in annotation files, its folder under docs/,
    its CSV file and its index template; ``name`` is its page template, its schema fragment
    (``generator/schemas/kinds/<name>.json``) and how messages say it."""

    name: str = ""
    plural: str = ""
    order: int = 1000  # where it comes among the kinds: menus, tables, the home page's counts
    label_field: str = ""  # the field whose text links to one of its records show
    # Fields naming other records, with the kind (plural) each must name, or the kinds it may
    # name; None: any kind. 'roles.of' is the 'of' of each of its roles.
    references: Mapping[str, str | tuple[str, ...] | None] = MappingProxyType({})
    parts_with_evidence: tuple[str, ...] = ()  # its lists whose items carry evidence of their own
    evidenced: bool = True  # False: it takes no evidence (a question's is its claims')
    covers: bool = True  # its evidence covers a sentence (coverage); False: it only shows a name
    dated: tuple[tuple[str, str], ...] = ()  # (field, what happened then) on the timeline
    schema_org: str = "Thing"  # its JSON-LD @type, unless ``json_ld`` says better
    annotated_as: str = ""  # heading over its records on a source page whose words they quote
    reference_first: bool = False  # listed first in the format reference (the kinds named most)
    # Its records are listed, under its plural, on the pages of the records they name. The first
    # kinds have places of their own on those pages (an actor's claims), so they set it False.
    backlinks: bool = True
    # The home page, the memo and the about page give the first kinds places of their own; any
    # other kind is listed there by the kind's ``row``, its records the most referred to first.
    placed: bool = False
    counted: bool = True  # named in the home page's and the memo's count of the records
    # What its records show beside their link in a list of records, each of: "who" (the
    # speakers), "status", "according" (whose account), "carried" (by how many sources); and on
    # the timeline: "grade", "speakers", "according". The templates render these, by name.
    listed_with: tuple[str, ...] = ()
    dated_with: tuple[str, ...] = ()
    date_property: str = "startDate"  # the JSON-LD property of its first date (default json_ld)
    actors_property: str = "actor"  # and of the actors it names

    @property
    def definition(self) -> str:
        """Its definition under $defs in the annotation schema."""
        return self.name

    @property
    def page_template(self) -> str:
        return f"{self.name}.md.j2"

    @property
    def index_template(self) -> str:
        return f"{self.plural}.md.j2"

    @property
    def title(self) -> str:
        """Its plural as a heading says it."""
        return self.plural.capitalize()

    @property
    def actor_fields(self) -> tuple[str, ...]:
        """Its fields that name actors, in the order its references give them."""
        return tuple(
            name
            for name, kinds in self.references.items()
            if "." not in name
            and (kinds == ACTORS or (isinstance(kinds, tuple) and ACTORS in kinds))
        )

    def label(self, record: Record) -> str:
        """How links to one of its records read."""
        return record.fields[self.label_field]

    def check(self, raw: Raw) -> list[Problem]:
        """What only its records must satisfy, beyond the schema and the references."""
        return []

    def check_together(self, raws: list[Raw]) -> list[Problem]:
        """What its records must satisfy together (each of them alone: ``check``)."""
        return []

    def page(self, b: Briefing, record: Record) -> dict[str, Any]:
        """What its record page is given besides the record and who names it."""
        return {"referenced_by": b.referring(record.id, "about")}

    def index(self, b: Briefing, records: list[Record]) -> dict[str, Any]:
        """What its index is given beyond its records."""
        return {}

    def preview(self, b: Briefing, record: Record) -> dict[str, Any]:
        """What a link's preview shows under the record's title: its lines, and the words it
        quotes with their source. By default its dates, its actors and its first words."""
        from generator.render import phrasing as previews

        lines = [
            previews.capital(f"{happened} {previews.dated(record, field)}")
            for field, happened in self.dated
            if record.get(field)
        ]
        lines += [
            f"{previews.capital(field.replace('_', ' '))}: {previews.names(b, record.named[field])}"
            + previews.inferred_mark(record, field)
            for field in self.actor_fields
            if record.named.get(field)
        ]
        return previews.quoted(b, record, lines) if record.evidence else {"lines": lines}

    def json_ld(self, b: Briefing, record: Record, depth: int) -> dict[str, Any]:
        """What schema.org says of a record beyond its name and type. By default its first
        date and, in full, the actors it names."""
        from generator.render import open_data

        data: dict[str, Any] = {}
        dates = [record.get(field) for field, _ in self.dated if record.get(field)]
        if dates:
            data[self.date_property] = dates[0]
        actors = [i for field in self.actor_fields for i in record.named.get(field, ())]
        if actors and not depth:
            data[self.actors_property] = [open_data.ref(b, i) for i in dict.fromkeys(actors)]
        return data

    def search_meta(self, b: Briefing, record: Record) -> dict[str, str]:
        """What its page tells the search beyond its kind (``search.marks``)."""
        return {}

    def row(self, b: Briefing, record: Record) -> str:
        """A line of plain text beside a link to the record where kinds are listed alike (the
        home page and the memo): by default its preview's first line."""
        lines = self.preview(b, record).get("lines", [])
        return lines[0] if lines else ""
