"""A meeting's `corrections` list: what the editor records as a correction is read, and checked, from the file."""

import datetime as dt
import shutil

import pytest

from minutebook.content.load import load_content
from minutebook.model import Correction
from tests.conftest import FIXTURES
from tests.load.refusals import problems

APRIL = "meetings/2019-04-30-monthly-assurance.md"


@pytest.fixture
def content(tmp_path):
    return shutil.copytree(FIXTURES / "small", tmp_path / "content")


def with_corrections(content, block: str):
    """The April meeting with `block` added at the end of its front matter."""
    path = content / APRIL
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("\n---\n\n## 1.1", f"\n{block}---\n\n## 1.1", 1), encoding="utf-8")
    return path


def test_a_meeting_never_corrected_has_no_corrections(content):
    april = next(m for m in load_content(content).meetings if m.id == "2019-04-30-monthly-assurance")
    assert april.corrections == ()


def test_each_correction_is_read_with_its_date_and_sentence_in_the_files_order(content):
    with_corrections(
        content,
        "corrections:\n"
        "  - date: 2024-03-03\n    note: Item 1.1 said matters were discussed; none were raised.\n"
        "  - date: 2024-02-01\n    note: The venue's room number was wrong.\n",
    )
    april = next(m for m in load_content(content).meetings if m.id == "2019-04-30-monthly-assurance")
    assert april.corrections == (
        Correction(dt.date(2024, 3, 3), "Item 1.1 said matters were discussed; none were raised."),
        Correction(dt.date(2024, 2, 1), "The venue's room number was wrong."),
    )


def test_a_correction_without_its_sentence_is_refused_at_its_line(content):
    path = with_corrections(content, "corrections:\n  - date: 2024-03-03\n")
    line = 1 + path.read_text(encoding="utf-8").split("\n").index("  - date: 2024-03-03")
    assert problems(content) == [f"content/{APRIL}:{line}: corrections[1].note: is missing; it is required (text)"]


def test_a_correction_dated_before_the_meeting_is_refused(content):
    with_corrections(content, "corrections:\n  - date: 2019-03-01\n    note: The venue was wrong.\n")
    [problem] = problems(content)
    assert (
        "corrections[1].date: 2019-03-01 is before the meeting (2019-04-30); expected the day the correction was made"
        in problem
    )


def test_a_correction_date_must_be_a_date(content):
    with_corrections(content, "corrections:\n  - date: 3 March 2024\n    note: The venue was wrong.\n")
    [problem] = problems(content)
    assert "corrections[1].date: '3 March 2024' is not a date in the form YYYY-MM-DD" in problem


def test_a_misspelt_field_in_a_correction_is_named_with_the_right_spelling(content):
    with_corrections(content, "corrections:\n  - date: 2024-03-03\n    notes: The venue was wrong.\n")
    assert any("corrections[1].notes: is not a known field (did you mean 'note'?)" in p for p in problems(content))
