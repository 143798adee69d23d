"""Dates and times as minutes print them, read to ISO dates and 24-hour times.

UK ("18/06/2019", "18th June 2019", "Tuesday 18 June 2019"), US ("June 18, 2019",
"6/18/2019") and ISO ("2019-06-18") dates; times such as "7:00 p.m.", "7pm",
"19:00" and "10.00am". No dependency reads free text dates without guessing (the
standard library parses fixed formats only), so the few shapes minutes use are
written out here. A date printed all in figures is read day first or month first
as the rest of the document shows; when nothing settles it, it is not read at all,
and the doubt says why: a wrong date on a public record is worse than none.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass

MONTHS = (
    "january", "february", "march", "april", "may", "june",
    "july", "august", "september", "october", "november", "december",
)  # fmt: skip
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
SHORT_MONTHS = ("jan", "feb", "mar", "apr", "jun", "jul", "aug", "sept", "sep", "oct", "nov", "dec")
MONTH = "|".join(MONTHS + SHORT_MONTHS)
WEEKDAY = rf"(?:(?P<weekday>{'|'.join(WEEKDAYS)}),?\s+)?"
ORDINAL = r"(?:\s?(?:st|nd|rd|th))?"

DAY_FIRST = re.compile(
    rf"{WEEKDAY}\b(?:the\s+)?(?P<day>\d{{1,2}}){ORDINAL}(?:\s+of)?\s+(?P<month>{MONTH})\b\.?,?(?:\s+(?P<year>\d{{4}})\b)?",
    re.I,
)
MONTH_FIRST = re.compile(
    rf"{WEEKDAY}\b(?P<month>{MONTH})\b\.?\s+(?P<day>\d{{1,2}}){ORDINAL}\b(?:,?\s+(?P<year>\d{{4}})\b)?", re.I
)
FIGURES = re.compile(r"(?<![\d/.])(?P<first>\d{1,2})([/.])(?P<second>\d{1,2})\2(?P<year>\d{4})\b")
ISO = re.compile(r"\b(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})\b")

TIME = re.compile(
    r"\b(?P<h>\d{1,2})(?:[:.](?P<m>\d{2}))?\s*(?P<half>[ap]\.?\s?m\b\.?)"
    r"|\b(?P<h24>\d{1,2}):(?P<m24>\d{2})\b"
    r"|\b(?P<hd>\d{1,2})\.(?P<md>\d{2})\s*(?:hrs|hours)\b"
    r"|(?<![£$€\d.,])\b(?P<hp>1[3-9]|2[0-3])\.(?P<mp>[0-5]\d)\b(?![.,]?\d)",  # "18.30": no morning hour, so no doubt
    re.I,
)


@dataclass(frozen=True)
class Printed:
    """A date as printed: where it is, and what it says."""

    start: int
    end: int
    text: str
    day: int
    month: int
    year: int | None
    weekday: str = ""
    figures: bool = False  # all in figures, so its order is the document's


def month_number(name: str) -> int:
    name = name.casefold().rstrip(".")
    if name in MONTHS:
        return MONTHS.index(name) + 1
    return {"sept": 9}.get(name) or [m[:3] for m in MONTHS].index(name[:3]) + 1


def dates_in(text: str, order: str = "") -> list[Printed]:
    """Every date printed in `text`, in the order printed; `order` reads dates in figures:
    "dm" (day first), "md" (month first) or "" (not known, so both numbers are kept as printed)."""
    found: list[Printed] = []
    for pattern in (ISO, DAY_FIRST, MONTH_FIRST):
        for match in pattern.finditer(text):
            year = int(match.group("year")) if match.group("year") else None
            month = int(match.group("month")) if pattern is ISO else month_number(match.group("month"))
            weekday = "" if pattern is ISO else (match.group("weekday") or "")
            found.append(
                Printed(match.start(), match.end(), match.group(0), int(match.group("day")), month, year, weekday)
            )
    for match in FIGURES.finditer(text):
        first, second = int(match.group("first")), int(match.group("second"))
        day, month = (second, first) if order == "md" else (first, second)
        found.append(
            Printed(match.start(), match.end(), match.group(0), day, month, int(match.group("year")), "", True)
        )
    found.sort(key=lambda p: (p.start, -(p.end - p.start)))
    kept: list[Printed] = []
    for printed in found:  # "June 18, 2019" is also "18, 2019"-less "June 18": keep the longest reading
        if not kept or printed.start >= kept[-1].end:
            kept.append(printed)
    return kept


def document_order(texts: Iterable[str]) -> str:
    """Whether the document writes dates in figures day first ("dm") or month first ("md"):
    a first number over 12 settles it, then a second; failing that, how it writes month names."""
    texts = list(texts)
    figures = [(int(m.group("first")), int(m.group("second"))) for t in texts for m in FIGURES.finditer(t)]
    if any(first > 12 for first, _ in figures):
        return "dm"
    if any(second > 12 for _, second in figures):
        return "md"
    month_first = sum(1 for t in texts for m in MONTH_FIRST.finditer(t) if m.group("year"))
    day_first = sum(1 for t in texts for m in DAY_FIRST.finditer(t) if m.group("year"))
    if month_first != day_first:
        return "md" if month_first > day_first else "dm"
    return ""


def read(printed: Printed, order: str, year: int | None = None) -> tuple[str, tuple[str, ...]]:
    """The ISO date a printed date names, and the doubts about it; no date when it cannot be known."""
    if printed.figures and not order and printed.day != printed.month and max(printed.day, printed.month) <= 12:
        return "", (
            f'"{printed.text}" could be {printed.day} {MONTHS[printed.month - 1].title()} or '
            f"{printed.month} {MONTHS[printed.day - 1].title()}, and nothing else in the minutes settles which",
        )
    year = printed.year or year
    if year is None:
        return "", (f'"{printed.text}" gives no year',)
    try:
        value = dt.date(year, printed.month, printed.day)
    except ValueError:
        return "", (f'"{printed.text}" is not a real date',)
    if printed.weekday and WEEKDAYS.index(printed.weekday.lower()) != value.weekday():
        weekday = WEEKDAYS[value.weekday()].title()
        return value.isoformat(), (f"printed as a {printed.weekday}, but {value.isoformat()} is a {weekday}",)
    return value.isoformat(), ()


def clock(text: str) -> tuple[str, str]:
    """The first time of day in `text` as 24-hour HH:MM, and a doubt about it if any."""
    found = TIME.search(text)
    if not found:
        return "", ""
    if found.group("h24") or found.group("hd") or found.group("hp"):
        hour = int(found.group("h24") or found.group("hd") or found.group("hp"))
        minute = int(found.group("m24") or found.group("md") or found.group("mp"))
        return (f"{hour:02d}:{minute:02d}", "") if hour < 24 and minute < 60 else ("", "")
    hour, minute, afternoon = int(found.group("h")), int(found.group("m") or 0), found.group("half")[0] in "pP"
    if minute > 59:
        return "", ""
    if hour > 12:  # "14:00pm": a 24-hour time with a needless pm
        return (
            (f"{hour:02d}:{minute:02d}", f'printed "{found.group(0)}"; read as {hour:02d}:{minute:02d}')
            if hour < 24
            else ("", "")
        )
    hour = hour % 12 + (12 if afternoon else 0)
    return f"{hour:02d}:{minute:02d}", ""
