"""Header: the facts the minutes give before the agenda, and the people at the meeting.

The title line, then Date, Chair, Minutes (the minute-taker) and Venue lines, an
attendance table of names and capacities, and Apologies. Names are matched to
people.yml; a name it lacks gets a slug made from it and a doubt.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter

from minutebook.importer import repair
from minutebook.importer.dates import clock
from minutebook.importer.found import Fact, Header, Member, Reference

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
# Only "Venue" is printed without its colon; "Minutes of the Board" is a title, not the minute-taker.
LABEL = re.compile(
    r"^[\s\-•*]*(Date|Chair|Minutes|Venue|Attendance|Apologies)(?:[ \t]*:|(?<=Venue)\b)[ \t]*(.*)$", re.I | re.S
)
TABLE_HEADER = re.compile(r"^\s*(?:Name:?\s+Capacity:?|No\.?\s+Item)\s*$", re.I)
TITLE_LINE = re.compile(r"^(?P<title>.*?)\s*[–—-]\s*(?:Meeting\s+)?(?:Notes|Minutes)\s*$", re.I)
MONTH_YEAR = re.compile(rf"\s+(?P<month>{MONTH})\s+(?P<year>\d{{4}})$", re.I)
CAPACITY = re.compile(r"^(?P<role>.*?)\s*\((?P<abbreviation>[^()\s]{1,12})\)(?P<stray>\)*)\s*$")


def read_header(lines: list[str], reference: Reference) -> Header:
    attendees: list[Member] = []
    apologies: list[Member] = []
    leftovers: list[str] = []
    repairs: Counter[str] = Counter()
    table: str | None = None  # the attendance or apologies table being read, if any
    title_line = ""
    label_lines: dict[str, str] = {}
    for line in lines:
        if not line.strip():
            table = None
            continue
        if not title_line:
            title_line = " ".join(line.split())
            continue
        if TABLE_HEADER.match(line.replace("\t", " ")):
            repairs[repair.HEADERS] += 1
            continue
        label = LABEL.match(line)
        if label and label.group(1).lower() in label_lines:  # a second "Date …" line is text, not the date
            label = None
        row = ""
        if label:
            name, rest = label.group(1).lower(), label.group(2).strip()
            label_lines[name] = rest if name in ("attendance", "apologies") else " ".join(rest.split())
            table, row = (name, rest) if name in ("attendance", "apologies") else (table, "")
        elif table and line.startswith(("\t", " ")):  # the table goes on, its first cell empty
            row = line.strip()
        else:
            leftovers.append(line.strip())
        if row:
            assert table is not None, "a row is only read inside an attendance or apologies table"
            added = member_row(row, reference, table)
            (attendees if table == "attendance" else apologies).extend(added or [])
            if not added or any(not m.role for m in added):  # the row's text is held whole nowhere else
                leftovers.append(" ".join(line.split()) if label else row)  # its label too, as printed

    title, meeting_type = read_title(title_line)
    date = read_date(label_lines.get("date", ""), title)
    if label_lines.get("date") and not date.value:  # its text would otherwise be only in a comment
        leftovers.append(label_lines["date"])
    return Header(
        source_title=Fact(title_line, title_line, () if title_line else ("no title line found",)),
        title=title,
        meeting_type=meeting_type,
        date=date,
        time=read_time(label_lines.get("date", "")),
        venue=Fact(
            label_lines.get("venue", ""),
            label_lines.get("venue", ""),
            () if label_lines.get("venue") else ("no Venue line found",),
        ),
        chair=read_chair(label_lines.get("chair", ""), reference),
        minute_taker=read_minute_taker(label_lines.get("minutes", ""), reference),
        attendees=tuple(attendees),
        apologies=tuple(apologies),
        apologies_line=Fact(label_lines.get("apologies", ""), label_lines.get("apologies", "")),
        leftovers=tuple(" ".join(x.replace("\t", " ").split()) for x in leftovers),
        repairs=repairs,
    )


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
        return Fact("", printed, (f'no date found in "{printed}"',))
    day, month = int(found.group("day")), MONTHS.index(found.group("month").lower()) + 1
    year, checks, note = found.group("year"), [], ""
    if not year:
        in_title = MONTH_YEAR.search(title.value)
        if in_title and MONTHS.index(in_title.group("month").lower()) + 1 == month:
            year = in_title.group("year")
            note = "the Date line gives no year; it is the title's"
        else:
            return Fact("", printed, (f'the Date line "{printed}" gives no year',))
    try:
        value = dt.date(int(year), month, day)
    except ValueError:
        return Fact("", printed, (f'"{printed}" is not a real date',))
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
    after = printed[found.end() :] if found else printed
    time, check = clock(after)
    if not time:
        return Fact("", printed, ("no start time found in the Date line",))
    return Fact(time, printed, (check,) if check else ())


# ---------------------------------------------------------------- people


def normal(name: str) -> str:
    return " ".join(name.split()).casefold()


def make_slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.casefold()).strip("-")


def person(name: str, reference: Reference) -> tuple[str, bool]:
    """The person slug for a printed name, and whether people.yml knows them: by the name as written, or
    by its initials ("Cllr M Hale" is Margaret Hale, where no other Hale's first name starts with M)."""
    for slug, known in reference.people:
        if normal(known) == normal(name):
            return slug, True
    initialled = by_initials(name, reference)
    return (initialled, True) if initialled else (make_slug(name), False)


def by_initials(name: str, reference: Reference) -> str | None:
    """The one person in people.yml whose surname is the printed name's last word and whose first name
    starts with its first initial ("M Hale", "M. J. Hale"); None where nobody, or more than one, fits."""
    words = name.replace(".", " ").split()
    if len(words) < 2 or not all(len(w) == 1 and w.isalpha() for w in words[:-1]):
        return None
    fits = [
        slug
        for slug, known in reference.people
        if len(parts := known.split()) >= 2
        and parts[-1].casefold() == words[-1].casefold()
        and parts[0][:1].casefold() == words[0].casefold()
    ]
    return fits[0] if len(fits) == 1 else None


def unknown_check(name: str, slug: str) -> str:
    return f'"{name}" is not in content/people.yml; add them there as {slug}, or correct the slug'


def name_doubts(name: str, slug: str, in_people: bool, reference: Reference) -> tuple[str, ...]:
    """What to check of a printed name read as `slug` (`person`): that people.yml lacks them, or that they
    were matched by their initials rather than as written."""
    if not in_people:
        return (unknown_check(name, slug),)
    known = dict(reference.people).get(slug)
    if known is None or normal(known) == normal(name):
        return ()
    return (f'"{name}" is read as {known} ({slug}) by initial and surname; correct the slug if it is someone else',)


def name_at_start(text: str, reference: Reference) -> tuple[str, str, str] | None:
    """The longest name from people.yml that `text` starts with: (name as printed, slug, the rest)."""
    best = None
    for slug, name in reference.people:
        pattern = re.compile(r"\s+".join(map(re.escape, name.split())) + r"(?=$|[\s,;:])", re.I)
        found = pattern.match(text)
        if found and (best is None or found.end() > len(best[0])):
            best = (found.group(0), slug, text[found.end() :].lstrip(" ,;:\t"))
    return best


def capacity(text: str) -> tuple[str, str, tuple[str, ...]]:
    """`Chief Constable (CC)`: the role and the abbreviation."""
    found = CAPACITY.match(text.strip())
    if not found:
        return " ".join(text.split()), "", ()
    checks = (f'printed "{text.strip()}"; the extra bracket is left out',) if found.group("stray") else ()
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
    checks = checks + more + name_doubts(name, slug, known, reference)
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
        checks = (f'printed "{text}"; the names and roles could not be paired',)
        return [member(n, "", reference, checks) for n in names]
    paired = (f'printed "{text}"; each role is given to a name in the order printed',) if len(names) > 1 else ()
    return [member(n, r, reference, paired) for n, r in zip(names, roles, strict=True)]


def read_chair(printed: str, reference: Reference) -> Fact:
    if not printed:
        return Fact(checks=("no Chair line found",))
    slug, known = person(printed, reference)
    return Fact(slug, printed, name_doubts(printed, slug, known, reference))


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
