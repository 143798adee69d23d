"""A meeting's `declarations` of interest, read from the front matter and checked as `check` reports
them, with the file, the line and the field."""

import shutil

import pytest

from minutebook.content.load import load_content
from minutebook.link import link
from tests.conftest import FIXTURES
from tests.load.refusals import problems

NOVEMBER = "2017-11-14-parish-council"
DECEMBER = "meetings/2017-12-12-parish-council.md"
DECLARATION = """declarations:
  - person: tom-avery
    item: "75/17"
    kind: pecuniary
    interest: His wife is employed by the parish.
"""


@pytest.fixture
def content(tmp_path):
    """The parish archive, as its fixture has it: November minutes two declarations, December none."""
    return shutil.copytree(FIXTURES / "parish", tmp_path / "content")


def with_declarations(content, block: str) -> int:
    """The December meeting with `block` before its source; the line `block` starts at."""
    path = content / DECEMBER
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("source:\n", block + "source:\n", 1), encoding="utf-8")
    return text[: text.index("source:\n")].count("\n") + 1


def meeting(content, meeting_id: str):
    return next(m for m in load_content(content).meetings if m.id == meeting_id)


def test_a_meeting_without_declarations_has_none(content):
    assert meeting(content, "2017-12-12-parish-council").declarations == ()


def test_declarations_are_read_in_the_files_order_with_person_item_kind_and_interest(content):
    first, second = meeting(content, NOVEMBER).declarations
    assert (first.ordinal, first.person, first.item, first.kind) == (1, "priya-shah", "", "non-pecuniary")
    assert (second.ordinal, second.person, second.item, second.kind) == (2, "tom-avery", "a", "pecuniary")
    assert second.interest == "Owns the field adjoining the application site."
    assert second.anchor == "declaration-2"


def test_the_kind_may_be_left_out_and_is_then_empty(content):
    with_declarations(content, DECLARATION.replace("    kind: pecuniary\n", ""))
    (declaration,) = meeting(content, "2017-12-12-parish-council").declarations
    assert declaration.kind == "" and declaration.item == "75/17"


def test_a_person_declares_interests_across_meetings_on_their_record(content):
    with_declarations(content, DECLARATION)
    archive = link(load_content(content))
    record = next(r for r in archive.people if r.person.slug == "tom-avery")
    assert [(d.meeting_id, d.item) for d in record.declared] == [
        (NOVEMBER, "a"),
        ("2017-12-12-parish-council", "75/17"),
    ]


def test_a_person_not_in_people_is_named_with_the_line_of_the_declaration(content):
    line = with_declarations(content, DECLARATION.replace("tom-avery", "tom-avory"))
    assert problems(content, linked=True) == [
        f"content/{DECEMBER}:{line + 1}: declarations[1].person: person 'tom-avory' is not in content/people.yml; "
        "add them there or correct the slug"
    ]


def test_an_item_the_meeting_did_not_have_is_refused(content):
    line = with_declarations(content, DECLARATION.replace('"75/17"', '"76/17"'))
    (found,) = problems(content, linked=True)
    assert found.startswith(
        f"content/{DECEMBER}:{line + 2}: declarations[1].item: '76/17' is not an agenda item of this meeting"
    )


def test_the_interest_is_required(content):
    line = with_declarations(content, DECLARATION.replace("    interest: His wife is employed by the parish.\n", ""))
    (found,) = problems(content, linked=True)
    assert found.startswith(f"content/{DECEMBER}:{line + 1}: declarations[1]") and "interest" in found


def test_the_person_is_required(content):
    line = with_declarations(content, DECLARATION.replace("  - person: tom-avery\n    item", "  - item"))
    (found,) = problems(content, linked=True)
    assert found.startswith(f"content/{DECEMBER}:{line + 1}: declarations[1]") and "person" in found


def test_a_field_the_format_does_not_have_is_refused(content):
    line = with_declarations(content, DECLARATION + "    nature: spouse\n")
    (found,) = problems(content, linked=True)
    assert found.startswith(f"content/{DECEMBER}:{line + 5}: declarations[1]") and "nature" in found


def test_a_cancelled_meeting_declares_nothing(content):
    with_declarations(content, DECLARATION)
    path = content / DECEMBER
    path.write_text(path.read_text(encoding="utf-8").replace("type: ", "status: cancelled\ntype: ", 1), "utf-8")
    found = problems(content, linked=True)
    assert any("declarations: is given for a cancelled meeting" in f for f in found), found
