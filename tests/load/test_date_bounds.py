"""Dates are held to the years every output can carry (1800 to 2999): a date outside them is refused
by `check` with path:line: field, and the first and last of them build every output well-formed."""

import json
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import icalendar
import pytest

from minutebook.content.load import load_content
from minutebook.link import link
from minutebook.model import InvalidContent
from minutebook.pipeline import Paths, build
from tests.conftest import ROOT

APRIL = "meetings/2019-04-30-monthly-assurance.md"


def rewrite(content: Path, old: str, new: str, name: str = APRIL) -> int:
    path = content / name
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return text[: text.index(old)].count("\n") + 1


def test_a_next_meeting_on_the_last_day_of_9999_is_refused_by_check_not_a_crash_of_the_build(small_content, tmp_path):
    line = rewrite(small_content, "  date: 2019-05-28", "  date: 9999-12-31")
    run = subprocess.run(
        [sys.executable, "build.py", "--content", str(small_content), "--out", str(tmp_path / "site")],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert run.returncode == 1 and "Traceback" not in run.stderr and not (tmp_path / "site").exists()
    assert run.stderr.splitlines()[0] == (
        f"{small_content}/{APRIL}:{line}: next_meeting.date: '9999-12-31' is not a year this archive can publish; "
        "expected a year from 1800 to 2999"
    )


# (what is dated, the text replaced, the date outside the years in its place, its field, the line of the date in it)
OUTSIDE = [
    ("an action's due date", "    status: open\n", "    status: open\n    due: 3000-01-01\n", "actions[1].due", 1),
    (
        "a correction",
        "source:\n",
        "corrections:\n  - date: 0219-05-01\n    note: A slip.\nsource:\n",
        "corrections[1].date",
        1,
    ),
    ("the next meeting", "  date: 2019-05-28", "  date: 1799-12-31", "next_meeting.date", 0),
]


@pytest.mark.parametrize("what, old, new, field, offset", OUTSIDE, ids=[o[0] for o in OUTSIDE])
def test_a_date_outside_the_years_is_named_with_its_field(small_content, what, old, new, field, offset):
    line = rewrite(small_content, old, new) + offset
    with pytest.raises(InvalidContent) as raised:
        link(load_content(small_content))
    found = [str(e) for e in raised.value.errors]
    assert any(
        p.startswith(f"content/{APRIL}:{line}: {field}: ") and "expected a year from 1800 to 2999" in p for p in found
    ), found


def test_the_first_and_last_years_build_a_well_formed_feed_calendar_and_open_data(small_content, tmp_path):
    text = (small_content / APRIL).read_text()
    early = (
        text.replace("date: 2019-04-30", "date: 1800-01-01")
        .replace("2019-04-30-1", "1800-01-01-1")
        .replace("  date: 2019-05-28", "  date: 1800-02-03")
    )
    (small_content / "meetings/1800-01-01-monthly-assurance.md").write_text(early)
    rewrite(small_content, "  date: 2019-05-28", "  date: 2999-12-31")
    site = tmp_path / "site"
    build(Paths(content=small_content), site)
    ET.parse(site / "feed.xml")
    starts = [
        event.decoded("dtstart").date()
        for event in icalendar.Calendar.from_ical((site / "calendar.ics").read_bytes()).walk("VEVENT")
    ]
    assert [(d.year, d.month, d.day) for d in sorted(starts)] == [(1800, 2, 3), (2999, 12, 31)]
    assert "1800-01-01" in [m["date"] for m in json.loads((site / "data/meetings.json").read_text())["meetings"]]
