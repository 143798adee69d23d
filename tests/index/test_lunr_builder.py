"""The faster builder gives exactly the index stock lunr.py gives with lunr.js's pipeline in place of its own."""
import json

import pytest
from lunr import get_default_builder, lunr

from minutebook.outputs.search.lunr_builder import build_index, js_stemmer, js_stop_word_filter, js_trimmer

FIELDS = [{"field_name": "title", "boost": 10}, {"field_name": "text"}]
DOCUMENTS = [
    {"ref": "a", "title": "Roads policing", "text": "The PCC asked the CC if he was satisfied that regional collaboration is effective."},
    {"ref": "b", "title": "Performance", "text": "Killed and seriously injured (KSIs) on roads had plateaued, but is now showing a small uplift."},
    {"ref": "c", "title": "Serious and organised crime", "text": "Working with partners to understand and respond to SOC threats - the journey the force have been on."},
    {"ref": "d", "title": "AOB", "text": None},
    ({"ref": "e", "title": "Action", "text": "The DCC to review the ANPR business case."}, {"boost": 0.5}),
    # Where lunr.js's pipeline and lunr.py's part: a final "y" after a vowel, non-ASCII letters at a
    # word's ends, and words the trimmer leaves nothing of.
    {"ref": "f", "title": "Key days", "text": "On Monday the café survey – which found ways to try … was naïve 😀"},
]


def stock_builder():
    """lunr.py's default builder, its pipeline made lunr.js's: the trimmer, stop-word filter and stemmer the browser uses."""
    builder = get_default_builder()
    builder.pipeline.reset()
    builder.pipeline.add(js_trimmer, js_stop_word_filter, js_stemmer)
    return builder


@pytest.mark.parametrize("positions", [False, True])
def test_the_serialised_index_is_identical_to_stock_lunr(positions):
    builder = stock_builder()
    if positions:
        builder.metadata_whitelist = ["position"]
    stock = lunr(ref="ref", fields=FIELDS, documents=DOCUMENTS, builder=builder).serialize()
    assert json.dumps(build_index("ref", FIELDS, DOCUMENTS, positions=positions)) == json.dumps(stock)


def test_the_index_holds_lunr_js_terms_not_lunr_py_ones():
    terms = {term for term, _ in build_index("ref", FIELDS, DOCUMENTS)["invertedIndex"]}
    assert {"key", "day", "monday", "caf", "survey", "way", "tri", "naïv"} <= terms
    assert not {"kei", "dai", "mondai", "café", "wai", "try", "–", "…", "😀", ""} & terms
