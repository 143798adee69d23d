"""The search's vocabulary, kept between builds: what the words files list, updated with the meetings that
changed rather than made again from every meeting's terms.

The words files list every index term of the archive, a range of terms to a file
(outputs/search/files.py). Made from nothing, that is every meeting's terms split,
joined, sorted and written: a tenth of a second at 500 meetings, in every rebuild
that changes a meeting's words. Kept, with how many meetings hold each term, an
edit changes only the counts of its meeting's terms, and only a range that a term
joined or left is sorted and written again.

A kept vocabulary is used only under the key of the summaries it was made from
(every meeting's summary key, plan.Plan.search_keys); one that does not match, or
does not add up, is made again from every meeting's terms.
"""

from __future__ import annotations

import bisect
import json
from array import array
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass

from minutebook.incremental.fingerprints import digest
from minutebook.outputs.search import files as search_index
from minutebook.outputs.search import wire

KEPT = "search-words"  # the set the vocabulary is kept in (kept.py)


@dataclass(frozen=True)
class Vocabulary:
    """The search's terms in the ranges its words files hold, with how many meetings hold each."""

    starts: tuple[str, ...]  # the ranges' first terms
    held: dict[str, int]  # term -> how many meetings hold it
    of_themes: tuple[str, ...]  # the terms of the themes' names that documents have
    texts: tuple[str, ...]  # each range's text, as its words file holds it (files.range_text)
    longest: int  # the longest term's length, in UTF-16 code units
    # Each range's terms, sorted as JavaScript sorts them, and the same terms as its text writes them
    # (wire.front_code), each joined by spaces (no term holds one): kept so, they are read and written in
    # a moment, and only a range that a term joins or leaves is split. A term's entry follows only from it
    # and the term before, so a term joining or leaving changes one entry beside its own.
    ranges: tuple[str, ...]
    entries: tuple[str, ...]

    @staticmethod
    def of(held_by_meeting: Mapping[str, str], of_themes, starts: tuple[str, ...]) -> Vocabulary:
        held: Counter[str] = Counter()
        for terms in held_by_meeting.values():
            if terms:
                held.update(terms.split(" "))
        return Vocabulary.made(dict(held), tuple(of_themes), tuple(starts))

    @staticmethod
    def made(held: dict[str, int], of_themes: tuple[str, ...], starts: tuple[str, ...]) -> Vocabulary:
        every = held.keys() | set(of_themes)
        ranges = search_index.ranges_of(every, starts)
        entries = [
            " ".join(wire.front_code(t, previous) for t, previous in zip(r, ("", *r), strict=False)) for r in ranges
        ]
        texts = tuple(search_index.words_text(e) for e in entries)
        longest = search_index.longest_term(every)
        return Vocabulary(starts, held, of_themes, texts, longest, tuple(" ".join(r) for r in ranges), tuple(entries))

    def as_kept(self) -> tuple:
        """This vocabulary as plain values (kept.py), the counts of `held` in an array: at 500 meetings read back
        (`from_kept`) in 3 ms and written in under 1, where its sixteen thousand terms and counts one by one took
        7 ms and 6."""
        return (
            self.starts,
            " ".join(self.held),
            array("I", self.held.values()),
            self.of_themes,
            self.texts,
            self.longest,
            self.ranges,
            self.entries,
        )

    @staticmethod
    def from_kept(values) -> Vocabulary:
        starts, terms, counts, of_themes, texts, longest, ranges, entries = values
        held = dict(zip(terms.split(" "), counts, strict=True)) if terms else {}
        return Vocabulary(starts, held, of_themes, texts, longest, ranges, entries)

    def after(self, was: Mapping[str, str | None], now: Mapping[str, str | None], of_themes) -> Vocabulary:
        """This vocabulary once each meeting's terms `was` are replaced by those it holds `now` (None: none).
        Raises ValueError when a term `was` held is not in it: it was not made from what `was` says."""
        held, joined, left = dict(self.held), set(), set()
        for meeting in set(was) | set(now):
            before = set((was.get(meeting) or "").split(" ")) - {""}
            after = set((now.get(meeting) or "").split(" ")) - {""}
            for term in before - after:
                if held.get(term, 0) < 1:
                    raise ValueError(f"the kept vocabulary does not hold {term!r}")
                held[term] -= 1
                if not held[term]:
                    del held[term]
                    left.add(term)
            for term in after - before:
                if term not in held:
                    held[term] = 0
                    joined.add(term)
                held[term] += 1
        themes_then, themes_now = set(self.of_themes), set(of_themes)
        every = held.keys() | themes_now
        # What came into the vocabulary or went from it: a term no meeting holds any more may still be a theme's.
        moved = {
            t
            for t in joined | left | (themes_then ^ themes_now)
            if (t in every) != (t in self.held or t in themes_then)
        }
        if not _in_basic_plane(every) or not _in_basic_plane(moved):
            return Vocabulary.made(held, tuple(of_themes), self.starts)
        # In the basic plane Python sorts as JavaScript does: each term goes into its place in its range.
        ranges, entries = list(self.ranges), list(self.entries)
        touched: dict[int, tuple[list[str], list[str]]] = {}
        for term in sorted(moved):
            n = max(0, bisect.bisect_right(self.starts, term) - 1)
            if n not in touched:
                touched[n] = (_split(ranges[n]), _split(entries[n]))
            terms, coded = touched[n]
            at = bisect.bisect_left(terms, term)
            here = at < len(terms) and terms[at] == term
            if term in every:
                if here:
                    raise ValueError(f"the kept vocabulary already lists {term!r}")
                terms.insert(at, term)
                coded.insert(at, wire.front_code(term, terms[at - 1] if at else ""))
                at += 1
            else:
                if not here:
                    raise ValueError(f"the kept vocabulary does not list {term!r}")
                del terms[at], coded[at]
            if at < len(terms):  # the next term's entry follows from the one before it, now another
                coded[at] = wire.front_code(terms[at], terms[at - 1] if at else "")
        texts = list(self.texts)
        for n, (terms, coded) in touched.items():
            ranges[n], entries[n] = " ".join(terms), " ".join(coded)
            texts[n] = search_index.words_text(entries[n])
        gone = moved - every
        if any(search_index.longest_term([t]) >= self.longest for t in gone):
            longest = search_index.longest_term(every)  # the longest may have gone
        else:
            longest = max(self.longest, search_index.longest_term(moved & every))
        return Vocabulary(self.starts, held, tuple(of_themes), tuple(texts), longest, tuple(ranges), tuple(entries))


def _split(joined: str) -> list[str]:
    return joined.split(" ") if joined else []


def _in_basic_plane(terms) -> bool:
    joined = "".join(terms)
    return joined.isascii() or max(joined, default="") <= "\uffff"


def summaries_key(keys) -> str:
    """What a vocabulary was made from: every meeting's summary, as (meeting id, its key)."""
    return digest(*(f"{meeting}={key}" for meeting, key in keys))


class KeptVocabulary:
    """The vocabulary for one build (files.Vocabulary): the kept one updated where it still holds, or else
    one made from every meeting's terms; `made` is what the next build keeps."""

    def __init__(self, kept: object, summaries: Mapping[str, tuple[str, bytes]], keys: Mapping[str, str]):
        """`kept`: what the last build kept (kept.read_kept); `summaries`: the summary lines kept with it,
        meeting id -> (key, line); `keys`: each meeting's summary key now."""
        self.kept: Vocabulary | None = None
        self.was: dict[str, str | None] = {}  # the changed meetings' terms when the kept vocabulary was made
        if isinstance(kept, dict) and kept.get("summaries") == summaries_key(
            (m, entry[0]) for m, entry in summaries.items()
        ):
            try:
                self.kept = Vocabulary.from_kept(kept["vocabulary"])
            except (KeyError, TypeError, ValueError):
                self.kept = None
            if self.kept is not None:
                changed = [
                    m for m in summaries.keys() | keys.keys() if m not in keys or summaries.get(m, ("",))[0] != keys[m]
                ]
                try:
                    self.was = {m: json.loads(summaries[m][1])[-1] if m in summaries else None for m in changed}
                except (ValueError, TypeError, IndexError):
                    self.kept = None
        self.keys = keys
        self.made: Vocabulary | None = None

    def __call__(self, held: Mapping[str, str], of_themes: list[str], starts: tuple[str, ...]) -> tuple[list[str], int]:
        made = None
        kept = self.kept
        if kept is not None and kept.starts == tuple(starts) and len(kept.texts) == len(kept.ranges) == len(starts):
            try:
                made = kept.after(self.was, {m: held.get(m) for m in self.was}, of_themes)
            except (ValueError, TypeError):
                made = None  # what was kept does not add up: the vocabulary is made again
            # Each meeting's terms are counted once in `held`: a cheap check that it holds them all.
            if made is not None and sum(made.held.values()) != sum(t.count(" ") + 1 for t in held.values() if t):
                made = None
        self.made = made or Vocabulary.of(held, of_themes, starts)
        return list(self.made.texts), self.made.longest

    def to_keep(self, order) -> dict | None:
        """What to keep for the next build, under the summaries' keys in `order` (meeting ids, as the
        summaries are kept); None when no vocabulary was made."""
        if self.made is None:
            return None
        return {"summaries": summaries_key((m, self.keys[m]) for m in order), "vocabulary": self.made.as_kept()}
