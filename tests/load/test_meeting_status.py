"""A meeting's status: draft, approved (with the date of the approving meeting) or cancelled.

The status fixture holds April 2019, approved at the meeting of 28 May 2019;
May 2019, a draft; and June 2019, cancelled, with no attendance, agenda,
minute-taker, time or venue.
"""

import datetime as dt

import pytest

from minutebook.content.load import load_content
from tests.conftest import FIXTURES, copy_content
from tests.load.refusals import problems
from tests.load.test_bad_input import APRIL, line_of, rewrite

STATUS = FIXTURES / "status"
TYPE_LINE = "type: Monthly Assurance Meeting\n"


def test_a_meeting_file_without_a_status_is_approved_minutes_with_no_approval_date():
    april = load_content(FIXTURES / "small").meetings[0]
    assert (april.status, april.approved_on) == ("approved", None)


def test_each_status_is_read_with_the_approval_date_of_approved_minutes():
    meetings = {m.date.isoformat(): m for m in load_content(STATUS).meetings}
    assert [(m.status, m.approved_on) for m in meetings.values()] == [
        ("approved", dt.date(2019, 5, 28)),
        ("draft", None),
        ("cancelled", None),
    ]


def test_a_cancelled_meeting_needs_no_attendance_agenda_minute_taker_time_or_venue():
    june = load_content(STATUS).meetings[-1]
    assert (june.attendees, june.agenda, june.minute_taker.person, june.time, june.venue) == ((), (), "", "", "")


def test_a_meeting_that_took_place_still_needs_them_whatever_its_status(small_content):
    (small_content / "meetings/2019-05-28-performance.md").write_text(
        "---\ntitle: Performance Meeting May 2019\ndate: 2019-05-28\ntype: Performance\nstatus: draft\n"
        "chair: john-campion\nsource:\n  title: Performance Meeting May 2019 – Meeting Notes\n---\n",
        encoding="utf-8",
    )
    found = problems(small_content, linked=True)
    for field in ("attendees", "agenda"):  # time, venue and minute-taker only where minuted
        missing = f"content/meetings/2019-05-28-performance.md:2: {field}: is missing; it is required ("
        assert any(p.startswith(missing) for p in found), found


# (what is wrong, the front-matter lines put after the type, the line that holds it, field,
#  words the message must contain)
CASES = [
    (
        "unknown status",
        "status: final",
        "status: final",
        "status",
        "'final' is not allowed; expected one of: draft, approved, cancelled",
    ),
    ("empty status", "status:", "status:", "status", "is empty; expected one of: draft, approved, cancelled"),
    (
        "approval date on a draft",
        "status: draft\napproved: 2019-05-28",
        "approved: 2019-05-28",
        "approved",
        "the status is 'draft'; only approved minutes have an approval date",
    ),
    (
        "approval date on a cancelled meeting",
        "status: cancelled\napproved: 2019-05-28",
        "approved: 2019-05-28",
        "approved",
        "the status is 'cancelled'",
    ),
    (
        "approval date not a date",
        "status: approved\napproved: 28 May 2019",
        "approved: 28 May 2019",
        "approved",
        "YYYY-MM-DD",
    ),
    (
        "approved before the meeting",
        "status: approved\napproved: 2019-04-30",
        "approved: 2019-04-30",
        "approved",
        "is not after this meeting (2019-04-30); minutes are approved at a later meeting",
    ),
]


@pytest.mark.parametrize("what, lines, held_by, field, words", CASES, ids=[c[0] for c in CASES])
def test_each_status_mistake_is_named_with_file_line_and_field(small_content, what, lines, held_by, field, words):
    path = rewrite(small_content, TYPE_LINE, f"{TYPE_LINE}{lines}\n")
    found = problems(small_content, linked=True)
    named = [p for p in found if words in p]
    assert len(named) == 1, found
    assert named[0].startswith(f"content/{APRIL}:{line_of(path, held_by)}: {field}: "), named


@pytest.mark.parametrize(
    "field, lines",
    [
        ("actions", 'actions:\n  - id: 2019-06-25-1\n    item: "1"\n    text: The CC to report.\n    status: open'),
        ("action_updates", "action_updates:\n  - action: 2019-05-28-1\n    status: completed"),
    ],
)
def test_a_cancelled_meeting_that_lists_actions_is_named(tmp_path, field, lines):
    content = copy_content(STATUS, tmp_path / "content")
    name = "meetings/2019-06-25-monthly-assurance.md"
    path = rewrite(content, "status: cancelled\n", f"status: cancelled\n{lines}\n", name)
    assert problems(content, linked=True) == [
        f"content/{name}:{line_of(path, field + ':')}: {field}: is given for a cancelled meeting; "
        "a meeting that did not take place raised and updated no actions: remove them"
    ]


def test_an_approval_date_that_names_a_cancelled_meeting_is_named(tmp_path):
    content = copy_content(STATUS, tmp_path / "content")
    path = rewrite(content, "approved: 2019-05-28", "approved: 2019-06-25")
    assert problems(content, linked=True) == [
        f"content/{APRIL}:{line_of(path, 'approved: 2019-06-25')}: approved: 2019-06-25 is the date of "
        "2019-06-25-monthly-assurance, which was cancelled; give the date of the meeting that approved these minutes"
    ]
