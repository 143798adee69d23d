"""Minutes in the shapes other bodies print them: each printed field found, and no sentence lost.

The texts and the fields each prints are in `shapes.py`; run it as a module for the
table of fields found and CHECK markers per text.
"""

from __future__ import annotations

import pytest
import yaml

from tests.importer.shapes import FIXTURES, PRINTED, fields_of_draft, import_fixture, lost_sentences, sentences

FIELDS = [(name, field) for name, printed in PRINTED.items() for field in printed]


@pytest.fixture(scope="module")
def imported():
    done: dict = {}

    def of(name: str):
        if name not in done:
            done[name] = import_fixture(name)
        return done[name]

    return of


@pytest.mark.parametrize(("name", "field"), FIELDS)
def test_each_printed_field_is_found(imported, name, field):
    draft, _ = imported(name)
    assert fields_of_draft(draft)[field] == PRINTED[name][field]


@pytest.mark.parametrize("name", PRINTED)
def test_deleting_every_comment_and_check_marker_loses_no_sentence_of_the_source(imported, name):
    _, text = imported(name)
    source = (FIXTURES / name).read_text(encoding="utf-8")
    assert len(sentences(source)) > 10
    assert lost_sentences(source, text) == []


@pytest.mark.parametrize("name", PRINTED)
def test_no_comment_holds_a_sentence_of_the_minutes(imported, name):
    """Comments hold doubts and notes: a sentence of the source quoted in one would be the only copy an
    editor might delete."""
    _, text = imported(name)
    front = text.split("---\n", 2)[1]
    comments = " ".join(line.partition("#")[2] for line in front.splitlines() if "#" in line)
    assert [s for s in sentences((FIXTURES / name).read_text(encoding="utf-8")) if len(s) > 30 and s in comments] == []


@pytest.mark.parametrize("name", PRINTED)
def test_the_front_matter_is_the_meeting_format(imported, name):
    """The loader is being extended to this format (issue 26): items without a number, numbers
    such as "39/20" in quotes, and text before the first item."""
    draft, text = imported(name)
    front = yaml.safe_load(text.split("---\n", 2)[1])
    assert set(front) <= FORMAT_KEYS
    assert all(set(item) <= {"number", "title", "themes"} and item["title"] for item in front["agenda"])
    assert all(isinstance(item.get("number", ""), str) for item in front["agenda"])
    headings = [line[3:] for line in text.split("---\n", 2)[2].splitlines() if line.startswith("## ")]
    assert headings == [" ".join(filter(None, (i.get("number"), i["title"]))) for i in front["agenda"]]


FORMAT_KEYS = {
    "title", "date", "time", "type", "venue", "chair", "minute_taker", "attendees", "apologies",
    "agenda", "actions", "next_meeting", "source", "editorial_notes",
}  # fmt: skip


def test_a_sentence_printed_only_in_the_heading_is_kept_before_the_first_item_and_marked(imported):
    _, text = imported("city-council.txt")
    body = text.split("---\n", 2)[2]
    assert body.index("MINUTES OF THE REGULAR MEETING OF THE CITY COUNCIL [CHECK:") < body.index("## ")


def test_motions_are_counted_under_their_item_and_kept_in_its_text(imported):
    draft, text = imported("city-council.txt")
    (item,) = [i for i in draft.agenda if i.number == "1"]
    assert item.motions == (
        "Moved by Council Member Diaz, seconded by Council Member Foster, to adopt Resolution 2019-14."
        " Motion carried 5-0.",
    )
    assert item.motions[0] in text.split("## 1 ")[1]


def test_an_unnumbered_item_has_a_heading_of_its_title_and_no_number_in_the_agenda(imported):
    _, text = imported("city-council.txt")
    assert "\n## CALL TO ORDER\n" in text
    assert "  - title: CALL TO ORDER" in text
