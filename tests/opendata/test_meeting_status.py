"""The open data says where each meeting's minutes stand, and the actions say it of the meeting they arose at.

The status fixture: April 2019 approved at the meeting of 28 May 2019, May 2019
a draft, June 2019 cancelled with no attendance, agenda, minute-taker, time or venue.
"""

import csv
import io
import json

import pytest

from tests.conftest import FIXTURES, build_site


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    return build_site(FIXTURES / "status", tmp_path_factory.mktemp("status") / "site") / "data"


def test_every_meeting_has_its_status_and_approved_minutes_the_date_they_were_approved(data):
    meetings = json.loads((data / "meetings.json").read_text(encoding="utf-8"))["meetings"]
    assert [(m["id"], m["status"], m["approved"]) for m in meetings] == [
        ("2019-04-30-monthly-assurance", "approved", "2019-05-28"),
        ("2019-05-28-monthly-assurance", "draft", None),
        ("2019-06-25-monthly-assurance", "cancelled", None),
    ]


def test_a_cancelled_meeting_has_no_minute_taker_attendance_agenda_time_or_venue(data):
    june = json.loads((data / "meetings.json").read_text(encoding="utf-8"))["meetings"][-1]
    assert (june["minute_taker"], june["attendees"], june["agenda"], june["time"], june["venue"]) == (
        None,
        [],
        [],
        None,
        None,
    )


def test_each_action_carries_its_meetings_status_in_json_and_csv(data):
    actions = json.loads((data / "actions.json").read_text(encoding="utf-8"))["actions"]
    rows = list(csv.DictReader(io.StringIO((data / "actions.csv").read_text(encoding="utf-8"), newline="")))
    expected = [("2019-04-30-1", "approved"), ("2019-05-28-1", "draft")]
    assert [(a["id"], a["meeting_status"]) for a in actions] == expected
    assert [(r["id"], r["meeting_status"]) for r in rows] == expected
