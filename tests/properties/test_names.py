"""Slugs, ids and item numbers, which become file names and anchors: any value is refused by `check`
with a located message, or published in every output."""

from hypothesis import given

from tests.properties.published import APRIL, BOUNDED, everywhere, item_numbers, outcome, quoted, slugs, small, texts


@BOUNDED
@given(slugs)
def test_a_person_slug_wherever_it_is_used(slug):
    outcome(everywhere(small(), "amanda-blakeman", slug, "people.yml"))


@BOUNDED
@given(slugs)
def test_a_theme_slug_wherever_it_is_used(slug):
    outcome(everywhere(small(), "roads-policing", slug, "themes.yml"))


@BOUNDED
@given(slugs)
def test_an_action_id_wherever_it_is_used(action_id):
    outcome(everywhere(small(), "2019-04-30-1", action_id, APRIL))


@BOUNDED
@given(item_numbers)
def test_an_item_number_and_its_heading(number):
    archive = small().replace(APRIL, '  - number: "2.1"', f"  - number: {quoted(number, raw=True)}")
    archive = archive.replace(APRIL, '    item: "2.1"', f"    item: {quoted(number, raw=True)}")
    outcome(archive.replace(APRIL, "## 2.1 Roads policing", f"## {number} Roads policing"))


@BOUNDED
@given(item_numbers)
def test_a_second_item_number_beside_the_first(number):
    archive = small().replace(APRIL, '  - number: "1.1"', f"  - number: {quoted(number, raw=True)}")
    outcome(archive.replace(APRIL, "## 1.1 Outstanding", f"## {number} Outstanding"))


@BOUNDED
@given(texts)
def test_a_theme_name(name):
    outcome(small().replace("themes.yml", "  name: Roads policing", f"  name: {quoted(name)}"))
