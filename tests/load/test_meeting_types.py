"""site.yml's `meeting_types` is checked as it loads, each problem named by its line and field."""

from __future__ import annotations

import pytest

from minutebook.content.load import load_content
from minutebook.model import StandingItem
from tests.conftest import FIXTURES, copy_content
from tests.load.refusals import problems


def settings(tmp_path, meeting_types: str):
    content = copy_content(FIXTURES / "small", tmp_path / "content")
    site = content / "site.yml"
    site.write_text(site.read_text(encoding="utf-8").split("meeting_types:")[0] + meeting_types, encoding="utf-8")
    return content


def test_a_type_is_read_with_its_defaults_and_items_written_as_titles_alone(tmp_path):
    content = settings(tmp_path, "meeting_types:\n  - name: Full Council\n    standing_agenda:\n      - Apologies\n")
    (full_council,) = load_content(content).site.meeting_types
    assert (full_council.name, full_council.title, full_council.source_title) == (
        "Full Council",
        "{type} {month} {year}",
        "{title}",
    )
    assert full_council.standing_agenda == (StandingItem("", "Apologies"),)


@pytest.mark.parametrize(
    "pattern, message",
    [
        ("{type} {monthh}", "'{monthh}' is not a placeholder it may hold; expected one of: {type}, {day},"),
        ("{title} {year}", "'{title}' is not a placeholder it may hold"),
        ("{year:04}", "'{year:04}' is not a placeholder it may hold"),
        ("{type", "has a '{' or '}' without its pair"),
    ],
)
def test_a_title_pattern_may_hold_only_its_placeholders(tmp_path, pattern, message):
    content = settings(tmp_path, f'meeting_types:\n  - name: Full Council\n    title: "{pattern}"\n')
    (found,) = problems(content)
    assert found.startswith("content/site.yml:7: meeting_types[1].title: ") and message in found, found


def test_a_type_named_twice_as_file_names_go_is_refused(tmp_path):
    content = settings(tmp_path, "meeting_types:\n  - name: Full Council\n  - name: full council meeting\n")
    (found,) = problems(content)
    assert found.startswith("content/site.yml:7: meeting_types[2].name: 'full council meeting' names the same type")


def test_open_actions_is_yes_all_or_no(tmp_path):
    content = settings(
        tmp_path,
        "meeting_types:\n  - name: Full Council\n    standing_agenda:\n      - title: A\n        open_actions: true\n",
    )
    assert problems(content) == [
        "content/site.yml:9: meeting_types[1].standing_agenda[1].open_actions: 'true' is not allowed; "
        "expected one of: yes, all, no"
    ]


def test_an_item_number_is_used_once(tmp_path):
    content = settings(
        tmp_path,
        'meeting_types:\n  - name: Full Council\n    standing_agenda:\n      - number: "1"\n      - number: "1"\n',
    )
    (found,) = problems(content)
    assert found.startswith("content/site.yml:9: meeting_types[1].standing_agenda[2].number: '1' is used twice")


def test_a_standing_item_title_stays_on_one_line_as_it_becomes_a_heading(tmp_path):
    content = settings(
        tmp_path, 'meeting_types:\n  - name: Full Council\n    standing_agenda:\n      - "Apologies\\nand absences"\n'
    )
    (found,) = problems(content)
    assert found.startswith("content/site.yml:8: meeting_types[1].standing_agenda[1].title: holds a line break"), found


def test_a_type_may_give_the_time_and_venue_its_meetings_usually_have(tmp_path):
    content = settings(
        tmp_path, 'meeting_types:\n  - name: Full Council\n    time: "19:00"\n    venue: Council Chamber\n'
    )
    (full_council,) = load_content(content).site.meeting_types
    assert (full_council.time, full_council.venue) == ("19:00", "Council Chamber")


def test_a_types_usual_time_is_a_24_hour_time(tmp_path):
    content = settings(tmp_path, "meeting_types:\n  - name: Full Council\n    time: 7pm\n")
    (found,) = problems(content)
    assert found.startswith("content/site.yml:7: meeting_types[1].time: '7pm' is not a time"), found
