"""Records the briefing already holds that a drafted measure may report again: the overlap of
content words with each record's summary and evidence, through an index built once per draft."""

from __future__ import annotations

import re
from collections import Counter

from generator.model.records import Briefing

STOP = set(
    [
        "that",
        "this",
        "with",
        "from",
        "have",
        "been",
        "were",
        "will",
        "would",
        "should",
        "their",
        "there",
        "about",
        "into",
        "over",
        "under",
        "also",
        "more",
        "most",
        "such",
        "other",
        "than",
        "them",
        "they",
        "which",
        "while",
        "when",
        "where",
        "what",
        "these",
        "those",
        "said",
        "says",
        "after",
        "before",
        "being",
        "made",
        "make",
        "part",
        "only",
        "very",
    ]
)
PROPOSE = 0.6  # share of the drafted words found in one record: propose more_evidence
NAME = 0.35  # share enough to name the record as a candidate in a comment


def words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z][a-z-]{3,}", text.lower()) if w not in STOP}


class Index:
    def __init__(self, briefing: Briefing, sections: tuple[str, ...] = ("measures", "claims")):
        self.postings: dict[str, list[str]] = {}
        for section in sections:
            for record in briefing.in_section(section):
                text = " ".join([record.get("summary", ""), *(e.quote for e in record.evidence)])
                for word in words(text):
                    self.postings.setdefault(word, []).append(record.id)

        self.speakers = {r.id: set(r.speakers) for r in briefing.in_section("claims")}

    def candidates(self, text: str, speaker: str | None = None) -> list[tuple[str, float]]:
        """Records sharing the most of ``text``'s content words, best first; with ``speaker``,
        only the claims that speaker made."""
        own = words(text)
        if len(own) < 3:
            return []
        shared = Counter(
            i
            for w in own
            for i in self.postings.get(w, ())
            if speaker is None or speaker in self.speakers.get(i, ())
        )
        best = sorted(shared.items(), key=lambda item: (-item[1], item[0]))[:3]  # ties by id:
        ranked = [(i, n / len(own)) for i, n in best]  # the same order whatever the hash seed
        return [(i, share) for i, share in ranked if share >= NAME]
