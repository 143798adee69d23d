"""The declarations of interest in data/meetings.json: who declared what, in which item, as minuted, with
null where the minutes say nothing."""

import json
import posixpath

import pytest


@pytest.fixture(scope="module")
def parish(parish_site):
    site = parish_site
    return site, {m["id"]: m for m in json.loads((site / "data/meetings.json").read_text("utf-8"))["meetings"]}


def test_each_meeting_lists_its_declarations_in_the_order_minuted(parish):
    _, meetings = parish
    assert meetings["2017-11-14-parish-council"]["declarations"] == [
        {
            "person": {"id": "priya-shah", "name": "Priya Shah"},
            "item": None,
            "item_title": None,
            "kind": "non-pecuniary",
            "interest": "A member of the Testshire Rural Society, for all planning matters.",
            "url": "../meetings/2017-11-14-parish-council/#declaration-1",
            "absolute_url": None,
        },
        {
            "person": {"id": "tom-avery", "name": "Tom Avery"},
            "item": "a",
            "item_title": "17/01234/FUL Land at Mill Lane",
            "kind": "pecuniary",
            "interest": "Owns the field adjoining the application site.",
            "url": "../meetings/2017-11-14-parish-council/#declaration-2",
            "absolute_url": None,
        },
    ]


def test_a_meeting_without_declarations_has_an_empty_list(parish):
    _, meetings = parish
    assert meetings["2017-12-12-parish-council"]["declarations"] == []


def test_a_declarations_link_leads_to_it_on_its_meeting_page(parish):
    site, meetings = parish
    url = meetings["2017-11-14-parish-council"]["declarations"][1]["url"]
    page, anchor = url.split("#")
    html = (site / posixpath.normpath(posixpath.join("data", page)) / "index.html").read_text(encoding="utf-8")
    assert f'<li id="{anchor}">' in html


def test_every_meeting_of_an_archive_without_declarations_has_an_empty_list(real_site):
    meetings = json.loads((real_site / "data/meetings.json").read_text("utf-8"))["meetings"]
    assert meetings and all(m["declarations"] == [] for m in meetings)
