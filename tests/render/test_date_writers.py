"""The templates' date filters (dates.writer) write each date as long_date and the rest do, in any locale."""

import datetime as dt

import pytest

from minutebook.model import Locale
from minutebook.site import dates

LOCALES = [Locale(), Locale(language="en-US", time_zone="America/New_York", clock=12), Locale(language="fr")]
DAYS = [dt.date(2019, 6, 18), dt.date(2024, 2, 29), dt.date(2019, 6, 18)]  # one twice: the second is remembered


@pytest.mark.parametrize("locale", LOCALES, ids=lambda locale: locale.language)
def test_a_writer_writes_as_its_function_does(locale):
    long, weekday, month, time = (dates.writer(how, locale) for how in ("long", "weekday", "month", "time"))
    for day in DAYS:
        assert long(day) == dates.long_date(day, locale)
        assert weekday(day) == dates.weekday_date(day, locale)
        assert month(day) == dates.month_name(day, locale)
    for moment in ("09:05", "19:00", "09:05"):
        assert time(moment) == dates.time_of_day(moment, locale)


def test_writers_of_two_locales_keep_apart():
    british, american = (dates.writer("long", locale) for locale in LOCALES[:2])
    day = dt.date(2019, 6, 18)
    assert (british(day), american(day), british(day)) == ("18 June 2019", "June 18, 2019", "18 June 2019")
