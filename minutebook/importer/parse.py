"""Parse: the lines of a minutes document to a `Draft` of its meeting file.

The minutes these were written for open with a header (see `header`) and continue
as a table of two or three columns: the item number, the text, and sometimes an
ACTION column naming each action's owner. Everything found is kept with where it
came from and, where the reading is not certain, why the editor must check it.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass, field, replace

from minutebook.importer import dates, people, plain, repair
from minutebook.importer.dates import TIME, clock
from minutebook.importer.found import ActionFound, Draft, Fact, Item, Member, NextFound, Reference
from minutebook.importer.header import DATE, MONTHS, name_at_start, normal, read_header
from minutebook.importer.repair import HEADING, NUMBERED, PARAGRAPH, Block, without_markers
from minutebook.importer.titles import is_capitals, spelled


def parse(lines: list[str], reference: Reference = Reference()) -> Draft:
    start = next((i for i, line in enumerate(lines) if agenda_row(repair.split_row(line), set(), "")), len(lines))
    if start < len(lines):  # items in a table's first column
        return parse_table(lines, start, reference)
    if plain.sections(lines)[2]:  # items in running text
        return parse_plain(lines, reference)
    # No items either way (a heading alone, or items in a shape not recognised): the reading that finds more.
    table, running = parse_table(lines, start, reference), parse_plain(lines, reference)
    return running if facts_found(running) > facts_found(table) else table


def facts_found(draft: Draft) -> int:
    facts = (draft.date.value, draft.time.value, draft.venue.value, draft.chair.value, draft.minute_taker)
    return sum(1 for fact in facts if fact) + bool(draft.attendees) + bool(draft.apologies)


def parse_table(lines: list[str], start: int, reference: Reference) -> Draft:
    header = read_header(lines[:start], reference)
    known = repair.vocabulary(repair.split_row(line).text for line in lines)
    items, repairs = read_body(lines[start:], reference, known)
    members = header.attendees + header.apologies
    found = [(item, actions_in(item, members)) for item in items]
    items = tuple(unclaimed_owner_cells(item, {index for index, _ in actions}) for item, actions in found)
    day = dt.date.fromisoformat(header.date.value) if header.date.value else None
    return Draft(
        source_title=header.source_title,
        title=header.title,
        meeting_type=header.meeting_type,
        date=header.date,
        time=header.time,
        venue=header.venue,
        chair=header.chair,
        minute_taker=header.minute_taker,
        attendees=header.attendees,
        apologies=header.apologies,
        apologies_line=header.apologies_line,
        agenda=items,
        actions=tuple(action for _, actions in found for _, action in actions),
        next_meeting=next_meeting_of(items, day),
        leftovers=header.leftovers,
        repairs=+(repairs + header.repairs),
        preamble=tuple(Block(PARAGRAPH, line, checks=(NOT_UNDERSTOOD,)) for line in header.leftovers),
    )


NOT_UNDERSTOOD = "printed in the heading but not understood, so not used"


def parse_plain(lines: list[str], reference: Reference) -> Draft:
    """Minutes printed as running text (see `plain`): the same `Draft`, its header text kept as the preamble."""
    order = dates.document_order(lines)
    title_line, title, meeting_type, facts, found = plain.read_plain(lines, reference, order)
    members = tuple(facts.attendees + facts.apologies) + ((facts.minute_taker,) if facts.minute_taker else ())
    items = check_order(tuple(finish_plain(item) for item in found))
    day = dt.date.fromisoformat(facts.date.value) if facts.date.value else None
    no_time = () if facts.time.value else ("no start time found",)
    no_venue = () if facts.venue.value else ("no venue found",)
    return Draft(
        source_title=Fact(title_line, title_line, () if title_line else ("no title line found",)),
        title=title,
        meeting_type=meeting_type,
        date=facts.date if facts.date.value or facts.date.checks else Fact(checks=("no date found",)),
        time=replace(facts.time, checks=facts.time.checks + no_time),
        venue=replace(facts.venue, checks=facts.venue.checks + no_venue),
        chair=facts.chair if facts.chair.value or facts.chair.checks else Fact(checks=("no chair found",)),
        minute_taker=facts.minute_taker,
        attendees=tuple(facts.attendees),
        apologies=tuple(facts.apologies),
        apologies_line=plain.apologies_unread(list(items), facts),
        agenda=items,
        actions=tuple(a for item in items for _, a in actions_in(item, members, run_on=True)),
        next_meeting=plain.next_meeting_in(list(items), day, order),
        repairs=+plain.counted_repairs(list(items)),
        preamble=tuple(facts.kept),
    )


def finish_plain(item: Item) -> Item:
    """Doubts about the text: a paragraph that starts in lower case may be the rest of one printed elsewhere."""
    blocks = tuple(
        replace(b, checks=b.checks + ("starts in lower case; the start of its sentence may be printed elsewhere",))
        if b.kind != HEADING and b.text[:1].islower() and not b.checks
        else b
        for b in item.blocks
    )
    return replace(item, blocks=blocks)


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


@dataclass
class Opened:
    """An agenda item while its rows are being read."""

    number: str
    title: str
    printed: str
    title_checks: tuple[str, ...]
    note: str
    dotted: bool
    blocks: list[Block] = field(default_factory=list)


def read_body(lines: list[str], reference: Reference, known: set[str]) -> tuple[tuple[Item, ...], Counter]:
    items: list[Opened] = []
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
            items.append(
                Opened(
                    number, title, f"{bare(row.number)} {bare(row.text)}", checks, note, bare(row.number).endswith(".")
                )
            )
            blocks = with_action_cell(blocks, row.action, repairs)
        else:
            blocks = with_action_cell(row_blocks(row, known, repairs), row.action, repairs)
        append(items[-1].blocks, blocks)
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
    # Kept where it was printed, before the text, as plain text ("-" must not become a bullet),
    # with the list marker of the text after it, if it had one.
    blocks = repair.blocks_of(row.text) or [Block(PARAGRAPH, "")]
    first = blocks[0]
    doubt = f'"{fragment}" was printed in the number column here; it may be the cut-off part of a word'
    if first.kind == HEADING:
        return [replace(first, checks=first.checks + (doubt,))] + blocks[1:]
    text = " ".join(filter(None, (fragment, first.marker if first.kind != PARAGRAPH else "", first.text)))
    return [replace(first, kind=PARAGRAPH, marker="", text=text, checks=first.checks + (doubt,))] + blocks[1:]


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


def append(blocks: list[Block], new: list[Block]) -> None:
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


def finish_item(item: Opened) -> Item:
    blocks = []
    dated_lines = "next meeting" in item.title.casefold()  # "Tuesday 28 May 2019, 10:00am Room 1.38" needs no full stop
    for block in item.blocks:
        checks = block.checks
        if block.kind != HEADING and block.text[:1].islower() and not checks:  # one marker per place is enough
            checks += ("starts in lower case; the start of its sentence may be printed elsewhere",)
        if block.kind != HEADING and not dated_lines and repair.ends_open(block.text):
            checks += ("stops without a full stop; the rest may be printed elsewhere",)
        blocks.append(replace(block, checks=checks))
    note = "; ".join(filter(None, (item.note, f'printed "{item.number}."' if item.dotted else "")))
    return Item(
        item.number, item.title, item.printed, tuple(blocks),
        note=note, title_checks=item.title_checks, dotted=item.dotted, respelled=bool(item.note),
    )  # fmt: skip


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
                return (
                    title,
                    rest,
                    (f'read as the title "{title}" (as in earlier meetings) followed by the text "{rest}"',),
                )
    return text, "", ()


# ---------------------------------------------------------------- actions

ARISING = re.compile(r"^Actions?\s+arising\b\s*:?\s*(.*)$", re.I | re.S)
# "ACTION: …", "Action – …", "ACTION (Ruth Cole): …": the owner in brackets is read as an ACTION column's
OWNED = r"(?:\((?P<owner>[^()]{1,60})\))?"
ACTION_LINE = re.compile(rf"^Action\s*{OWNED}\s*(?::|\s[–—-])\s*(?P<text>.+)$", re.I | re.S)
NOTHING = re.compile(
    r"^(?:none|nil|n/?a|no actions?(?: arising)?|there (?:were|are|was) no actions?(?: arising)?)\W*$", re.I
)
SUBJECT = re.compile(r"^(?:The\s+)?(?P<who>[A-Z][A-Za-z/]*[A-Z][A-Za-z]*)(?:['’]s)?\s+to\s+(?P<passive>be\s+)?")


# "… in the elementary grades. ACTION: Superintendent to present …": an action printed on its own line
# that the page's wrapping ran on from the paragraph before it. Only with its colon or dash, so a
# sentence that merely starts with the word is not taken for one.
ACTION_AFTER = re.compile(rf"(?<=[.!?])\s+(?:ACTION|Action)\s*{OWNED}\s*(?::|\s[–—-])\s*(?P<text>.+)$", re.S)


def actions_in(item: Item, members: tuple[Member, ...], run_on: bool = False) -> list[tuple[int, ActionFound]]:
    """Actions are minuted as "ACTION: …", "Actions arising …" on one line, or "Actions arising:"
    followed by the action (or a numbered list of them). "None" and the like are not actions.
    With `run_on`, also "ACTION: …" after the last sentence of a paragraph (see ACTION_AFTER).
    Each comes with the index of the block it was read from."""
    found, blocks, index = [], item.blocks, 0
    while index < len(blocks):
        block = blocks[index]
        text = without_markers(block.text)
        single = ACTION_LINE.match(text) or (ACTION_AFTER.search(text) if run_on and block.kind != HEADING else None)
        arising = ARISING.match(text)
        index += 1
        if single and block.kind != HEADING:
            owned = replace(block, owner_cell=single.group("owner")) if single.group("owner") else block
            found.append((index - 1, action(item, single.group("text"), owned, members)))
        elif arising and arising.group(1).strip():
            if not NOTHING.match(arising.group(1).strip()):
                found.append((index - 1, action(item, arising.group(1), block, members)))
        elif arising and index < len(blocks):
            first = blocks[index]
            plain = without_markers(first.text)
            if first.kind == HEADING or NOTHING.match(plain) or ARISING.match(plain) or ACTION_LINE.match(plain):
                continue
            found.append((index, action(item, plain, first, members)))
            index += 1
            expected = 2
            while (
                first.kind == NUMBERED
                and index < len(blocks)
                and blocks[index].kind == NUMBERED
                and blocks[index].marker.startswith(f"{expected}")
            ):
                found.append((index, action(item, without_markers(blocks[index].text), blocks[index], members)))
                index, expected = index + 1, expected + 1
    return found


def unclaimed_owner_cells(item: Item, claimed: set[int]) -> Item:
    """What the ACTION column held beside text that is not an action stays visible to the editor."""
    blocks = tuple(
        replace(b, checks=b.checks + (f'"{b.owner_cell}" was printed beside this in the ACTION column',))
        if b.owner_cell and index not in claimed
        else b
        for index, b in enumerate(item.blocks)
    )
    return replace(item, blocks=blocks)


def action(item: Item, text: str, block: Block, members: tuple[Member, ...]) -> ActionFound:
    text = " ".join(without_markers(text).split())
    owner, note, checks = owner_of(text, block.owner_cell, members)
    # An item printed without a number is named by its title, as the format allows.
    return ActionFound(item.number or item.title, text, owner, note, checks + tuple(block.checks))


def by_abbreviation(abbreviation: str, members: tuple[Member, ...]) -> tuple[Member | None, str]:
    exact = [m for m in members if m.abbreviation and m.abbreviation == abbreviation]
    if exact:
        return exact[0], ""
    loose = [m for m in members if m.abbreviation and m.abbreviation.casefold() == abbreviation.casefold()]
    if len(loose) == 1:
        return loose[0], f'"{abbreviation}" read as {loose[0].abbreviation}, {loose[0].name}'
    return None, ""


def owner_of(text: str, cell: str, members: tuple[Member, ...]) -> tuple[str, str, tuple[str, ...]]:
    """The owner from the ACTION column if it has one, otherwise from who the action names first."""
    if cell:
        who, doubt = by_abbreviation(cell, members)
        if who:
            return who.person, f'"{cell}" in the ACTION column', (doubt,) if doubt else ()
        owner = people.by_surname(cell, members) or people.by_role(cell, members)
        if owner:  # "ACTION (Ruth Cole): …"
            return owner.person, f'"{cell}" named as the owner', ()
        return (
            "",
            "",
            (
                f'the ACTION column says "{cell}", which is no attendee\'s abbreviation; '
                "add the owner if the minutes name one",
            ),
        )
    subject = SUBJECT.match(text)
    if subject:
        who, doubt = by_abbreviation(subject.group("who"), members)
        if who:
            passive = (
                (f'the action says "{subject.group(0).strip()}": is the {subject.group("who")} its owner?',)
                if subject.group("passive")
                else ()
            )
            return (
                who.person,
                f'"{subject.group(0).strip()}" at the start of the action',
                ((doubt,) if doubt else ()) + passive,
            )
    named = name_at_start(text, Reference(tuple((m.person, m.name) for m in members)))
    if named:
        return named[1], f'"{named[0]}" at the start of the action', ()
    subject = re.match(r"^(?P<who>[A-Z][^.;:]{0,60}?)\s+to\s+(?!be\b)[a-z]", text)
    if subject:  # "Clerk to write …", "City Manager to bring …", "Cllr Fenn to …"
        who = people.by_role(subject.group("who"), members) or people.by_surname(subject.group("who"), members)
        if who:
            return who.person, f'"{subject.group("who")}" at the start of the action is {who.name}, {who.role}', ()
    return (
        "",
        "",
        ("no owner is named in the action or an ACTION column; leave the owner out only if the minutes name none",),
    )


# ---------------------------------------------------------------- the next meeting


def next_meeting_of(items: tuple[Item, ...], day: dt.date | None) -> NextFound | None:
    """The date, time, type and venue from the item that confirms the next meeting."""
    item = next((i for i in reversed(items) if "next meeting" in i.title.casefold()), None)
    if item is None:
        return None
    lines = [without_markers(b.text) for b in item.blocks if b.kind != HEADING and b.text.strip()]
    dated = next(((n, date_in) for n, line in enumerate(lines) if (date_in := DATE.search(line))), None)
    if dated is None:
        return None
    index, found = dated
    line, checks = lines[index], []
    date_day, month = int(found.group("day")), MONTHS.index(found.group("month").lower()) + 1
    year = int(found.group("year")) if found.group("year") else None
    if year is None:
        year = (
            day.year
            if day and (month, date_day) > (day.month, day.day)
            else (day.year + 1 if day else dt.date.today().year)
        )
        checks.append(("date", f'"{found.group(0)}" gives no year; {year} is assumed'))
    try:
        date = dt.date(year, month, date_day)
    except ValueError:
        return None
    if day and date <= day:
        checks.append(("date", "is not after this meeting"))
    time, doubt = clock(line[found.end() :])
    if doubt:
        checks.append(("time", doubt))
    before = line[: found.start()].strip(" ,.;:–-")
    others = [other for n, other in enumerate(lines) if n != index]
    meeting_type = before or (others[0].strip() if len(others) == 1 else "")
    after_time = TIME.search(line, found.end())
    venue = line[after_time.end() if after_time else found.end() :].strip(" ,.;:–-")
    if meeting_type:
        checks.append(("type", "read from the next-meeting text; check it"))
    if venue:
        checks.append(("venue", "read from the next-meeting text; check it"))
    return NextFound(date.isoformat(), time, meeting_type, venue, "\n".join(lines), tuple(checks))
