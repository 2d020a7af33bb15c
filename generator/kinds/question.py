"""Questions: points of contention, their claims set side by side."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from generator.i18n import N_, Nn_, _
from generator.kinds.base import Kind
from generator.model.kinds import Part
from generator.model.records import Briefing, Record
from generator.render import vocabulary
from generator.render.contexts import question_context, side_voices

if TYPE_CHECKING:
    from generator.input.raw import Raw
    from generator.model.language import Language
    from generator.problems import Problem

A_PAGE = 50  # questions on each page of a long index (about 150 kB at 10,000 records)


class Question(Kind):
    name, plural, order = "question", "questions", 60
    heading, called = N_("Questions"), N_("Question")
    about_words = N_("Points of contention: a question several claims answer, set side by side.")
    counted_as = Nn_("%(num)d question", "%(num)d questions")
    label_field = "question"
    references = {"claims": "claims"}
    evidenced = False
    schema_org = "Question"
    listed_where_named = False
    shown_by_hand_on_home_and_memo = True
    in_memo_situation = False
    counted_on_home_and_memo = False
    split_from = 100  # at 10,007 records 135 questions were one page of 386 kB

    def index_parts(self, b: Briefing, found: list[Record]) -> list[Part]:
        """Numbered pages of ``A_PAGE`` questions."""
        starts = range(0, len(found), A_PAGE)
        return [
            (
                f"page_{n + 1}",
                f"{start + 1}–{min(start + A_PAGE, len(found))}",
                found[start : start + A_PAGE],
            )
            for n, start in enumerate(starts)
        ]

    def check(self, raw: Raw, language: Language) -> list[Problem]:
        from generator.input import questions  # YAML's: not needed to list the kinds

        return questions.check(raw)

    def page(self, b: Briefing, question: Record) -> dict[str, Any]:
        return question_context(b, question)

    def index(self, b: Briefing, found: list[Record]) -> dict[str, Any]:
        return {"contentions": [(q, *question_context(b, q).values()) for q in found]}

    def home_sections(self, b: Briefing) -> dict[str, Any]:
        """The first questions, each side with who takes it."""
        from generator.render.overviews import HOME_LIMIT

        found = b.in_section(self.plural)[:HOME_LIMIT]
        return {"contentions": [(q, side_voices(b, q)) for q in found]}

    def memo_sections(self, b: Briefing) -> dict[str, Any]:
        from generator.render.overviews import MEMO_QUESTIONS

        found = b.in_section(self.plural)[:MEMO_QUESTIONS]
        claims = [(q, [b.records[i] for i in q["claims"]]) for q in found]
        return {"contentions": [(q, mine, side_voices(b, q)) for q, mine in claims]}

    def preview(self, b: Briefing, question: Record) -> dict[str, Any]:
        answering = vocabulary.counted(len(question["claims"]), "claims")
        sides = [p["position"] for p in question.get("positions", []) if p["claims"]]
        if not sides:
            return {"lines": [answering]}
        line = _("%(claims)s; sides: %(sides)s") % {
            "claims": answering,
            "sides": _("; ").join(sides),
        }
        return {"lines": [line]}

    def json_ld(self, b: Briefing, record: Record, depth: int) -> dict[str, Any]:
        return {"text": record["question"]}


KIND = Question()
