"""Parse: the lines of a minutes document to a `Draft` of its meeting file.

The minutes these were written for open with a header (title line, Date, Chair,
Minutes, Venue, an attendance table, Apologies) and continue as a two- or
three-column table: the item number, the text, and sometimes an ACTION column
naming each action's owner. Everything found is kept with where it came from and,
where the reading is not certain, why the editor must check it.
"""
from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass, field, replace

from . import repair
from .repair import HEADING, NUMBERED, PARAGRAPH, Block, without_markers

MONTHS = (
    "january", "february", "march", "april", "may", "june",
    "july", "august", "september", "october", "november", "december",
)  # fmt: skip
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTH = "|".join(MONTHS)
DATE = re.compile(
    rf"(?:\b(?P<weekday>{'|'.join(WEEKDAYS)}),?\s+)?\b(?P<day>\d{{1,2}})(?:\s?(?:st|nd|rd|th))?\s+(?P<month>{MONTH})\b,?(?:\s+(?P<year>\d{{4}})\b)?",
    re.I,
)
TIME = re.compile(r"\b(?P<h>\d{1,2})(?:[:.](?P<m>\d{2}))?\s*(?P<half>am|pm)\b|\b(?P<h24>\d{1,2}):(?P<m24>\d{2})\b", re.I)


# ---------------------------------------------------------------- what the parse finds


@dataclass(frozen=True)
class Reference:
    """What the archive already knows: its people, and the agenda titles of its meetings."""

    people: tuple[tuple[str, str], ...] = ()  # (slug, name)
    titles: tuple[str, ...] = ()


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
    respelled: bool = False  # printed in capitals, spelled as the archive spells it


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

    @property
    def people(self) -> tuple[Member, ...]:
        return tuple(p for p in (self.minute_taker, *self.attendees, *self.apologies) if p)


# ---------------------------------------------------------------- the whole document


def parse(lines: list[str], reference: Reference = Reference()) -> Draft:
    start = next((i for i, line in enumerate(lines) if agenda_row(repair.split_row(line), set(), "")), len(lines))
    header = read_header(lines[:start], reference)
    known = repair.vocabulary(repair.split_row(line).text for line in lines)
    items, repairs = read_body(lines[start:], reference, known)
    members = header["attendees"] + header["apologies"]
    found = [(item, actions_in(item, members, reference)) for item in items]
    items = tuple(unclaimed_owner_cells(item, {index for index, _ in actions}) for item, actions in found)
    day = dt.date.fromisoformat(header["date"].value) if header["date"].value else None
    return Draft(
        source_title=header["source_title"],
        title=header["title"],
        meeting_type=header["type"],
        date=header["date"],
        time=header["time"],
        venue=header["venue"],
        chair=header["chair"],
        minute_taker=header["minute_taker"],
        attendees=header["attendees"],
        apologies=header["apologies"],
        apologies_line=header["apologies_line"],
        agenda=items,
        actions=tuple(action for _, actions in found for _, action in actions),
        next_meeting=next_meeting_of(items, day),
        leftovers=header["leftovers"],
        repairs=+(repairs + header["repairs"]),
    )


# ---------------------------------------------------------------- header

LABEL = re.compile(r"^[\s\-•*]*(Date|Chair|Minutes|Venue|Attendance|Apologies)\b[ \t]*:?[ \t]*(.*)$", re.I | re.S)
TABLE_HEADER = re.compile(r"^\s*(?:Name:?\s+Capacity:?|No\.?\s+Item)\s*$", re.I)
TITLE_LINE = re.compile(r"^(?P<title>.*?)\s*[–—-]\s*(?:Meeting\s+)?(?:Notes|Minutes)\s*$", re.I)
MONTH_YEAR = re.compile(rf"\s+(?P<month>{MONTH})\s+(?P<year>\d{{4}})$", re.I)
CAPACITY = re.compile(r"^(?P<role>.*?)\s*\((?P<abbreviation>[^()\s]{1,12})\)(?P<stray>\)*)\s*$")


def read_header(lines: list[str], reference: Reference) -> dict:
    found: dict = {"attendees": (), "apologies": (), "minute_taker": None, "leftovers": (), "repairs": Counter()}
    attendees, apologies, leftovers = [], [], []
    title_line, table, label_lines = "", None, {}
    for line in lines:
        if not line.strip():
            table = None
            continue
        if not title_line:
            title_line = " ".join(line.split())
            continue
        if TABLE_HEADER.match(line.replace("\t", " ")):
            found["repairs"][repair.HEADERS] += 1
            continue
        label = LABEL.match(line)
        if label:
            name, rest = label.group(1).lower(), label.group(2).strip()
            if name in ("attendance", "apologies"):
                table = name
                label_lines[name] = rest
                if rest:
                    members = attendees if name == "attendance" else apologies
                    added = member_row(rest, reference, name)
                    members += added if added else []
                    if not added:
                        leftovers.append(f"{label.group(1)}: {rest}")
            else:
                label_lines[name] = " ".join(rest.split())
            continue
        if table and line.startswith(("\t", " ")):
            added = member_row(line.strip(), reference, table)
            (attendees if table == "attendance" else apologies).extend(added or [])
            if not added:
                leftovers.append(line.strip())
            continue
        leftovers.append(line.strip())

    title, meeting_type = read_title(title_line)
    date = read_date(label_lines.get("date", ""), title)
    found.update(
        source_title=Fact(title_line, title_line, () if title_line else ("no title line found",)),
        title=title,
        type=meeting_type,
        date=date,
        time=read_time(label_lines.get("date", "")),
        venue=Fact(label_lines.get("venue", ""), label_lines.get("venue", ""), () if label_lines.get("venue") else ("no Venue line found",)),
        chair=read_chair(label_lines.get("chair", ""), reference),
        minute_taker=read_minute_taker(label_lines.get("minutes", ""), reference),
        attendees=tuple(attendees),
        apologies=tuple(apologies),
        apologies_line=Fact(label_lines.get("apologies", ""), label_lines.get("apologies", "")),
        leftovers=tuple(" ".join(x.replace("\t", " ").split()) for x in leftovers),
    )
    return found


def read_title(line: str) -> tuple[Fact, Fact]:
    """`Monthly Assurance Meeting April 2019 – Meeting Notes`: the title, and the type before its month."""
    if not line:
        return Fact(checks=("no title line found",)), Fact(checks=("no title line found",))
    split = TITLE_LINE.match(line)
    title = split.group("title") if split else line
    month_year = MONTH_YEAR.search(title)
    if not month_year:
        return Fact(title, line), Fact(title, line, ("the title names no month and year, so this is the whole title",))
    return Fact(title, line), Fact(title[: month_year.start()].strip(), line)


def read_date(printed: str, title: Fact) -> Fact:
    if not printed:
        return Fact(checks=("no Date line found",))
    found = DATE.search(printed)
    if not found:
        return Fact("", printed, (f"no date found in \"{printed}\"",))
    day, month = int(found.group("day")), MONTHS.index(found.group("month").lower()) + 1
    year, checks, note = found.group("year"), [], ""
    if not year:
        in_title = MONTH_YEAR.search(title.value)
        if in_title and MONTHS.index(in_title.group("month").lower()) + 1 == month:
            year = in_title.group("year")
            note = "the Date line gives no year; it is the title's"
        else:
            return Fact("", printed, (f"the Date line \"{printed}\" gives no year",))
    try:
        value = dt.date(int(year), month, day)
    except ValueError:
        return Fact("", printed, (f"\"{printed}\" is not a real date",))
    weekday = found.group("weekday")
    if weekday and WEEKDAYS.index(weekday.lower()) != value.weekday():
        checks.append(f"printed as a {weekday}, but {value.isoformat()} is a {WEEKDAYS[value.weekday()].title()}")
    elif note and weekday:
        note += ", and the printed weekday agrees"
    elif note:
        checks.append("the Date line gives no year and no weekday to confirm the title's")
    return Fact(value.isoformat(), printed, tuple(checks), note)


def read_time(printed: str) -> Fact:
    if not printed:
        return Fact(checks=("no Date line found, so no start time",))
    found = DATE.search(printed)
    after = printed[found.end():] if found else printed
    time, check = clock(after)
    if not time:
        return Fact("", printed, ("no start time found in the Date line",))
    return Fact(time, printed, (check,) if check else ())


def clock(text: str) -> tuple[str, str]:
    """The first time of day in `text` as 24-hour HH:MM, and a doubt about it if any."""
    found = TIME.search(text)
    if not found:
        return "", ""
    if found.group("h24"):
        hour, minute = int(found.group("h24")), int(found.group("m24"))
        return (f"{hour:02d}:{minute:02d}", "") if hour < 24 and minute < 60 else ("", "")
    hour, minute, half = int(found.group("h")), int(found.group("m") or 0), found.group("half").lower()
    if hour > 12:  # "14:00pm": a 24-hour time with a needless pm
        return (f"{hour:02d}:{minute:02d}", f"printed \"{found.group(0)}\"; read as {hour:02d}:{minute:02d}") if hour < 24 else ("", "")
    hour = hour % 12 + (12 if half == "pm" else 0)
    return f"{hour:02d}:{minute:02d}", ""


# ---------------------------------------------------------------- people


def normal(name: str) -> str:
    return " ".join(name.split()).casefold()


def make_slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.casefold()).strip("-")


def person(name: str, reference: Reference) -> tuple[str, bool]:
    """The person slug for a printed name, and whether people.yml knows them."""
    for slug, known in reference.people:
        if normal(known) == normal(name):
            return slug, True
    return make_slug(name), False


def unknown_check(name: str, slug: str) -> str:
    return f"\"{name}\" is not in content/people.yml; add them there as {slug}, or correct the slug"


def name_at_start(text: str, reference: Reference) -> tuple[str, str, str] | None:
    """The longest name from people.yml that `text` starts with: (name as printed, slug, the rest)."""
    best = None
    for slug, name in reference.people:
        pattern = re.compile(r"\s+".join(map(re.escape, name.split())) + r"(?=$|[\s,;:])", re.I)
        found = pattern.match(text)
        if found and (best is None or found.end() > len(best[0])):
            best = (found.group(0), slug, text[found.end():].lstrip(" ,;:\t"))
    return best


def capacity(text: str) -> tuple[str, str, tuple[str, ...]]:
    """`Chief Constable (CC)`: the role and the abbreviation."""
    found = CAPACITY.match(text.strip())
    if not found:
        return " ".join(text.split()), "", ()
    checks = (f"printed \"{text.strip()}\"; the extra bracket is left out",) if found.group("stray") else ()
    return found.group("role").strip(" ,"), found.group("abbreviation"), checks


def member_row(text: str, reference: Reference, table: str) -> list[Member] | None:
    """An attendance or apologies row: name and capacity in cells, or run together in one line."""
    cells = [c.strip() for c in text.split("\t") if c.strip()]
    if len(cells) >= 2:
        return [member(cells[0], " ".join(cells[1:]), reference)]
    if not cells:
        return None
    return people_line(cells[0], reference, table)


def member(name: str, printed_capacity: str, reference: Reference, checks: tuple[str, ...] = ()) -> Member:
    name = " ".join(name.split())
    slug, known = person(name, reference)
    role, abbreviation, more = capacity(printed_capacity)
    checks = checks + more + (() if known else (unknown_check(name, slug),))
    if not role:
        checks += (f"no role printed for {name}",)
    return Member(slug, name, role, abbreviation, known, checks)


def people_line(text: str, reference: Reference, table: str) -> list[Member] | None:
    """Names and capacities run together on one line, as apologies often are:
    `Tracey Onslow Andy Champness Deputy Police and Crime Commissioner (DPCC) Chief Executive Officer, OPCC (CEX)`.
    Names are recognised from people.yml; each capacity ends with its abbreviation in brackets."""
    names, rest = [], text
    while True:
        found = name_at_start(rest, reference)
        if not found:
            break
        names.append(found[0])
        rest = found[2]
    if not names:
        return None
    roles = [r for r in re.split(r"(?<=\))\s+", rest.strip()) if r.strip()] if rest.strip() else []
    if len(roles) != len(names):
        checks = (f"printed \"{text}\"; the names and roles could not be paired",)
        return [member(n, "", reference, checks) for n in names]
    paired = (f"printed \"{text}\"; each role is given to a name in the order printed",) if len(names) > 1 else ()
    return [member(n, r, reference, paired) for n, r in zip(names, roles)]


def read_chair(printed: str, reference: Reference) -> Fact:
    if not printed:
        return Fact(checks=("no Chair line found",))
    slug, known = person(printed, reference)
    return Fact(slug, printed, () if known else (unknown_check(printed, slug),))


def read_minute_taker(printed: str, reference: Reference) -> Member | None:
    """`Jackie Irvin, Policy Officer, OPCC`: the person, then their role as minuted."""
    if not printed:
        return None
    found = name_at_start(printed, reference)
    if found:
        return Member(found[1], found[0], found[2].strip(), known=True)
    name, _, role = printed.partition(",")
    slug = make_slug(name)
    return Member(slug, name.strip(), role.strip(), known=False, checks=(unknown_check(name.strip(), slug),))


# ---------------------------------------------------------------- the agenda and its text

ITEM_NUMBER = re.compile(r"^(?:\d{1,2}(?:\.\d{1,2})*\.?|\d{1,2}[a-z]|[a-z])$")
LIST_NUMBER = re.compile(r"^(?:\d{1,2}|[a-z])[.)]$")
TAG = re.compile(r"<[^>]*>")


def bare(cell: str) -> str:
    return TAG.sub("", cell).strip()


def agenda_row(row: repair.Row, used: set[str], last_letter: str) -> bool:
    """A row that starts an agenda item: a number in the first column, not used before, and a
    title beside it that starts with a capital and is no sentence. Letters (a, b, c) must
    follow on. So the numbered findings printed in the same column are not taken for items."""
    number = bare(row.number)
    if not ITEM_NUMBER.match(number) or not row.text:
        return False
    if number.rstrip(".") in used:
        return False
    if re.fullmatch(r"[a-z]", number) and number != chr(ord(last_letter or "`") + 1):
        return False
    title = title_and_text(row.text, Reference())[0]
    return title[:1].isupper() and not re.search(r"[.?!]$", title)


def read_body(lines: list[str], reference: Reference, known: set[str]) -> tuple[tuple[Item, ...], Counter]:
    items: list[dict] = []
    repairs: Counter = Counter()
    used: set[str] = set()
    last_letter = ""
    for line in lines:
        if not line.strip():
            continue
        row = repair.split_row(line)
        if agenda_row(row, used, last_letter):
            number = bare(row.number).rstrip(".")
            used.add(number)
            last_letter = number if len(number) == 1 and number.isalpha() else last_letter
            title, blocks, checks, note, mended = title_and_text(row.text, reference)
            repairs += mended
            items.append({"number": number, "title": title, "printed": f"{bare(row.number)} {bare(row.text)}", "blocks": [], "title_checks": checks, "note": note, "dotted": bare(row.number).endswith(".")})
            blocks = with_action_cell(blocks, row.action, repairs)
        else:
            blocks = with_action_cell(row_blocks(row, known, repairs), row.action, repairs)
        append(items[-1]["blocks"], blocks, repairs)
    finished = tuple(finish_item(item) for item in items)
    repairs += sum((b.repairs for item in finished for b in item.blocks), Counter())
    return check_order(finished), repairs


def row_blocks(row: repair.Row, known: set[str], repairs: Counter) -> list[Block]:
    if not row.text:  # a full-width line: its text is all in the first cell
        return repair.blocks_of(row.number)
    if not row.number:
        return repair.blocks_of(row.text)
    fragment = bare(row.number)
    if LIST_NUMBER.match(fragment) and bare(row.text)[:1].isupper():
        return repair.blocks_of(f"{fragment} {row.text}")  # a numbered entry, its number in the first column
    joined = repair.join_fragment(fragment, row.text, known)
    if joined:
        repairs[repair.FRAGMENTS] += 1
        return repair.blocks_of(joined)
    # Kept where it was printed, before the text, as plain text: "-" must not become a bullet.
    blocks = repair.blocks_of(row.text) or [Block(PARAGRAPH, "")]
    doubt = f"\"{fragment}\" was printed in the number column here; it may be the cut-off part of a word"
    first = replace(blocks[0], text=f"{fragment} {blocks[0].text}".strip(), checks=blocks[0].checks + (doubt,))
    return [replace(first, kind=PARAGRAPH) if first.kind != HEADING else first] + blocks[1:]


def with_action_cell(blocks: list[Block], cell: str, repairs: Counter) -> list[Block]:
    """The ACTION column beside a row: its header is layout; an owner goes with the row's last block."""
    if not cell:
        return blocks
    if cell.upper() == "ACTION":
        repairs[repair.HEADERS] += 1
        return blocks
    if not blocks:
        return [Block(PARAGRAPH, cell, checks=("printed alone in the ACTION column",))]
    return blocks[:-1] + [replace(blocks[-1], owner_cell=cell)]


def append(blocks: list[Block], new: list[Block], repairs: Counter) -> None:
    """Add a row's blocks, rejoining a sentence that a page or column break cut in two."""
    for block in new:
        last = blocks[-1] if blocks else None
        if last and block.kind == PARAGRAPH and last.kind != HEADING and repair.continues(last.text, block.text):
            blocks[-1] = replace(
                last,
                text=f"{last.text} {block.text}",
                checks=last.checks + block.checks,
                owner_cell=block.owner_cell or last.owner_cell,
                repairs=last.repairs + block.repairs + Counter({repair.SENTENCES: 1}),
            )
        else:
            blocks.append(block)


def finish_item(item: dict) -> Item:
    blocks = []
    dated_lines = "next meeting" in item["title"].casefold()  # "Tuesday 28 May 2019, 10:00am Room 1.38" needs no full stop
    for block in item["blocks"]:
        checks = block.checks
        if block.kind != HEADING and block.text[:1].islower() and not checks:  # one marker per place is enough
            checks += ("starts in lower case; the start of its sentence may be printed elsewhere",)
        if block.kind != HEADING and not dated_lines and repair.ends_open(block.text):
            checks += ("stops without a full stop; the rest may be printed elsewhere",)
        blocks.append(replace(block, checks=checks))
    note = item["note"]
    if item["dotted"]:
        note = "; ".join(filter(None, (note, f"printed \"{item['number']}.\"")))
    return Item(item["number"], item["title"], item["printed"], tuple(blocks), (), note, item["title_checks"], item["dotted"], bool(item["note"]))


def order_key(number: str) -> tuple:
    return tuple((int(m.group(1)), m.group(2)) for m in re.finditer(r"(\d+)([a-z]?)", number))


def check_order(items: tuple[Item, ...]) -> tuple[Item, ...]:
    """Flag an item numbered lower than one printed before it: pages may be out of order."""
    highest, highest_number, out = (), "", []
    for item in items:
        key = order_key(item.number)
        if key and key < highest:
            item = replace(item, checks=item.checks + (f"printed after item {highest_number}; is the order right?",))
        elif key:
            highest, highest_number = key, item.number
        out.append(item)
    return tuple(out)


def title_and_text(cell: str, reference: Reference) -> tuple[str, list[Block], tuple[str, ...], str, Counter]:
    """An item's title cell: the title, any text printed after it in the same cell, doubts, a note,
    and the repairs made to the title."""
    if re.search(r"<\s*(p|u)\b", cell, re.I):
        blocks = repair.blocks_of(cell)  # the first paragraph, or underlined line, is the title
        if not blocks:
            return "", [], ("no title printed",), "", Counter()
        title, checks, note = spelled(blocks[0].text, reference)
        return title, blocks[1:], checks, note, blocks[0].repairs
    title, rest, checks = split_title(" ".join(cell.split()), reference)
    title, title_checks, note = spelled(title, reference)
    return title, repair.blocks_of(rest) if rest else [], checks + title_checks, note, Counter()


def split_title(text: str, reference: Reference) -> tuple[str, str, tuple[str, ...]]:
    colon = re.match(r"^([^:]+?):\s*(.*)$", text)
    if colon and (is_capitals(colon.group(1)) or not colon.group(2)):
        return colon.group(1), colon.group(2), ()
    words = text.split(" ")
    capitals = 0
    while capitals < len(words) and not any(c.islower() for c in words[capitals]):
        capitals += 1
    rest = " ".join(words[capitals:])
    if capitals and is_capitals(" ".join(words[:capitals])) and rest and re.match(r"[A-Z][a-z]", rest):
        return " ".join(words[:capitals]), rest, ()
    for known in sorted(reference.titles, key=len, reverse=True):
        if normal(text).startswith(normal(known) + " ") and not is_capitals(known):
            cut = len(known) + (len(text) - len(text.lstrip()))
            title, rest = text[:cut].strip(), text[cut:].strip()
            # "N/A" after the title is its text; "– Force Operations" goes on with the title
            if normal(title) == normal(known) and rest[:1].isalnum():
                return title, rest, (f"read as the title \"{title}\" (as in earlier meetings) followed by the text \"{rest}\"",)
    return text, "", ()


def is_capitals(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def spelled(title: str, reference: Reference) -> tuple[str, tuple[str, ...], str]:
    """A title printed in capitals is written as the archive writes it, when it has it;
    otherwise it stays in capitals for the editor. Acronyms such as AOB are left alone."""
    title = title.rstrip(":").strip()
    if not is_capitals(title) or (len(title.split()) == 1 and len(title) <= 6):
        return title, (), ""
    for known in reference.titles:
        if normal(known) == normal(title) and not is_capitals(known):
            return known, (), f"printed in capitals as \"{title}\"; spelled as in earlier meetings"
    return title, ("printed in capitals; write it as the archive does, in sentence case",), ""


# ---------------------------------------------------------------- actions

ARISING = re.compile(r"^Actions?\s+arising\b\s*:?\s*(.*)$", re.I | re.S)
ACTION_LINE = re.compile(r"^Action\s*:\s*(.+)$", re.I | re.S)
NOTHING = re.compile(r"^(?:none|nil|n/?a|no actions?(?: arising)?|there (?:were|are|was) no actions?(?: arising)?)\W*$", re.I)
SUBJECT = re.compile(r"^(?:The\s+)?(?P<who>[A-Z][A-Za-z/]*[A-Z][A-Za-z]*)(?:['’]s)?\s+to\s+(?P<passive>be\s+)?")


def actions_in(item: Item, members: tuple[Member, ...], reference: Reference) -> list[tuple[int, ActionFound]]:
    """Actions are minuted as "ACTION: …", "Actions arising …" on one line, or "Actions arising:"
    followed by the action (or a numbered list of them). "None" and the like are not actions.
    Each comes with the index of the block it was read from."""
    found, blocks, index = [], item.blocks, 0
    while index < len(blocks):
        block = blocks[index]
        text = without_markers(block.text)
        single = ACTION_LINE.match(text)
        arising = ARISING.match(text)
        index += 1
        if single and block.kind != HEADING:
            found.append((index - 1, action(item, single.group(1), block, members, reference)))
        elif arising and arising.group(1).strip():
            if not NOTHING.match(arising.group(1).strip()):
                found.append((index - 1, action(item, arising.group(1), block, members, reference)))
        elif arising and index < len(blocks):
            first = blocks[index]
            plain = without_markers(first.text)
            if first.kind == HEADING or NOTHING.match(plain) or ARISING.match(plain) or ACTION_LINE.match(plain):
                continue
            found.append((index, action(item, plain, first, members, reference)))
            index += 1
            expected = 2
            while first.kind == NUMBERED and index < len(blocks) and blocks[index].kind == NUMBERED and blocks[index].marker.startswith(f"{expected}"):
                found.append((index, action(item, without_markers(blocks[index].text), blocks[index], members, reference)))
                index, expected = index + 1, expected + 1
    return found


def unclaimed_owner_cells(item: Item, claimed: set[int]) -> Item:
    """What the ACTION column held beside text that is not an action stays visible to the editor."""
    blocks = tuple(
        replace(b, checks=b.checks + (f"\"{b.owner_cell}\" was printed beside this in the ACTION column",))
        if b.owner_cell and index not in claimed
        else b
        for index, b in enumerate(item.blocks)
    )
    return replace(item, blocks=blocks)


def action(item: Item, text: str, block: Block, members: tuple[Member, ...], reference: Reference) -> ActionFound:
    text = " ".join(without_markers(text).split())
    owner, note, checks = owner_of(text, block.owner_cell, members, reference)
    return ActionFound(item.number, text, owner, note, checks + tuple(block.checks))


def by_abbreviation(abbreviation: str, members: tuple[Member, ...]) -> tuple[Member | None, str]:
    exact = [m for m in members if m.abbreviation and m.abbreviation == abbreviation]
    if exact:
        return exact[0], ""
    loose = [m for m in members if m.abbreviation and m.abbreviation.casefold() == abbreviation.casefold()]
    if len(loose) == 1:
        return loose[0], f"\"{abbreviation}\" read as {loose[0].abbreviation}, {loose[0].name}"
    return None, ""


def owner_of(text: str, cell: str, members: tuple[Member, ...], reference: Reference) -> tuple[str, str, tuple[str, ...]]:
    """The owner from the ACTION column if it has one, otherwise from who the action names first."""
    if cell:
        who, doubt = by_abbreviation(cell, members)
        if who:
            return who.person, f"\"{cell}\" in the ACTION column", (doubt,) if doubt else ()
        return "", "", (f"the ACTION column says \"{cell}\", which is no attendee's abbreviation; add the owner if the minutes name one",)
    subject = SUBJECT.match(text)
    if subject:
        who, doubt = by_abbreviation(subject.group("who"), members)
        if who:
            passive = (f"the action says \"{subject.group(0).strip()}\": is the {subject.group('who')} its owner?",) if subject.group("passive") else ()
            return who.person, f"\"{subject.group(0).strip()}\" at the start of the action", ((doubt,) if doubt else ()) + passive
    named = name_at_start(text, Reference(tuple((m.person, m.name) for m in members)))
    if named:
        return named[1], f"\"{named[0]}\" at the start of the action", ()
    return "", "", ("no owner is named in the action or an ACTION column; leave the owner out only if the minutes name none",)


# ---------------------------------------------------------------- the next meeting


def next_meeting_of(items: tuple[Item, ...], day: dt.date | None) -> NextFound | None:
    """The date, time, type and venue from the item that confirms the next meeting."""
    item = next((i for i in reversed(items) if "next meeting" in i.title.casefold()), None)
    if item is None:
        return None
    lines = [without_markers(b.text) for b in item.blocks if b.kind != HEADING and b.text.strip()]
    dated = next(((n, DATE.search(line)) for n, line in enumerate(lines) if DATE.search(line)), None)
    if dated is None:
        return None
    index, found = dated
    line, checks = lines[index], []
    date_day, month = int(found.group("day")), MONTHS.index(found.group("month").lower()) + 1
    year = int(found.group("year")) if found.group("year") else None
    if year is None:
        year = day.year if day and (month, date_day) > (day.month, day.day) else (day.year + 1 if day else dt.date.today().year)
        checks.append(("date", f"\"{found.group(0)}\" gives no year; {year} is assumed"))
    try:
        date = dt.date(year, month, date_day)
    except ValueError:
        return None
    if day and date <= day:
        checks.append(("date", "is not after this meeting"))
    time, doubt = clock(line[found.end():])
    if doubt:
        checks.append(("time", doubt))
    before = line[: found.start()].strip(" ,.;:–-")
    others = [other for n, other in enumerate(lines) if n != index]
    meeting_type = before or (others[0].strip() if len(others) == 1 else "")
    after_time = TIME.search(line, found.end())
    venue = line[after_time.end() if after_time else found.end():].strip(" ,.;:–-")
    if meeting_type:
        checks.append(("type", "read from the next-meeting text; check it"))
    if venue:
        checks.append(("venue", "read from the next-meeting text; check it"))
    return NextFound(date.isoformat(), time, meeting_type, venue, "\n".join(lines), tuple(checks))
