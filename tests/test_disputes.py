"""What is disputed is in plain view: the home page gives each point of contention with its
sides and who takes them, and a judgment's page links the questions its claims answer (the
harbour fixture, through the model: any question and judgment would do)."""

from __future__ import annotations

from pathlib import Path

from conftest import run_cli

from generator.input.validation import load_briefing
from generator.render.markup import escape


def test_the_home_page_gives_each_question_with_its_sides(harbour: Path) -> None:
    assert run_cli(harbour, "generate").code == 0
    b = load_briefing(harbour)
    home = (harbour / "docs" / "index.md").read_text(encoding="utf-8")
    disputed = home.split("## What is disputed")[1].split("\n## ")[0]
    questions = b.in_section("questions")
    assert questions
    for question in questions:
        line = next(x for x in disputed.splitlines() if f"(questions/{question.id}.md)" in x)
        for position in question.get("positions", []):
            assert f"*{escape(position['position'])}*: " in line
            for claim in position["claims"]:
                for speaker in b.records[claim].speakers:
                    assert f"(actors/{speaker}.md)" in line


def test_a_judgment_links_the_questions_its_claims_answer(harbour: Path) -> None:
    assert run_cli(harbour, "generate").code == 0
    b = load_briefing(harbour)
    linked = 0
    for judgment in b.in_section("judgments"):
        page = (harbour / "docs" / "judgments" / f"{judgment.id}.md").read_text(encoding="utf-8")
        for question in b.in_section("questions"):
            answers = set(question["claims"]) & set(judgment["rests_on"])
            assert bool(answers) == (f"(../questions/{question.id}.md)" in page)
            linked += bool(answers)
    assert linked, "no judgment of the fixture rests on a question's claim"
