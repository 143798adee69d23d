"""The same minutes as text, as Word (attendance and agenda in tables) and as PDF import to the same draft.

The Word and PDF files are made here from tests/fixtures/import/2021-12-20-extract.txt,
an extract of the December 2021 seed, so these tests run wherever the repository is.
"""

import shutil
from pathlib import Path

import pytest

from minutebook.cli import main
from minutebook.pipeline import Paths, load_archive
from tests.conftest import ASSURANCE, ROOT
from tests.importer.documents import write_docx, write_pdf

EXTRACT = ROOT / "tests" / "fixtures" / "import" / "2021-12-20-extract.txt"
REFERENCE_FILES = ("site.yml", "themes.yml", "people.yml", "glossary.yml")


def imported(tmp_path: Path, source: Path):
    """Import `source` into a content folder of its own and load the meeting it drafted."""
    content = tmp_path / f"content-{source.suffix[1:]}"
    (content / "meetings").mkdir(parents=True)
    for name in REFERENCE_FILES:
        shutil.copy(ASSURANCE / name, content / name)
    assert main(["import", str(source), "--content", str(content)]) == 0
    (meeting,) = load_archive(Paths(content=content), allow_unfinished=True).meetings  # a draft keeps its CHECK markers
    return meeting


@pytest.fixture(scope="module")
def meetings(tmp_path_factory):
    folder = tmp_path_factory.mktemp("formats")
    lines = EXTRACT.read_text(encoding="utf-8").split("\n")
    sources = {
        "txt": shutil.copy(EXTRACT, folder / "minutes.txt"),
        "docx": write_docx(lines, folder / "minutes.docx"),
        "pdf": write_pdf(lines, folder / "minutes.pdf"),
    }
    return {kind: imported(folder, Path(path)) for kind, path in sources.items()}


def header(meeting) -> tuple:
    return (
        meeting.title,
        meeting.date,
        meeting.time,
        meeting.type,
        meeting.venue,
        meeting.chair,
        meeting.minute_taker,
        meeting.source_title,
    )


def people(meeting) -> tuple:
    return tuple((a.person, a.role, a.abbreviation) for a in meeting.attendees + meeting.apologies)


def agenda(meeting) -> tuple:
    return tuple((item.number, item.title) for item in meeting.agenda)


FORMATS = pytest.mark.parametrize("kind", ["docx", "pdf"])


def test_the_text_extract_gives_the_expected_header_and_agenda(meetings):
    meeting = meetings["txt"]
    assert (meeting.date.isoformat(), meeting.time, meeting.venue, meeting.chair) == (
        "2021-12-20",
        "14:30",
        "West Mercia Police HQ",
        "john-campion",
    )
    assert [n for n, _ in agenda(meeting)] == ["1", "2", "2.1", "2.2", "2.3", "2.4", "3", "4"]


@FORMATS
def test_the_header_facts_are_those_of_the_text(meetings, kind):
    assert header(meetings[kind]) == header(meetings["txt"])


@FORMATS
def test_attendance_and_apologies_are_those_of_the_text(meetings, kind):
    assert people(meetings[kind]) == people(meetings["txt"])


@FORMATS
def test_the_agenda_is_that_of_the_text(meetings, kind):
    assert agenda(meetings[kind]) == agenda(meetings["txt"])


@FORMATS
def test_the_actions_and_next_meeting_are_those_of_the_text(meetings, kind):
    actions = lambda m: [(a.item, a.owner, a.text) for a in m.actions]  # noqa: E731
    assert (actions(meetings[kind]), meetings[kind].next_meeting) == (
        actions(meetings["txt"]),
        meetings["txt"].next_meeting,
    )


@FORMATS
def test_the_minutes_text_is_that_of_the_text(meetings, kind):
    assert [item.markdown for item in meetings[kind].agenda] == [item.markdown for item in meetings["txt"].agenda]
