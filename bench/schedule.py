"""Repeated, alternated samples and what is made of them.

On a shared machine one run of a build can take half as long again as the
next; timing each tool several times, taking turns within each round, spreads
that noise over every tool alike, so ratios of medians from one run are fair.
"""

from __future__ import annotations

import statistics
from collections.abc import Iterable


def rounds(keys: Iterable[str], runs: int) -> list[tuple[int, str]]:
    """(round, key) in the order to run them: every key once a round, in the given order, then in the
    reverse order, and so on. Always first in its round, one tool would always follow the last tool's
    writes (its pages still going to disk); turned about, each tool follows as many as it leads."""
    keys = list(keys)
    return [(n, key) for n in range(runs) for key in (keys if n % 2 == 0 else keys[::-1])]


def spread(samples: list[float]) -> dict:
    """The median of the samples, with their least and greatest, and the samples in the order taken."""
    return {"median": statistics.median(samples), "min": min(samples), "max": max(samples), "samples": list(samples)}


def median_of(figure) -> float | None:
    """A figure's median whether it is a spread, a bare number or missing."""
    if isinstance(figure, dict):
        return figure.get("median")
    return figure if isinstance(figure, (int, float)) else None


def within(new: float | None, old: float | None, tolerance: float = 0.10) -> str:
    """'yes' when new is at most `tolerance` more than old (smaller is better), 'no' when more, '–' when unknown."""
    if not isinstance(new, (int, float)) or not isinstance(old, (int, float)) or old <= 0:
        return "–"
    return "yes" if new <= old * (1 + tolerance) else "no"
