"""`check` on the fixture archives of other bodies: each mistake in the new fields named with its file,
line and field."""

import shutil

import pytest

from tests.bodies.sites import CITY, PANEL, PARISH, run

PANEL_FILE = "meetings/2020-09-21-police-and-crime-panel.md"
PARISH_FILE = "meetings/2017-11-14-parish-council.md"


def checked(tmp_path, fixture, edit) -> str:
    """What `check` says of a copy of `fixture` with `(old, new)` made in its meeting file."""
    content = tmp_path / "content"
    shutil.copytree(fixture, content)
    name = PANEL_FILE if fixture == PANEL else PARISH_FILE
    meeting = content / name
    old, new = edit
    source = meeting.read_text(encoding="utf-8")
    assert old in source
    meeting.write_text(source.replace(old, new, 1), encoding="utf-8")
    code, said = run("check", "--content", str(content))
    assert code == 1, said
    return said


@pytest.mark.parametrize("fixture", [PARISH, PANEL, CITY])
def test_every_archive_passes_the_check(fixture):
    code, said = run("check", "--content", str(fixture))
    assert code == 0, said


def test_a_paper_address_that_is_not_a_web_address_is_located(tmp_path):
    said = checked(
        tmp_path, PANEL, ("url: https://www.example.org/panel/2020-09-21/annual-report.pdf", "url: annual-report.pdf")
    )
    assert f"content/{PANEL_FILE}:37: papers[1].url: 'annual-report.pdf' is not a full web address" in said


def test_a_recording_without_an_address_is_located(tmp_path):
    said = checked(tmp_path, PANEL, ("  url: https://www.example.org/panel/2020-09-21/webcast", "  title: Webcast"))
    assert f"content/{PANEL_FILE}:40: recording.url: is missing; it is required" in said


def test_an_empty_item_number_is_located(tmp_path):
    said = checked(tmp_path, PANEL, ('number: "40/20"', 'number: ""'))
    assert f"content/{PANEL_FILE}:23: agenda[2].number: is empty; give the number as printed" in said


def test_a_number_used_twice_is_located(tmp_path):
    said = checked(tmp_path, PANEL, ('number: "41/20"', 'number: "40/20"'))
    assert f"content/{PANEL_FILE}:26: agenda[3].number: '40/20' is used twice (first on line 23)" in said


def test_numbers_differing_only_in_case_are_one_number(tmp_path):
    said = checked(tmp_path, PARISH, ('number: "b"', 'number: "A"'))
    assert f"content/{PARISH_FILE}:36: agenda[6].number: 'A' differs from 'a' (line 33) only in case" in said


def test_a_sub_item_with_no_item_above_it_is_located(tmp_path):
    said = checked(
        tmp_path,
        PANEL,
        ("    title: Declarations of interest\n", "    title: Declarations of interest\n    level: 2\n"),
    )
    assert f"content/{PANEL_FILE}:23: agenda[1].level: is 2, but the item above it is at level 0" in said


def test_an_arrival_is_refused_for_someone_who_sent_apologies(tmp_path):
    said = checked(
        tmp_path, PANEL, ("    role: Panel member\nagenda:", '    role: Panel member\n    arrived: "10:30"\nagenda:')
    )
    assert f"content/{PANEL_FILE}:20: apologies[1].arrived: is given for someone who sent apologies" in said


def test_an_action_under_a_title_no_item_has_is_located(tmp_path):
    said = checked(tmp_path, PARISH, ("item: CALL TO ORDER", "item: Call to order"))
    assert f"content/{PARISH_FILE}:43: actions[1].item: 'Call to order' is not an agenda item of this meeting" in said


def test_a_heading_for_an_unnumbered_section_must_match_its_title(tmp_path):
    said = checked(tmp_path, PARISH, ("## CALL TO ORDER", "## OPENING"))
    assert "body: heading 'OPENING' does not match agenda item 1; expected '## CALL TO ORDER'" in said


def _line_of(fixture, text: str) -> int:
    """The line of the parish's November meeting that `text` starts on."""
    source = (fixture / PARISH_FILE).read_text(encoding="utf-8")
    return source[: source.index(text)].count("\n") + 1


def test_a_decisions_mover_not_in_people_is_located(tmp_path):
    said = checked(tmp_path, PARISH, ("    kind: decision\n", "    kind: decision\n    moved: jo-nobody\n"))
    line = _line_of(PARISH, '  - item: "70/17"')
    assert f"content/{PARISH_FILE}:{line}: decisions[1].moved: person 'jo-nobody' is not in content/people.yml" in said


def test_counts_that_disagree_with_the_roll_call_are_located(tmp_path):
    said = checked(
        tmp_path,
        PARISH,
        ("      abstain: 1\n", "      abstain: 1\n    votes:\n      - person: margaret-hale\n        vote: for\n"),
    )
    line = _line_of(PARISH, "    counts:\n      for: 2")
    assert (
        f"content/{PARISH_FILE}:{line}: decisions[2].counts: say 2 for, 0 against, 1 abstaining, but the votes "
        "listed are 1 for, 0 against, 0 abstaining" in said
    )


def test_a_declaration_by_someone_not_in_people_is_located(tmp_path):
    said = checked(
        tmp_path, PARISH, ('  - person: tom-avery\n    item: "a"\n', '  - person: tom-avary\n    item: "a"\n')
    )
    line = _line_of(PARISH, '  - person: tom-avery\n    item: "a"')
    assert (
        f"content/{PARISH_FILE}:{line}: declarations[2].person: person 'tom-avary' is not in content/people.yml" in said
    )


def test_a_declaration_in_an_item_the_meeting_did_not_have_is_located(tmp_path):
    said = checked(tmp_path, PARISH, ('    item: "a"\n    kind: pecuniary\n', '    item: "c"\n    kind: pecuniary\n'))
    line = _line_of(PARISH, '    item: "a"\n    kind: pecuniary')
    assert f"content/{PARISH_FILE}:{line}: declarations[2].item: 'c' is not an agenda item of this meeting" in said
