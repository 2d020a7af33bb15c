"""The draft with the language pipeline: claims, figures, measures, new actors and links to the
records the briefing already holds, each inferred value with its reason."""

from __future__ import annotations

from typing import Any

from generator.authoring.drafting import article as reading
from generator.authoring.drafting.actors import Registry
from generator.authoring.drafting.claims import Claim, draft_claims, own_voice
from generator.authoring.drafting.figures import Figure, draft_figures, in_aside
from generator.authoring.drafting.matching import PROPOSE, Index
from generator.authoring.drafting.measures import draft_measures
from generator.authoring.drafting.speakers import Resolver
from generator.authoring.drafting.writing import Writer
from generator.model.records import Briefing

SPEAKER_WORDS = "The number is in the words naming the speaker: the article's description of them"
ASIDE = "The number stands in a clause set off by commas: the article's description, not the speaker's words"


def draft_annotation(
    source_id: str,
    text: str,
    briefing: Briefing,
    published: str | None,
    publisher: str | None,
    nlp: Any,
    language: str | None = None,
) -> str:
    registry = Registry(briefing, set(briefing.records))  # every id is taken, of any kind
    resolver = Resolver(registry)
    article = reading.read(text, nlp, language)
    for start, end in reading.publications(text):
        found, _ = registry.find(text[start:end])
        if found is None:
            registry.add(text[start:end], "publication", start, end)
        else:
            registry.alias(found, text[start:end], start, end)
    claims = draft_claims(article, resolver, published)
    writer = Writer(source_id, text)
    measures = draft_measures(article, claims, resolver)
    index = Index(briefing)
    near = [index.candidates(text[slice(*m.place)]) for m in measures]
    again = [
        (found[0][0], f"reported again? {found[0][1]:.0%} of the words are its own", m.place)
        for m, found in zip(measures, near, strict=True)
        if found and found[0][1] >= PROPOSE
    ]
    again += _said_again(text, claims, index)
    writer.actors(registry.actors)
    writer.more_evidence(registry.actors, again)
    figures = draft_figures(article)
    if publisher:
        actions = {m.sentence for m in measures}
        claims = own_voice(article, claims, actions, publisher, published)
    writer.claims(claims, published)
    writer.figures(figures, [_stated_by(article, f, claims, publisher) for f in figures])
    writer.measures(measures, near)
    return writer.result()


def _said_again(
    text: str, claims: list[Claim], index: Index
) -> list[tuple[str, str, tuple[int, int]]]:
    """A claim the briefing holds that a known speaker makes again in the same words."""
    found = []
    for claim in claims:
        if claim.speaker is None or not claim.speaker.known:
            continue
        words = " ".join(text[a:b] for a, b in claim.quotes)
        near = index.candidates(words, claim.speaker.id)
        if near and near[0][1] >= PROPOSE:
            why = f"said again? {near[0][1]:.0%} of the words are its own"
            found.append((near[0][0], why, claim.quotes[0]))
    return found


def _stated_by(
    article: reading.Article, figure: Figure, claims: list[Claim], publisher: str | None
) -> tuple[str | None, str]:
    """Who gives the number: the speaker whose words hold it, else the article itself."""
    start, end = figure.place
    sentence = article.sentences[figure.sentence]
    for claim in claims:
        if claim.speaker is None or not any(a <= start and end <= b for a, b in claim.quotes):
            continue
        described = claim.speaker_words or (0, 0)
        in_speaker = described[0] <= start < described[1]
        if claim.form == "quoted" or not (in_aside(sentence, figure.place) or in_speaker):
            return claim.speaker.id, claim.inferred.get("speaker", "")
        if publisher:
            return publisher, SPEAKER_WORDS if in_speaker else ASIDE
        return None, ""
    if publisher:
        return publisher, "No one else is credited with the number: the article's own statement."
    return None, ""
