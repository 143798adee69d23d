"""The draft is a meeting file that loads as it stands, with every doubt marked CHECK where an editor will search."""

import pytest

from minutebook.content import yamltext
from minutebook.content.load import SourceFile, parse_meeting
from minutebook.importer.draft import check_count, file_name, render, report, scalar
from minutebook.importer.found import Reference
from tests.importer.snippets import PEOPLE, fixture


@pytest.fixture(scope="module")
def december():
    return fixture("2021-12-20-extract.txt")


@pytest.fixture(scope="module")
def december_text(december):
    return render(december, "minutes.txt")


def loaded(text: str, name: str = "2021-12-20-monthly-assurance.md"):
    errors = []
    meeting = parse_meeting(SourceFile.of_text(f"content/meetings/{name}", text), errors)
    return meeting, errors


def test_the_draft_loads_without_errors(december_text):
    meeting, errors = loaded(december_text)
    assert errors == [] and meeting is not None


def test_the_draft_is_named_as_the_loader_expects(december):
    assert file_name(december) == "2021-12-20-monthly-assurance.md"


def test_the_headings_are_the_agenda_numbers_and_titles_in_order(december_text):
    meeting, _ = loaded(december_text)
    headings = [line[3:] for line in december_text.splitlines() if line.startswith("## ")]
    assert headings == [item.heading for item in meeting.agenda]


def test_a_doubt_about_a_front_matter_value_is_a_yaml_comment_saying_check(december_text):
    line = next(line for line in december_text.splitlines() if line.startswith("  type: "))
    assert line == "  type: Public – Budget proposals  # CHECK: read from the next-meeting text; check it"


def test_a_doubt_in_the_minutes_text_is_a_visible_marker_at_the_end_of_its_paragraph():
    text = render(fixture("2016-10-19-columns.txt"), "minutes.txt")
    assert (
        'Fir ndings: [CHECK: "Fir" was printed in the number column here; it may be the cut-off part of a word]' in text
    )


def test_a_draft_without_a_header_still_loads_and_check_names_each_required_fact_not_found():
    text = render(fixture("2019-04-30-page-order.txt"), "minutes.txt")
    _, errors = loaded(text, "2019-04-30-monthly-assurance.md")
    # time, venue, chair and the minute-taker are optional (minutes may not record them): left out, with a
    # CHECK note each, they are no error
    assert {e.field for e in errors} == {"title", "date", "type", "attendees", "source.title"}
    assert all(e.message.startswith("is empty") for e in errors)


def test_a_fact_not_found_is_left_empty_and_marked_not_guessed():
    text = render(fixture("2016-10-19-columns.txt"), "minutes.txt")  # an extract without a header
    assert 'title: ""  # CHECK: no title line found' in text


def test_an_optional_fact_not_found_is_left_out_and_its_absence_marked():
    """The format lets minutes go without a time, venue, chair or minute-taker: the draft leaves each out
    rather than empty, and says so in a note that is itself a marker."""
    text = render(fixture("2016-10-19-columns.txt"), "minutes.txt")
    assert "# CHECK: no Venue line found; add venue: if the minutes give one" in text
    assert "# CHECK: no Date line found, so no start time; add time: if the minutes give one" in text
    assert not any(line.startswith(("venue:", "time:", "chair:", "minute_taker:")) for line in text.splitlines())


def test_a_person_missing_from_people_yml_is_marked_on_their_line():
    text = render(fixture("2021-12-20-extract.txt", Reference(PEOPLE.people[:-1])), "minutes.txt")
    assert (
        '  - person: beth-bridges  # CHECK: "Beth Bridges" is not in content/people.yml; '
        "add them there as beth-bridges, or correct the slug" in text
    )


def test_the_repairs_made_are_listed_as_editorial_notes(december_text):
    meeting, _ = loaded(december_text)
    assert "Sentences split by page or column breaks are rejoined." in meeting.editorial_notes
    assert "Item numbers are shown without the full stops printed after them." in meeting.editorial_notes


def test_the_header_comment_tells_the_editor_to_search_for_check(december_text):
    assert "# Search for CHECK" in december_text.splitlines()[2]


@pytest.mark.parametrize(
    "text", ["Public – Budget proposals", "Action: ChSupt", "no", "# not a comment", '"quoted"', "10:30", "  spaced "]
)
def test_a_value_reads_back_exactly_as_written(text):
    assert yamltext.parse(f"key: {scalar(text)}")["key"] == text


def states(lines: list[str]) -> dict[str, str]:
    """Each report line is the field, its state and what was found, in columns."""
    return {line[:16].strip(): line[16:27].strip() for line in lines}


def test_the_report_gives_each_field_found_check_or_not_found(december):
    found = states(report(december))
    assert (found["date"], found["venue"], found["agenda"]) == ("found", "found", "found")
    assert found["next meeting"] == "CHECK"  # its type was read from the text


def test_the_report_says_what_was_not_found():
    assert states(report(fixture("2016-10-19-columns.txt")))["venue"] == "NOT FOUND"


def test_the_places_marked_are_counted_but_not_the_note_that_explains_check():
    text = "# Search for CHECK: each marks a place\nvenue: Virtual  # CHECK: a doubt\n\nText [CHECK: another]\n"
    assert check_count(text) == 2
