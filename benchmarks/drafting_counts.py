"""The counts a scored draft gives for one article (benchmarks/README.md, "Drafting")."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Score:
    """Counts for one article; ``ratio`` pairs make the table's percentages."""

    article: str
    claims: int = 0  # in the complete annotation
    drafted_claims: int = 0
    claims_found: int = 0
    speakers_right: int = 0  # matched claims whose speaker is right (recall's numerator)
    named: int = 0  # drafted claims that name a speaker (not TODO)
    named_right: int = 0  # of those, right (precision's numerator)
    figures: int = 0
    drafted_figures: int = 0
    values_right: int = 0
    units_right: int = 0
    stated_by_right: int = 0
    dates_as_figures: int = 0
    measures: int = 0
    drafted_measures: int = 0
    measures_found: int = 0
    statuses_right: int = 0
    new_actors: int = 0  # named actors only this article evidenced
    new_actors_proposed: int = 0
    drafted_new_actors: int = 0  # every actor the draft proposes anew
    drafted_new_actors_right: int = 0  # of those, one the complete annotation has (any kind)
    existing: int = 0  # records kept in the copy that this article evidences
    existing_proposed: int = 0
    quotes_not_found: int = 0  # drafted quotes that are not in the article
    seconds: float = 0.0
    details: list[str] = field(default_factory=list)
