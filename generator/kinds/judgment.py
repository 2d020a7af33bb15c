"""Key judgments: the analyst's bottom line, each resting on claims, measures or figures."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from generator.i18n import N_, Nn_, _
from generator.kinds.base import Kind
from generator.model.kinds import KINDS
from generator.model.records import Briefing, Record
from generator.render import open_data, vocabulary
from generator.render.phrasing import capital

if TYPE_CHECKING:
    from generator.input.raw import Raw
    from generator.model.language import Language
    from generator.problems import Problem


class Judgment(Kind):
    name, plural, order = "judgment", "judgments", 70
    heading, called = N_("Judgments"), N_("Judgment")
    about_words = N_(
        "Key judgments: the analyst's bottom line, each resting on claims, measures or figures."
    )
    counted_as = Nn_("%(num)d key judgment", "%(num)d key judgments")
    label_field = "judgment"
    references = {"rests_on": ("claims", "measures", "figures")}
    evidenced = False
    schema_org = "Claim"
    shown_by_hand_on_home_and_memo = True
    in_memo_situation = False
    counted_on_home_and_memo = False

    def check(self, raw: Raw, language: Language) -> list[Problem]:
        """One sentence, ended as ``language`` ends one, saying its likelihood in the words
        of the briefing's scale."""
        from generator.input import judgments  # YAML's: not needed to list the kinds

        return judgments.check(raw, language)

    def check_together(self, raws: list[Raw], language: Language) -> list[Problem]:
        """One row of the likelihood scale for the whole briefing."""
        from generator.input import judgments

        return judgments.mixed_rows(raws, language)

    def page(self, b: Briefing, judgment: Record) -> dict[str, Any]:
        """The records it rests on, by kind, in the order the judgment names them, and the
        questions its claims answer."""
        support = [b.records[i] for i in judgment["rests_on"]]
        questions = {
            question.id: question
            for record in support
            for question in b.referring(record.id, "claims", "questions")
        }
        return {
            "support": [
                (KINDS[section].title, [r for r in support if r.section == section])
                for section in self.references["rests_on"]
                if any(r.section == section for r in support)
            ],
            "questions": sorted(questions.values(), key=lambda q: q.label),
        }

    def index(self, b: Briefing, judgments: list[Record]) -> dict[str, Any]:
        """The likelihood scale the briefing's judgments use, and whose words it is in."""
        return {"scale": b.about["scale"], "scale_words": b.about["scale_words"]}

    def home_sections(self, b: Briefing) -> dict[str, Any]:
        return {"judgments": b.in_section(self.plural)}

    def memo_sections(self, b: Briefing) -> dict[str, Any]:
        """The first key judgments, each with as many of its alternatives and indicators as
        the memo has room for (``shown``)."""
        from generator.render.overviews import MEMO_ALTERNATIVES, MEMO_JUDGMENTS

        return {"judgments": b.in_section(self.plural)[:MEMO_JUDGMENTS], "shown": MEMO_ALTERNATIVES}

    def preview(self, b: Briefing, judgment: Record) -> dict[str, Any]:
        odds = _("%(likelihood)s; %(confidence)s confidence") % {
            "likelihood": capital(judgment["likelihood"]),
            "confidence": vocabulary.confidence(judgment["confidence"]),
        }
        return {"lines": [odds, _("A key judgment: the analyst's, not the words of any source")]}

    def json_ld(self, b: Briefing, record: Record, depth: int) -> dict[str, Any]:
        """The analyst's claim, based on the records it rests on; no author is invented for it."""
        data: dict[str, Any] = {"text": record["judgment"]}
        if not depth:
            data["isBasedOn"] = [open_data.ref(b, i) for i in record["rests_on"]]
        return data


KIND = Judgment()
