"""`build.py new` starts a meeting as draft minutes, and never takes its people from a meeting that did not
take place."""

from tests.commands.test_new import started
from tests.conftest import FIXTURES, copy_content


def test_a_new_meeting_starts_as_a_draft(small_content):
    assert started(small_content, "2019-06-25").status == "draft"


def test_attendance_comes_from_the_last_meeting_that_took_place_not_a_cancelled_one(tmp_path):
    content = copy_content(FIXTURES / "status", tmp_path / "content")  # May 2019 held (PCC and CC), June 2019 cancelled
    meeting = started(content, "2019-07-30")
    assert [a.person for a in meeting.attendees] == ["john-campion", "anthony-bangham"]
    assert (meeting.minute_taker.person, meeting.venue) == ("jackie-irvin", "Room 1.38")
