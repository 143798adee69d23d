"""Places a draft still marks for the editor (TO DO from `new`, CHECK from `import`) are found, each
with its file, line and field, and a message that says what to do."""

from minutebook.content.load import SourceFile
from minutebook.content.unfinished import markers
from tests.conftest import ASSURANCE

MEETING = "content/meetings/2019-06-25-monthly-assurance.md"
DRAFT = """---
# Replace or check everything marked TO DO, then run 'python build.py check'.
title: Monthly Assurance Meeting June 2019
venue: Room 1.38  # CHECK: read from a cut column
attendees:  # TO DO: check who attended
  - person: john-campion
    role: "TO DO: role"
agenda:
  - number: "1"
    title: Outstanding matters
  - number: "2"  # CHECK: printed after item 4; is the order right?
    title: "TO DO: title of the first item"
# CHECK: no next meeting with a date was found; add next_meeting if the minutes name one
source:
  title: Notes
---

## 1 Outstanding matters

The Chief Constable said so. [CHECK: a line may be missing]

## 2 TO DO: title of the first item

TO DO: the minutes of this item.
"""


def found_in(text: str, path: str = MEETING) -> dict[int, tuple[str, str]]:
    return {f.line: (f.field, f.message) for f in markers([SourceFile.of_text(path, text)])}


def test_a_to_do_in_a_value_is_listed_with_its_file_line_and_field():
    (found,) = [f for f in markers([SourceFile.of_text(MEETING, DRAFT)]) if f.line == 12]
    assert str(found) == (
        f'{MEETING}:12: agenda[2].title: still marked for the editor: "TO DO: title of the first item"; '
        "settle it, then delete the marker"
    )


def test_a_marker_in_a_comment_after_a_value_names_that_value():
    found = found_in(DRAFT)
    assert found[4][0] == "venue" and found[7][0] == "attendees[1].role" and found[11][0] == "agenda[2].number"


def test_a_marker_in_a_comment_after_a_key_names_the_whole_field():
    assert found_in(DRAFT)[5][0] == "attendees"


def test_a_comment_on_a_line_of_its_own_is_named_as_in_the_front_matter():
    assert found_in(DRAFT)[13][0] == "front matter"


def test_a_marker_in_the_minutes_names_the_agenda_item_it_is_under():
    found = found_in(DRAFT)
    assert found[20] == (
        "agenda item 1",
        'still marked for the editor: "CHECK: a line may be missing"; settle it, then delete the marker',
    )
    assert found[24][0] == "agenda item 2"


def test_a_marker_in_an_item_heading_names_the_heading():
    assert found_in(DRAFT)[22][0] == "heading of agenda item 2"


def test_every_marker_of_the_draft_is_found_once_and_the_header_comment_is_not_one():
    assert sorted(found_in(DRAFT)) == [4, 5, 7, 11, 12, 13, 20, 22, 24]


def test_a_marker_in_a_reference_file_names_its_entry_as_the_loader_does():
    text = "- slug: john-campion\n  name: John Campion\n- slug: jane-doe\n  name: Jane Doe  # CHECK: spelling\n"
    assert found_in(text, "content/people.yml") == {
        4: ("[2].name", 'still marked for the editor: "CHECK: spelling"; settle it, then delete the marker')
    }


def test_a_marker_in_front_matter_that_does_not_parse_is_still_listed_by_its_line():
    text = "---\ntitle: [unclosed  # TO DO: title\n---\n\n## 1 Item\n"
    assert found_in(text) == {2: ("", 'still marked for the editor: "TO DO: title"; settle it, then delete the marker')}


def test_a_long_note_is_shortened():
    (message,) = [m for _, m in found_in(f"---\ntitle: x  # TO DO: {'word ' * 40}\n---\n").values()]
    assert '…"; settle it' in message and "word " * 17 not in message


def test_the_header_comment_that_explains_the_markers_is_not_itself_a_marker():
    text = (
        "# Replace or check everything marked TO DO, then run 'python build.py check'.\n"
        "# Search for CHECK to find them.\n"
    )
    assert markers([SourceFile.of_text("content/meetings/a.md", text)]) == []


def test_the_published_content_holds_no_markers():
    from minutebook.content.load import read_sources

    sources, _ = read_sources(ASSURANCE)
    assert markers(sources) == []
