"""Dates and times (a meeting's, an action's due date, the next meeting's): any value is refused by
`check` with a located message, or published in every output, the feed's and calendar's times valid."""

import re

from hypothesis import given

from tests.properties.published import APRIL, BOUNDED, MAY, dates, outcome, quoted, renamed, small, times


@BOUNDED
@given(dates, times)
def test_a_meeting_date_and_time(day, time):
    archive = (
        small()
        .replace(MAY, "date: 2019-05-28", f"date: {quoted(day)}")
        .replace(MAY, 'time: "10:00"', f"time: {quoted(time)}")
    )
    # The file is named by its date: renamed when the date could name it, and refused as not matching it otherwise.
    outcome(
        renamed(archive, MAY, f"meetings/{day}-performance.md") if re.fullmatch(r"\d{4}-\d\d-\d\d", day) else archive
    )


@BOUNDED
@given(dates)
def test_an_action_due_date(day):
    outcome(small().replace(APRIL, "    status: open", f"    status: open\n    due: {quoted(day)}"))


@BOUNDED
@given(dates, times)
def test_the_next_meeting_date_and_time(day, time):
    archive = small().replace(APRIL, "  date: 2019-05-28", f"  date: {quoted(day)}")
    outcome(archive.replace(APRIL, '  time: "10:00"', f"  time: {quoted(time)}"))


@BOUNDED
@given(dates)
def test_the_day_minutes_were_approved(day):
    outcome(small().replace(MAY, "date: 2019-05-28", f"date: 2019-05-28\napproved: {quoted(day)}"))
