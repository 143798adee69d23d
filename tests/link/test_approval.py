"""Approved minutes meet the meeting that approved them, found by its date, when the archive holds it."""

from minutebook.content.load import load_content
from minutebook.link import link
from tests.conftest import FIXTURES, copy_content
from tests.load.test_bad_input import rewrite

STATUS = FIXTURES / "status"
APRIL, MAY = "2019-04-30-monthly-assurance", "2019-05-28-monthly-assurance"


def test_approved_minutes_are_linked_to_the_meeting_held_on_their_approval_date():
    assert link(load_content(STATUS)).approved_at == {APRIL: MAY}


def test_an_approval_date_with_no_meeting_in_the_archive_links_nothing_and_is_no_error(tmp_path):
    content = copy_content(STATUS, tmp_path / "content")
    rewrite(content, "approved: 2019-05-28", "approved: 2019-05-29")
    archive = link(load_content(content))
    assert archive.meeting(APRIL).approved_on.isoformat() == "2019-05-29"
    assert archive.approved_at == {}


def test_minutes_approved_without_a_date_are_linked_to_nothing():
    assert link(load_content(FIXTURES / "small")).approved_at == {}
