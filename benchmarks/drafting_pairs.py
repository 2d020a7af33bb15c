"""Records paired one to one: the assignment of largest weight, so that where several
pairings are possible the one that gets most right is scored."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

T = TypeVar("T")


def pairs(
    complete: Sequence[T],
    drafted: Sequence[T],
    linked: Callable[[T, T], bool],
    bonus: Callable[[T, T], int],
) -> list[tuple[T, T]]:
    """The one-to-one pairing with the most linked pairs, and among those the most bonus."""
    weights = [[1000 + bonus(c, d) if linked(c, d) else 0 for d in drafted] for c in complete]
    chosen = assignment(weights)
    return [(complete[i], drafted[j]) for i, j in chosen if weights[i][j] > 0]


def assignment(weights: list[list[int]]) -> list[tuple[int, int]]:
    """Rows paired with columns for the largest total weight (Hungarian method, O(n³))."""
    rows, columns = len(weights), len(weights[0]) if weights else 0
    n = max(rows, columns)
    if n == 0:
        return []
    cost = [
        [-(weights[i][j] if i < rows and j < columns else 0) for j in range(n)] for i in range(n)
    ]
    u, v, way, owner = [0] * (n + 1), [0] * (n + 1), [0] * (n + 1), [0] * (n + 1)
    for i in range(1, n + 1):
        owner[0], j0 = i, 0
        least, used = [float("inf")] * (n + 1), [False] * (n + 1)
        while owner[j0]:
            used[j0] = True
            i0, delta, j1 = owner[j0], float("inf"), 0
            for j in range(1, n + 1):
                if not used[j]:
                    reduced = cost[i0 - 1][j - 1] - u[i0] - v[j]
                    if reduced < least[j]:
                        least[j], way[j] = reduced, j0
                    if least[j] < delta:
                        delta, j1 = least[j], j
            for j in range(n + 1):
                if used[j]:
                    u[owner[j]] += delta
                    v[j] -= delta
                else:
                    least[j] -= delta
            j0 = j1
        while j0:
            j1 = way[j0]
            owner[j0], j0 = owner[j1], j1
    found = [(owner[j] - 1, j - 1) for j in range(1, n + 1) if owner[j]]
    return [(i, j) for i, j in found if i < rows and j < columns]
