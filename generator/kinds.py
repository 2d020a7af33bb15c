"""The registry of record kinds: what each kind is, said once, for every stage to read.

Validation, the model, the pages, the downloads, the timeline, coverage, the format reference
and the list of generated files all iterate over ``KINDS``. Adding a kind takes a definition in
``schemas/annotations.schema.json``, an entry here and two templates (``<name>.md.j2`` for a
record's page, ``<plural>.md.j2`` for the index); see the README's "Contributing" section.

What only one kind does (a claim index grouped by speaker, an actor's network) stays in the
stage that does it, as a hook the entry names; a new kind gets the plain hooks.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any


def _shows(name: str) -> Callable[[Any], str]:
    """A label that is the text of the record's field ``name``."""
    return lambda record: record.fields[name]


@dataclass(frozen=True)
class Kind:
    """One kind of record. ``plural`` is its key in annotation files, its folder under docs/,
    its CSV file and its index template; ``name`` is its page template and how messages say it."""

    name: str
    plural: str
    definition: str  # its definition under $defs in annotations.schema.json
    label: Callable[[Any], str]  # how links to one of its records read
    # Fields naming other records, with the kind (plural) each must name, or the kinds it may
    # name; None: any kind. 'roles.of' is the 'of' of each of its roles.
    references: Mapping[str, str | tuple[str, ...] | None] = field(default_factory=dict)
    parts_with_evidence: tuple[str, ...] = ()  # lists whose items carry evidence of their own
    evidenced: bool = True  # False: it takes no evidence (a question's is its claims')
    covers: bool = True  # its evidence covers a sentence (coverage); False: it only shows a name
    dated: tuple[tuple[str, str], ...] = ()  # (field, what happened then) on the timeline
    schema_org: str = "Thing"  # its JSON-LD @type, unless its ``json_ld`` hook says better
    json_ld: str = ""  # hook in open_data.DETAILS adding what schema.org says of it
    check: str = ""  # hook in input.validation.KIND_CHECKS: what only its records must satisfy
    preview: str = ""  # hook in previews.PREVIEWS: what a link's preview shows of its records
    context: str = "plain"  # hook in contexts.PAGES: what its page is given
    index: str = ""  # hook in contexts.INDEXES: what its index is given beyond its records
    annotated_as: str = ""  # heading over its records on a source page whose words they quote
    reference_first: bool = False  # listed first in the format reference (the kinds named most)
    # Its records are listed, under its plural, on the pages of the records they name. The first
    # kinds have places of their own on those pages (an actor's claims), so they set it False.
    backlinks: bool = True

    @property
    def page_template(self) -> str:
        return f"{self.name}.md.j2"

    @property
    def index_template(self) -> str:
        return f"{self.plural}.md.j2"


KINDS: Mapping[str, Kind] = MappingProxyType(
    {
        kind.plural: kind
        for kind in (
            Kind(
                "actor",
                "actors",
                "actor",
                _shows("name"),
                references={"roles.of": "actors"},
                parts_with_evidence=("roles",),
                covers=False,
                schema_org="Organization",
                json_ld="actor",
                preview="actor",
                context="actor",
                index="actors",
                reference_first=True,
                backlinks=False,
            ),
            Kind(
                "claim",
                "claims",
                "claim",
                _shows("summary"),
                references={
                    "speaker": "actors",
                    "via": "sources",
                    "about": None,
                    "supports": "claims",
                    "disputes": "claims",
                    "responds_to": "claims",
                    "credibility.corroborated_by": "sources",
                },
                dated=(("date", "claimed"),),
                schema_org="Claim",
                json_ld="claim",
                preview="claim",
                context="claim",
                index="claims",
                annotated_as="Claims",
                backlinks=False,
            ),
            Kind(
                "measure",
                "measures",
                "measure",
                _shows("summary"),
                references={"actors": "actors", "urged_by": "actors", "about": None},
                parts_with_evidence=("events",),
                dated=(
                    ("announced", "announced"),
                    ("taken", "taken"),
                    ("effective", "took effect"),
                ),
                schema_org="Action",
                context="measure",
                json_ld="measure",
                preview="measure",
                annotated_as="Measures",
                backlinks=False,
            ),
            Kind(
                "figure",
                "figures",
                "figure",
                lambda record: f"{record.quantity}: {record.fields['counts']}",
                references={
                    "stated_by": "actors",
                    "via": "sources",
                    "about": None,
                    "credibility.corroborated_by": "sources",
                },
                schema_org="QuantitativeValue",
                json_ld="figure",
                preview="figure",
                annotated_as="Figures",
                backlinks=False,
            ),
            Kind(
                "source",
                "sources",
                "source",
                _shows("label"),
                references={"author": "actors", "publisher": "actors"},
                dated=(("published", "published"),),
                schema_org="CreativeWork",
                json_ld="source",
                preview="source",
                context="source",
                index="sources",
                annotated_as="Documents cited",
                reference_first=True,
                backlinks=False,
            ),
            Kind(
                "question",
                "questions",
                "question",
                _shows("question"),
                references={"claims": "claims"},
                evidenced=False,
                schema_org="Question",
                json_ld="question",
                preview="question",
                context="question",
                index="questions",
                check="question",
                backlinks=False,
            ),
            Kind(
                "judgment",
                "judgments",
                "judgment",
                _shows("judgment"),
                references={"rests_on": ("claims", "measures", "figures")},
                evidenced=False,
                schema_org="Claim",
                json_ld="judgment",
                preview="judgment",
                context="judgment",
                check="judgment",
            ),
        )
    }
)
