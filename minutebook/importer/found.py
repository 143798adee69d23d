"""What an import finds: the facts, people, items and actions of one meeting, each with its doubts.

Frozen, like the archive's own model: `parse` makes them from the minutes and
`draft` writes them out; nothing changes them in between.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from minutebook.importer.repair import Block


@dataclass(frozen=True)
class Reference:
    """What the archive already knows: its people, the agenda titles of its meetings, and its meeting types."""

    people: tuple[tuple[str, str], ...] = ()  # (slug, name)
    titles: tuple[str, ...] = ()
    meeting_types: tuple[str, ...] = ()  # the names site.yml declares, such as "Full Council"


@dataclass(frozen=True)
class Fact:
    """One header fact: its value for the draft, the text it was read from, and its doubts."""

    value: str = ""
    printed: str = ""
    checks: tuple[str, ...] = ()
    note: str = ""  # how it was read, where that helps the editor; not a doubt


@dataclass(frozen=True)
class Member:
    """A person at the meeting (or sending apologies) as printed, with their slug."""

    person: str
    name: str
    role: str
    abbreviation: str = ""
    known: bool = True  # the name is in people.yml
    checks: tuple[str, ...] = ()
    chair: bool = False  # printed as in the chair: "(Chair)", "(Mayor, in the Chair)"


@dataclass(frozen=True)
class Item:
    number: str
    title: str
    printed: str  # the number and title cells as printed
    blocks: tuple[Block, ...] = ()
    checks: tuple[str, ...] = ()
    note: str = ""
    title_checks: tuple[str, ...] = ()
    dotted: bool = False  # printed "2." and shown as 2
    worded: str = ""  # printed "Item 1:" and shown as 1: what was printed before the title
    respelled: bool = False  # printed in capitals, spelled as the archive spells it
    motions: tuple[str, ...] = ()  # motions and resolutions minuted under it, as printed; kept in its text


@dataclass(frozen=True)
class ActionFound:
    item: str
    text: str
    owner: str = ""
    note: str = ""
    checks: tuple[str, ...] = ()


@dataclass(frozen=True)
class NextFound:
    date: str
    time: str = ""
    type: str = ""
    venue: str = ""
    as_minuted: str = ""
    checks: tuple[tuple[str, str], ...] = ()  # (field, reason)


@dataclass(frozen=True)
class Header:
    """What the minutes say before the agenda starts."""

    source_title: Fact
    title: Fact
    meeting_type: Fact
    date: Fact
    time: Fact
    venue: Fact
    chair: Fact  # value: a person slug; printed: the name
    minute_taker: Member | None
    attendees: tuple[Member, ...]
    apologies: tuple[Member, ...]
    apologies_line: Fact
    leftovers: tuple[str, ...] = ()  # lines not understood, kept for the editor
    repairs: Counter = field(default_factory=Counter, compare=False)


@dataclass(frozen=True)
class Draft:
    source_title: Fact
    title: Fact
    meeting_type: Fact
    date: Fact
    time: Fact
    venue: Fact
    chair: Fact  # value: a person slug; printed: the name
    minute_taker: Member | None
    attendees: tuple[Member, ...]
    apologies: tuple[Member, ...]
    apologies_line: Fact
    agenda: tuple[Item, ...]
    actions: tuple[ActionFound, ...]
    next_meeting: NextFound | None
    leftovers: tuple[str, ...] = ()  # header lines not understood, kept for the editor
    repairs: Counter = field(default_factory=Counter, compare=False)
    preamble: tuple[Block, ...] = ()  # text printed before the first item that no field holds whole

    @property
    def people(self) -> tuple[Member, ...]:
        return tuple(p for p in (self.minute_taker, *self.attendees, *self.apologies) if p)
