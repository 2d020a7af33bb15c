"""Claims: one per attribution, with its speaker, form, words and date; quotes continued in the
next sentence, the items of a list a speaker introduced, and views reported without a speaker."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from generator.authoring.drafting import dates
from generator.authoring.drafting.actors import Actor
from generator.authoring.drafting.article import Article, Sentence
from generator.authoring.drafting.attributions import REPORTING, attributions
from generator.authoring.drafting.names import DOCUMENTS
from generator.authoring.drafting.speakers import Resolver

LIST_LENGTH = 12  # sentences a list introduced by "X listed ...:" may run to
LEAD_IN_TOKENS = 10  # a sentence this short before an attribution introduces its speaker
# the article's own judgment: a hedge, or words that weigh what they describe
HEDGES = {
    "appear", "seem", "likely", "unlikely", "probably", "possibly", "perhaps", "apparently",
    "unclear", "uncertain", "question", "doubt", "suspect", "suspected", "allegedly",
}  # fmt: skip
EVALUATIVE = {
    "overwhelming", "increasingly", "growing", "shrinking", "mounting", "shaky", "cheap",
    "dramatic", "dramatically", "sharply", "severe", "serious", "crucial", "critical",
    "quadruple", "triple", "double", "soar", "surge", "plunge", "plummet", "skyrocket",
}  # fmt: skip
_DAY = re.compile(
    r"\b(?:mon|tues|wednes|thurs|fri|satur|sun)day|\b(?:yesterday|today|tonight)\b|\b\d{1,2}\b",
    re.IGNORECASE,
)
_VIEWS = re.compile(
    r"\b(?:accusations?|allegations?|suggestions?|claims|fears|concerns|speculation|charges)"
    r"\s+that\b",
    re.IGNORECASE,
)


@dataclass
class Claim:
    speaker: Actor | None
    form: str  # quoted, reported or unattributed
    quotes: list[tuple[int, int]]
    sentence: int
    note: str = ""  # for the reviewer, when the speaker is not found
    inferred: dict[str, str] = field(default_factory=dict)
    date: str | None = None
    # the words naming the speaker ("Doctors' groups in two of those countries"): the
    # reporter's description, whose numbers are the article's, not the speaker's
    speaker_words: tuple[int, int] | None = None


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
                continue
            if listing and sentence.index - listing[1].index <= LIST_LENGTH:
                speaker, opening = listing
                claims.append(_listed(sentence, speaker, opening, article))
                claims[-1].date, why = dates.article_date(published)
                if why:
                    claims[-1].inferred["date"] = why
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
    _paragraph_speakers(article, claims, published)
    return claims


def own_voice(
    article: Article, claims: list[Claim], actions: set[int], publisher: str, published: str | None
) -> list[Claim]:
    """A statement in the article's own voice, crediting no one else and reporting no action
    (``actions``: the sentences that hold a measure): proposed as the publisher's claim."""
    covered = {c.sentence for c in claims} | {
        s.index for s in article.sentences for c in claims
        if any(a < s.end and s.start < b for a, b in c.quotes)
    }  # fmt: skip
    voice = Actor(publisher, publisher, "publication", True)
    added = []
    for sentence in article.sentences:
        if sentence.index in covered | actions or article.speech_in(sentence.start, sentence.end):
            continue
        if sentence.is_heading or len(sentence.doc) < 6:
            continue
        if _leads_in(article, sentence, covered) or not assesses(sentence):
            continue
        index = sentence.index
        claim = Claim(voice, "reported", [(sentence.start, sentence.end)], index)
        claim.inferred["speaker"] = "The article's own words: it credits no one else with them"
        claim.date, why = dates.article_date(published)
        if why:
            claim.inferred["date"] = why
        added.append(claim)
    return sorted(claims + added, key=lambda c: c.quotes[0])


def assesses(sentence: Sentence) -> bool:
    """Whether a sentence in the article's own voice judges rather than reports: it hedges
    ("may have started", "appears", "is likely", "raising questions"), or it weighs a state of
    things ("cheap", "the overwhelming majority", "has quadrupled") without the day of an event
    (a comparative alone does not: "the stakes are larger for the Faroes" describes) ("closed down 6.2% on Monday, their steepest fall" reports the day's event)."""
    words = {t.lower_ for t in sentence.doc} | {t.lemma_.lower() for t in sentence.doc}
    if words & HEDGES or any(t.tag_ == "MD" and t.lower_ in {"may", "might"} for t in sentence.doc):
        return True
    if any(e.label_ in {"DATE", "TIME"} and _DAY.search(e.text) for e in sentence.doc.ents):
        return False
    return bool(words & EVALUATIVE)


def _leads_in(article: Article, sentence: Sentence, attributed: set[int]) -> bool:
    """A short sentence before an attributed one in its paragraph ("Not everyone agrees.",
    "Business owners were less pleased."): the reporter introduces who speaks next."""
    after = sentence.index + 1
    return (
        len(sentence.doc) <= LEAD_IN_TOKENS
        and not any(t.like_num for t in sentence.doc)
        and after < len(article.sentences)
        and article.sentences[after].paragraph == sentence.paragraph
        and after in attributed
    )


def _opens_with(sentence: Sentence, speech: list[tuple[int, int]]) -> bool:
    lead = sentence.text[: speech[0][0] - sentence.start]
    return not lead.strip(" \"“‘'")


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


def _paragraph_speakers(article: Article, claims: list[Claim], published: str | None) -> None:
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
        while start < end and text[start] in ' \n\t"“”':
            start += 1
        while end > start and text[end - 1] in ' \n\t,"“”':
            end -= 1
        if end > start:
            kept.append((start, end))
    return kept
