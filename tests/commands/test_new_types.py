"""`new` takes a meeting's title and agenda from its type in site.yml's `meeting_types`, never from code.

The small fixture declares its Monthly Assurance Meeting there, and has action 2019-04-30-1 open
until the Performance meeting of 28 May 2019.
"""

from __future__ import annotations

from pathlib import Path

from minutebook.cli import main
from tests.commands.test_new import declare, started


def draft(content: Path, name: str) -> str:
    return (content / "meetings" / name).read_text(encoding="utf-8")


def test_the_title_follows_the_types_pattern(small_content):
    declare(small_content, '  - name: Thematic\n    title: "{type} meeting held on {date} ({day}/{month}/{year})"\n')
    meeting = started(small_content, "2019-06-05", "--type", "Thematic")
    assert meeting.title == "Thematic meeting held on 5 June 2019 (5/June/2019)"


def test_the_source_title_follows_its_pattern(small_content):
    declare(small_content, '  - name: Thematic\n    source_title: "Notes of the {title}, {year}"\n')
    meeting = started(small_content, "2019-06-05", "--type", "Thematic")
    assert meeting.source_title == "Notes of the Thematic June 2019, 2019"


def test_the_agenda_is_the_types_standing_agenda(small_content):
    declare(
        small_content,
        "  - name: Thematic\n"
        "    standing_agenda:\n"
        "      - Welcome\n"
        '      - number: "2"\n'
        "      - number: 2a\n"
        "        title: Questions from the public\n"
        "        hint: each question and its answer.\n",
    )
    meeting = started(small_content, "2019-06-05", "--type", "Thematic")
    assert [(i.number, i.title) for i in meeting.agenda] == [
        ("", "Welcome"),
        ("2", "TO DO: title of the first item"),
        ("2a", "Questions from the public"),
    ]
    assert meeting.agenda[2].markdown == "TO DO: each question and its answer."


def test_open_actions_are_listed_only_under_an_item_that_asks_for_them(small_content):
    site = small_content / "site.yml"
    site.write_text(site.read_text(encoding="utf-8").replace("        open_actions: yes\n", ""), encoding="utf-8")
    meeting = started(small_content, "2019-05-14")  # 2019-04-30-1, from the April meeting, is open
    assert not any("2019-04-30-1" in item.markdown for item in meeting.agenda)
    assert "# action_updates:\n#   - action: 2019-04-30-1" in draft(small_content, "2019-05-14-monthly-assurance.md")


def test_open_actions_are_listed_under_the_item_that_asks_for_them(small_content):
    outstanding, *_ = started(small_content, "2019-05-14").agenda
    assert "- 2019-04-30-1 (owner: Amanda Blakeman; status: open)" in outstanding.markdown


def test_only_the_open_actions_of_meetings_of_the_same_type_are_listed(small_content):
    declare(
        small_content,
        "  - name: Thematic\n    standing_agenda:\n      - Welcome\n      - title: Review\n        open_actions: yes\n",
    )
    welcome, review = started(small_content, "2019-05-14", "--type", "Thematic").agenda
    assert "2019-04-30-1" not in review.markdown
    assert "2019-04-30-1" not in draft(small_content, "2019-05-14-thematic.md")


def test_an_item_asking_for_all_open_actions_lists_every_committees(small_content):
    declare(
        small_content,
        "  - name: Thematic\n    standing_agenda:\n      - Welcome\n      - title: Review\n        open_actions: all\n",
    )
    welcome, review = started(small_content, "2019-05-14", "--type", "Thematic").agenda
    assert "2019-04-30-1" not in welcome.markdown
    assert "- 2019-04-30-1 (owner: Amanda Blakeman; status: open)" in review.markdown


def test_a_type_neither_declared_nor_held_is_refused_naming_the_known_types(small_content, capsys):
    assert main(["new", "--date", "2019-06-25", "--type", "Monthly Assurence", "--content", str(small_content)]) == 1
    err = capsys.readouterr().err
    assert (
        "--type: 'Monthly Assurence' is not a meeting type of this archive; "
        "expected one of: Monthly Assurance Meeting, Performance." in err
    )
    assert f"add it to meeting_types in {small_content / 'site.yml'} first" in err
    assert not (small_content / "meetings" / "2019-06-25-monthly-assurence.md").exists()


def test_without_declared_types_any_type_starts_from_a_general_agenda(small_content):
    site = small_content / "site.yml"
    site.write_text(site.read_text(encoding="utf-8").split("meeting_types:")[0], encoding="utf-8")
    meeting = started(small_content, "2019-06-25", "--type", "Full Council")
    assert meeting.title == "Full Council June 2019"
    titles = [item.title for item in meeting.agenda]
    assert titles[0] == "Apologies" and "TO DO: title of the first item" in titles
    assert "Outstanding matters" not in titles


def test_a_types_usual_time_and_venue_start_the_draft_of_its_first_meeting(small_content):
    declare(small_content, '  - name: Thematic\n    time: "14:00"\n    venue: Room 4\n')
    meeting = started(small_content, "2019-06-05", "--type", "Thematic")
    assert (meeting.time, meeting.venue) == ("14:00", "Room 4")


def test_a_types_usual_time_and_venue_stand_before_those_of_its_last_meeting(small_content):
    declare(small_content, '  - name: Performance\n    time: "14:30"\n    venue: Council Chamber\n')
    meeting = started(small_content, "2019-06-25", "--type", "Performance")
    assert (meeting.time, meeting.venue) == ("14:30", "Council Chamber")


def test_the_draft_says_where_the_types_usual_time_and_venue_came_from(small_content):
    declare(small_content, '  - name: Performance\n    time: "14:30"\n    venue: Council Chamber\n')
    started(small_content, "2019-06-25", "--type", "Performance")
    text = draft(small_content, "2019-06-25-performance.md")
    assert 'time: "14:30"  # as meeting_types in site.yml gives it\n' in text
    assert "venue: Council Chamber  # as meeting_types in site.yml gives it\n" in text


def test_the_last_meetings_next_meeting_line_stands_before_the_types_usual_time_and_venue(small_content):
    declare(small_content, '  - name: Performance\n    time: "14:30"\n    venue: Council Chamber\n')
    may = small_content / "meetings" / "2019-05-28-performance.md"
    text = may.read_text(encoding="utf-8")
    announced = 'next_meeting:\n  date: 2019-06-25\n  time: "11:00"\n  type: Performance\n  venue: Room 2\nsource:\n'
    may.write_text(text.replace("source:\n", announced, 1), encoding="utf-8")
    meeting = started(small_content, "2019-06-25", "--type", "Performance")
    assert (meeting.time, meeting.venue) == ("11:00", "Room 2")


def test_without_a_usual_time_and_venue_the_last_meetings_are_copied(small_content):
    meeting = started(small_content, "2019-06-25", "--type", "Performance")
    assert (meeting.time, meeting.venue) == ("10:00", "Room 1.38")
