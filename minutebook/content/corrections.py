"""What each correction changed: the meeting's text before and after it, word by word.

Pure: the versions of one meeting file in (the text before and after each commit
that changed it, read from git by history.py), and for each correction the
editor recorded, the passages that commit changed out. Only what a reader sees
is compared: the values in the front matter (people and themes by name, not by
slug) and the words of the minutes, not YAML keys or Markdown marks. The
`corrections` list itself is left out: recording a correction does not change
the minutes.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from minutebook.content import yamltext
from minutebook.content.load import split_body
from minutebook.content.markdown import parser, plain_text
from minutebook.model import Correction, Words

CONTEXT = 6  # unchanged words shown either side of a change: enough to find it on the page
SAME, REMOVED, ADDED = "same", "removed", "added"

# Where on the page each front-matter field is shown, named as the page names it.
PLACES = {
    "title": "Title", "date": "Date", "time": "Date", "type": "Meeting type", "venue": "Venue",
    "chair": "Chair", "minute_taker": "Minutes", "attendees": "Attendance", "apologies": "Apologies",
    "agenda": "Agenda", "actions": "Actions arising", "action_updates": "Actions updated at this meeting",
    "next_meeting": "Next meeting", "source": "Source", "editorial_notes": "Editorial notes",
}  # fmt: skip
PERSON_FIELDS = ("person", "chair", "owner")
MINUTES = "Minutes"  # the minutes' own text: the preamble, and a version that cannot be read


def places(words: Words) -> dict[str, str]:
    """PLACES, with the labels a body words its own way (`locale.words` in site.yml) as its pages name them;
    the minutes' own text under the body's name for it."""
    own = {
        "chair": words.chair,
        "minute_taker": words.minute_taker,
        "attendees": words.attendance,
        "apologies": words.apologies,
        MINUTES: words.minutes,
    }
    return {**PLACES, **own}


@dataclass(frozen=True)
class Change:
    """One commit's change to a meeting file: its text before (None: the commit added the file) and after
    (None: the commit deleted it)."""

    before: str | None
    after: str | None


@dataclass(frozen=True)
class Passage:
    """A changed stretch of the text with a little unchanged text either side."""

    where: str  # the part of the page, as the page names it ("Item 5 Any other business")
    pieces: tuple[tuple[str, str], ...]  # (SAME, REMOVED or ADDED, the words), in reading order
    cut_before: bool  # the part of the page goes on before the passage
    cut_after: bool

    def text(self) -> str:
        return " ".join(words for _, words in self.pieces)


def what_changed(
    corrections: Sequence[Correction],
    changes: Sequence[Change],
    people: Mapping[str, str],
    themes: Mapping[str, str],
    named: Mapping[str, str] = PLACES,
) -> dict[Correction, tuple[Passage, ...]]:
    """For each correction, the passages changed by the commit that recorded it; `changes` oldest first.

    The commit that recorded a correction is the one after which the file lists more corrections of its
    date than before: the one that added this very sentence if there is one, so a later commit mending
    the sentence's wording is not mistaken for it. A correction listed since the file was added, or
    whose commit git does not know, has no passages. `named`: each part of the page by the name the page
    gives it (`places`)."""
    recorded = functools.cache(_recorded)
    sections = functools.cache(lambda text: _reader_text(text, people, themes, named))
    found: dict[Correction, tuple[Passage, ...]] = {}
    for correction in corrections:
        day, note = correction.date.isoformat(), _words(correction.note)
        same_day = [c for c in corrections if c.date == correction.date]
        adding = [
            c
            for c in changes
            if c.before is not None
            and c.after is not None
            and _count(recorded(c.after), day) > _count(recorded(c.before), day)
        ]
        exact = [c for c in adding if (day, note) in recorded(c.after) and (day, note) not in recorded(c.before)]
        if exact:
            change = exact[0]
        elif adding:
            change = adding[min(same_day.index(correction), len(adding) - 1)]
        else:
            continue
        found[correction] = passages(sections(change.before), sections(change.after))
    return found


def _count(recorded: tuple[tuple[str, str], ...], day: str) -> int:
    return sum(1 for d, _ in recorded if d == day)


def _words(text: str) -> str:
    return " ".join(text.split())


def _front_matter(text: str) -> tuple[yamltext.YMap, str] | None:
    """(the front matter, the body) of a meeting file's text, or None if it has no readable front matter."""
    lines = text.replace("\r\n", "\n").split("\n")
    if not lines or lines[0].strip() != "---":
        return None
    end = next((i for i in range(1, len(lines)) if lines[i].rstrip() in ("---", "...")), None)
    if end is None:
        return None
    try:
        data = yamltext.parse("\n".join(lines[1:end]))
    except yamltext.YamlProblem:
        return None
    return (data, "\n".join(lines[end + 1 :])) if isinstance(data, dict) else None


def _recorded(text: str) -> tuple[tuple[str, str], ...]:
    """The corrections a version of the file lists, as (date, sentence); none if it cannot be read."""
    split = _front_matter(text)
    entries = split[0].get("corrections") if split else None
    if not isinstance(entries, list):
        return ()
    found = []
    for entry in entries:
        day, note = (entry.get("date"), entry.get("note")) if isinstance(entry, dict) else (None, None)
        if isinstance(day, str) and isinstance(note, str):
            found.append((day.strip(), _words(note)))
    return tuple(found)


def _reader_text(
    text: str | None, people: Mapping[str, str], themes: Mapping[str, str], named: Mapping[str, str] = PLACES
) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """A version's text as a reader sees it: (part of the page, its words), in the file's order."""
    if text is None:
        return ()
    split = _front_matter(text)
    if split is None:  # unreadable: compared as written, so no change goes unseen
        return ((named.get(MINUTES, MINUTES), tuple(text.split())),)
    data, body = split
    parts = [
        (named.get(key, key.replace("_", " ").capitalize()), tuple(_values(value, key, people, themes)))
        for key, value in data.items()
        if key != "corrections"
    ]
    # An item's heading is its agenda title, which the loader holds to the one in the front matter: compared there.
    for heading, _, lines in split_body(body, 0):
        parts.append(
            (
                f"Item {heading}" if heading else named.get(MINUTES, MINUTES),
                tuple(plain_text(_parser().parse("\n".join(lines))).split()),
            )
        )
    return tuple(parts)


@functools.cache
def _parser():
    return parser()


def _values(value, key: str, people: Mapping[str, str], themes: Mapping[str, str]) -> Iterable[str]:
    """The words of a front-matter value, with people and themes named as the page names them."""
    if isinstance(value, dict):
        for k, v in value.items():
            yield from _values(v, k, people, themes)
    elif isinstance(value, list):
        for v in value:
            yield from _values(v, key, people, themes)
    elif isinstance(value, str):
        names = people if key in PERSON_FIELDS else themes if key == "themes" else {}
        yield from names.get(value.strip(), value).split()


def passages(
    before: Sequence[tuple[str, Sequence[str]]], after: Sequence[tuple[str, Sequence[str]]], context: int = CONTEXT
) -> tuple[Passage, ...]:
    """The changed passages between two versions' (part of the page, words), each with up to `context`
    unchanged words either side, never reaching into another part of the page."""
    old = [(where, word) for where, words in before for word in words]
    new = [(where, word) for where, words in after for word in words]
    import difflib  # here: only a meeting with a correction needs it

    matcher = difflib.SequenceMatcher(None, [w for _, w in old], [w for _, w in new], autojunk=False)
    opcodes = matcher.get_opcodes()
    # A removed word belongs where its part of the page is now, even if that part's heading changed.
    renamed: dict[str, str] = {}
    for tag, i1, i2, j1, _ in opcodes:
        if tag == "equal":
            for k in range(i2 - i1):
                renamed.setdefault(old[i1 + k][0], new[j1 + k][0])
    # The two versions as one run of words, each marked same, removed or added.
    run: list[tuple[str, str, str]] = []  # (kind, part of the page, word)
    for tag, i1, i2, j1, j2 in opcodes:
        if tag == "equal":
            run += [(SAME, where, word) for where, word in new[j1:j2]]
            continue
        run += [(REMOVED, renamed.get(where, where), word) for where, word in old[i1:i2]]
        run += [(ADDED, where, word) for where, word in new[j1:j2]]
    shown = [False] * len(run)
    for at, (kind, where, _) in enumerate(run):
        if kind == SAME:
            continue
        shown[at] = True
        for step in (-1, 1):
            k, kept = at + step, 0
            while 0 <= k < len(run) and run[k][1] == where and kept < context:
                shown[k] = True
                kept += run[k][0] == SAME
                k += step
    found: list[Passage] = []
    at = 0
    while at < len(run):
        if not shown[at]:
            at += 1
            continue
        where, start = run[at][1], at
        while at < len(run) and shown[at] and run[at][1] == where:
            at += 1
        found.append(_passage(run, start, at))
    return tuple(found)


def _passage(run: list[tuple[str, str, str]], start: int, end: int) -> Passage:
    pieces: list[tuple[str, list[str]]] = []
    for kind, _, word in run[start:end]:
        if pieces and pieces[-1][0] == kind:
            pieces[-1][1].append(word)
        else:
            pieces.append((kind, [word]))
    where = next(w for kind, w, _ in run[start:end] if kind != SAME)
    return Passage(
        where,
        tuple((kind, " ".join(words)) for kind, words in pieces),
        cut_before=start > 0 and run[start - 1][1] == where,
        cut_after=end < len(run) and run[end][1] == where,
    )
