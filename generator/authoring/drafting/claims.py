"""Claims: one per attribution, with its speaker, form, words and date; quotes continued in the
next sentence, the items of a list a speaker introduced, and views reported without a speaker.
The article's own voice is in ``own_voice``, a paragraph's unattributed sentences in
``paragraph_speakers``."""

from __future__ import annotations

import re

from generator.authoring.drafting import dates
from generator.authoring.drafting.actors import Actor
from generator.authoring.drafting.article import Article, Sentence
from generator.authoring.drafting.attributions import attributions
from generator.authoring.drafting.claim import Claim
from generator.authoring.drafting.names import DOCUMENTS
from generator.authoring.drafting.own_voice import own_voice
from generator.authoring.drafting.paragraph_speakers import paragraph_speakers
from generator.authoring.drafting.speakers import Resolver
from generator.input import marks

__all__ = ["Claim", "draft_claims", "own_voice"]  # importers use these names from here

UNREAD = "no attribution the drafter reads: whose words are these?"
EDGES = marks.QUOTATION_MARKS + ",，"  # stripped, with spaces, from the end of a quote
_LEAD = " \t\u00a0\u202f" + marks.OPENING + "‘'"  # before the words in quotation marks
LIST_LENGTH = 12  # sentences a list introduced by "X listed ...:" may run to
_VIEWS = re.compile(
    r"\b(?:accusations?|allegations?|suggestions?|claims|fears|concerns|speculation|charges)"
    r"\s+that\b",
    re.IGNORECASE,
)


def draft_claims(article: Article, resolver: Resolver, published: str | None) -> list[Claim]:
    claims: list[Claim] = []
    listing: tuple[Actor, Sentence] | None = None
    pending: list[tuple[int, int]] = []  # words of a quotation its next sentence attributes
    later: list[tuple[int, set[str]]] = []  # claims of "a top official", named further on
    for sentence in article.sentences:
        resolver.see(sentence, article.text)
        speech = article.speech_in(sentence.start, sentence.end)
        found = [] if sentence.is_heading else attributions(sentence, article)
        if not found:
            resolver.note_subjects(sentence)
            if speech and _opens_with(sentence, speech):
                if any(end < b for _, end in speech for a, b in article.speech if a <= end < b):
                    pending += speech  # the quotation goes on: its speaker comes next
                elif (
                    claims
                    and claims[-1].form == "quoted"
                    and claims[-1].sentence >= sentence.index - 2 - len(pending)
                ):
                    claims[-1].quotes += pending + speech  # the quotation has ended
                    claims[-1].sentence = sentence.index
                    pending = []
                elif not sentence.is_heading:
                    claims.append(_unread(sentence, pending + speech, article.text, published))
                    pending = []
                continue
            if listing and sentence.index - listing[1].index <= LIST_LENGTH:
                speaker, opening = listing
                claims.append(_listed(sentence, speaker, opening, article))
                claims[-1].date, why = dates.article_date(published)
                if why:
                    claims[-1].inferred["date"] = why
                continue
            if speech and _after_colon(sentence, speech) and not sentence.is_heading:
                claims.append(_unread(sentence, pending + speech, article.text, published))
                pending = []  # a speaker's words after a colon: the speaker is the lead's
                continue
        else:
            listing = None
        for attribution in found:
            verb_at = sentence.place(attribution.verb)[0]
            nested = article.in_speech(verb_at)
            if nested and attribution.subject.lemma_.lower() in DOCUMENTS:
                continue  # "according to a tweet" inside the speaker's words: where they read it
            actor, reason, note = resolver.speaker(sentence, attribution.subject)
            if note.endswith("names later?"):
                later.append((len(claims), resolver.pending_roles[-1]))
            if actor is not None:
                resolver.note_documents(sentence, actor)
                resolver.last_speaker = actor
            earlier = claims[-1] if claims else None
            if (
                earlier is not None
                and earlier.sentence == sentence.index
                and earlier.speaker is actor
                and actor is not None
                and not attribution.added
            ):
                continue  # one speaker's words in one sentence: one claim
            words = article.speech_in(attribution.start, attribution.end)
            form = "quoted" if words and not nested else "reported"
            quotes = words if form == "quoted" else [(attribution.start, attribution.end)]
            if form == "quoted" and pending:
                quotes, pending = pending + quotes, []
            claim = Claim(actor, form, _trimmed(article.text, quotes), sentence.index, note)
            if reason:
                claim.inferred["speaker"] = reason
            subject = list(attribution.subject.subtree)
            claim.speaker_words = sentence.place(subject[0], subject[-1])
            claim.date, why = _date_of(sentence, attribution.verb, published)
            if why:
                claim.inferred["date"] = why
            claims.append(claim)
            if attribution.listing and actor is not None:
                listing = (actor, sentence)
        pending = []
        claims += _views(sentence, claims)
    for index, kin in later:
        holder = resolver.holder_of(kin)
        if holder is not None and claims[index].speaker is None:
            claims[index].speaker = holder
            claims[index].inferred["speaker"] = (
                f"The sentence names no one; taken to be {holder.name}, whom the article names "
                "further on with such a role"
            )
    paragraph_speakers(article, claims, published)
    return claims


def _opens_with(sentence: Sentence, speech: list[tuple[int, int]]) -> bool:
    return not _lead(sentence, speech)


def _after_colon(sentence: Sentence, speech: list[tuple[int, int]]) -> bool:
    """Whether the sentence gives the words in quotation marks after a colon, where the lead
    names the speaker in words the drafter may not read ('刘跃进说：「…」', 'Le ministre a
    déclaré : « … »')."""
    return _lead(sentence, speech).endswith((":", "："))


def _lead(sentence: Sentence, speech: list[tuple[int, int]]) -> str:
    """The words before the first passage in quotation marks, without its opening mark."""
    return sentence.text[: speech[0][0] - sentence.start].strip(_LEAD)


def _unread(
    sentence: Sentence, speech: list[tuple[int, int]], text: str, published: str | None
) -> Claim:
    """Words in quotation marks that no attribution the drafter reads gives to anyone (the
    reporting verbs it knows are English): a quoted claim whose speaker the reviewer names."""
    claim = Claim(None, "quoted", _trimmed(text, speech), sentence.index, UNREAD)
    claim.date, why = dates.article_date(published)
    if why:
        claim.inferred["date"] = why
    return claim


def _listed(sentence: Sentence, speaker: Actor, opening: Sentence, article: Article) -> Claim:
    claim = Claim(speaker, "reported", [(sentence.start, sentence.end)], sentence.index)
    said = " ".join(opening.text.split())
    claim.inferred["speaker"] = (
        f'The sentence carries no attribution of its own; it follows "{said}"'
    )
    return claim


def _views(sentence: Sentence, claims: list[Claim]) -> list[Claim]:
    """'accusations that ...': a view the article reports without saying whose."""
    found = []
    for match in _VIEWS.finditer(sentence.text):
        rest = sentence.text[match.start() :]
        end = re.search(r"(?:,\s(?:arguing|saying|adding|but|while)\b|[.;:]\s|[.;:]?$)", rest)
        stop = match.start() + (end.start() if end else len(rest))
        place = (sentence.start + match.start(), sentence.start + stop)
        found.append(Claim(None, "unattributed", [place], sentence.index))
    return found


def _date_of(
    sentence: Sentence, verb: object, published: str | None
) -> tuple[str | None, str | None]:
    """The date words that go with the attribution ('during a press conference Monday'), else
    the article's date."""
    for entity in sentence.doc.ents:
        if entity.label_ != "DATE" or not hasattr(verb, "i"):
            continue
        step = entity.root
        while step.head.i != step.i and step.i != verb.i:
            step = step.head
            if step.pos_ in {"VERB", "AUX"} and step.i != verb.i and step.dep_ != "acl":
                break
        if step.i == verb.i:
            return dates.resolve(entity.text, published)
    return dates.article_date(published)


def _trimmed(text: str, quotes: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Each quote without the spaces and trailing commas at its edges."""
    kept = []
    for start, end in quotes:
        while start < end and (text[start].isspace() or text[start] in marks.QUOTATION_MARKS):
            start += 1
        while end > start and (text[end - 1].isspace() or text[end - 1] in EDGES):
            end -= 1
        if end > start:
            kept.append((start, end))
    return kept
