"""The reference is stock lunr.py with lunr.js's terms, and the build counts terms exactly as it does."""

import pytest

from minutebook.outputs.search.layout import SEPARATORS
from minutebook.outputs.search.terms import Tokenizer
from tests.index.stock_lunr import js_builder, stock_lunr

FIELDS = [{"field_name": "title", "boost": 10}, {"field_name": "text"}]
DOCUMENTS = [
    {
        "ref": "a",
        "title": "Roads policing",
        "text": "The PCC asked the CC if he was satisfied that regional collaboration is effective.",
    },
    {
        "ref": "b",
        "title": "Performance",
        "text": "Killed and seriously injured (KSIs) on roads had plateaued, but is now showing a small uplift.",
    },
    {
        "ref": "c",
        "title": "Serious and organised crime",
        "text": "Working with partners to understand and respond to SOC threats - the journey the force have been on.",
    },
    {"ref": "d", "title": "AOB", "text": None},
    ({"ref": "e", "title": "Action", "text": "The DCC to review the ANPR business case."}, {"boost": 0.5}),
    # Where lunr.js's pipeline and lunr.py's part: a final "y" after a vowel, non-ASCII letters at a
    # word's ends, and words the trimmer leaves nothing of; and where the build splits words beyond
    # lunr's spaces and hyphens.
    {"ref": "f", "title": "Key days", "text": "On Monday the café survey – which found ways to try … was naïve 😀"},
    {"ref": "g", "title": "Drink/drug driving", "text": 'Roads [policing] (KSIs) "cameras" a=b; yes! no? one,two'},
]


def test_the_index_holds_lunr_js_terms_not_lunr_py_ones():
    terms = {term for term, _ in stock_lunr("ref", FIELDS, DOCUMENTS).serialize()["invertedIndex"]}
    assert {
        "key",
        "day",
        "monday",
        "caf",
        "survey",
        "way",
        "tri",
        "naïv",
        "drink",
        "drug",
        "ksi",
        "camera",
        "two",
    } <= terms
    assert (
        not {"kei", "dai", "mondai", "café", "wai", "try", "–", "…", "😀", "", "drink/drug", "(ksis)", "one,two"}
        & terms
    )


@pytest.mark.parametrize("document", [d[0] if isinstance(d, tuple) else d for d in DOCUMENTS], ids=lambda d: d["ref"])
def test_the_build_counts_each_fields_terms_as_stock_lunr_does(document):
    # What ships is each field's terms with their counts (files.meeting_part), in the order lunr meets
    # them; the browser scores with them, so they must be the term frequencies and field lengths
    # lunr's builder counts.
    builder = js_builder()
    stock_lunr("ref", FIELDS, [document], builder)
    tokenizer = Tokenizer(SEPARATORS)
    for field in ("title", "text"):
        counts, key = tokenizer.counts(document[field] or ""), f"{field}/{document['ref']}"
        assert list(counts.items()) == list(builder.field_term_frequencies[key].items())
        assert sum(counts.values()) == builder.field_lengths[key]
