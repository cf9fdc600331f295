"""Connected components of a small "these two belong together" relation (union-find)."""

from __future__ import annotations

from collections.abc import Callable


def connected(n: int, linked: Callable[[int, int], bool]) -> list[list[int]]:
    """Groups of the indices 0..n-1 joined by `linked(i, j)` (asked for i < j), in first-index order."""
    parent = list(range(n))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i in range(n):
        for j in range(i + 1, n):
            if root(i) != root(j) and linked(i, j):
                parent[root(j)] = root(i)
    groups: dict[int, list[int]] = {}
    for i in range(n):
        groups.setdefault(root(i), []).append(i)
    return list(groups.values())
