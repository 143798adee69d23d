"""What search holds of other bodies' minutes: the words in a table's cells, and items by their printed numbers."""

import pytest

from minutebook.content.load import load_content
from minutebook.link import link
from minutebook.outputs.search.documents import documents
from minutebook.site.render import Renderer
from tests.bodies.sites import PARISH
from tests.conftest import ROOT


@pytest.fixture(scope="module")
def parish_documents():
    archive = link(load_content(PARISH))
    return {d.key: d for d in documents(archive, Renderer(archive, ROOT / "templates").texts)}


def test_the_words_in_a_tables_cells_are_searched_with_its_item(parish_documents):
    payments = parish_documents["2017-11-14-parish-council#item-71-17"]
    for words in ("Greenway Grounds Maintenance", "Grass cutting, October", "300.00", "Cheque"):
        assert words in payments.text


def test_a_result_shows_the_number_as_printed_and_a_lettered_item_with_the_minute_above_it(parish_documents):
    assert parish_documents["2017-11-14-parish-council#item-71-17"].number == "71/17"
    assert parish_documents["2017-11-14-parish-council#item-a"].number == "72/17(a)"
    assert parish_documents["2017-11-14-parish-council#item-call-to-order"].number == ""


def test_the_text_before_the_first_item_is_searched_and_its_result_lands_on_it(parish_documents, parish_site):
    opening = parish_documents["2017-11-14-parish-council#preamble"]
    assert "two minutes' silence" in opening.text
    assert opening.title == "Before the first item"
    page = (parish_site / "meetings/2017-11-14-parish-council/index.html").read_text(encoding="utf-8")
    assert opening.url.endswith("#preamble") and '<div class="item-text preamble" id="preamble">' in page
