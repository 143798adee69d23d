"""Dates and times as the site's locale writes them, and a meeting's start as a moment in its time zone.

The words and their order come from the Babel library (the Unicode CLDR's data for each language), never
from formats written here: en-GB writes "18 June 2019" and "19:00", en-US "June 18, 2019" and "7:00 PM".
The minutes give times as 24-hour "HH:MM" local to the site's time zone (`Locale.time_zone`).
"""

from __future__ import annotations

import datetime as dt
import functools
import os
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from minutebook.model import Locale

if TYPE_CHECKING:
    import zoneinfo

    import babel

DEFAULT = Locale()

# Where a language's house style for a date with its weekday differs from CLDR's full date: British public
# bodies write "Tuesday 18 June 2019", with no comma (as GOV.UK's style guide does), where CLDR has one.
WEEKDAY_DATES = {"en-GB": "EEEE d MMMM y"}


@functools.cache
def language(tag: str) -> babel.Locale:
    """Babel's data for a language tag that load.language_tag has checked."""
    from babel import Locale as Language

    return Language.parse(tag, sep="-")


@functools.cache
def zone(name: str) -> zoneinfo.ZoneInfo:
    """The time zone an IANA name that load.parse_locale has checked names."""
    from zoneinfo import ZoneInfo

    return ZoneInfo(name)


# Every date and time written so far, by how, in which locale and what: the same few hundred dates are written
# thousands of times, and Babel is slow. A build keeps them for the next (incremental/cache.py), so a rebuild
# that writes no date it has not written before never loads Babel and its data at all.
Written = dict[tuple[str, Locale, object], str]
_written: Written = {}


def written() -> Written:
    """Every date and time written so far in this process, or recalled."""
    return dict(_written)


def recall(memo: Written) -> None:
    """Take `memo`, the dates and times an earlier build wrote with this version of Babel, as written."""
    _written.update(memo)


def load_language(locale: Locale) -> None:
    """Import Babel and read the language's data now. A build that forks workers to write its dates does this
    first, once for them all, where each would otherwise read its own."""
    import babel.dates  # noqa: F401

    language(locale.language).date_formats  # noqa: B018 (the first use reads the language's data)


def babel_version() -> str:
    """What names the Babel installed, cheaply (without importing it): a memo written with another is not
    recalled, as a new Babel may write a date another way."""
    import importlib.util

    spec = importlib.util.find_spec("babel")
    origin = spec.origin if spec else None
    if not origin:
        return ""
    status = os.stat(origin)
    return f"{origin} {status.st_size} {status.st_mtime_ns}"


def _write(how: str, value: object, locale: Locale) -> str:
    key = (how, locale, value)  # hashing a Locale hashes its words and all: once, not twice
    found = _written.get(key)
    if found is None:
        found = _written[key] = _WRITERS[how](value, locale)
    return found


def writer(how: str, locale: Locale) -> Callable[[Any], str]:
    """Dates or times written `how` ("long", "weekday", "month" or "time") in one locale, for a template's
    filter. The pages write some 25,000 dates: this finds each again by the date alone, where `long_date`
    and the rest hash the whole Locale to find it."""
    memo: dict[object, str] = {}

    def write(value: Any) -> str:
        found = memo.get(value)
        if found is None:
            found = memo[value] = _write(how, value, locale)
        return found

    return write


def long_date(day: dt.date, locale: Locale = DEFAULT) -> str:
    """The date as the language writes it in full, without its weekday: "18 June 2019", "June 18, 2019"."""
    return _write("long", day, locale)


def weekday_date(day: dt.date, locale: Locale = DEFAULT) -> str:
    """The date with its weekday: "Tuesday 18 June 2019", "Tuesday, June 18, 2019"."""
    return _write("weekday", day, locale)


def month_name(day: dt.date, locale: Locale = DEFAULT) -> str:
    """The name of the date's month, standing alone as in a title: "June", "juin"."""
    return _write("month", day, locale)


def time_of_day(time: str, locale: Locale = DEFAULT) -> str:
    """A minuted 24-hour "HH:MM" on the site's clock, as the language writes it: "19:00", "7:00 PM"."""
    return _write("time", time, locale)


def _long(day, locale: Locale) -> str:
    from babel.dates import format_date

    return format_date(day, "long", locale=language(locale.language))


def _weekday(day, locale: Locale) -> str:
    from babel.dates import format_date

    return format_date(day, WEEKDAY_DATES.get(locale.language, "full"), locale=language(locale.language))


def _month(day, locale: Locale) -> str:
    from babel.dates import format_date

    return format_date(day, "LLLL", locale=language(locale.language))


def _time(time, locale: Locale) -> str:
    from babel.dates import format_skeleton

    hours, minutes = (int(part) for part in time.split(":"))
    # A skeleton names the fields wanted and lets the language order and punctuate them: "Hm" on the 24-hour
    # clock, "hm" on the 12-hour one, with the language's own word for the half of the day.
    skeleton = "hm" if locale.clock == 12 else "Hm"
    return format_skeleton(skeleton, dt.time(hours, minutes), locale=language(locale.language))


_WRITERS = {"long": _long, "weekday": _weekday, "month": _month, "time": _time}


def meeting_start(day: dt.date, time: str, time_zone: str = DEFAULT.time_zone) -> dt.datetime:
    """A minuted local "HH:MM" on a day (midnight without one) as an aware time in the site's time zone: the
    zone's offset on that day, summer time or not."""
    hours, minutes = (int(part) for part in time.split(":")) if time else (0, 0)
    return dt.datetime.combine(day, dt.time(hours, minutes), tzinfo=zone(time_zone))
