"""What a correction changed: only the changed words of the text a reader sees, with a little context."""

import datetime as dt

from minutebook.content.corrections import (
    ADDED,
    REMOVED,
    SAME,
    Change,
    Passage,
    passages,
    places,
    what_changed,
)
from minutebook.model import Correction, Words
from tests.conftest import FIXTURES

APRIL = (FIXTURES / "small/meetings/2019-04-30-monthly-assurance.md").read_text(encoding="utf-8")
PEOPLE = {
    "john-campion": "John Campion",
    "anthony-bangham": "Anthony Bangham",
    "amanda-blakeman": "Amanda Blakeman",
    "jackie-irvin": "Jackie Irvin",
}
THEMES = {"roads-policing": "Roads policing"}
RAISED = Correction(dt.date(2024, 3, 3), "Item 1.1 said matters were discussed; none were raised.")


def recorded(text: str, *corrections: Correction) -> str:
    """`text` with `corrections` listed at the end of its front matter."""
    block = "corrections:\n" + "".join(f"  - date: {c.date.isoformat()}\n    note: {c.note}\n" for c in corrections)
    return text.replace("\n---\n\n## 1.1", f"\n{block}---\n\n## 1.1", 1)


def edited(text: str, old: str, new: str) -> str:
    assert old in text, old
    return text.replace(old, new, 1)


def shown(found: tuple[Passage, ...]) -> list[tuple[str, tuple]]:
    return [(p.where, p.pieces) for p in found]


def test_a_correction_shows_the_words_it_removed_and_added_where_they_are_on_the_page():
    after = recorded(edited(APRIL, "None were discussed.", "None were raised."), RAISED)
    found = what_changed((RAISED,), [Change(None, APRIL), Change(APRIL, after)], PEOPLE, THEMES)
    assert shown(found[RAISED]) == [
        (
            "Item 1.1 Outstanding matters / items brought forward",
            ((SAME, "None were"), (REMOVED, "discussed."), (ADDED, "raised.")),
        )
    ]


def test_only_six_unchanged_words_either_side_are_shown_and_the_cuts_are_marked():
    before = [("Item 2.1", "The PCC said that he had seen ANPR in action out in the policing areas".split())]
    after = [("Item 2.1", "The PCC said that he had seen ANPR working out in the policing areas".split())]
    [passage] = passages(before, after)
    assert passage.pieces == (
        (SAME, "said that he had seen ANPR"),
        (REMOVED, "in action"),
        (ADDED, "working"),
        (SAME, "out in the policing areas"),
    )
    assert passage.cut_before and not passage.cut_after


def test_changes_far_apart_are_two_passages_and_changes_close_together_one():
    words = [str(n) for n in range(40)]
    far = [w if w not in ("5", "30") else "x" for w in words]
    near = [w if w not in ("5", "9") else "x" for w in words]
    assert len(passages([("Minutes", words)], [("Minutes", far)])) == 2
    assert len(passages([("Minutes", words)], [("Minutes", near)])) == 1


def test_the_context_of_a_change_never_reaches_into_another_part_of_the_page():
    before = [("Venue", ["Room", "1.38"]), ("Chair", ["John", "Campion"])]
    after = [("Venue", ["Room", "1.38"]), ("Chair", ["Anthony", "Bangham"])]
    assert shown(passages(before, after)) == [("Chair", ((REMOVED, "John Campion"), (ADDED, "Anthony Bangham")))]


def test_people_and_themes_are_compared_by_the_names_the_page_shows():
    after = recorded(edited(APRIL, "chair: john-campion", "chair: anthony-bangham"), RAISED)
    found = what_changed((RAISED,), [Change(APRIL, after)], PEOPLE, THEMES)
    assert shown(found[RAISED]) == [("Chair", ((REMOVED, "John Campion"), (ADDED, "Anthony Bangham")))]


def test_a_part_of_the_page_is_named_as_the_bodys_own_words_name_it():
    after = recorded(edited(APRIL, "chair: john-campion", "chair: anthony-bangham"), RAISED)
    named = places(Words(chair="Presiding officer"))
    found = what_changed((RAISED,), [Change(APRIL, after)], PEOPLE, THEMES, named)
    assert [p.where for p in found[RAISED]] == ["Presiding officer"]


def test_markdown_marks_and_field_names_are_not_words_of_the_text():
    after = recorded(edited(APRIL, "None were discussed.", "None were **discussed**."), RAISED)
    assert what_changed((RAISED,), [Change(APRIL, after)], PEOPLE, THEMES)[RAISED] == ()


def test_recording_a_correction_is_not_itself_a_change_to_the_text():
    assert what_changed((RAISED,), [Change(APRIL, recorded(APRIL, RAISED))], PEOPLE, THEMES)[RAISED] == ()


def test_a_correction_shows_only_what_its_own_commit_changed():
    unmarked = edited(APRIL, "Meeting Room 1.38 Hindlip", "Meeting Room 1.38, Hindlip")
    after = recorded(edited(unmarked, "None were discussed.", "None were raised."), RAISED)
    found = what_changed(
        (RAISED,), [Change(None, APRIL), Change(APRIL, unmarked), Change(unmarked, after)], PEOPLE, THEMES
    )
    assert [p.where for p in found[RAISED]] == ["Item 1.1 Outstanding matters / items brought forward"]


def test_mending_the_wording_of_a_correction_later_keeps_the_before_and_after_of_the_correction():
    first = Correction(RAISED.date, "Item 1.1 said matters were discused.")
    corrected = edited(APRIL, "None were discussed.", "None were raised.")
    changes = [
        Change(None, APRIL),
        Change(APRIL, recorded(corrected, first)),
        Change(recorded(corrected, first), recorded(corrected, RAISED)),
    ]
    found = what_changed((RAISED,), changes, PEOPLE, THEMES)
    assert "raised." in found[RAISED][0].text()


def test_each_of_two_corrections_shows_its_own_change():
    venue = Correction(dt.date(2024, 3, 9), "The room number of the venue was wrong.")
    once = recorded(edited(APRIL, "None were discussed.", "None were raised."), RAISED)
    twice = recorded(
        edited(
            edited(APRIL, "None were discussed.", "None were raised."),
            "venue: Meeting Room 1.38",
            "venue: Meeting Room 1.39",
        ),
        RAISED,
        venue,
    )
    found = what_changed(
        (RAISED, venue), [Change(None, APRIL), Change(APRIL, once), Change(once, twice)], PEOPLE, THEMES
    )
    assert [p.where for p in found[RAISED]] == ["Item 1.1 Outstanding matters / items brought forward"]
    assert shown(found[venue]) == [
        ("Venue", ((SAME, "Meeting Room"), (REMOVED, "1.38"), (ADDED, "1.39"), (SAME, "Hindlip")))
    ]


def test_a_correction_listed_since_the_file_was_added_has_no_before_and_after():
    assert what_changed((RAISED,), [Change(None, recorded(APRIL, RAISED))], PEOPLE, THEMES) == {}


def test_a_correction_git_has_no_commit_for_has_no_before_and_after():
    assert what_changed((RAISED,), [], PEOPLE, THEMES) == {}
