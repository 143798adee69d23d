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
from minutebook.model import Counts

TITLE = (
    r"(?i:Council\s*Member|Councilmember|Councilwoman|Councilman|Councilor|Councillor|Cllr\.?|Trustee|Member|"
    r"Commissioner|Supervisor|Alderman|Alderwoman|Governor|Director|Vice\s+Chair|Chair(?:man|woman)?|Mayor|"
    r"Mr\.?|Mrs\.?|Ms\.?|Dr\.?)"
)
NAME = r"[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2}"
WHO = rf"(?:{TITLE}\s+)?(?P<who>{NAME})"
# Words a name runs into where the minutes print no punctuation: "Proposed: Cllr Bhatt Seconded: Cllr Connolly".
ADVERB = r"(?:(?i:then|formally|duly|subsequently)\s+)?"  # "Cllr Briggs then proposed", "the Chair duly seconded"
NOT_NAMES = {"motion", "the", "it", "that", "seconded", "second", "supported", "carried", "resolved", "moved",
             "proposed", "agreed", "vote", "to"}  # fmt: skip

MOVED = (
    re.compile(rf"\b(?i:moved|proposed)(?:\s+by)?\s*:?\s+{WHO}"),
    re.compile(rf"\b(?i:motion)\s*(?:by\b|:)\s*{WHO}"),
    re.compile(rf"(?:^|[.;]\s+|,\s+){WHO}\s+{ADVERB}(?:moved|proposed)\b"),
)
SECONDED = (
    re.compile(rf"\b(?i:seconded|supported|second)(?:\s+by)?\s*:?\s+{WHO}"),
    re.compile(rf"(?:^|[.;]\s+){WHO}\s+{ADVERB}seconded\b"),
)
NUMBER = re.compile(r"\b(?P<kind>Resolution|Ordinance)\s+(?:No\.?\s*)?\d[\w/-]*\d\b", re.I)
RESULTS = (
    ("withdrawn", re.compile(r"\bwithdrawn\b", re.I)),
    ("deferred", re.compile(r"\b(?:deferred|tabled|postponed)\b", re.I)),
    ("lost", re.compile(r"\b(?:lost|failed|defeated)\b", re.I)),
    ("carried", re.compile(r"\b(?:carried|passed|adopted|approved|agreed|all\s+in\s+favour|all\s+in\s+favor)\b", re.I)),
)
# Numbers as minutes print them, in figures or in words: "by 6 votes to 2", "by six votes to nil".
NUMBER_WORDS = {"nil": 0, "none": 0, "no": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
                "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}  # fmt: skip
N = r"(?:\d{1,2}|(?i:nil|none|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve))"
# "…, 1 abstention", "… with 1 abstention", "… and no abstentions": the abstentions printed after a count.
ABSTENTIONS = (
    rf"(?:\s*[,;]\s*|\s+(?i:with|and)\s+)(?P<abstentions>{N}|(?i:no))\s+(?i:abstentions?|abstaining|abstained)\b"
)
COUNTS = (
    # "For: 5 Against: 2", "For: 5, Against: 2, Abstentions: 1", as British minutes print a count
    re.compile(
        r"\b(?:For|In\s+favou?r)\s*:\s*(?P<for>\d{1,2})\s*[,;.]?\s*Against\s*:\s*(?P<against>\d{1,2}|(?i:nil|none))"
        r"(?:\s*[,;.]?\s*Abst\w*\s*:\s*(?P<abstain>\d{1,2}|(?i:nil|none)))?\b",
        re.I,
    ),
    # "carried 5-0", "Motion carried (5-0)", "passed 4-1", "Vote: 5-0-1", "approved by a vote of 6 to 1"
    re.compile(
        r"\b(?:carried|passed|failed|lost|approved|adopted|vote)\s*[:,]?\s*(?:by\s+)?(?:a\s+vote\s+of\s+)?\(?\s*"
        rf"(?P<for>\d{{1,2}})(?:\s*[-–]\s*|\s+to\s+)(?P<against>\d{{1,2}})(?:\s*[-–]\s*(?P<abstain>\d{{1,2}}))?\b"
        rf"(?:{ABSTENTIONS})?",
        re.I,
    ),
    # "on a 5-0 vote", "by a 4-3 vote", "by an 8-1 vote"
    re.compile(
        r"\b(?:on|by|with)\s+an?\s+(?P<for>\d{1,2})\s*[-–]\s*(?P<against>\d{1,2})(?:\s*[-–]\s*(?P<abstain>\d{1,2}))?"
        rf"\s+vote\b(?:{ABSTENTIONS})?",
        re.I,
    ),
    # "By a vote of six to one, the Board adopted …"
    re.compile(rf"\b(?i:a\s+vote\s+of)\s+(?P<for>{N})\s*(?:[-–]|\s(?i:to)\s)\s*(?P<against>{N})\b(?:{ABSTENTIONS})?"),
    # "carried by 6 votes to 2", "by 6 votes to 2 with 1 abstention", "by six votes to nil"
    re.compile(rf"\b(?P<for>{N})\s+(?i:votes?)\s+(?i:to)\s+(?P<against>{N})\b(?:{ABSTENTIONS})?"),
    # "6 in favour and 2 against", "6 for, 2 against, 1 abstention"
    re.compile(
        rf"\b(?P<for>{N})\s+(?:(?i:votes?)\s+)?(?i:in\s+favou?r|for)\s*(?:,|\s(?i:and|to|with)\s)\s*"
        rf"(?P<against>{N})\s+(?i:against)\b(?:{ABSTENTIONS})?"
    ),
)
# Words that say a count is printed, to mark one that none of COUNTS could read.
COUNT_SAID = re.compile(rf"\b{N}\s+(?:votes?|abstentions?|in\s+favou?r)\b|\bvote\s+of\b", re.I)
ABSTENTIONS_SAID = re.compile(rf"\b(?:{N}|no)\s+abstentions?\b", re.I)
ROLL_CALL = re.compile(r"\broll\s+call(?:\s+vote)?\s*:", re.I)
# A recorded vote as British minutes print one, a roll call without the words: "For: Cllrs Hale and Briggs.
# Against: Cllr Okafor." Both labels, in capitals, so "for: the reasons given" is no vote.
RECORDED_VOTE = re.compile(r"\b(?:For|FOR|In\s+favou?r|IN\s+FAVOU?R)\s*:(?=.*\b(?:Against|AGAINST)\s*:)", re.S)
ROLL_GROUP = re.compile(
    r"\b(?P<label>Ayes|Yeas|Yes|Noes|Nays|No|For|In\s+favou?r|Against|Abstain(?:ed|ing|tions?)?|Absent)\s*:\s*"
    r"(?P<names>[^.:]*?)(?=\.|\s+(?:Ayes|Yeas|Noes|Nays|No|For|In\s+favou?r|Against|Abstain\w*|Absent)\s*:|$)",
    re.I,
)
VOTE_OF = {"ayes": "for", "yeas": "for", "yes": "for", "for": "for", "in favour": "for", "in favor": "for",
           "noes": "against", "nays": "against", "no": "against", "against": "against", "absent": "absent"}  # fmt: skip


# A mover or seconder named by the role they hold at the meeting: "moved by the Chair", "the Mayor moved",
# "seconded by the Clerk". The chair's and mayor's titles are read in any case ("proposed by the chairman");
# after "moved by the", other roles in capitals, so "moved by the end of June" names no one. "The Chair of
# the Finance Committee" is a role of its own, not the meeting's chair.
CHAIRS = (
    r"(?i:(?:Vice|Deputy)[\s-]+(?:Chair(?:man|woman|person)?|Mayor|President)|Mayor\s+Pro\s+Tem(?:pore)?|"
    r"Chair(?:man|woman|person)?|Mayor|President|Presiding\s+Officer)\b"
)
CAPITALISED = r"[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3}"
ROLE = rf"(?P<role>(?:{CHAIRS}|{CAPITALISED})(?:\s+of\s+(?:the\s+)?{CAPITALISED})?)"
MOVED_BY_ROLE = (
    re.compile(rf"\b(?i:moved|proposed|motion)\s+by\s+(?i:the)\s+{ROLE}"),
    re.compile(rf"\b(?i:the)\s+(?P<role>{CHAIRS})\s+{ADVERB}(?:moved|proposed)\b"),
)
SECONDED_BY_ROLE = (
    re.compile(rf"\b(?i:seconded|supported)\s+by\s+(?i:the)\s+{ROLE}"),
    re.compile(rf"\b(?i:the)\s+(?P<role>{CHAIRS})\s+{ADVERB}seconded\b"),
)
# Members named as voting otherwise than the rest, outside a roll call: "with Councilmember Ruiz voting no",
# "Foster and Diaz opposed", "Trustee Lin abstaining", "Cllr Ward recused herself". "Opposed" only ends a
# clause, so "Mr Hart opposed the application" names no vote.
NAMED = rf"(?:{TITLE}s?\s+)?{NAME}"
DISSENT = re.compile(
    rf"(?P<names>{NAMED}(?:\s*,\s*(?:and\s+)?{NAMED}|\s+and\s+{NAMED})*)\s+"
    r"(?P<how>(?i:voting|voted)\s+(?i:no|nay|against)\b|(?i:opposed)(?=\s*(?:[.;,)]|$))|"
    r"(?i:abstaining|abstained|recused)\b)"
)
# "None opposed", "with no one abstaining": no member named, and nothing to doubt.
NO_ONE_DISSENTING = re.compile(
    r"\b(?:none|no\s+one|nobody)\s+(?:(?:voting|voted)\s+(?:no|nay|against)|opposed|abstaining|abstained|recused)\b",
    re.I,
)
DISSENT_SAID = re.compile(
    r"\b(?:voting|voted)\s+(?:no|nay|against)\b|\bopposed(?=\s*(?:[.;,)]|$))|\b(?:abstaining|abstained|recused)\b", re.I
)


@dataclass(frozen=True)
class DecisionFound:
    item: str
    kind: str
    text: str
    number: str = ""
    moved: str = ""
    seconded: str = ""
    result: str = ""
    counts: Counts | None = None
    votes: tuple[tuple[str, str], ...] = ()  # (person, vote): every member's, from a roll call
    named: tuple[tuple[str, str], ...] = ()  # (person, vote): only the members the minutes name as voting otherwise
    checks: tuple[str, ...] = ()


def decisions_of(draft: Draft) -> tuple[DecisionFound, ...]:
    present = Present(draft.attendees, draft.chair.value)
    return tuple(
        decision_of(item.number or item.title, text, draft.people, present)
        for item in draft.agenda
        for text in item.motions
    )


@dataclass(frozen=True)
class Present:
    """Those at the meeting, whose roles say who "the Chair" or "the Mayor" is."""

    attendees: tuple[Member, ...] = ()
    chair: str = ""  # the chair's slug, where the minutes name one


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


def decision_of(item: str, printed: str, members: tuple[Member, ...], present: Present | None = None) -> DecisionFound:
    text = motion_words(printed)
    present = present or Present(members)
    checks: list[str] = []
    number = NUMBER.search(text)
    resolved = re.search(r"\bRESOLVED\b", text) is not None
    kind = number.group("kind").casefold() if number else "resolution" if resolved else "motion"
    moved = by_role(text, MOVED_BY_ROLE, present, "moved", checks) or person(text, MOVED, members, "moved", checks)
    seconded = by_role(text, SECONDED_BY_ROLE, present, "seconded", checks) or person(
        text, SECONDED, members, "seconded", checks
    )
    result = result_of(text)
    if not result and resolved:
        result = "carried"
    if not result:
        checks.append("no result found in the motion's words: set result as the minutes record it")
    counts = counts_of(text, checks)
    votes = roll_call(text, present.attendees or members, checks)  # those who sent apologies cast no vote
    if (
        votes
        and counts
        and (counts.for_, counts.against)
        != (
            sum(v == "for" for _, v in votes),
            sum(v == "against" for _, v in votes),
        )
    ):
        checks.append("the roll call and the count printed do not agree: the votes are left out")
        votes = ()
    named = () if ROLL_CALL.search(text) else named_votes(text, members, present, counts, checks)
    return DecisionFound(
        item, kind, text, number.group(0) if number else "", moved, seconded, result, counts, votes, named,
        tuple(checks),
    )  # fmt: skip


def counts_of(text: str, checks: list[str]) -> Counts | None:
    """The first count printed, in any of the forms COUNTS reads; a count printed in another is a doubt."""
    found = [m for pattern in COUNTS for m in [pattern.search(text)] if m]
    if not found:
        if COUNT_SAID.search(text):
            checks.append("a count is printed but could not be read: add counts: as the minutes give them")
        return None
    counted = min(found, key=lambda m: m.start())
    abstain = counted.groupdict().get("abstain") or counted.groupdict().get("abstentions")
    counts = Counts(
        figure(counted.group("for")), figure(counted.group("against")), figure(abstain) if abstain else None
    )
    if counts.abstain is None and ABSTENTIONS_SAID.search(text):
        checks.append("abstentions are printed but their number could not be read: add abstain: to counts")
    return counts


def figure(printed: str) -> int:
    """ "6" or "six" as 6."""
    return int(printed) if printed.isdigit() else NUMBER_WORDS[printed.casefold()]


def by_role(text: str, patterns: tuple[re.Pattern[str], ...], present: Present, what: str,
            checks: list[str]) -> str:  # fmt: skip
    """The one person present who holds the role the minutes name ("moved by the Chair"); a doubt if no one
    or more than one does."""
    for pattern in patterns:
        found = pattern.search(text)
        if not found:
            continue
        role = found.group("role")
        holders = role_holders(role, present)
        if len(holders) == 1:
            return holders[0]
        among = f" ({', '.join(holders)})" if holders else ""
        checks.append(
            f'{what} by "the {role}", but {"more than one" if holders else "no one"} present is minuted as'
            f" {role}{among}: add {what}: if you find who"
        )
        return ""
    return ""


def role_holders(role: str, present: Present) -> list[str]:
    wanted = role_key(role)
    holders = [m.person for m in present.attendees if role_key(m.role) == wanted or (wanted == "chair" and m.chair)]
    if wanted == "chair" and not holders and present.chair:
        holders = [present.chair]
    return list(dict.fromkeys(holders))


def role_key(role: str) -> str:
    """A role as compared: "Vice-Chairman" is "vice chair", "the Chair" is "chair"."""
    words = re.sub(r"[\s-]+", " ", role).casefold().strip()
    words = re.sub(r"^the ", "", words)
    return re.sub(r"\bchair(?:man|woman|person)\b", "chair", words)


def named_votes(text: str, members: tuple[Member, ...], present: Present, counts: Counts | None,
                checks: list[str]) -> tuple[tuple[str, str], ...]:  # fmt: skip
    """The members named as voting against or abstaining ("Trustee Lin voting no", "the Mayor abstaining"):
    only the meeting's people, each other name a doubt. Not a roll call: those voting for are not named."""
    named: list[tuple[str, str]] = []
    read = 0
    text = NO_ONE_DISSENTING.sub("", text)
    for found in DISSENT.finditer(text):
        how = found.group("how").casefold()
        vote = "abstain" if how.startswith(("abstain", "recused")) else "against"
        for printed in re.split(r",|\band\b", found.group("names")):
            name = bare(printed)
            if not name:
                continue
            read += 1
            member = people.by_surname(name, members)
            holders = role_holders(name, present)
            if member or len(holders) == 1:
                named.append((member.person if member else holders[0], vote))
            else:
                checks.append(
                    f'"{name}" is minuted as {how}, but is not among the meeting\'s people: add them if you find them'
                )
    if not read and DISSENT_SAID.search(text):
        checks.append("members are minuted as voting against or abstaining, but who could not be read")
    against = sum(v == "against" for _, v in named)
    if counts and against > counts.against:
        checks.append(f"{against} named as voting against, but the count printed gives {counts.against} against")
    return tuple(dict.fromkeys(named))


def bare(printed: str) -> str:
    """The name alone: "With Councilmember Ruiz" is Ruiz."""
    name = re.sub(rf"^\s*(?:(?i:with|and)\s+)?(?:{TITLE}s?\s+)?", "", printed.strip())
    return name_of(name)


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
    called, recorded = ROLL_CALL.search(text), RECORDED_VOTE.search(text)
    start = called.end() if called else recorded.start() if recorded else None  # a recorded vote's "For:" is a group
    if start is None:
        return ()
    votes: list[tuple[str, str]] = []
    for group in ROLL_GROUP.finditer(text, start):
        label = " ".join(group.group("label").casefold().split())
        vote = VOTE_OF.get(label, "abstain")
        names = [n.strip() for n in re.split(r"[,;]|\band\b", group.group("names")) if n.strip()]
        if names in ([], ["None"], ["none"], ["Nil"], ["nil"]):
            continue
        if any(re.fullmatch(r"\d{1,3}", name) for name in names):
            return ()  # "For: 5 Against: 2" is a count (counts_of), not names
        for name in names:
            member = people.by_surname(name, members)
            if not member:
                checks.append(f'the roll call names "{name}", who is not among those present: votes left out')
                return ()
            votes.append((member.person, vote))
    if not votes:
        checks.append("a roll call is printed but its names could not be read: add votes: if you need them")
    return tuple(votes)
