"""`build.py new` starts a meeting file from what the archive already knows; as written it is valid
content, refused for publication only for its TO DO markers.

The small fixture has a Monthly Assurance Meeting on 30 April 2019 (three
attendees, action 2019-04-30-1 open, next meeting named for 28 May 2019) and a
Performance meeting on 28 May 2019 that marks that action completed.
"""

import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest

from minutebook.cli import main
from minutebook.pipeline import Paths, load_archive
from minutebook.skeleton import make_skeleton
from tests.bodies.sites import COMMITTEES
from tests.conftest import ROOT, copy_content

APRIL = "meetings/2019-04-30-monthly-assurance.md"


def start(content: Path, *options: str) -> int:
    """`new` for the type these tests are about, the April meeting's, unless the options name another."""
    typed = options if "--type" in options else ("--type", "Monthly Assurance Meeting", *options)
    return main(["new", *typed, "--content", str(content)])


def test_without_a_type_it_starts_a_meeting_of_the_type_of_the_latest_meeting(small_content):
    assert main(["new", "--date", "2019-06-25", "--content", str(small_content)]) == 0
    assert (small_content / "meetings" / "2019-06-25-performance.md").is_file()  # May's, the latest


def test_without_a_type_and_without_meetings_it_starts_the_first_type_site_yml_declares(small_content):
    for meeting in (small_content / "meetings").glob("*.md"):
        meeting.unlink()
    assert main(["new", "--date", "2019-06-25", "--content", str(small_content)]) == 0
    assert (small_content / "meetings" / "2019-06-25-monthly-assurance.md").is_file()


def test_without_a_type_meetings_or_declared_types_it_asks_for_one(small_content, capsys):
    for meeting in (small_content / "meetings").glob("*.md"):
        meeting.unlink()
    site = small_content / "site.yml"
    site.write_text(site.read_text(encoding="utf-8").split("meeting_types:")[0], encoding="utf-8")
    assert main(["new", "--date", "2019-06-25", "--content", str(small_content)]) == 1
    assert "--type is needed" in capsys.readouterr().err


def declare(content: Path, entry: str) -> None:
    """Add a meeting type to the end of site.yml's meeting_types, the last setting in the fixture's."""
    with open(content / "site.yml", "a", encoding="utf-8") as site:
        site.write(entry)


def started(content: Path, date: str, *options: str):
    """Run `new`, then load the archive back and return the meeting it added."""
    before = set((content / "meetings").iterdir())
    assert start(content, "--date", date, *options) == 0
    (written,) = set((content / "meetings").iterdir()) - before
    return load_archive(Paths(content=content), allow_unfinished=True).meeting(written.stem)


def rewrite(content: Path, old: str, new: str, name: str = APRIL) -> None:
    path = content / name
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new), encoding="utf-8")


# ---------------------------------------------------------------- the file


def test_it_writes_the_file_under_meetings_named_by_date_and_type(small_content):
    start(small_content, "--date", "2019-06-25")
    assert (small_content / "meetings" / "2019-06-25-monthly-assurance.md").is_file()


def test_the_file_loads_as_written_and_check_refuses_it_only_for_its_markers(small_content, capsys):
    start(small_content, "--date", "2019-06-25")
    capsys.readouterr()
    assert len(load_archive(Paths(content=small_content), allow_unfinished=True).meetings) == 3
    assert main(["check", "--content", str(small_content)]) == 1
    err = capsys.readouterr().err.splitlines()
    assert err and all("still marked for the editor" in line for line in err[:-1])
    assert err[-1].startswith("14 places still marked TO DO or CHECK; nothing was built.")


def test_the_front_matter_has_the_date_type_and_a_title_in_the_house_style(small_content):
    meeting = started(small_content, "2019-06-25")
    assert (meeting.date, meeting.type, meeting.title) == (
        dt.date(2019, 6, 25),
        "Monthly Assurance Meeting",
        "Monthly Assurance Meeting June 2019",
    )


def test_a_type_site_yml_does_not_declare_is_titled_by_its_name_month_and_year(small_content):
    assert started(small_content, "2019-06-25", "--type", "Performance").title == "Performance June 2019"


def test_a_type_is_spelled_as_the_archive_spells_it(small_content):
    assert started(small_content, "2019-06-25", "--type", "performance").type == "Performance"


def test_what_the_editor_must_supply_is_marked_to_do(small_content):
    start(small_content, "--date", "2019-06-25")
    text = (small_content / "meetings" / "2019-06-25-monthly-assurance.md").read_text(encoding="utf-8")
    assert "## 2 TO DO: title of the first item" in text
    assert "# Replace or check everything marked TO DO" in text


# ---------------------------------------------------------------- pre-filled


def test_attendees_chair_and_minute_taker_come_from_the_last_meeting_of_that_type(small_content):
    meeting = started(small_content, "2019-06-25")  # after the May Performance meeting, which had other people
    assert [(a.person, a.role, a.abbreviation) for a in meeting.attendees] == [
        ("john-campion", "Police and Crime Commissioner", "PCC"),
        ("anthony-bangham", "Chief Constable", "CC"),
        ("amanda-blakeman", "Deputy Chief Constable", "DCC"),
    ]
    assert (meeting.chair, meeting.minute_taker.person, meeting.minute_taker.role) == (
        "john-campion",
        "jackie-irvin",
        "Policy Officer, OPCC",
    )


def test_attendees_of_a_meeting_of_another_type_are_not_used(small_content):
    meeting = started(small_content, "2019-06-25", "--type", "Performance")
    assert [a.person for a in meeting.attendees] == ["john-campion"]


def test_roles_are_copied_exactly_even_with_yaml_punctuation(small_content):
    rewrite(small_content, "role: Chief Constable", "role: 'Chief Constable: \"acting\" # until May'")
    meeting = started(small_content, "2019-06-25")
    assert meeting.attendees[1].role == 'Chief Constable: "acting" # until May'


def test_an_action_still_open_is_listed_under_outstanding_matters(small_content):
    item = started(small_content, "2019-05-14").agenda[0]
    assert (item.number, item.title) == ("1", "Outstanding matters")
    assert (
        "- 2019-04-30-1 (owner: Amanda Blakeman; status: open): The DCC to review the success criteria" in item.markdown
    )


def test_an_action_completed_before_the_date_is_not_listed(small_content):
    item = started(small_content, "2019-06-25").agenda[0]  # completed at the 28 May meeting
    assert "2019-04-30-1" not in item.markdown


def test_an_action_is_listed_with_its_status_at_the_date(small_content):
    (small_content / "action-updates.yml").write_text(
        "- action: 2019-04-30-1\n  date: 2019-05-10\n  status: in-progress\n", encoding="utf-8"
    )
    item = started(small_content, "2019-05-14").agenda[0]
    assert "2019-04-30-1 (owner: Amanda Blakeman; status: in-progress)" in item.markdown


def test_time_and_venue_come_from_the_next_meeting_line_that_names_the_date(small_content):
    rewrite(small_content, '  time: "10:00"\n  type: Performance', '  time: "14:00"\n  type: Performance')
    meeting = started(small_content, "2019-05-28")  # April's next-meeting line names 28 May
    assert (meeting.time, meeting.venue) == ("14:00", "Room 1.38")


def test_otherwise_time_and_venue_are_copied_from_the_last_meeting_of_that_type(small_content):
    meeting = started(small_content, "2019-06-25")
    assert (meeting.time, meeting.venue) == ("10:00", "Meeting Room 1.38 Hindlip")


def test_time_and_venue_given_as_options_win(small_content):
    meeting = started(small_content, "2019-05-28", "--time", "09:15", "--venue", "Virtual")
    assert (meeting.time, meeting.venue) == ("09:15", "Virtual")


def test_it_says_what_it_pre_filled_and_reminds_the_editor_to_check(small_content, capsys):
    start(small_content, "--date", "2019-05-28")
    out = capsys.readouterr().out
    assert "2019-05-28-monthly-assurance.md" in out
    assert (
        "Pre-filled from 2019-04-30-monthly-assurance.md: 3 attendees, the chair and minute-taker, 1 open action, "
        "time and venue from its next-meeting line." in out
    )
    assert "python build.py check" in out


def test_it_says_how_many_places_are_marked_and_that_the_file_cannot_be_published_until_they_are_settled(
    small_content, capsys
):
    start(small_content, "--date", "2019-06-25")
    out = capsys.readouterr().out
    assert "Replace or check everything marked TO DO in it (14 places)" in out
    assert (
        "It cannot be published until then: 'python build.py' and 'python build.py check' refuse it "
        "while any TO DO is left." in out
    )


def test_another_draft_still_marked_to_do_does_not_stop_a_meeting_being_started(small_content):
    start(small_content, "--date", "2019-06-25")
    assert start(small_content, "--date", "2019-07-30") == 0
    assert (small_content / "meetings" / "2019-07-30-monthly-assurance.md").is_file()


def test_with_no_earlier_meeting_of_the_type_it_writes_a_minimal_skeleton_and_says_so(small_content, capsys):
    declare(small_content, "  - name: Thematic\n")
    meeting = started(small_content, "2019-06-25", "--type", "Thematic")
    assert "No earlier Thematic meeting in the archive, so this is a minimal skeleton" in capsys.readouterr().out
    assert [a.role for a in meeting.attendees] == ["TO DO: role"]
    assert (meeting.time, meeting.venue) == ("00:00", "TO DO: venue")


def test_the_skeleton_is_made_without_touching_files(small_content):
    archive = load_archive(Paths(content=small_content))
    skeleton = make_skeleton(archive, dt.date(2019, 6, 25), "Monthly Assurance Meeting")
    assert skeleton.file_name == "2019-06-25-monthly-assurance.md"
    assert skeleton.text.startswith("---\n")
    assert not (small_content / "meetings" / skeleton.file_name).exists()


# ---------------------------------------------------------------- refusals


def test_it_never_overwrites_an_existing_meeting_file(small_content, capsys):
    before = (small_content / APRIL).read_bytes()
    assert start(small_content, "--date", "2019-04-30") == 1
    assert (small_content / APRIL).read_bytes() == before
    assert "2019-04-30-monthly-assurance.md already exists; nothing was written" in capsys.readouterr().err


@pytest.mark.parametrize(
    "date, message",
    [
        ("30/04/2019", "--date: '30/04/2019' is not a date in the form YYYY-MM-DD"),
        ("2019-02-30", "--date: '2019-02-30' is not a real date"),
    ],
)
def test_a_bad_date_is_refused_with_a_clear_message(small_content, capsys, date, message):
    assert start(small_content, "--date", date) == 1
    assert message in capsys.readouterr().err
    assert sorted(p.name for p in (small_content / "meetings").iterdir()) == [
        "2019-04-30-monthly-assurance.md",
        "2019-05-28-performance.md",
    ]


def test_a_bad_time_is_refused_with_a_clear_message(small_content, capsys):
    assert start(small_content, "--date", "2019-06-25", "--time", "2pm") == 1
    assert "--time: '2pm' is not a time" in capsys.readouterr().err


def test_invalid_content_is_reported_as_check_reports_it_and_nothing_is_written(small_content, capsys):
    rewrite(small_content, "chair: john-campion", "chair: nobody-known")
    assert start(small_content, "--date", "2019-06-25") == 1
    err = capsys.readouterr().err
    assert "person 'nobody-known' is not in content/people.yml" in err
    assert "1 problem found" in err
    assert not (small_content / "meetings" / "2019-06-25-monthly-assurance.md").exists()


# ---------------------------------------------------------------- the command line


def test_build_py_new_runs_as_a_command(small_content):
    run = subprocess.run(
        [
            sys.executable,
            "build.py",
            "new",
            "--date",
            "2019-06-25",
            "--type",
            "Monthly Assurance Meeting",
            "--content",
            str(small_content),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert run.returncode == 0, run.stderr
    assert "Wrote " in run.stdout and "2019-06-25-monthly-assurance.md" in run.stdout
    assert (small_content / "meetings" / "2019-06-25-monthly-assurance.md").is_file()


def test_a_committee_is_offered_only_the_open_actions_of_its_own_meetings(tmp_path):
    content = copy_content(COMMITTEES, tmp_path / "content")
    assert main(["new", "--date", "2020-03-03", "--type", "City Council", "--content", str(content)]) == 0
    written = (content / "meetings" / "2020-03-03-city-council.md").read_text(encoding="utf-8")
    assert "2019-09-10-1" not in written  # the Planning Commission's, still open


def test_it_says_the_open_actions_are_commented_out_under_action_updates_when_no_item_lists_them(small_content, capsys):
    site = small_content / "site.yml"
    site.write_text(site.read_text(encoding="utf-8").replace("        open_actions: yes\n", ""), encoding="utf-8")
    start(small_content, "--date", "2019-05-28")
    assert "1 open action, commented out under action_updates, time and venue" in capsys.readouterr().out


def test_it_names_the_site_yml_it_read_the_usual_time_from(small_content, capsys):
    declare(small_content, '  - name: Thematic\n    time: "14:30"\n')
    start(small_content, "--date", "2019-06-05", "--type", "Thematic")
    assert f"its usual time from {small_content / 'site.yml'};" in capsys.readouterr().out
