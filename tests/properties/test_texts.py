"""Free text (titles, item titles, minutes, action text, names, roles, settings): any value is
refused by `check` with a located message, or published in every output, well-formed."""

from hypothesis import given

from tests.properties.published import APRIL, BOUNDED, action_rows, feed_titles, outcome, quoted, scalars, small, texts


@BOUNDED
@given(scalars)
def test_a_meeting_title(value):
    outcome(small().replace(APRIL, "title: Monthly Assurance Meeting April 2019", f"title: {value}"))


@BOUNDED
@given(texts)
def test_a_meeting_title_check_accepts_is_the_feed_entry_title_as_written(value):
    published = outcome(
        small().replace(APRIL, "title: Monthly Assurance Meeting April 2019", f"title: {quoted(value)}")
    )
    if published.accepted:
        assert value.strip() in feed_titles(published.site)


@BOUNDED
@given(texts)
def test_an_agenda_item_title_and_its_heading(value):
    archive = small().replace(APRIL, "    title: Roads policing", f"    title: {quoted(value, raw=True)}")
    outcome(archive.replace(APRIL, "## 2.1 Roads policing", f"## 2.1 {value}"))


@BOUNDED
@given(texts)
def test_a_line_of_minutes(value):
    outcome(small().replace(APRIL, "None were discussed.", value))


@BOUNDED
@given(scalars)
def test_an_action_text(value):
    old = (
        "    text: The DCC to review the success criteria in the ANPR business case to see if they have been achieved."
    )
    outcome(small().replace(APRIL, old, f"    text: {value}"))


@BOUNDED
@given(texts)
def test_an_action_text_check_accepts_is_the_open_data_text_as_written(value):
    old = (
        "    text: The DCC to review the success criteria in the ANPR business case to see if they have been achieved."
    )
    published = outcome(small().replace(APRIL, old, f"    text: {quoted(value)}"))
    if published.accepted:
        assert [row["text"] for row in action_rows(published.site)] == [as_a_spreadsheet_shows(value.strip())]


def as_a_spreadsheet_shows(text):
    """The CSV's text: one starting as a formula would (=, +, -, @) is kept as text by a leading '."""
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text


@BOUNDED
@given(scalars)
def test_a_person_name(value):
    outcome(small().replace("people.yml", "  name: Amanda Blakeman", f"  name: {value}"))


@BOUNDED
@given(scalars)
def test_an_attendee_role(value):
    outcome(small().replace(APRIL, "    role: Deputy Chief Constable", f"    role: {value}"))


@BOUNDED
@given(scalars)
def test_the_site_title(value):
    outcome(small().replace("site.yml", "title: Testshire PCC minutes", f"title: {value}"))


@BOUNDED
@given(scalars)
def test_the_organisation(value):
    outcome(
        small().replace(
            "site.yml",
            "organisation: Office of the Police and Crime Commissioner for Testshire",
            f"organisation: {value}",
        )
    )


@BOUNDED
@given(scalars)
def test_a_glossary_expansion(value):
    outcome(small().replace("glossary.yml", "  expansion: Chief Constable", f"  expansion: {value}"))
