"""Sentences without an attribution in a paragraph that gives one speaker's words: proposed as
that speaker's claims (reported), unless they tell what someone else does."""

from __future__ import annotations

from generator.authoring.drafting import dates
from generator.authoring.drafting.actors import Actor
from generator.authoring.drafting.article import Article, Sentence
from generator.authoring.drafting.attributions import REPORTING
from generator.authoring.drafting.claim import Claim


def paragraph_speakers(article: Article, claims: list[Claim], published: str | None) -> None:
    """A sentence with no attribution, in a paragraph whose every attribution is one speaker's,
    is proposed as that speaker's too (reported), with the reason."""
    by_paragraph: dict[int, list[Claim]] = {}
    for claim in claims:
        if claim.form != "unattributed":
            by_paragraph.setdefault(article.sentences[claim.sentence].paragraph, []).append(claim)
    covered = {
        index
        for claim in claims
        for index, s in enumerate(article.sentences)
        if any(a < s.end and s.start < b for a, b in claim.quotes)
    }
    for sentence in article.sentences:
        own = by_paragraph.get(sentence.paragraph, [])
        speakers = {id(c.speaker) for c in own}
        if sentence.index in covered or not own or len(speakers) != 1 or own[0].speaker is None:
            continue
        speaker = own[0].speaker
        before = [c for c in own if c.sentence < sentence.index]
        if not before and not _goes_on(by_paragraph.get(sentence.paragraph - 1, []), speaker):
            continue  # before the paragraph names its speaker: the reporter's lead-in
        if any(t.dep_ == "nsubj" and t.pos_ == "PROPN" for t in sentence.doc):
            continue  # it names who acts: not the speaker's words
        if before and not (
            _about_speaker(sentence, speaker)
            or (_speaker_first(article.sentences[before[-1].sentence]) and not _other(sentence))
        ):
            continue  # "..., the ministry said. The line is due to reopen in 2027.": background
        claim = Claim(speaker, "reported", [(sentence.start, sentence.end)], sentence.index)
        claim.inferred["speaker"] = (
            f"The sentence carries no attribution of its own; the rest of its paragraph gives "
            f"{speaker.name}'s words"
        )
        claim.date, why = dates.article_date(published)
        if why:
            claim.inferred["date"] = why
        claims.append(claim)
    claims.sort(key=lambda c: c.quotes[0])


def _about_speaker(sentence: Sentence, speaker: Actor) -> bool:
    """Whether the sentence's subject is the speaker again: 'He called on the hospital to pay',
    'It put the number at 1.8 million' (not 'It was the first time', 'It had been agreed')."""
    subject = next((t for t in sentence.doc if t.dep_ == "nsubj"), None)
    if subject is None or subject.pos_ != "PRON" or subject.head.lemma_ == "be":
        return False
    if speaker.kind == "person":
        return subject.lower_ in {"he", "she"}
    return subject.lower_ in {"it", "we"}


def _speaker_first(sentence: Sentence) -> bool:
    """'He continued that the government takes ...': the speaker before the words, so the
    sentences after them go on giving the speaker's words (a speaker named after the words, '...,
    the ministry said', names the speaker of that sentence alone)."""
    root = next((t for t in sentence.doc if t.dep_ == "ROOT"), None)
    return (
        root is not None
        and root.lemma_ in REPORTING
        and any(c.dep_ == "nsubj" and c.i < root.i for c in root.children)
        and any(c.dep_ == "ccomp" and c.i > root.i for c in root.children)
    )


def _other(sentence: Sentence) -> bool:
    """A subject that is someone else: a pronoun ('Under current law, they have 45 days') or
    a name ('The minister, Rachel Okafor, has called in two applications'): the reporter
    tells what they do."""
    subjects = [t for t in sentence.doc if t.dep_ in {"nsubj", "nsubjpass"}]
    named = [c for t in subjects for c in t.children if c.dep_ == "appos"]
    return any(t.pos_ in {"PRON", "PROPN"} for t in [*subjects, *named])


def _goes_on(before: list[Claim], speaker: Actor) -> bool:
    """Whether the paragraph before gives only this speaker's words: a paragraph of theirs
    that names them at its end is theirs from its start."""
    return bool(before) and all(c.speaker is speaker for c in before)
