"""Decisions: each motion the importer recognised, read for the `decisions:` front matter.

The motion's words stay in its item's text; this reads from them who moved and
seconded it, what became of it, the numbers voting and a roll call, where the
minutes print them. What is printed but not understood is a doubt for the editor,
never a guess: a mover not among the meeting's people is left out and named.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from minutebook.importer import people, plain
from minutebook.importer.found import Draft, Member

TITLE = (
    r"(?i:Council\s*Member|Councilmember|Councilwoman|Councilman|Councilor|Councillor|Cllr\.?|Trustee|Member|"
    r"Commissioner|Supervisor|Alderman|Alderwoman|Governor|Director|Vice\s+Chair|Chair(?:man|woman)?|Mayor|"
    r"Mr\.?|Mrs\.?|Ms\.?|Dr\.?)"
)
NAME = r"[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2}"
WHO = rf"(?:{TITLE}\s+)?(?P<who>{NAME})"
# Words a name runs into where the minutes print no punctuation: "Proposed: Cllr Bhatt Seconded: Cllr Connolly".
NOT_NAMES = {"motion", "the", "it", "that", "seconded", "second", "supported", "carried", "resolved", "moved",
             "proposed", "agreed", "vote", "to"}  # fmt: skip

MOVED = (
    re.compile(rf"\b(?i:moved|proposed)(?:\s+by)?\s*:?\s+{WHO}"),
    re.compile(rf"\b(?i:motion)\s*(?:by\b|:)\s*{WHO}"),
    re.compile(rf"(?:^|[.;]\s+|,\s+){WHO}\s+(?:moved|proposed)\b"),
)
SECONDED = (
    re.compile(rf"\b(?i:seconded|supported|second)(?:\s+by)?\s*:?\s+{WHO}"),
    re.compile(rf"(?:^|[.;]\s+){WHO}\s+seconded\b"),
)
NUMBER = re.compile(r"\b(?P<kind>Resolution|Ordinance)\s+(?:No\.?\s*)?\d[\w/-]*\d\b", re.I)
RESULTS = (
    ("withdrawn", re.compile(r"\bwithdrawn\b", re.I)),
    ("deferred", re.compile(r"\b(?:deferred|tabled|postponed)\b", re.I)),
    ("lost", re.compile(r"\b(?:lost|failed|defeated)\b", re.I)),
    ("carried", re.compile(r"\b(?:carried|passed|adopted|approved|agreed|all\s+in\s+favour|all\s+in\s+favor)\b", re.I)),
)
COUNTS = re.compile(
    r"\b(?:carried|passed|failed|lost|approved|adopted|vote)\s*[:,]?\s*(?:by\s+)?(?:a\s+vote\s+of\s+)?"
    r"(?P<for>\d{1,2})\s*[-–]\s*(?P<against>\d{1,2})(?:\s*[-–]\s*(?P<abstain>\d{1,2}))?\b",
    re.I,
)
ROLL_CALL = re.compile(r"\broll\s+call(?:\s+vote)?\s*:", re.I)
ROLL_GROUP = re.compile(
    r"\b(?P<label>Ayes|Yeas|Yes|Noes|Nays|No|Abstain(?:ed|ing|tions?)?|Absent)\s*:\s*(?P<names>[^.:]*?)"
    r"(?=\.|\s+(?:Ayes|Yeas|Noes|Nays|No|Abstain\w*|Absent)\s*:|$)",
    re.I,
)
VOTE_OF = {"ayes": "for", "yeas": "for", "yes": "for", "noes": "against", "nays": "against", "no": "against",
           "absent": "absent"}  # fmt: skip


@dataclass(frozen=True)
class DecisionFound:
    item: str
    kind: str
    text: str
    number: str = ""
    moved: str = ""
    seconded: str = ""
    result: str = ""
    counts: tuple[int, int, int | None] | None = None
    votes: tuple[tuple[str, str], ...] = ()
    checks: tuple[str, ...] = ()


def decisions_of(draft: Draft) -> tuple[DecisionFound, ...]:
    return tuple(
        decision_of(item.number or item.title, text, draft.people) for item in draft.agenda for text in item.motions
    )


# A sentence ends at a full stop before a capital, but not after a title or an initial ("Dr. Kim", "J. Abbott").
SENTENCE_END = re.compile(r"(?<!\bDr)(?<!\bMr)(?<!\bMrs)(?<!\bMs)(?<!\bSt)(?<!\bNo)(?<!\b[A-Z])\.\s+(?=[A-Z])")


def motion_words(text: str) -> str:
    """The paragraph from its first sentence about the motion: "Dr. Kim presented two options. After
    discussion, Trustee Foster moved …" is the motion from "After discussion"."""
    starts = [0] + [end.end() for end in SENTENCE_END.finditer(text)]
    for start, stop in zip(starts, [*starts[1:], len(text)], strict=True):
        if plain.MOTION.search(text[start:stop]) or plain.PROPOSAL.search(text[start:stop]):
            return text[start:]  # as printed, to its end
    return text


def decision_of(item: str, printed: str, members: tuple[Member, ...]) -> DecisionFound:
    text = motion_words(printed)
    checks: list[str] = []
    number = NUMBER.search(text)
    resolved = re.search(r"\bRESOLVED\b", text) is not None
    kind = number.group("kind").casefold() if number else "resolution" if resolved else "motion"
    moved = person(text, MOVED, members, "moved", checks)
    seconded = person(text, SECONDED, members, "seconded", checks)
    result = result_of(text)
    if not result and resolved:
        result = "carried"
    if not result:
        checks.append("no result found in the motion's words: set result as the minutes record it")
    counted = COUNTS.search(text)
    counts = None
    if counted:
        abstain = counted.group("abstain")
        counts = (int(counted.group("for")), int(counted.group("against")), int(abstain) if abstain else None)
    votes = roll_call(text, members, checks)
    if (
        votes
        and counts
        and (counts[0], counts[1])
        != (
            sum(v == "for" for _, v in votes),
            sum(v == "against" for _, v in votes),
        )
    ):
        checks.append("the roll call and the count printed do not agree: the votes are left out")
        votes = ()
    return DecisionFound(
        item, kind, text, number.group(0) if number else "", moved, seconded, result, counts, votes, tuple(checks)
    )


def result_of(text: str) -> str:
    """The last word of a result printed: "RESOLVED that the lost property policy be approved" is carried,
    "the motion to approve the tabled report failed" is lost."""
    said = [(found.start(), name) for name, words in RESULTS for found in words.finditer(text)]
    return max(said)[1] if said else ""


def person(text: str, patterns: tuple[re.Pattern[str], ...], members: tuple[Member, ...], what: str,
           checks: list[str]) -> str:  # fmt: skip
    for pattern in patterns:
        found = pattern.search(text)
        printed = name_of(found.group("who")) if found else ""
        if not printed:
            continue
        member = people.by_surname(printed, members)
        if member:
            return member.person
        checks.append(f'{what} by "{printed}", who is not among the meeting\'s people: add {what}: if you find them')
        return ""
    return ""


def name_of(words: str) -> str:
    """The name, without the words it runs into: "Bhatt Seconded" is Bhatt."""
    kept: list[str] = []
    for word in words.split():
        if word.casefold() in NOT_NAMES:
            break
        kept.append(word)
    return " ".join(kept)


def roll_call(text: str, members: tuple[Member, ...], checks: list[str]) -> tuple[tuple[str, str], ...]:
    """Each member's vote, only where a roll call prints every name and each is one of the meeting's people."""
    start = ROLL_CALL.search(text)
    if not start:
        return ()
    votes: list[tuple[str, str]] = []
    for group in ROLL_GROUP.finditer(text, start.end()):
        label = group.group("label").casefold()
        vote = VOTE_OF.get(label, "abstain")
        names = [n.strip() for n in re.split(r",|\band\b", group.group("names")) if n.strip()]
        if names in ([], ["None"], ["none"]):
            continue
        for name in names:
            member = people.by_surname(name, members)
            if not member:
                checks.append(f'the roll call names "{name}", who is not among the meeting\'s people: votes left out')
                return ()
            votes.append((member.person, vote))
    if not votes:
        checks.append("a roll call is printed but its names could not be read: add votes: if you need them")
    return tuple(votes)
