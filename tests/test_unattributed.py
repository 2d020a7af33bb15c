"""A view a source reports without saying whose ("accusations that ..."): a claim with
``form: unattributed`` and no speaker, shown as unattributed on every page that lists it."""

from __future__ import annotations

from pathlib import Path

import yaml
from conftest import run_cli
from projects import as_read

VIEW = {
    "id": "bridge-was-safe",
    "summary": "Some say the bridge was safe.",
    "form": "unattributed",
    "evidence": [{"source": "bridge-closure", "quote": "The council voted 7 to 2"}],
}


def _add_claim(root: Path, claim: dict) -> None:
    path = root / "seeds" / "annotations" / "records.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["claims"].append(claim)
    path.write_text(as_read(data, sort_keys=False), encoding="utf-8")


def test_an_unattributed_claim_is_shown_as_such(minimal: Path) -> None:
    _add_claim(minimal, VIEW)
    result = run_cli(minimal, "generate")
    assert result.code == 0, result.err
    docs = minimal / "docs"
    page = (docs / "claims" / "bridge-was-safe.md").read_text(encoding="utf-8")
    assert "- **Speaker:** unattributed: the source reports this view without saying whose" in page
    index = (docs / "claims" / "index.md").read_text(encoding="utf-8")
    assert "## Unattributed (1)" in index.split("bridge-was-safe")[0]
    by_source = (docs / "claims" / "by_source.md").read_text(encoding="utf-8")
    assert "| *unattributed* | [Some say the bridge was safe.]" in by_source
    assert '"author"' not in page.split("application/ld+json")[1].split("</script>")[0]


def test_a_claim_needs_a_speaker_or_the_unattributed_form(minimal: Path) -> None:
    _add_claim(minimal, {k: v for k, v in VIEW.items() if k != "form"})
    result = run_cli(minimal, "check")
    assert result.code == 1 and "Traceback" not in result.err
    assert "is missing the required field 'speaker'" in result.err
    assert "form: unattributed" in result.err


def test_an_unattributed_claim_names_no_speaker(minimal: Path) -> None:
    _add_claim(minimal, {**VIEW, "speaker": "ann-lee"})
    result = run_cli(minimal, "check")
    assert result.code == 1 and "Traceback" not in result.err
    assert "has 'speaker'" in result.err and "remove speaker" in result.err


def test_a_side_held_only_by_unattributed_views_says_so(minimal: Path) -> None:
    _add_claim(minimal, VIEW)
    path = minimal / "seeds" / "annotations" / "records.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    positions = [
        {"position": "Unsafe", "claims": ["bridge-unsafe"]},
        {"position": "Safe", "claims": ["bridge-was-safe"]},
    ]
    question = {"id": "is-it-safe", "question": "Is the bridge safe?", "positions": positions}
    data.setdefault("questions", []).append(
        {**question, "claims": ["bridge-unsafe", "bridge-was-safe"]}
    )
    path.write_text(as_read(data, sort_keys=False), encoding="utf-8")
    result = run_cli(minimal, "generate")
    assert result.code == 0, result.err
    sides = "*Unsafe*: [Ann Lee](actors/ann-lee.md); *Safe*: views reported unattributed."
    for page in ("index.md", "memo.md"):
        assert sides in (minimal / "docs" / page).read_text(encoding="utf-8"), page
