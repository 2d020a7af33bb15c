"""What the stages know of a kind of record, and the registry they read the kinds from.

The kinds themselves live in ``generator/kinds/``, the layer that composes the stages: a kind's
module uses the render helpers for its pages and previews. The model, the input and the pages
read the kinds here instead, so none of them imports ``generator.kinds``: ``KINDS`` is filled
by a finder the package's root hands it (``generator/__init__.py``), the first time it is read.
``KindBase`` is what each kind declares (its fields) and the methods the stages call on it.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Protocol

from generator.i18n import _

if TYPE_CHECKING:
    from generator.model.language import Language
    from generator.model.records import Briefing, Record
    from generator.problems import Location, Problem

ACTORS = "actors"  # the kind whose records the default preview and JSON-LD name as its actors
SOURCES = "sources"  # the kind every record's evidence quotes (a seed article is a source)
# What a list of records may show beside each record (``listed_with``) and a timeline row
# (``dated_with``): the templates render each by name (_macros.md.j2, _each_record.md.j2).
LISTED_FACETS = ("who", "status", "according", "carried")
DATED_FACETS = ("grade", "speakers", "according")
# A page of a long index: its name, how it is shown, and its records (``index_parts``)
Part = tuple[str, str, list["Record"]]


class Written(Protocol):
    """A record as written, before it is built: what a kind's checks are given
    (``input.raw.Raw`` is one). ``locate`` gives where a value of it stands."""

    @property
    def section(self) -> str: ...

    @property
    def data(self) -> dict[str, Any]: ...

    def locate(self, *inner: str | int, key: bool = False) -> Location: ...


class KindBase:
    """One kind of record, as the stages see it (``generator.kinds.base.Kind`` gives the
    defaults of the methods that need the render helpers). ``plural`` is its key in annotation files, its folder under docs/,
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
    # Its evidence covers the sentences it quotes (coverage, the source page's marks); False:
    # its words only name it (an actor's), so a source page lists it under "Actors named".
    covers_sentences: bool = True
    # Records past which its index is split into the pages of ``index_parts``, a reader's page
    # being at most about 300 kB of HTML (its rows' weight at 10,000 records); 0: never split
    split_from: int = 0
    dated: tuple[tuple[str, str], ...] = ()  # (field, what happened then) on the timeline
    schema_org: str = "Thing"  # its JSON-LD @type, unless ``json_ld`` says better
    # Its words on the pages, written in English and marked for translation (generator.i18n):
    # its records as a heading names them (N_), one of them (N_), and counted (Nn_,
    # "%(num)d claim(s)")
    heading: str = ""
    called: str = ""
    about_words: str = ""  # what the about page says of it, unless described by hand (N_)
    counted_as: tuple[str, str] = ("", "")
    annotated_as: str = ""  # heading over its records on a source page whose words they quote
    reference_first: bool = False  # listed first in the format reference (the kinds named most)
    # Its records are listed, under its plural, on the pages of the records they name. The first
    # kinds have places of their own on those pages (an actor's claims), so they set it False.
    listed_where_named: bool = True
    # Its page template lists the records about it (``referenced_by``) in a place of its own;
    # False: the page frame lists them, under "Referenced by". The frame is given them either way.
    lists_referenced_by_itself: bool = False
    # The home page and the memo show the first kinds in places their templates write out; any
    # other kind is listed there by its ``row``, its records the most referred to first.
    shown_by_hand_on_home_and_memo: bool = False
    # The about page describes the first kinds in its own words; any other kind by its schema
    # fragment's description.
    described_by_hand_on_about: bool = False
    counted_on_home_and_memo: bool = True  # in the home page's and the memo's count of records
    # Its records most referred to are told in the memo's situation, which such kinds share
    # (``render.overviews.situation_share``); False: the memo has no place for it, or its own.
    in_memo_situation: bool = True
    # What its records show beside their link in a list of records, each of LISTED_FACETS: "who"
    # (the speakers), "status", "according" (whose account), "carried" (by how many sources);
    # and on the timeline, of DATED_FACETS: "grade", "speakers", "according".
    listed_with: tuple[str, ...] = ()
    dated_with: tuple[str, ...] = ()
    # How attribution treats it (``model.attribution``): its records are what their speakers
    # said (a claim), so whose account another record is is found among them; whose account
    # its records are is found so (a measure's status, a figure); its actors' part (took, was
    # urged to take) follows its status (a measure's); its records are graded by the source
    # their words first stand in, with a credibility of their own (a claim, a figure).
    said_by_its_speakers: bool = False
    told_according_to: bool = False
    actors_part_by_status: bool = False
    graded_by_its_source: bool = False
    date_property: str = "startDate"  # the JSON-LD property of its first date (default json_ld)
    actors_property: str = "actor"  # and of the actors it names

    @property
    def page_template(self) -> str:
        return f"{self.name}.md.j2"

    @property
    def index_template(self) -> str:
        return f"{self.plural}.md.j2"

    @property
    def one(self) -> str:
        """One of its records, as a preview's or a search result's tag names it."""
        return _(self.called) if self.called else self.name.capitalize()

    @property
    def title(self) -> str:
        """Its plural as a heading says it, in the language in use."""
        return _(self.heading) if self.heading else self.plural.capitalize()

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

    def check(self, raw: Written, language: Language) -> list[Problem]:
        """What only its records must satisfy, beyond the schema and the references, in the
        briefing's ``language``."""
        return []

    def check_together(self, raws: list[Written], language: Language) -> list[Problem]:
        """What its records must satisfy together (each of them alone: ``check``)."""
        return []

    def page(self, b: Briefing, record: Record) -> dict[str, Any]:
        """What its record page is given besides the record, the records about it and those
        naming it (``render.contexts.page_context`` gives those to every record page)."""
        return {}

    def index(self, b: Briefing, records: list[Record]) -> dict[str, Any]:
        """What its index is given beyond its records."""
        return {}

    def index_parts(self, b: Briefing, records: list[Record]) -> list[Part]:
        """The groups a long index is split into, a page each, in the order the index lists
        them: the page's name (``<name>.md`` beside ``index.md``, with a ``_`` no id can hold),
        how the group is shown, and its records. None by default: the index is never split."""
        return []

    def index_pages(self, b: Briefing, records: list[Record]) -> dict[str, dict[str, Any]]:
        """The further pages of its index when it lists more than ``split_from`` records, each
        by name with what its index template is given there: how it is shown (``split_page``), the
        number the index shows beside it (``count``) and its records, under ``plural``. The
        index itself then lists the pages (``split_pages``). None for a shorter index."""
        if not self.split_from or len(records) <= self.split_from:
            return {}
        return {
            name: {"split_page": shown, "count": len(mine), self.plural: mine}
            for name, shown, mine in self.index_parts(b, records)
        }

    def preview(self, b: Briefing, record: Record) -> dict[str, Any]:
        """What a link's preview shows under the record's title: its lines, and the words it
        quotes with their source."""
        raise NotImplementedError

    def json_ld(self, b: Briefing, record: Record, depth: int) -> dict[str, Any]:
        """What schema.org says of a record beyond its name and type."""
        raise NotImplementedError

    def search_meta(self, b: Briefing, record: Record) -> dict[str, str]:
        """What its page tells the search beyond its kind (``search.marks``)."""
        return {}

    def home_sections(self, b: Briefing) -> dict[str, Any]:
        """What the home page's sections written for this kind by hand are given (a kind
        ``shown_by_hand_on_home_and_memo``; any other is listed by its ``row``)."""
        return {}

    def memo_sections(self, b: Briefing) -> dict[str, Any]:
        """What the memo's sections written for this kind by hand are given (likewise)."""
        return {}

    def row(self, b: Briefing, record: Record) -> str:
        """A line of plain text beside a link to the record where kinds are listed alike (the
        home page and the memo): by default its preview's first line."""
        lines = self.preview(b, record).get("lines", [])
        return lines[0] if lines else ""


class Registry(Mapping[str, KindBase]):
    """The kinds by plural, in order, found the first time asked by the finder given to
    ``found_by``; ``shortcomings(templates)`` is what the kinds lack (see ``found_by``)."""

    def __init__(self) -> None:
        self._kinds: dict[str, KindBase] | None = None
        self._loading = False
        # One thread finds the kinds while any other waits (the preview renders in threads);
        # re-entrant, so that a read by the same thread while importing them is told apart.
        self._lock = threading.RLock()
        self._find: Callable[[], dict[str, KindBase]] | None = None
        self._check: Callable[[Path], list[Problem]] | None = None

    def found_by(
        self, find: Callable[[], dict[str, KindBase]], check: Callable[[Path], list[Problem]]
    ) -> None:
        """``find()`` gives the kinds by plural, in order; ``check(templates)`` what each
        lacks, each at its place (empty when every kind is complete)."""
        self._find, self._check = find, check

    def shortcomings(self, templates: Path) -> list[Problem]:
        assert self._check is not None, "the kinds' finder was never given (generator/__init__)"
        return self._check(templates)

    def _loaded(self) -> dict[str, KindBase]:
        if self._kinds is not None:
            return self._kinds
        with self._lock:
            if self._kinds is None:
                assert self._find is not None, "the kinds' finder was never given"
                if self._loading:
                    raise RuntimeError(
                        "KINDS was read while the kinds' modules were being imported: a module "
                        "a kind imports reads it at its top level; read it inside a function"
                    )
                self._loading = True
                try:
                    self._kinds = self._find()
                finally:
                    self._loading = False
        return self._kinds

    def __getitem__(self, plural: str) -> KindBase:
        return self._loaded()[plural]

    def __iter__(self) -> Iterator[str]:
        return iter(self._loaded())

    def __len__(self) -> int:
        return len(self._loaded())

    def __repr__(self) -> str:
        return f"Registry({list(self)})"


KINDS = Registry()
