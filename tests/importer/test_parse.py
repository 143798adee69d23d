"""Parse reads the agenda, its text, the actions and the next meeting, and doubts aloud.

Snippets are quoted from the source texts in sources/; the larger extracts are in
tests/fixtures/import/.
"""

from minutebook.importer.found import Reference
from minutebook.importer.repair import HEADING, without_markers
from tests.importer.snippets import FIXTURES, PEOPLE, document, fixture


def text_of(item) -> str:
    return "\n".join(block.text for block in item.blocks)


# ---------------------------------------------------------------- the agenda


def agenda(draft) -> list[tuple[str, str]]:
    return [(item.number, item.title) for item in draft.agenda]


def test_item_numbers_are_read_as_printed_without_a_trailing_full_stop():
    assert [n for n, _ in agenda(fixture("2021-12-20-extract.txt"))] == ["1", "2", "2.1", "2.2", "2.3", "2.4", "3", "4"]


def test_numbers_with_letters_are_items():
    draft = document(
        "4.\tHOLDING TO ACCOUNT:\t",
        "4a\tPERFORMANCE AGAINST THE POLICE AND CRIME PLAN:\t",
        "4b\tDELIVERY OF STRATEGIC INITIATIVES:\t",
    )
    assert [n for n, _ in agenda(draft)] == ["4", "4a", "4b"]


def test_numbers_and_titles_wrapped_in_paragraph_tags_are_read():
    draft = document(
        "<p>1.3</p>\t<p>Prevention and early intervention to reduce offending</p> <p><u>Prevention and early "
        "intervention (to include utilisation of PCC funding)</u></p> <p>The PCC acknowledged that the force have "
        "utilised a number of posts funded by his office focused on prevention and early intervention.</p>\t"
    )
    (item,) = draft.agenda
    assert (item.number, item.title) == ("1.3", "Prevention and early intervention to reduce offending")
    assert item.blocks[0].kind == HEADING


def test_lettered_sub_items_must_follow_on_from_a():
    draft = document(
        "2.1\tPERFORMANCE AGAINST THE POLICE AND CRIME PLAN\t",
        "a\t<p><u>Confidence</u></p> <p>The latest confidence data shows a deterioration in performance compared to "
        "the previous quarter.</p>\t",
        "<p>b</p>\t<p><u>Satisfaction</u></p>\t",
        "<p>d</p>\t<p><u>Road traffic collisions</u></p>\t",
    )
    assert agenda(draft)[1:] == [("a", "Confidence"), ("b", "Satisfaction")]  # "d" after "b" is text, not an item


def test_a_number_already_used_is_a_numbered_entry_not_an_item():
    draft = fixture("2016-10-19-columns.txt")
    assert [n for n, _ in agenda(draft)] == ["4", "4a", "4b"]
    assert "4. Coercive control is now included" in "\n".join(f"{b.marker} {b.text}" for b in draft.agenda[1].blocks)


def test_a_title_printed_in_capitals_with_its_text_is_split_where_the_sentence_starts():
    (item,) = document("1.1\tOUTSTANDING MATTERS / ITEMS BROUGHT FORWARD None were discussed.\tACTION").agenda
    assert (item.title, text_of(item)) == ("OUTSTANDING MATTERS / ITEMS BROUGHT FORWARD", "None were discussed.")


def test_a_title_ending_in_a_colon_is_split_there_and_the_colon_left_off():
    (item,) = document(
        "4\tCONFIRMATION OF NEXT MEETING TYPE / DATE / TIME / VENUE: Performance, "
        "Tuesday 28 May 2019, 10:00am Room 1.38\t"
    ).agenda
    assert item.title == "CONFIRMATION OF NEXT MEETING TYPE / DATE / TIME / VENUE"
    assert text_of(item) == "Performance, Tuesday 28 May 2019, 10:00am Room 1.38"


def test_a_title_in_capitals_and_lower_case_is_kept_whole():
    (item,) = document("1.\tOUTSTANDING MATTERS - actions arising from the September meeting\tACTION").agenda
    assert item.title == "OUTSTANDING MATTERS - actions arising from the September meeting"


def test_a_title_in_capitals_is_spelled_as_the_archive_spells_it():
    reference = Reference(PEOPLE.people, titles=("Holding to account",))
    (item,) = document("2.\tHOLDING TO ACCOUNT\t", reference=reference).agenda
    assert (item.title, item.respelled, item.title_checks) == ("Holding to account", True, ())


def test_a_title_in_capitals_the_archive_does_not_have_stays_in_capitals_and_is_doubted():
    (item,) = document("2.1\tROADS POLICING:\t").agenda
    assert item.title == "ROADS POLICING"
    assert "sentence case" in item.title_checks[0]


def test_text_after_a_title_the_archive_knows_is_read_as_the_items_text_and_doubted():
    reference = Reference(PEOPLE.people, titles=("Outstanding Matters / Matters arising",))
    (item,) = document("1.\tOutstanding Matters / Matters arising N/A\t", reference=reference).agenda
    assert (item.title, text_of(item)) == ("Outstanding Matters / Matters arising", "N/A")
    assert item.title_checks


def test_items_printed_out_of_order_are_doubted_where_the_order_breaks():
    draft = fixture("2019-04-30-page-order.txt")
    assert [n for n, _ in agenda(draft)] == ["1.1", "2", "2.1", "4", "3", "2.2"]
    assert [bool(item.checks) for item in draft.agenda] == [False, False, False, False, True, True]


# ---------------------------------------------------------------- the text


def test_a_sentence_cut_by_a_page_break_is_rejoined():
    item = fixture("2021-12-20-extract.txt").agenda[1]
    assert (
        "whether the department is representative of the wider workforce and was told that it isn't at the moment"
        in text_of(item)
    )


def test_a_column_fragment_with_one_reading_is_rejoined():
    item = fixture("2016-10-19-columns.txt").agenda[1]
    assert "There were no actions arising." in text_of(item).split("\n")


def test_a_column_fragment_without_one_reading_stays_verbatim_with_a_check():
    item = fixture("2016-10-19-columns.txt").agenda[1]
    (block,) = [b for b in item.blocks if b.text.startswith("Fir ")][:1]
    assert block.text == "Fir ndings:"
    assert '"Fir" was printed in the number column' in block.checks[0]


def test_a_column_fragment_before_a_list_entry_keeps_the_entrys_marker():
    (item,) = document(
        "2.\tOPERATIONAL AND REPUTATIONAL OPPORTUNITIES AND RISKS\t",
        "th\t• The police operation for the badger cull, now ended, had gone well.\t",
    ).agenda
    assert item.blocks[0].text == "th • The police operation for the badger cull, now ended, had gone well."


def test_a_paragraph_starting_in_lower_case_that_nothing_continues_is_doubted():
    item = fixture("2019-04-30-page-order.txt").agenda[-1]
    cut = [b for b in item.blocks if b.text.startswith("said this was an example")]
    assert cut and "starts in lower case" in cut[0].checks[0]


def test_no_word_of_the_text_is_changed_by_parsing():
    """Stripped of markers, the blocks hold the words of the extract in the order printed."""
    source = (FIXTURES / "2021-12-20-extract.txt").read_text(encoding="utf-8")
    draft = fixture("2021-12-20-extract.txt")
    body = " ".join(without_markers(b.text) for item in draft.agenda for b in item.blocks)
    for sentence in (
        "The PCC asked if the force had established the cost benefit",
        "There were none.",
        "Public – Budget proposals",
    ):
        assert sentence in body and sentence in source


# ---------------------------------------------------------------- actions


def test_an_action_line_is_an_action_under_its_item():
    actions = fixture("2021-12-20-extract.txt").actions
    assert [(a.item, a.text) for a in actions] == [("2.2", "ChSupt to clarify what the legislation changes are")]


def test_the_action_after_actions_arising_is_an_action():
    (action,) = fixture("2019-04-30-page-order.txt").actions
    assert (
        action.text
        == "The DCC to review the success criteria in the ANPR business case to see if they have been achieved."
    )


def test_a_numbered_list_after_actions_arising_is_one_action_each():
    draft = document(
        'a\t<p><u>Road traffic collisions</u></p> <p>Actions arising</p> <ol style="list-style-type: none"> 1. '
        "The CEx to work with the Head of Force Ops to review the SRP governance model and work up proposals to "
        "reinvigorate local partner buy in. 2. The ACC to review and share the work on which officers can use the "
        "drugs testing kits. \t"
    )
    assert [a.text[:12] for a in draft.actions] == ["The CEx to w", "The ACC to r"]


def test_none_after_actions_arising_is_no_action():
    draft = document(
        "a\t<p><u>Athena</u></p> <p>Actions arising: None.</p>\t",
        "\tActions arising None\t",
        "\tActions arising:\t",
        "\tThere were no actions arising.\t",
    )
    assert draft.actions == ()


def test_the_owner_is_the_attendee_whose_abbreviation_the_action_column_gives():
    draft = document(
        "Title",
        "Attendance:\tAnthony Bangham\tChief Constable (CC)",
        "",
        "4b\tDELIVERY OF STRATEGIC INITIATIVES:\t",
        "\tActions arising:\t",
        "\tOnce the Talent Management strategy has been to Executive Board it is to be shared with the PCC.\tCC",
    )
    (action,) = draft.actions
    assert (action.owner, action.note) == ("anthony-bangham", '"CC" in the ACTION column')


def test_the_owner_is_who_the_action_names_first():
    draft = document(
        "Title",
        "Attendance:\tMartin Evans\tAssistant Chief Constable (ACC)",
        "",
        "a\t<p><u>Response</u></p> <p>Actions arising ACC to share the findings of the Forces work on unresourced "
        "incident levels with the CC and the PCC.</p>\t",
    )
    assert draft.actions[0].owner == "martin-evans"


def test_an_abbreviation_in_other_capitals_names_the_owner_with_a_doubt():
    draft = document(
        "Title",
        "Attendance:\tAndy Champness\tChief Executive for the Police and Crime Commissioner (CEX)",
        "",
        "a\tRoad traffic collisions\t",
        "\tActions arising:\t",
        "\tThe CEx to work with the Head of Force Ops to review the SRP governance model.\t",
    )
    (action,) = draft.actions
    assert action.owner == "andy-champness"
    assert action.checks == ('"CEx" read as CEX, Andy Champness',)


def test_an_action_column_naming_nobody_leaves_the_owner_out_and_doubts_it():
    action = [a for a in fixture("2016-10-19-columns.txt").actions if a.item == "4a"][0]
    assert action.owner == ""
    assert 'the ACTION column says "C"' in action.checks[0]


# ---------------------------------------------------------------- the next meeting


def test_the_next_meeting_is_read_from_its_item():
    found = document(
        "4\tCONFIRMATION OF NEXT MEETING TYPE / DATE / TIME / VENUE: Performance, "
        "Tuesday 28 May 2019, 10:00am Room 1.38\t"
    ).next_meeting
    assert (found.date, found.time, found.type, found.venue) == ("2019-05-28", "10:00", "Performance", "Room 1.38")
    assert found.as_minuted == "Performance, Tuesday 28 May 2019, 10:00am Room 1.38"


def test_a_next_meeting_on_two_lines_takes_its_type_from_the_line_without_the_date():
    found = fixture("2021-12-20-extract.txt").next_meeting
    assert (found.date, found.time, found.type, found.venue) == ("2022-01-12", "18:00", "Public – Budget proposals", "")
    assert found.as_minuted == "Wednesday 12th January 2022 at 6pm\nPublic – Budget proposals"


def test_a_time_with_a_needless_pm_is_read_and_doubted():
    found = document(
        "<p>4.</p>\t<p>Confirmation of next meeting type / date / time / venue:</p> <p>Performance of Review of the "
        "year 2021</p> <p>27 April 2021 at 14:00pm</p>\t"
    ).next_meeting
    assert found.time == "14:00"
    assert ("time", 'printed "14:00pm"; read as 14:00') in found.checks


def test_a_next_meeting_item_with_only_a_date_gives_only_the_date():
    found = document("6.\tDATE OF NEXT MEETING:\t", "\t29 November 2016\t").next_meeting
    assert (found.date, found.time, found.type, found.venue, found.checks) == ("2016-11-29", "", "", "", ())
