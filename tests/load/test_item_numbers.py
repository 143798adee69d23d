"""Item numbers as printed, and the anchors made from them: safe in an address, unique on the page, and
the same as before for every number the archive already has."""

import pytest

from minutebook.content.load import item_anchor, title_anchor, unique_anchor


@pytest.mark.parametrize(
    "number, anchor",
    [
        ("2.1", "item-2-1"),
        ("4a", "item-4a"),
        ("d", "item-d"),
        ("39/20", "item-39-20"),
        ("70/17", "item-70-17"),
        ("C048/23", "item-c048-23"),
        ("2.1(d)", "item-2-1-d"),
        ("Éitem 3", "item-eitem-3"),
    ],
)
def test_an_anchor_is_made_from_the_printed_number(number, anchor):
    assert item_anchor(number) == anchor


def test_a_number_with_no_letter_or_digit_still_has_an_anchor_of_its_own():
    assert item_anchor("*") != item_anchor("†")
    assert item_anchor("*").startswith("item-") and item_anchor("*")[5:].isalnum()


def test_an_unnumbered_item_takes_its_anchor_from_its_title_cut_at_a_word():
    assert title_anchor("CALL TO ORDER") == "item-call-to-order"
    long = title_anchor("Public participation: questions from members of the public about the village green")
    assert long == "item-public-participation-questions-from"


def test_a_second_item_with_the_same_anchor_is_told_apart_in_file_order():
    taken: set[str] = set()
    assert [unique_anchor(item_anchor(n), taken) for n in ("2.1", "2-1", "2 1")] == [
        "item-2-1",
        "item-2-1-2",
        "item-2-1-3",
    ]
