"""docs/content-format.md's field tables are written from the schema, and kept current."""

import re
import subprocess
import sys

import pytest

from minutebook.content import schema
from tests.conftest import ROOT

CONTENT_FORMAT = ROOT / "docs/content-format.md"


def test_the_content_format_document_is_current_with_the_schema():
    text = CONTENT_FORMAT.read_text(encoding="utf-8")
    assert schema.with_tables(text) == text, "docs/content-format.md is out of date: run `make docs`"


def test_every_record_has_its_table_in_the_content_format_document():
    named = re.findall(r"^<!-- fields: (.+?) -->$", CONTENT_FORMAT.read_text(encoding="utf-8"), re.MULTILINE)
    assert sorted(named) == sorted(record.name for record in schema.RECORDS)


def test_a_table_is_written_between_its_markers_and_the_prose_around_it_is_kept():
    document = "Before.\n\n<!-- fields: person -->\n| an old table |\n<!-- end fields -->\n\nAfter.\n"
    written = schema.with_tables(document)
    assert (
        written
        == f"Before.\n\n<!-- fields: person -->\n{schema.table(schema.PERSON_RECORD)}<!-- end fields -->\n\nAfter.\n"
    )
    assert (
        "| `slug` | a slug, lower-case letters, digits and single hyphens, at most 100 | required "
        "| The person's permanent id" in written
    )


def test_a_table_gives_each_field_its_value_whether_it_is_required_and_its_help():
    table = schema.table(schema.MEETING)
    assert (
        "| `status` | one of `draft`, `approved`, `cancelled` | optional; left out, `approved` "
        "| Where the minutes stand" in table
    )
    assert "| `venue` | text | optional | Where it was held as minuted" in table
    assert "| `attendees` | a list of [attendees](#attendees) | required, unless the meeting was cancelled |" in table
    assert "| `agenda` | a list of [agenda items](#agenda-items) |" in table


@pytest.mark.parametrize(
    "document, words",
    [
        (
            "<!-- fields: minutes -->\n<!-- end fields -->\n",
            "'<!-- fields: minutes -->' names no record; expected one of: meeting, ",
        ),
        (
            "<!-- fields: person -->\n| a table |\n",
            "'<!-- fields: person -->' is not closed; expected '<!-- end fields -->' after it",
        ),
    ],
    ids=["unknown record", "not closed"],
)
def test_a_marker_that_cannot_be_filled_is_refused_with_the_reason(document, words):
    with pytest.raises(ValueError) as raised:
        schema.with_tables(document)
    assert words in str(raised.value)


def test_the_command_brings_a_document_up_to_date_in_place(tmp_path):
    document = tmp_path / "format.md"
    document.write_text("People:\n\n<!-- fields: person -->\n<!-- end fields -->\n", encoding="utf-8")
    run = subprocess.run(
        [sys.executable, "-m", "minutebook.content.schema", str(document)], cwd=ROOT, capture_output=True, text=True
    )
    assert run.returncode == 0, run.stderr
    assert document.read_text(encoding="utf-8") == schema.with_tables(
        "People:\n\n<!-- fields: person -->\n<!-- end fields -->\n"
    )
    assert "field tables brought up to date" in run.stdout
