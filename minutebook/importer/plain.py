"""Plain minutes: the common shapes of minutes printed as running text, not as a table.

Most bodies print their minutes as paragraphs under item headings: numbered ("1.",
"2.1", "39/20", "C048/23") or unnumbered headings in capitals ("CALL TO ORDER").
Before the first item come the title, a line or sentence giving the date, time and
place, and the people ("Present:", "The following members were present", one name
to a line under "PRESENT"); the people may also be minuted under the first items
("ROLL CALL", "Apologies were received from"). Every line of the source ends up in
the draft's body, or whole in a front-matter value: what a field reads from a
sentence is read, and the sentence is kept where it was printed.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, replace

from minutebook.importer import dates, repair
from minutebook.importer.found import Fact, Item, Member, NextFound, Reference
from minutebook.importer.header import name_doubts, person, read_minute_taker, read_title, unknown_check
from minutebook.importer.people import (
    ABSENT,
    ALSO_WAS,
    APOLOGIES,
    LABEL_INSIDE,
    LIST_END,
    PRESENT,
    RECEIVED_APOLOGIES,
    SENT_APOLOGIES,
    WERE_PRESENT,
    by_surname,
    list_entries,
    people_list,
    read_entry,
)
from minutebook.importer.repair import HEADING, PARAGRAPH, Block, without_markers
from minutebook.importer.titles import is_capitals, spelled

# An item's number as printed at the start of its line: "70/17", "C048/23", "2.1(d)", "3.", "4a".
MINUTE_NUMBER = r"[A-Z]{0,3}\d{1,4}/\d{2,4}"
OUTLINE_NUMBER = r"\d{1,2}(?:\.\d{1,2})*(?:[a-z]|\([a-z]\))?"
ITEM_LINE = re.compile(
    rf"^(?P<word>(?:Agenda\s+)?Item\s+)?(?P<number>{MINUTE_NUMBER}|{OUTLINE_NUMBER})(?P<dot>\.?)(?P<mark>[:)]?)(?:\s+[–—-]\s+|\s+)(?P<rest>\S.*)$"
)
# Capitals that start a label, a decision or an action, not an item.
NOT_HEADINGS = re.compile(
    r"^(?:PRESENT|ALSO PRESENT|IN ATTENDANCE|ABSENT|APOLOGIES|RESOLVED|AGREED|CARRIED|NOTED|ACTIONS?|"
    r"MOVED|SECONDED|MOTION|ROLL CALL VOTE|AYES|NOES|NAYS)\b"
)
HEADING_WORDS_MAX = 12  # a line in capitals longer than this is a shouted sentence, not a heading

LABEL = re.compile(
    r"^[\s\-•*]*(?P<label>Date|Time|Start(?:ing)?(?:\s+time)?|Venue|Location|Place|Chair(?:man|person|woman)?|"
    r"Minutes(?:\s+taken\s+by)?|"
    r"Minute[\s-]taker|Recording\s+Secretary|Clerk(?:\s+to\s+the\s+(?:meeting|council))?)\b\s*:\s*(?P<value>.+)$",
    re.I,
)
CALLED_BY = re.compile(
    r"\b(?:called\s+to\s+order|opened|chaired)\s+by\s+(?P<who>(?:[A-Z][\w.'’-]*\s+){0,3}[A-Z][\w'’-]+)"
    r"|(?:\bwith|,)\s+(?P<presiding>(?:[A-Z][\w.'’-]*\s+){0,3}[A-Z][\w'’-]+)\s+(?:presiding|in\s+the\s+chair)\b"
)
CALLED_TO_ORDER = re.compile(
    r"(?P<who>(?:[A-Z][\w.'’-]*\s+){0,3}[A-Z][\w'’-]+)\s+"
    r"(?:called\s+(?:the\s+)?(?:[\w'’-]+\s+){0,10}?(?:meeting\s+)?to\s+order|presided|took\s+the\s+chair)"
)
NEXT_MEETING = re.compile(r"\bnext\s+(?:\w+\s+){0,2}meeting\b", re.I)

# A motion: what the meeting decided, as minuted. Kept in the item's text; drafted as a decision too.
MOTION = re.compile(
    r"\bRESOLVED\b|\bAGREED\s*:|\b(?:moved|proposed)\b[^.]*?\bseconded\b|\bseconded\s+by\b|\bmotion\s+(?:was\s+)?(?:carried|passed|failed)\b|"
    # "Cllr Briggs proposed that the minutes be approved. Cllr Okafor seconded the proposal": the next sentence
    # begins with who seconded it ("The proposal was not seconded" is no motion)
    r"\b(?:moved|proposed)\s+that\b[^.]*\.\s+(?:(?:Cllr|Councillor|Mr|Mrs|Ms|Miss|Dr|the)\.?\s+)?"
    r"(?-i:[A-Z])[\w'’-]*(?:\s+(?-i:[A-Z])[\w'’-]*){0,3}\s+(?:(?:then|duly|formally)\s+)?seconded\b|"
    r"\bcarried\s+(?:\d+\s*[-–]\s*\d+|unanimously|by\s+\d+)|\bmotion\s*:|\bvote\s*:\s*\d+\s*[-–]\s*\d+",
    re.I,
)


@dataclass(frozen=True)
class Start:
    """A line that starts an item: its number ("" for a heading in capitals), title and any text after."""

    number: str
    title: str
    rest: str
    dotted: bool
    worded: str = ""  # "Item 1:" or "1)" as printed, when the number was printed with more than a full stop


LETTER_LINE = re.compile(r"^(?P<letter>[A-Z])[.)]\s+(?P<rest>[A-Z].*)$")  # "A. CALL TO ORDER"
ROMAN_LINE = re.compile(r"^(?P<roman>[IVX]{1,6})[.)]\s+(?P<rest>[A-Z].*)$")  # "IV. Adjournment"
ROMANS = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV")


def item_start(line: str, used: set[str], last: str, last_letter: str = "") -> Start | None:
    """The line starts an item if it is a heading in capitals, a minute number ("39/20") and a
    title, or the next number in the outline ("3." after "2.", "2.1" after "2") and a title that is no
    sentence. So the numbered lists printed inside items are not taken for items."""
    text = " ".join(line.split())
    roman = ROMAN_LINE.match(text)
    expected_roman = ROMANS[ROMANS.index(last_letter) + 1] if last_letter in ROMANS[:-1] else "I"
    if roman and roman.group("roman") == expected_roman and last_letter != "H":  # after H, "I." is a letter
        title, after = title_split(roman.group("rest"))
        if is_capitals(title) or not re.search(r"[.?!]$", title):
            return Start(roman.group("roman"), title, after, False)
    lettered = LETTER_LINE.match(text)
    if lettered and lettered.group("letter") not in used:
        title, after = title_split(lettered.group("rest"))
        follows_on = len(last_letter) <= 1 and lettered.group("letter") == chr(ord(last_letter or "@") + 1)
        if is_capitals(title) or (follows_on and not re.search(r"[.?!]$", title)):
            return Start(lettered.group("letter"), title, after, False)
    plain = text.rstrip(":").strip()
    if is_capitals(plain) and len(plain.split()) <= HEADING_WORDS_MAX and not NOT_HEADINGS.match(plain):
        if not re.match(rf"^(?:{MINUTE_NUMBER}|{OUTLINE_NUMBER})\.?\s", plain):
            return Start("", plain, "", False)
    found = ITEM_LINE.match(text)
    if not found:
        return None
    number, rest = found.group("number"), found.group("rest")
    if number in used or not rest[:1].isupper():
        return None
    worded = text[: found.start("rest")].strip() if found.group("word") or found.group("mark") else ""
    if "/" in number:
        return Start(number, *title_split(rest), bool(found.group("dot")), worded)
    if not follows(number, last):
        return None
    title, after = title_split(rest)
    if not after and re.search(r"[.?!]$", title) and not is_capitals(title):
        return None  # a numbered sentence: a list entry in the text
    return Start(number, title, after, bool(found.group("dot")) and not worded, worded)


def follows(number: str, last: str) -> bool:
    """ "1" starts an outline; "3" follows "2" or "2.4"; "2.1" follows "2"; "2.2" follows "2.1"."""
    parts = re.findall(r"\d+", number)
    before = re.findall(r"\d+", last)
    if not before:
        return parts[0] in ("0", "1") or len(parts) == 1
    top = int(before[0])
    if len(parts) == 1:
        return int(parts[0]) == top + 1 or (int(parts[0]) == top and re.search(r"[a-z]", number) is not None)
    return int(parts[0]) == top


def title_split(rest: str) -> tuple[str, str]:
    """`APOLOGIES FOR ABSENCE: none` or `Finance – the Clerk reported…`: the title and the text after it.
    Only a colon or a spaced dash after a title in capitals, or a colon ending the line, splits it."""
    colon = re.match(r"^(?P<title>[^:]+?)\s*:\s*(?P<text>.*)$", rest)
    if colon and not colon.group("text"):
        return colon.group("title"), ""
    if colon and is_capitals(colon.group("title")) and not is_capitals(colon.group("text")):
        return colon.group("title"), colon.group("text")
    dash = re.match(r"^(?P<title>[^–—]+?)\s+[–—]\s+(?P<text>.+)$", rest)
    if dash and is_capitals(dash.group("title")) and not is_capitals(dash.group("text")):
        return dash.group("title"), dash.group("text")  # "PUBLIC HEARING – ZONING AMENDMENT 19-03" is one title
    return rest, ""


# ---------------------------------------------------------------- the document


@dataclass
class Section:
    start: Start
    lines: list[str] = field(default_factory=list)


def sections(lines: list[str]) -> tuple[list[str], list[str], list[Section]]:
    """The title block (the lines before the first blank line), the other lines before the first
    item, and the items with their lines."""
    text = [line for line in lines]
    while text and not text[0].strip():
        text.pop(0)
    title_end = next((i for i, line in enumerate(text) if not line.strip()), len(text))
    title_block, rest = text[:title_end], text[title_end:]
    header: list[str] = []
    found: list[Section] = []
    used: set[str] = set()
    last = last_letter = ""
    # Headings in ordinary case without numbers ("Road Report") are read only in minutes that have no
    # other kind of item, and only set apart by a blank line above and text below.
    plainly_headed = not any(item_start(line, set(), "", "") for line in rest if line.strip())
    for index, line in enumerate(rest):
        if not line.strip():
            continue
        start = item_start(line, used, last, last_letter)
        if start is None and plainly_headed and ordinary_heading(rest, index):
            start = Start("", " ".join(line.split()), "", False)
        if start and found and not start.number and found[-1].start.title == start.title:
            start = None  # a heading printed twice (a page header) is text
        if start:
            found.append(Section(start))
            if start.number:
                used.add(start.number)
                last = start.number if "/" not in start.number and not start.number.isalpha() else last
                last_letter = start.number if start.number.isalpha() else last_letter
        elif found:
            found[-1].lines.append(line)
        else:
            header.append(line)
    return title_block, header, found


def ordinary_heading(lines: list[str], index: int) -> bool:
    """A short line in ordinary case, after a blank line and before text, that is no label, list or sentence."""
    line = " ".join(lines[index].split())
    words = line.split()
    if not (index and not lines[index - 1].strip() and index + 1 < len(lines) and lines[index + 1].strip()):
        return False
    if not words or len(words) > 6 or re.search(r"[.?!:;,\d]", line) or not line[0].isupper():
        return False
    capitalised = sum(1 for w in words if w[0].isupper())
    return capitalised * 2 >= len(words) and not PRESENT.match(line) and not APOLOGIES.match(line)


@dataclass
class HeaderFacts:
    date: Fact = field(default_factory=Fact)
    time: Fact = field(default_factory=Fact)
    venue: Fact = field(default_factory=Fact)
    chair: Fact = field(default_factory=Fact)
    minute_taker: Member | None = None
    attendees: list[Member] = field(default_factory=list)
    apologies: list[Member] = field(default_factory=list)
    kept: list[Block] = field(default_factory=list)  # the header's text for the preamble


def read_plain(lines: list[str], reference: Reference, order: str):
    """The header facts, people and items of plain minutes."""
    title_block, header_lines, found = sections(lines)
    title_line = " ".join(title_block[0].split()) if title_block else ""
    facts = HeaderFacts()
    read_header_lines(title_block[1:] + header_lines, facts, reference, order)
    margin = right_margin(lines)
    items = [item_of(section, reference, margin) for section in found]
    people_in_items(items, facts, reference)
    apologies_under_title(items, facts, reference)
    linked_surnames(facts)
    if not facts.date.value:
        date_from_items(items, facts, order)
    if not facts.chair.value:
        facts.chair = chair_from_text(items, facts, reference)
    if not facts.time.value or not facts.venue.value:
        opening_sentence(items, facts)
    if not facts.venue.value:
        venue_after_date(title_block, facts)
    read_from = {facts.time.printed, facts.venue.printed}  # a sentence the time or place was read from
    facts.kept = [replace(b, checks=()) if b.checks == (NO_FIELD,) and b.text in read_from else b for b in facts.kept]
    title, meeting_type = read_title(title_line)
    named = declared_type(title_block, reference.meeting_types)
    if named:
        meeting_type = named
    elif not MONTH_YEAR_IN.search(title_line):
        declared = ", ".join(reference.meeting_types)
        meeting_type = Fact(
            meeting_type.value,
            title_line,
            (
                "the type is read from the title line; name the meeting type as the archive does"
                + (f" (site.yml declares {declared})" if declared else ""),
            ),
        )
    if title.value and is_capitals(title.value):
        title = Fact(title.value, title_line, ("printed in capitals; write it as the archive does",))
    return title_line, title, meeting_type, facts, items


def declared_type(title_block: list[str], declared: tuple[str, ...]) -> Fact | None:
    """The meeting type site.yml declares that a line of the title block naming the meeting names ("Minutes
    of the Full Council meeting held on …"), the longest where several do; None where none does. A line
    that does not say "meeting" or "minutes" is passed over: it is most often the body's own name ("LITTLE
    SNORING PARISH COUNCIL"), which may hold a type's words ("Parish Council") without being the type."""
    naming = [line for line in title_block if re.search(r"\b(?:meeting|minutes)\b", line, re.I)]
    for name in sorted(declared, key=len, reverse=True):
        pattern = re.compile(r"(?<!\w)" + r"\s+".join(map(re.escape, name.split())) + r"(?!\w)", re.I)
        for line in naming:
            if pattern.search(line):
                printed = " ".join(line.split())
                return Fact(name, printed, note=f'a type site.yml declares, named in "{printed}"')
    return None


MONTH_YEAR_IN = re.compile(rf"\b(?:{'|'.join(dates.MONTHS)})\s+\d{{4}}\b", re.I)


def read_header_lines(lines: list[str], facts: HeaderFacts, reference: Reference, order: str) -> None:
    """Each header line: a labelled fact, a list of people, a sentence giving the date, or text.
    A labelled fact whose value is kept whole is not repeated in the body; everything else is."""
    group = ""  # "present" or "apologies" while a list printed one name to a line runs
    for raw in lines:
        line = " ".join(raw.replace("\t", " ").split())
        if not line:
            group = ""
            continue
        label = LABEL.match(line)
        if label and label_fact(label.group("label"), label.group("value").strip(), facts, reference, order):
            group = ""
            continue
        if label:  # "Time: 14:00 – 16:00": the start time is read, the rest has no field
            group = ""
            name = " ".join(label.group("label").split()).lower()
            facts.kept.append(block(line, (f"the {name} is read from this line; the rest of it has no field",)))
            continue
        listed = people_lines(line, reference)
        if listed:
            skipped = [entry for _, _, entries in listed for entry in entries]
            for kind, members, _ in listed:
                add_people(facts, kind, members)
            kind, members, _ = listed[-1]
            group = kind if not members and not skipped else ""
            facts.kept.append(block(line, skipped_check(skipped)))
            for sentence in LIST_END.split(line)[1:]:  # "… Business Services). Recording Secretary: Amy Tran"
                labelled = LABEL.match(sentence)
                if labelled:
                    label_fact(labelled.group("label"), labelled.group("value").strip(), facts, reference, order)
            continue
        if group:  # one person to a line: the whole line is theirs, commas and all
            member, _ = read_entry(line, "", reference)
            if member:
                add_people(facts, group, [member])
                facts.kept.append(block(line))
                continue
            group = ""
        dated = date_sentence(line, facts, order)
        listed_inside = [found for sentence in LIST_END.split(line)[1:] for found in people_lines(sentence, reference)]
        for kind, members, _ in listed_inside:  # "… in the Commission Chambers. Present were Chairman Bill Ortiz, …"
            add_people(facts, kind, members)
        facts.kept.append(block(line, () if dated or listed_inside else (NO_FIELD,)))


NO_FIELD = "printed before the first item; no field holds it"


def block(text: str, checks: tuple[str, ...] = ()) -> Block:
    """One header line as one block of the preamble, a list entry if it was printed as one."""
    read = repair.blocks_of(text)
    return replace(read[0] if len(read) == 1 else Block(PARAGRAPH, text), checks=checks)


def skipped_check(skipped: list[str]) -> tuple[str, ...]:
    if not skipped:
        return ()
    return ("read as people, except " + ", ".join(f'"{s}"' for s in skipped),)


def add_people(facts: HeaderFacts, kind: str, members: list[Member]) -> None:
    if kind == "apologies":  # someone also listed as present is one list's mistake, or the other's
        present = {m.person for m in facts.attendees}
        members = [
            replace(m, checks=(*m.checks, f"{m.name} is listed as present too; keep them in one of the lists"))
            if m.person in present
            else m
            for m in members
        ]
    (facts.apologies if kind == "apologies" else facts.attendees).extend(members)
    for member in members:
        if kind != "apologies" and not facts.chair.value and member.chair:
            facts.chair = Fact(
                member.person, member.name, () if member.known else (unknown_check(member.name, member.person),)
            )


def people_lines(line: str, reference: Reference, sentences: bool = True) -> list[tuple[str, list[Member], list[str]]]:
    """Each list of people in a line, which may hold several: "Present: … . In attendance: …". `sentences`:
    whether apologies given in a sentence ("Cllr Wren sent apologies.") are read here, as in the heading."""
    listed = people_line(line, reference, sentences)
    if listed is None:
        return []
    found = [listed]
    _, colon, names = line.partition(":")  # the lists after the first one's label, never that label itself
    for sentence in [part for piece in LIST_END.split(names if colon else line) for part in LABEL_INSIDE.split(piece)][
        1:
    ]:
        more = people_line(sentence, reference, sentences)
        if more:
            found.append(more)
    return found


def people_line(line: str, reference: Reference, sentences: bool = True) -> tuple[str, list[Member], list[str]] | None:
    """A line that lists people: ("present" or "apologies", the people, the entries that name nobody).
    The list ends where the sentence does, if a label follows ("… Nadia Khan. Absent: …")."""
    if ABSENT.match(line):
        return None
    sent = (SENT_APOLOGIES.match(line) or RECEIVED_APOLOGIES.match(line)) if sentences else None
    apologies = APOLOGIES.match(line) or sent
    present = PRESENT.match(line)
    also = ALSO_WAS.match(line) if not apologies else None  # before "present", which ends this sentence too
    kind, match = ("apologies", apologies) if apologies else ("present", also or present)
    if match is None:
        return None
    named = match.groupdict()
    group = (named.get("group") or named.get("following") or named.get("label") or "").strip()
    names = LABEL_INSIDE.split(LIST_END.split(match.group("names").strip(), maxsplit=1)[0], maxsplit=1)[0]
    names = WERE_PRESENT.sub("", names).strip()
    if named.get("group") and names and not re.search(r"[:–—-]\s*$", line[: match.start("names")]):
        return None  # "Two residents were present and spoke": a sentence, not a list
    if not names:
        return kind, [], []
    members, skipped = people_list(names, reference, group)
    if not members or (sent and not only_people(names, members, skipped)):
        return None
    return kind, members, skipped


# A person as minutes name one: a title before the name ("Cllr Jo Wren", "Mrs Doe").
TITLED = re.compile(
    r"(?:Cllrs?|Councill?ors?|Council\s+Members?|Councilmembers?|Trustees?|Governors?|Aldermen|Alderman|"
    r"Mr|Mrs|Ms|Miss|Dr|Prof|Professor|Sir|Dame|Rev|Revd)\.?\s+(?-i:[A-Z])",
    re.I,
)


def only_people(names: str, members: list[Member], skipped: list[str]) -> bool:
    """Whether the words before "sent apologies" are people and nothing else: each entry printed with a title,
    or every one of them a person people.yml knows. "The Clerk", "Thames Water", "Sadly Cllr Wren" are not."""
    entries = list_entries(names)  # as people_list split them
    if skipped or len(entries) != len(members):
        return False
    return all(TITLED.match(e) for e in entries) or all(m.known for m in members)


def label_fact(label: str, value: str, facts: HeaderFacts, reference: Reference, order: str) -> bool:
    """A labelled header line read into its field; True when the field holds the whole value."""
    name = label.casefold().split()[0]
    if name == "date":  # held whole only when read: a date not read stays in the text
        read = date_sentence(value, facts, order) and bool(facts.date.value)
        return read and dates.dates_in(value, order)[0].text == value.strip(" .,")
    if name in ("time", "start", "starting"):
        time, doubt = dates.clock(value)
        if time and not facts.time.value:
            facts.time = Fact(time, value, (doubt,) if doubt else ())
        return bool(time) and dates.TIME.fullmatch(value.strip()) is not None
    if name in ("venue", "location", "place"):
        facts.venue = Fact(value, value)
        return True
    named, _ = read_entry(value, "", reference)  # "Mrs Alice Mortimer": the person, without the title
    slug, known = (named.person, named.known) if named else person(value, reference)
    who = named.name if named else value
    doubts = name_doubts(who, slug, known, reference)
    if name.startswith("chair"):
        facts.chair = Fact(slug, value, doubts)
        return held_whole(value, slug)
    if name == "recording":
        facts.minute_taker = Member(slug, who, " ".join(label.split()), known=known, checks=doubts)
        return held_whole(value, slug)
    if name == "clerk":  # the clerk usually takes the minutes, but the minutes do not say so
        role = " ".join(label.split())
        doubts += (f"the {role} is taken as the minute-taker; check it",)
        facts.minute_taker = Member(slug, who, role, known=known, checks=doubts)
        return held_whole(value, slug)
    taker = read_minute_taker(value, reference)
    facts.minute_taker = taker
    return taker is not None and held_whole(value, f"{taker.person} {taker.role}")


def held_whole(value: str, held: str) -> bool:
    """Whether the fields hold every word of a labelled value: "Mrs Jean Harcourt" read as jean-harcourt
    leaves "Mrs", so the line stays in the text too."""
    said = lambda text: set(re.findall(r"[^\W_]+", text.casefold()))  # noqa: E731
    return said(value) <= said(held)


def date_sentence(line: str, facts: HeaderFacts, order: str) -> bool:
    """The meeting's date, time and place from the line that first gives a date; True if it did.
    A later line giving the same date may give the time and place the first did not
    ("Monday, January 13, 2020", then "… met on Monday, January 13, 2020, at 6:00 p.m. in …")."""
    printed = dates.dates_in(line, order)
    if not printed:
        return False
    if facts.date.value or facts.date.checks:
        same = dates.read(printed[0], order)[0] == facts.date.value and facts.date.value
        if same and not facts.time.value:
            time, doubt = (
                dates.clock(line[printed[0].end :]) if dates.clock(line[printed[0].end :])[0] else dates.clock(line)
            )
            facts.time = Fact(time, line, (doubt,) if doubt else ()) if time else facts.time
        if same and not facts.venue.value:
            facts.venue = venue_in(line, printed[0])
        return bool(same)
    first = printed[0]
    value, checks = dates.read(first, order)
    facts.date = Fact(value, line, checks)
    after = line[first.end :]
    time, doubt = dates.clock(after) if dates.clock(after)[0] else dates.clock(line)
    if time and not facts.time.value:
        facts.time = Fact(time, line, (doubt,) if doubt else ())
    if not facts.venue.value:
        facts.venue = venue_in(line, first)
    return True


def venue_in(line: str, printed: dates.Printed) -> Fact:
    """`held at County Hall, Northtown on …` or `… at 7.30pm in the Village Hall, Church Lane.`"""
    held = re.search(r"\bheld\s+(?:at|in)\s+(?:the\s+)?(?P<venue>[A-Z][^.;]*?)\s+on\b", line)
    if held:
        return Fact(held.group("venue"), line, ("read from the sentence giving the date; check it",))
    time = dates.TIME.search(line, printed.end)
    after = line[max(printed.end, time.end() if time else 0) :]
    place = place_after(after, bool(time))
    return Fact(place, line, ("read from the sentence giving the date; check it",)) if place else Fact()


def place_after(text: str, after_time: bool) -> str:
    """Where the meeting was, printed after its date or time: "… at 7.30pm in the Village Hall, Church Lane.",
    "… 18.30, Northgate Library meeting room"; without a clause that follows ("…, Mayor Stone presiding")."""
    text = LIST_END.split(text, maxsplit=1)[0]  # "… in the Commission Chambers. Present were …"
    place = re.match(
        r"^\s*,?\s*(?:in|at)\s+(?:the\s+)?(?P<venue>[A-Za-z].*?)(?:,?\s+with\s+.*|,\s+[^,]*\bpresiding)?\s*\.?$", text
    ) or re.match(r"^\s*,\s*(?P<venue>[A-Z][^.;" + ("" if after_time else ",") + r"]*?)\s*\.?$", text)
    return place.group("venue") if place else ""


# ---------------------------------------------------------------- items


def right_margin(lines: list[str]) -> int:
    """Where the text's lines end: in a hard-wrapped text most lines of running text are full ones."""
    lengths = sorted(len(line.rstrip()) for line in lines if len(line.split()) > 3)
    return lengths[int(0.9 * (len(lengths) - 1))] if lengths else 0


def unwrapped(lines: list[str], margin: int) -> list[str]:
    """Lines of a hard-wrapped paragraph joined: a line that stops mid-sentence continues on the
    next when the next line's first word would not have fitted at its end."""
    joined: list[str] = []
    for line in lines:
        previous = joined[-1] if joined else ""
        first = line.split()[0] if line.split() else ""
        if (
            previous
            and first
            and not repair.ends_sentence(previous)
            and len(previous.rstrip()) + 1 + len(first) >= FULL * margin
        ):
            joined[-1] = f"{previous.rstrip()} {line.strip()}"
        else:
            joined.append(line)
    return joined


FULL = 0.95


def item_of(section: Section, reference: Reference, margin: int = 0) -> Item:
    start = section.start
    title, title_checks, note = spelled(start.title, reference)
    blocks: list[Block] = []
    lines = ([start.rest] if start.rest else []) + section.lines
    for line in unwrapped(lines, margin) if margin else lines:
        append(blocks, repair.blocks_of(line.replace("\t", " ")))
    printed = " ".join(filter(None, (start.number + ("." if start.dotted else ""), start.title)))
    printed_as = f'printed "{start.number}."' if start.dotted else f'printed "{start.worded}"' if start.worded else ""
    notes = "; ".join(filter(None, (note, printed_as)))
    motions = motions_in(blocks)
    return Item(
        start.number, title, printed, tuple(blocks),
        note=notes, title_checks=title_checks, dotted=start.dotted, respelled=bool(note), motions=motions,
        worded=start.worded,
    )  # fmt: skip


def append(blocks: list[Block], new: list[Block]) -> None:
    """A line that goes on with the sentence above it (a hard-wrapped paragraph) is joined to it."""
    for added in new:
        last = blocks[-1] if blocks else None
        if last and added.kind == PARAGRAPH and last.kind != HEADING and repair.continues(last.text, added.text):
            blocks[-1] = replace(last, text=f"{last.text} {added.text}", repairs=last.repairs + added.repairs)
        else:
            blocks.append(added)


PROPOSAL = re.compile(r"\b(?:moved|proposed|seconded)\b", re.I)
RESULT = re.compile(r"\bRESOLVED\b|\b(?:carried|passed|failed|lost|agreed|approved)\b", re.I)


def motions_in(blocks: list[Block]) -> tuple[str, ...]:
    """Each motion as printed. A proposal printed on its own ("Proposed: Cllr Bhatt Seconded: Cllr
    Connolly") and the result on the next line ("RESOLVED unanimously.") are one motion."""
    found: list[str] = []
    open_proposal = False
    for b in blocks:
        text = without_markers(b.text)
        if b.kind == HEADING or not MOTION.search(text):
            open_proposal = False
            continue
        if open_proposal and RESULT.search(text):
            found[-1] = f"{found[-1]} {text}"
            open_proposal = False
            continue
        found.append(text)
        open_proposal = bool(PROPOSAL.search(text)) and not RESULT.search(text)
    return tuple(found)


def people_in_items(items: list[Item], facts: HeaderFacts, reference: Reference) -> None:
    """People minuted in the items ("ROLL CALL", "Apologies were received from"), where the header had none.
    The text stays in the item; the people are read from it."""
    attendees, apologies = not facts.attendees, not facts.apologies
    for item in items:
        on_apologies = ON_APOLOGIES.search(item.title) is not None  # where "Cllr Wren sent apologies." is read
        for b in item.blocks:
            for sentence in LIST_END.split(without_markers(b.text)):  # "The Chair welcomed everyone. Apologies …"
                for kind, members, _ in people_lines(sentence, reference, sentences=on_apologies):
                    if (kind == "apologies" and apologies) or (kind == "present" and attendees):
                        add_people(facts, kind, members)


APOLOGIES_TITLE = re.compile(r"^apologies\b", re.I)
ON_APOLOGIES = re.compile(r"\bapologies\b", re.I)  # "Apologies for absence", "Welcome and apologies"


def apologies_under_title(items: list[Item], facts: HeaderFacts, reference: Reference) -> None:
    """`APOLOGIES FOR ABSENCE – Cllr Ellison (holiday). The apologies were accepted.`: the item says whose
    apologies they are; its first sentence, if it names nothing but people, names them."""
    for item in items:
        if facts.apologies or not APOLOGIES_TITLE.match(item.title) or not item.blocks:
            continue
        first = LIST_END.split(without_markers(item.blocks[0].text), maxsplit=1)[0]
        members, skipped = people_list(first, reference)
        if members and not skipped:
            add_people(facts, "apologies", members)


# An item on apologies that says there were none, in a sentence of its own.
NO_APOLOGIES = re.compile(
    r"(?:none|nil|none\s+(?:were\s+)?(?:received|given|sent)|no\s+apologies\b.*|there\s+were\s+(?:none|no\s+apologies\b.*)|"
    r"all\s+(?:members|councillors|trustees|governors|directors)\s+(?:were\s+)?present\b.*|full\s+attendance)\W*",
    re.I,
)


def apologies_unread(items: list[Item], facts: HeaderFacts) -> Fact:
    """An item on apologies that names no one the importer could read: the empty list it drafts is marked,
    or an editor would take it for none sent. ("No apologies were received." is none.)"""
    if facts.apologies:
        return Fact()
    for item in items:
        if not ON_APOLOGIES.search(item.title) or not item.blocks:
            continue
        said = [s.strip() for b in item.blocks for s in LIST_END.split(without_markers(b.text)) if s.strip()]
        if said and not any(NO_APOLOGIES.fullmatch(sentence) for sentence in said):
            where = f"item {item.number}" if item.number else f'the item "{item.title}"'
            return Fact(printed=said[0], checks=(f"{where} minutes apologies, but no names could be read from it",))
    return Fact()


def linked_surnames(facts: HeaderFacts) -> None:
    """`Cllrs Thorne, Ashdown …` after `Chairman: Cllr Rebecca Thorne`: a surname alone is the person
    printed in full elsewhere in the heading, when only one has that surname."""
    full = [(facts.chair.value, read_name(facts.chair.printed))] if facts.chair.value else []
    if facts.minute_taker:
        full.append((facts.minute_taker.person, facts.minute_taker.name))
    full += [(m.person, m.name) for m in facts.attendees + facts.apologies if len(m.name.split()) > 1]

    def linked(member: Member) -> Member:
        if len(member.name.split()) != 1 or member.known:
            return member
        same = {slug for slug, name in full if name.split() and name.split()[-1] == member.name}
        if len(same) != 1:
            return member
        (slug,) = same
        checks = (f'"{member.name}" read as {slug}, printed in full elsewhere in the heading',)
        return replace(member, person=slug, checks=checks)

    facts.attendees = [linked(m) for m in facts.attendees]
    facts.apologies = [linked(m) for m in facts.apologies]


def read_name(printed: str) -> str:
    named, _ = read_entry(printed, "", Reference())
    return named.name if named else printed


def date_from_items(items: list[Item], facts: HeaderFacts, order: str) -> None:
    for item in items[:2]:
        for b in item.blocks:
            if date_sentence(without_markers(b.text), facts, order):
                return


def chair_from_text(items: list[Item], facts: HeaderFacts, reference: Reference) -> Fact:
    """`Mayor Park called the meeting to order`: the chair, if that is one attendee."""
    for b in facts.kept + [b for item in items[:3] for b in item.blocks]:
        called = CALLED_TO_ORDER.search(without_markers(b.text)) or CALLED_BY.search(without_markers(b.text))
        if not called:
            continue
        name = called.group("who") or called.group("presiding")
        who = by_surname(name, tuple(facts.attendees))
        if not who:  # not listed as present: the name as printed, its title taken off
            who, _ = read_entry(name, "", reference)
        if who:
            checks = (f'read from "{called.group(0)}"; is {who.name} the chair?',)
            return Fact(who.person, who.name, checks + (() if who.known else (unknown_check(who.name, who.person),)))
    return Fact(checks=("no chair found",))


def venue_after_date(title_block: list[str], facts: HeaderFacts) -> None:
    """`April 2, 2019 – 7:00 PM` then `Riverside High School Library`: a short line after the date in the
    heading, that is no label, date or sentence, is where the meeting was held. Held whole by the venue,
    it leaves the text."""
    lines = [" ".join(line.split()) for line in title_block]
    if facts.date.printed not in lines or lines.index(facts.date.printed) + 1 >= len(lines):
        return
    line = lines[lines.index(facts.date.printed) + 1]
    if LABEL.match(line) or dates.dates_in(line) or re.search(r"[.?!:;]$", line) or len(line.split()) > 10:
        return
    if PRESENT.match(line) or APOLOGIES.match(line) or is_capitals(line):
        return
    facts.venue = Fact(line, line, ("read from the line after the date in the heading; check it",))
    facts.kept = [b for b in facts.kept if b.text != line]


OPENING = re.compile(r"\bto\s+order\b|\bmeeting\s+(?:was\s+)?opened\b|\b(?:met|convened)\b")


def opening_sentence(items: list[Item], facts: HeaderFacts) -> None:
    """`… called the meeting to order at 7:00 p.m. in the Council Chambers`, `… met in regular session at
    7:00 p.m. in the Council Chamber`: the start time and place, where the header gives neither."""
    for b in facts.kept + [b for item in items[:2] for b in item.blocks]:
        text = without_markers(b.text)
        time = dates.TIME.search(text) if OPENING.search(text) else None
        if not time:
            continue
        if not facts.time.value:
            clock, doubt = dates.clock(text[time.start() :])
            facts.time = Fact(
                clock, text, ("read from the sentence opening the meeting",) + ((doubt,) if doubt else ())
            )
        place = place_after(text[time.end() :], True)
        if place and not facts.venue.value:
            facts.venue = Fact(place, text, ("read from the sentence opening the meeting; check it",))
        return


def next_meeting_in(items: list[Item], day, order: str) -> NextFound | None:
    """The first date after this meeting in a sentence about the next meeting, or in the item about it."""
    for item in reversed(items):
        titled = bool(NEXT_MEETING.search(item.title))
        for b in item.blocks:
            text = without_markers(b.text)
            if not (titled or NEXT_MEETING.search(text)):
                continue
            for printed in dates.dates_in(text, order):
                value, checks = dates.read(printed, order, day.year if day else None)
                if not value or (day and value <= day.isoformat()):
                    continue
                doubts = [("date", c) for c in checks]
                if printed.year is None:
                    doubts.append(("date", f'"{printed.text}" gives no year; {value[:4]} is assumed'))
                time, doubt = dates.clock(text[printed.end :])
                if doubt:
                    doubts.append(("time", doubt))
                venue = venue_in(text, printed)
                if venue.value:
                    doubts.append(("venue", "read from the next-meeting text; check it"))
                return NextFound(value, time, "", venue.value, text, tuple(doubts))
    return None


def counted_repairs(items: list[Item]) -> Counter:
    return sum((b.repairs for item in items for b in item.blocks), Counter())
