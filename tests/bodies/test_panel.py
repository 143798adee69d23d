"""A police and crime panel's minutes, built from tests/fixtures/panel: minute numbers such as 39/20, no
minute-taker recorded, its papers and a recording of the meeting."""

import json

from tests.bodies.sites import SEPTEMBER, main_of, text


def test_the_printed_minute_numbers_head_their_items(panel_site):
    page = main_of(panel_site, SEPTEMBER)
    assert '<h2 id="item-39-20"><span class="num">39/20</span> Declarations of interest' in page
    assert '<h2 id="item-40-20"><span class="num">40/20</span> PCC&#39;s annual report 2019/20' in page


def test_the_papers_are_listed_each_linked_where_published(panel_site):
    page = main_of(panel_site, SEPTEMBER)
    papers = page[page.index('<h2 id="papers">Papers</h2>') : page.index('<h2 id="attendance">')]
    assert (
        '<a href="https://www.example.org/panel/2020-09-21/annual-report.pdf">'
        "Annual report of the Police and Crime Commissioner 2019/20</a>" in papers
    )
    assert "<li>Complaints update (tabled at the meeting)</li>" in papers


def test_the_recording_is_linked_with_its_default_title(panel_site):
    page = main_of(panel_site, SEPTEMBER)
    assert (
        '<dt>Recording</dt><dd><a href="https://www.example.org/panel/2020-09-21/webcast">'
        "Recording of the meeting</a></dd>" in page
    )


def test_a_minute_taker_not_recorded_is_said_to_be_not_recorded(panel_site):
    assert "Minutes Not recorded" in text(main_of(panel_site, SEPTEMBER))


def test_an_early_departure_is_shown_beside_the_person(panel_site):
    assert "Bea Marsh (left 11:15) Panel member" in text(main_of(panel_site, SEPTEMBER))


def test_the_action_page_names_its_item_by_its_printed_number(panel_site):
    page = main_of(panel_site, "actions/2020-09-21-1/index.html")
    assert 'href="../../meetings/2020-09-21-police-and-crime-panel/index.html#item-40-20"' in page
    assert "item 40/20" in text(page)


def test_the_open_data_carries_the_papers_and_the_recording(panel_site):
    meeting = json.loads((panel_site / "data/meetings.json").read_text())["meetings"][0]
    assert meeting["papers"] == [
        {
            "title": "Annual report of the Police and Crime Commissioner 2019/20",
            "url": "https://www.example.org/panel/2020-09-21/annual-report.pdf",
        },
        {"title": "Complaints update (tabled at the meeting)", "url": None},
    ]
    assert meeting["recording"] == {
        "title": "Recording of the meeting",
        "url": "https://www.example.org/panel/2020-09-21/webcast",
    }
    assert meeting["minute_taker"] is None
    assert [i["number"] for i in meeting["agenda"]] == ["39/20", "40/20", "41/20"]


def test_the_open_data_gives_an_actions_item_as_printed(panel_site):
    action = json.loads((panel_site / "data/actions.json").read_text())["actions"][0]
    assert (action["item"], action["item_title"]) == ("40/20", "PCC's annual report 2019/20")
