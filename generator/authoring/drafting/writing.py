"""The draft as YAML in the documented annotation format, with comments for the reviewer.
Every quote is a slice of the article's text, so the build's quote matching finds it."""

from __future__ import annotations

import json

from generator.authoring.drafting.actors import Actor
from generator.authoring.drafting.claims import Claim
from generator.authoring.drafting.figures import Figure
from generator.authoring.drafting.measures import Measure
from generator.input.evidence import SearchableText

HEADER = [
    "# yaml-language-server: $schema=../../generator/schemas/annotations.schema.json",
    "# DRAFT proposed by 'new-source' for seeds/articles/{id}.txt, with the language pipeline.",
    "# Nothing here is checked or published while 'draft: true' stands. Review every record:",
    "# each 'inferred' says why a value was proposed; fix what is wrong, fill in every TODO,",
    "# write each summary in plain words, delete what is not worth keeping, then delete the",
    "# 'draft' line.",
    "draft: true",
]


class Writer:
    def __init__(self, source_id: str, text: str):
        self.source_id = source_id
        self.text = text
        self.searchable = SearchableText(text)
        self.lines: list[str] = [line.format(id=source_id) for line in HEADER]

    def evidence(self, places: list[tuple[int, int]], indent: int, single: bool = False) -> None:
        pad = " " * indent
        if single:
            self.lines += [f"{pad}evidence:", *self._evidence(places[0], indent + 2, "")]
            return
        self.lines.append(f"{pad}evidence:")
        for place in places:
            self.lines += self._evidence(place, indent + 2, "- ")

    def _evidence(self, place: tuple[int, int], indent: int, dash: str) -> list[str]:
        pad = " " * indent
        quote = " ".join(self.text[place[0] : place[1]].split())
        lines = [f"{pad}{dash}source: {self.source_id}", f"{pad}{' ' * len(dash)}quote: {q(quote)}"]
        found = self.searchable.find(quote)
        if getattr(found, "occurrences", 1) > 1:
            starts = [self.searchable.origin(at) for at in self.searchable.places(found_key(quote))]
            which = next((n for n, at in enumerate(starts, 1) if at >= place[0] - 1), 1)
            lines.append(f"{pad}{' ' * len(dash)}occurrence: {which}")
        return lines

    def inferred(self, reasons: dict[str, str], indent: int) -> None:
        if reasons:
            pad = " " * indent
            self.lines.append(f"{pad}inferred:")
            self.lines += [
                f"{pad}  {name}: {q(reason)}" for name, reason in sorted(reasons.items())
            ]

    def actors(self, actors: list[Actor]) -> None:
        new = [a for a in actors if not a.known and a.spans]
        if not new:
            return
        self.lines += [
            "",
            "# New actors the article names: check each is not one you have under another name.",
        ]
        self.lines.append("actors:")
        for actor in new:
            self.lines += [
                f"  - id: {actor.id}",
                f"    name: {q(actor.name)}",
                f"    kind: {actor.kind}",
            ]
            aliases = sorted({alias for alias, _, _ in actor.new_aliases})
            if aliases:
                self.lines.append(f"    aliases: [{', '.join(q(a) for a in aliases)}]")
            self._roles(actor, 4)
            self.evidence(sorted(set(actor.spans))[:2], 4)
            self.inferred(actor.inferred, 4)

    def _roles(self, actor: Actor, indent: int) -> None:
        roles = list({role.title: role for role in actor.roles}.values())
        if not roles:
            return
        pad = " " * indent
        self.lines.append(f"{pad}roles:")
        for role in roles:
            self.lines += [f"{pad}  - title: {q(role.title[:1].upper() + role.title[1:])}"]
            if role.of:
                self.lines.append(f"{pad}    of: {role.of}")
            self.evidence([(role.start, role.end)], indent + 4, single=True)

    def more_evidence(
        self, actors: list[Actor], matches: list[tuple[str, str, tuple[int, int]]]
    ) -> None:
        grown = [a for a in actors if a.known and (a.new_aliases or a.roles)]
        if not grown and not matches:
            return
        self.lines += [
            "",
            "# Records already in the briefing that this article names or reports again.",
        ]
        self.lines.append("more_evidence:")
        for actor in grown:
            self.lines.append(f"  - record: {actor.id}  # {actor.name}")
            aliases = sorted({alias for alias, _, _ in actor.new_aliases})
            if aliases:
                self.lines.append(f"    aliases: [{', '.join(q(a) for a in aliases)}]")
            self._roles(actor, 4)
            places = [(s, e) for _, s, e in actor.new_aliases] or [
                (r.start, r.end) for r in actor.roles
            ]
            self.evidence(places[:1], 4)
        for record, why, place in matches:
            self.lines.append(f"  - record: {record}  # {why}")
            self.evidence([place], 4)

    def claims(self, claims: list[Claim], published: str | None) -> None:
        if not claims:
            self.lines += ["", "claims: []  # none found: add the claims the article reports"]
            return
        self.lines += ["", "claims:"]
        for number, claim in enumerate(claims, 1):
            self.lines.append(f"  - id: {self.source_id}-claim-{number}")
            if claim.form != "unattributed":
                speaker = claim.speaker.id if claim.speaker else "TODO"
                note = f"  # {claim.note}" if claim.note and not claim.speaker else ""
                self.lines.append(f"    speaker: {speaker}{note}")
            words = " ".join(self.text[claim.quotes[0][0] : claim.quotes[-1][1]].split())
            self.lines.append(f"    summary: {q(words[:300])}  # TODO: one plain line")
            self.lines.append(f"    form: {claim.form}")
            if claim.date:
                self.lines.append(f'    date: "{claim.date}"')
            self.evidence(claim.quotes, 4)
            self.inferred(claim.inferred, 4)

    def figures(self, figures: list[Figure], stated_by: list[tuple[str | None, str]]) -> None:
        if not figures:
            self.lines += ["", "figures: []  # none found: add the numbers it states"]
            return
        self.lines += ["", "figures:"]
        for number, (figure, (speaker, reason)) in enumerate(
            zip(figures, stated_by, strict=True), 1
        ):
            self.lines += [
                f"  - id: {self.source_id}-figure-{number}",
                f"    value: {figure.value}",
            ]
            todo = "  # TODO: what one unit is" if figure.unit == "TODO" else ""
            self.lines.append(f"    unit: {q(figure.unit)}{todo}")
            if figure.qualifier:
                self.lines.append(f"    qualifier: {figure.qualifier}")
            self.lines.append(f"    counts: {q(figure.counts)}  # TODO: in plain words")
            if speaker:
                self.lines.append(f"    stated_by: {speaker}")
            self.evidence([figure.place], 4)
            self.inferred({"stated_by": reason} if speaker and reason else {}, 4)

    def measures(self, measures: list[Measure], candidates: list[list[tuple[str, float]]]) -> None:
        if not measures:
            self.lines += ["", "measures: []  # none found: add the actions it reports"]
            return
        self.lines += ["", "measures:"]
        for number, (measure, near) in enumerate(zip(measures, candidates, strict=True), 1):
            self.lines.append(f"  - id: {self.source_id}-measure-{number}")
            if near:
                named = ", ".join(f"{i} ({share:.0%} of its words)" for i, share in near)
                self.lines.append(f"    # already recorded? {named}")
            words = " ".join(self.text[slice(*measure.place)].split())
            self.lines.append(f"    summary: {q(words[:300])}  # TODO: one plain line")
            self.lines += [f"    kind: {measure.kind}", f"    status: {measure.status}"]
            note = f"  # {measure.note}" if measure.note else ""
            self.lines.append(f"    actors: [{', '.join(measure.actors)}]{note}")
            if measure.urged_by:
                self.lines.append(f"    urged_by: [{', '.join(measure.urged_by)}]")
            if measure.events:
                self.lines.append("    events:")
                for event, place in measure.events:
                    self.lines.append(f"      - event: {event}")
                    self.evidence([place], 8, single=True)
            places = [place for _, place in measure.events] or [measure.place]
            self.evidence(places, 4)
            self.inferred(measure.inferred, 4)

    def result(self) -> str:
        return "\n".join(self.lines) + "\n"


def found_key(quote: str) -> str:
    from generator.input.evidence import fold

    return fold(quote)


def q(value: str) -> str:
    """A YAML scalar for any text: JSON strings are valid YAML."""
    return json.dumps(value, ensure_ascii=False)
