"""The faster builder gives exactly the index stock lunr.py gives."""
import json

import pytest
from lunr import get_default_builder, lunr

from minutebook.lunr_builder import build_index

FIELDS = [{"field_name": "title", "boost": 10}, {"field_name": "text"}]
DOCUMENTS = [
    {"ref": "a", "title": "Roads policing", "text": "The PCC asked the CC if he was satisfied that regional collaboration is effective."},
    {"ref": "b", "title": "Performance", "text": "Killed and seriously injured (KSIs) on roads had plateaued, but is now showing a small uplift."},
    {"ref": "c", "title": "Serious and organised crime", "text": "Working with partners to understand and respond to SOC threats - the journey the force have been on."},
    {"ref": "d", "title": "AOB", "text": None},
    ({"ref": "e", "title": "Action", "text": "The DCC to review the ANPR business case."}, {"boost": 0.5}),
]


@pytest.mark.parametrize("positions", [False, True])
def test_the_serialised_index_is_identical_to_stock_lunr(positions):
    builder = get_default_builder()
    if positions:
        builder.metadata_whitelist = ["position"]
    stock = lunr(ref="ref", fields=FIELDS, documents=DOCUMENTS, builder=builder).serialize()
    assert json.dumps(build_index("ref", FIELDS, DOCUMENTS, positions=positions)) == json.dumps(stock)
