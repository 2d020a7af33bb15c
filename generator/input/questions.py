"""What a question's sides must be: made of the question's own claims, each on one side at most."""

from __future__ import annotations

from generator.input.raw import Raw, as_dict, as_list
from generator.problems import Problem, did_you_mean


def check(raw: Raw) -> list[Problem]:
    """A problem for each claim a position names that the question does not list, or that an
    earlier position already holds."""
    claims = [c for c in as_list(raw.data.get("claims")) if isinstance(c, str)]
    problems, placed = [], {}
    for index, position in enumerate(as_list(raw.data.get("positions"))):
        for at, claim in enumerate(as_list(as_dict(position).get("claims"))):
            where = raw.locate("positions", index, "claims", at)
            if not isinstance(claim, str):
                continue
            if claim not in claims:
                problems.append(
                    Problem(
                        where,
                        f"the position names '{claim}', which is not one of the question's claims",
                        did_you_mean(claim, claims) or f"add '{claim}' to the question's claims",
                    )
                )
            elif claim in placed:
                problems.append(
                    Problem(
                        where,
                        f"'{claim}' is already on the side '{placed[claim]}'",
                        "list each claim under one position: its stance on the question",
                    )
                )
            else:
                placed[claim] = as_dict(position).get("position", "")
    return problems
