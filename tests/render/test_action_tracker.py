"""The action tracker says what is known and no more: how long each open action has gone without an update,
counted to the latest meeting, which actions have had none for over a year, and no column of blanks."""

import datetime as dt

import pytest

from minutebook.content.load import load_content
from minutebook.link import link
from minutebook.site.render import time_since
from tests.conftest import ASSURANCE, build_site
from tests.render.tables import read

APRIL = "meetings/2019-04-30-monthly-assurance.md"
OPEN_TABLE = "Open actions, newest first"
QUIET_TABLE = "Open actions with no update for over a year, longest first"


@pytest.fixture(scope="module")
def archive():
    return link(load_content(ASSURANCE))


@pytest.fixture(scope="module")
def tracker(real_site):
    return read(real_site / "actions/index.html")


def action_ids(table) -> list[str]:
    return [cells[0].links[0][0].split("/")[-2] for cells in table.rows]


def last_update(table, action_id: str) -> str:
    row = next(cells for cells in table.rows if cells[0].links[0][0] == f"{action_id}/index.html")
    return row[table.headers.index("Last update")].text


def test_the_real_tracker_has_no_due_column_because_no_action_was_given_a_due_date(tracker):
    assert [t.caption for t in tracker.tables] == [OPEN_TABLE, QUIET_TABLE]
    assert all("Due" not in table.headers for table in tracker.tables)
    assert "Not set" not in tracker.html


def test_every_open_action_says_since_which_meeting_no_update_was_recorded(tracker, archive):
    table = tracker.table(OPEN_TABLE)
    opened = [t for t in archive.actions if t.is_open]
    assert sorted(action_ids(table)) == sorted(t.action.id for t in opened) and len(opened) == 12
    for tracked, cell in zip(reversed(opened), table.column("Last update"), strict=True):
        meeting = archive.meeting(tracked.action.meeting_id)
        anchor = meeting.item(tracked.action.item).anchor
        assert cell.text.startswith(f"No update recorded since {meeting.title} ("), cell.text
        assert cell.links == [(f"../meetings/{meeting.id}/index.html#{anchor}", meeting.title)]


@pytest.mark.parametrize(
    "action_id, words",
    [
        ("2016-10-19-1", "No update recorded since Monthly Assurance Meeting October 2016 (5 years and 2 months ago)"),
        ("2019-04-30-1", "No update recorded since Monthly Assurance Meeting April 2019 (2 years and 7 months ago)"),
        ("2021-03-23-2", "No update recorded since Monthly Assurance Meeting March 2021 (8 months ago)"),
        ("2021-12-20-1", "No update recorded since Monthly Assurance Meeting December 2021 (the latest meeting)"),
    ],
)
def test_how_long_ago_is_counted_to_the_latest_meeting(tracker, action_id, words):
    assert last_update(tracker.table(OPEN_TABLE), action_id) == words


def test_the_tracker_says_that_it_counts_to_the_latest_meeting_and_not_to_today(tracker):
    assert (
        "How long ago is counted to the latest meeting, Monthly Assurance Meeting December 2021 on 20 December 2021, "
        "not to today."
    ) in tracker.paragraphs


def test_status_is_written_in_plain_words(tracker):
    assert {cell.text for cell in tracker.table(OPEN_TABLE).column("Status")} == {"Open"}


def test_the_tracker_lists_exactly_the_open_actions_with_no_update_for_over_a_year_longest_first(tracker):
    # The latest meeting is 20 December 2021: March and December 2021's actions are under a year old.
    assert action_ids(tracker.table(QUIET_TABLE)) == [
        "2016-10-19-1",
        "2016-10-19-2",
        "2016-10-19-3",
        "2018-02-27-1",
        "2018-02-27-2",
        "2018-02-27-3",
        "2019-04-30-1",
    ]


def test_the_tracker_links_to_the_list_of_actions_with_no_update_for_over_a_year(tracker):
    assert 'id="no-update-for-a-year"' in tracker.html
    assert '<a href="#no-update-for-a-year">No update for over a year (7)</a>' in tracker.html
    assert '<a href="#no-update-for-a-year">7 of them have had no update recorded for over a year</a>' in tracker.html


def test_the_tracker_says_when_no_action_has_a_recorded_outcome(tracker):
    assert any(
        p.startswith("No outcome has been recorded for any of the 12 actions: all are still open.")
        for p in tracker.paragraphs
    )


def test_a_due_date_brings_the_due_column_and_an_action_without_one_says_none_set(small_content, tmp_path):
    path = small_content / APRIL
    path.write_text(
        path.read_text().replace(
            """    status: open
next_meeting:""",
            """    status: open
  - id: 2019-04-30-2
    item: "2.1"
    owner: amanda-blakeman
    text: The DCC to report on the National ANPR connection.
    status: open
    due: 2019-06-30
  - id: 2019-04-30-3
    item: "2.1"
    owner: amanda-blakeman
    text: The DCC to brief the PCC on ANPR camera sites.
    status: open
next_meeting:""",
        )
    )
    tracker = read(build_site(small_content, tmp_path / "site") / "actions/index.html")
    table = tracker.table(OPEN_TABLE)
    assert table.headers[-1] == "Due"
    assert [cell.text for cell in table.column("Due")] == ["None set", "30 June 2019"]  # newest first: -3, then -2
    assert "Due" not in tracker.table("Completed actions, newest first").headers  # its one action has none


def test_a_completed_action_names_where_its_outcome_was_recorded(small_site):
    table = read(small_site / "actions/index.html").table("Completed actions, newest first")
    (cell,) = table.column("Last update")
    assert cell.text == "Performance Meeting May 2019"
    assert cell.links == [("../meetings/2019-05-28-performance/index.html#updates", "Performance Meeting May 2019")]


def test_an_actions_page_shows_its_whole_history_in_order(small_content, tmp_path):
    (small_content / "action-updates.yml").write_text(
        "- action: 2019-04-30-1\n  date: 2019-05-10\n  status: in-progress\n  note: Review started.\n"
    )
    page = read(build_site(small_content, tmp_path / "site") / "actions/2019-04-30-1/index.html")
    assert [entry.text for entry in page.lists["history"]] == [
        "30 April 2019: raised at Monthly Assurance Meeting April 2019, item 2.1: Roads policing, status Open",
        "10 May 2019: updated between meetings, status In progress Review started.",
        "28 May 2019: updated at Performance Meeting May 2019, status Completed The success criteria were reviewed.",
    ]
    assert [links for entry in page.lists["history"] for links in entry.links] == [
        (
            "../../meetings/2019-04-30-monthly-assurance/index.html#item-2-1",
            "Monthly Assurance Meeting April 2019, item 2.1: Roads policing",
        ),
        ("../../meetings/2019-05-28-performance/index.html#updates", "Performance Meeting May 2019"),
    ]
    assert "No update has been recorded since it was raised." not in page.paragraphs


def test_an_action_never_updated_says_so_on_its_page(real_site):
    page = read(real_site / "actions/2016-10-19-1/index.html")
    assert [entry.text for entry in page.lists["history"]] == [
        "19 October 2016: raised at Monthly Assurance Meeting October 2016, "
        "item 4a: Performance against the Police and Crime Plan, status Open",
    ]
    assert "No update has been recorded since it was raised." in page.paragraphs
    assert (
        "<dt>Last update</dt><dd>No update recorded since <a "
        'href="../../meetings/2016-10-19-monthly-assurance/index.html#item-4a">'
        "Monthly Assurance Meeting October 2016</a> (5 years and 2 months ago)</dd>"
    ) in page.html


def test_the_home_page_says_how_many_actions_have_a_recorded_outcome(real_site, small_site):
    real = read(real_site / "index.html")
    assert any("follow the 12 actions agreed at them (none has a recorded outcome yet)" in p for p in real.paragraphs)
    assert "every action to its outcome" not in real.html
    small = read(small_site / "index.html")
    assert any("follow the action agreed at them (its outcome is recorded)" in p for p in small.paragraphs)


def test_the_home_page_links_to_the_actions_with_no_update_for_over_a_year(real_site):
    assert (
        '<a href="actions/index.html#no-update-for-a-year">7 open actions with no update for over a year</a>'
        in read(real_site / "index.html").html
    )


@pytest.mark.parametrize(
    "earlier, words",
    [
        (dt.date(2016, 10, 19), "5 years and 2 months ago"),
        (dt.date(2020, 12, 20), "1 year ago"),
        (dt.date(2020, 11, 21), "1 year ago"),  # a day short of 1 year and 1 month
        (dt.date(2021, 11, 20), "1 month ago"),
        (dt.date(2021, 11, 21), "less than a month ago"),
        (dt.date(2021, 12, 20), "the latest meeting"),
        (dt.date(2022, 1, 5), "after the latest meeting"),  # an editor's update after the latest meeting
    ],
)
def test_time_since_the_latest_meeting_in_words(earlier, words):
    assert time_since(earlier, dt.date(2021, 12, 20)) == words


def test_a_lettered_item_is_named_in_the_context_of_the_item_above_it(real_site):
    # Action 2018-02-27-1 arose under item "c", which the minutes letter under "2.1".
    assert "27 February 2018, item 2.1(c)" in (real_site / "actions" / "index.html").read_text(encoding="utf-8")
    assert "item 2.1(c): Response" in (real_site / "actions" / "2018-02-27-1" / "index.html").read_text(
        encoding="utf-8"
    )
