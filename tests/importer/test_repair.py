"""Repair mends layout debris only where one reading is possible, and never touches a word.

Every snippet is quoted from the source texts in sources/ (the raw text of the
published minutes' PDFs); the larger extracts are in tests/fixtures/import/.
"""

from minutebook.importer.repair import (
    BULLET,
    HEADING,
    NUMBERED,
    PARAGRAPH,
    TAGS,
    blocks_of,
    continues,
    ends_open,
    html_rows,
    join_fragment,
    join_ordinals,
    join_wrapped,
    plain_markdown,
    split_row,
    vocabulary,
)


def kinds_and_texts(text: str) -> list[tuple[str, str]]:
    return [(b.kind, b.text) for b in blocks_of(text)]


# ---------------------------------------------------------------- tags


def test_paragraph_tags_become_paragraph_breaks_and_disappear():
    snippet = (
        "<p>Working with partners to understand and respond to SOC threats</p> <p>The CC and ACC responded that:</p>"
    )
    assert kinds_and_texts(snippet) == [
        (PARAGRAPH, "Working with partners to understand and respond to SOC threats"),
        (PARAGRAPH, "The CC and ACC responded that:"),
    ]


def test_stray_tags_removed_are_counted_for_the_editorial_note():
    blocks = blocks_of("<p>recently the work on changes to the shift patterns had received very positive feedback.</p>")
    assert blocks[0].repairs[TAGS] == 2


def test_an_underlined_paragraph_is_a_sub_heading():
    assert kinds_and_texts("<p><u>Understanding the threat and scale of SOC</u></p>") == [
        (HEADING, "Understanding the threat and scale of SOC")
    ]


def test_an_underlined_numbered_line_is_a_sub_heading_with_its_number_and_the_rest_a_paragraph():
    snippet = "3. <u>Workforce</u> The PCC commented that the Collision Investigation Unit (CIU) are a small team"
    assert kinds_and_texts(snippet) == [
        (HEADING, "3. Workforce"),
        (PARAGRAPH, "The PCC commented that the Collision Investigation Unit (CIU) are a small team"),
    ]


def test_bullets_inside_an_unclosed_list_tag_are_list_entries():
    snippet = (
        '<ul style="list-style-type: none"> • The force are committed to reality testing and sharing best practice. '
        "• Recent staff changes provide the opportunity to redirect focus and address this. <p>The PCC highlighted"
    )
    assert kinds_and_texts(snippet) == [
        (BULLET, "The force are committed to reality testing and sharing best practice."),
        (BULLET, "Recent staff changes provide the opportunity to redirect focus and address this."),
        (PARAGRAPH, "The PCC highlighted"),
    ]


def test_numbers_run_together_in_a_list_tag_start_entries_only_in_sequence():
    snippet = (
        '<ol style="list-style-type: none"> 1. There has been an increase in the monthly average of killed and '
        "seriously injured (KSI) from 45 to 49. What assurance can the CC give? 2. "
        "The winter drink/drug driving campaign"
    )
    blocks = blocks_of(snippet)
    assert [(b.kind, b.marker) for b in blocks] == [(NUMBERED, "1."), (NUMBERED, "2.")]
    assert "from 45 to 49. What assurance" in blocks[0].text  # "49." is not the next number


def test_a_list_tag_without_numbers_leaves_its_text_as_one_paragraph():
    snippet = (
        '<ol style="list-style-type: none"> In order for any strategy to affect real change in behaviours and '
        "culture, it needs to resonate with the workforce."
    )
    assert [b.kind for b in blocks_of(snippet)] == [PARAGRAPH]


def test_an_html_table_row_printed_as_text_is_split_at_its_cells():
    assert html_rows("<tr><td>4c</td><td>HMIC INSPECTION PROGRAMME</td></tr>") == ["4c\tHMIC INSPECTION PROGRAMME"]


def test_a_less_than_sign_that_is_no_tag_stays():
    assert kinds_and_texts("Response times of <10 minutes") == [(PARAGRAPH, "Response times of <10 minutes")]


# ---------------------------------------------------------------- table rows


def test_a_row_has_the_number_the_text_and_the_action_column():
    row = split_row(
        "\tOnce the Talent Management strategy has been to Executive Board it is to be shared with the PCC.\tCC"
    )
    assert (row.number, row.action) == ("", "CC")
    assert row.text.startswith("Once the Talent Management strategy")


def test_a_line_without_tabs_is_full_width_text():
    assert split_row("Neighbourhood Teams (SNTs) need to be actively involved").number == ""


# ---------------------------------------------------------------- words


def test_an_ordinal_printed_apart_is_joined():
    assert join_ordinals("Wednesday 12 th January 2022 at 6pm") == ("Wednesday 12th January 2022 at 6pm", 1)


def test_letters_that_are_not_the_numbers_own_suffix_stay_apart():
    assert join_ordinals("the 2 th item") == ("the 2 th item", 0)


def test_a_column_fragment_is_joined_when_only_the_joined_word_is_known():
    known = vocabulary(["Actions arising:", "There were no actions arising."])
    assert join_fragment("Th", "ere were no actions arising.", known) == "There were no actions arising."
    assert join_fragment("Ac", "tions arising:", known) == "Actions arising:"


def test_a_column_fragment_that_is_a_word_of_its_own_is_kept_apart():
    known = vocabulary(
        ["An anticipation that future system changes would fix problems", "progress to be provided to the update"]
    )
    assert join_fragment("An", "update on recovery plan progress", known) == "An update on recovery plan progress"


def test_a_column_fragment_with_no_certain_reading_is_left_alone():
    known = vocabulary(["Findings:", "Actions arising:", "the September meeting"])
    assert join_fragment("Ac", "etions arising:", known) is None  # "Acetions" is no word
    assert join_fragment("Fir", "ndings:", known) is None
    assert join_fragment("Se op", "Reducing harm", known) is None


def test_a_sentence_cut_by_a_page_break_continues_in_lower_case():
    assert continues(
        "The PCC highlighted that there had been 7 months of delays in filling the role and asked if there",
        "were any tangible benefits",
    )


def test_a_finished_sentence_is_not_continued():
    assert not continues(
        "The CC added that the CIU model is a national issue.", "said this was an example of good shared training"
    )


def test_a_capital_after_a_cut_is_not_taken_for_a_continuation():
    assert not continues(
        "Corporate Communications and Safer", "Neighbourhood Teams (SNTs) need to be actively involved"
    )


def test_a_long_paragraph_without_a_full_stop_is_open_and_a_short_heading_is_not():
    assert ends_open(
        "The PCC commented that there seemed to be a lot of positive activity around roads policing but that the KSI "
        "data did show an increase"
    )
    assert not ends_open("Road safety Team")


def test_a_hyphen_at_a_line_end_goes_when_the_document_writes_the_word_whole():
    assert join_wrapped(
        "has been a reorgan-", "isation of the communications team", vocabulary(["reorganisation"])
    ) == (
        "has been a reorganisation of the communications team",
        True,
    )


def test_a_hyphen_at_a_line_end_stays_when_the_document_writes_the_word_hyphenated():
    assert join_wrapped("sufficient buy-", "in from front line officers", vocabulary(["buy-in"])) == (
        "sufficient buy-in from front line officers",
        True,
    )


def test_a_hyphen_at_a_line_end_the_document_cannot_settle_is_kept_and_doubted():
    assert join_wrapped("long-", "term improvements", set()) == ("long-term improvements", False)


# ---------------------------------------------------------------- Markdown


def test_a_paragraph_starting_with_a_year_and_a_full_stop_is_not_made_a_list():
    assert plain_markdown("2016. Can the CC clarify") == "2016\\. Can the CC clarify"


def test_a_lone_dash_is_kept_as_a_dash_not_an_empty_bullet():
    assert plain_markdown("-") == "\\-"


def test_ordinary_text_is_unchanged():
    assert plain_markdown("There were none.") == "There were none."
