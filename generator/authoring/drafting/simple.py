"""The draft without the language pipeline: candidate claims (sentences that quote or attribute,
with the known actors they name) and candidate figures (numbers with the words they count)."""

from __future__ import annotations

import re

from generator.authoring.drafting.writing import q
from generator.input import marks, numerals
from generator.model.records import Briefing
from generator.render.coverage import flags_of, split_sentences

# what a number counts: up to three words after it, or four characters of Chinese writing
_COUNTED = re.compile(
    rf"(?:\s?[%％])?(?:(?:{marks.IDEOGRAPH.pattern}){{1,4}}"
    r"|(?:\s+(?:million|billion|percent|times))?(?:\s+[\w-]+){0,3})"
)


def draft_annotation(
    source_id: str, text: str, briefing: Briefing, language: str | None = None
) -> str:
    """The simple draft; ``language`` (en, fr, zh), when known, says how the article writes
    its numbers ("1,200" is 1200 in English, 1.2 in French)."""
    names = _actor_names(briefing)
    out = [
        "# yaml-language-server: $schema=../../generator/schemas/annotations.schema.json",
        f"# DRAFT proposed by 'new-source' for seeds/articles/{source_id}.txt.",
        "# Nothing here is checked or published while 'draft: true' stands. Review every",
        "# record: fix the speaker, fill in every TODO, trim the quote to the words that",
        "# carry the claim, delete what is not a claim, then delete the 'draft' line.",
        "draft: true",
        "claims:",
    ]
    sentences = [text[start:end] for start, end in split_sentences(text)]
    claims = [s for s in sentences if {"quotation", "attribution"} & set(flags_of(s))]
    if not claims:
        out[-1] = "claims: []  # none found: add the claims the article reports"
    for number, sentence in enumerate(claims, 1):
        named = [actor for name, actor in names if re.search(rf"\b{re.escape(name)}\b", sentence)]
        speaker = named[0] if named else "TODO"
        out += [
            f"  - id: {source_id}-claim-{number}",
            f"    speaker: {speaker}  # "
            + (
                f"actors named: {', '.join(dict.fromkeys(named))}"
                if named
                else "no known actor named"
            ),
            "    summary:  # TODO: one plain line saying what was claimed",
            f"    form: {'quoted' if 'quotation' in flags_of(sentence) else 'reported'}",
            "    evidence:",
            f"      - source: {source_id}",
            f"        quote: {q(' '.join(sentence.split()))}",
        ]
    figures = [(s, n) for s in sentences for n in numerals.numbers_in(s, language)]
    out.append("figures:" if figures else "figures: []  # none found: add the numbers it states")
    for number, (sentence, found) in enumerate(figures, 1):
        quote = sentence[found.start : _COUNTED.match(sentence, found.end).end()]
        out += [
            f"  - id: {source_id}-figure-{number}",
            f"    value: {found.plain}",
            "    unit:  # TODO: people, substances, percent, ...",
            "    counts:  # TODO: what the number counts",
            "    evidence:",
            f"      - source: {source_id}",
            f"        quote: {q(' '.join(quote.split()))}",
        ]
    return "\n".join(out) + "\n"


def _actor_names(briefing: Briefing) -> list[tuple[str, str]]:
    """(name or alias, actor id), longest names first so 'Xi Jinping' wins over 'Xi'."""
    pairs = [
        (name, actor.id)
        for actor in briefing.in_section("actors")
        for name in (actor["name"], *actor.get("aliases", []))
    ]
    return sorted(pairs, key=lambda pair: (-len(pair[0]), pair))
