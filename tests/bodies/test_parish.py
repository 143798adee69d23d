"""A parish council's minutes, built from tests/fixtures/parish: printed minute numbers such as 70/17, an
unnumbered section, text before the first item, a payments table, and facts the minutes do not record."""

import json
import re

from tests.bodies.sites import DECEMBER, NOVEMBER, main_of, text


def test_the_printed_minute_numbers_head_their_items(parish_site):
    page = text(main_of(parish_site, NOVEMBER))
    for heading in ("70/17 Minutes of the last meeting", "71/17 Payments", "73/17 Date of next meeting"):
        assert f"{heading} #" in page


def test_each_numbered_item_has_an_anchor_made_from_its_number(parish_site):
    page = main_of(parish_site, NOVEMBER)
    assert '<h2 id="item-70-17">' in page
    assert '<a href="#item-71-17"><span class="num">71/17</span> Payments</a>' in page


def test_an_unnumbered_section_keeps_its_title_and_takes_its_anchor_from_it(parish_site):
    page = main_of(parish_site, NOVEMBER)
    assert '<h2 id="item-call-to-order">CALL TO ORDER <a class="anchor"' in page


def test_the_text_before_the_first_item_is_shown_before_it(parish_site):
    page = text(main_of(parish_site, NOVEMBER))
    opening = page.index("The meeting opened with two minutes' silence for the late Councillor Jones.")
    assert page.index("Agenda") < opening < page.index("CALL TO ORDER #")


def test_a_minute_taker_not_recorded_is_said_to_be_not_recorded(parish_site):
    assert "Minutes Not recorded" in text(main_of(parish_site, NOVEMBER))


def test_a_time_not_recorded_is_said_to_be_not_recorded(parish_site):
    page = main_of(parish_site, DECEMBER)
    assert "Time Not recorded" in text(page)
    assert '<time datetime="2017-12-12">Tuesday 12 December 2017</time>' in page


def test_the_payments_table_is_a_table_with_column_headers(parish_site):
    page = main_of(parish_site, NOVEMBER)
    start = page.index('<table class="minutes-table">')
    table = page[start : page.index("</table>", start)]
    headers = re.findall(r'<th scope="col"[^>]*>(.*?)</th>', table)
    assert [text(h) for h in headers] == ["Payee", "Description", "Net (£)", "VAT (£)", "Gross (£)", "Cheque"]
    assert "<td>Greenway Grounds Maintenance</td>" in table
    assert (
        '<td class="align-right">300.00</td>' in table
    )  # figures stay right-aligned, by class: the CSP allows no style


def test_the_table_sits_in_a_labelled_region_a_keyboard_can_reach(parish_site):
    page = main_of(parish_site, NOVEMBER)
    region = '<div class="table-scroll" role="region" aria-label="Table 1, item 71/17 Payments" tabindex="0">'
    assert region + '\n<table class="minutes-table">' in page


def test_sub_items_are_listed_under_their_item(parish_site):
    page = main_of(parish_site, NOVEMBER)
    planning = page[page.index('<a href="#item-72-17">') : page.index('<a href="#item-73-17">')]
    assert '<ol class="agenda sub-items">' in planning
    assert planning.index('href="#item-a"') < planning.index('href="#item-b"')


def test_a_late_arrival_and_an_early_departure_are_shown_beside_the_person(parish_site):
    page = text(main_of(parish_site, NOVEMBER))
    assert "Tom Avery (arrived 19:40) Councillor" in page
    assert "Priya Shah (left during minute 72/17) Councillor" in page


def test_an_action_under_an_unnumbered_section_is_shown_under_it(parish_site):
    page = main_of(parish_site, NOVEMBER)
    section = page[page.index('<section class="item" aria-labelledby="item-call-to-order">') :]
    section = section[: section.index("</section>")]
    assert "The Clerk to put the order of business on the noticeboard." in section


def test_an_action_page_names_a_lettered_item_with_the_minute_above_it(parish_site):
    page = text(main_of(parish_site, "actions/2017-11-14-2/index.html"))
    assert "item 72/17(a): 17/01234/FUL Land at Mill Lane" in page


def test_the_open_data_gives_null_for_what_was_not_recorded(parish_site):
    meetings = {m["id"]: m for m in json.loads((parish_site / "data/meetings.json").read_text())["meetings"]}
    december = meetings["2017-12-12-parish-council"]
    assert december["time"] is None
    assert december["minute_taker"] is None


def test_the_open_data_carries_the_numbers_as_printed_the_preamble_and_the_comings_and_goings(parish_site):
    november = json.loads((parish_site / "data/meetings.json").read_text())["meetings"][0]
    assert [(i["number"], i["level"]) for i in november["agenda"]][:6] == [
        (None, 1),
        ("70/17", 1),
        ("71/17", 1),
        ("72/17", 1),
        ("a", 2),
        ("b", 2),
    ]
    assert november["preamble"] == "The meeting opened with two minutes' silence for the late Councillor Jones."
    arrivals = {a["id"]: (a["arrived"], a["left"]) for a in november["attendees"]}
    assert arrivals["tom-avery"] == ("19:40", None)
    assert arrivals["priya-shah"] == (None, "during minute 72/17")


def test_the_open_data_keeps_the_words_of_the_table(parish_site):
    november = json.loads((parish_site / "data/meetings.json").read_text())["meetings"][0]
    payments = next(i for i in november["agenda"] if i["number"] == "71/17")["text"]
    assert "Greenway Grounds Maintenance" in payments and "300.00" in payments


def test_the_feed_names_no_time_for_a_meeting_without_one(parish_site):
    feed = (parish_site / "feed.xml").read_text()
    assert "held on Tuesday 12 December 2017, Little Testing Village Hall." in feed


def test_an_action_page_names_an_unnumbered_section_by_its_title(parish_site):
    page = text(main_of(parish_site, "actions/2017-11-14-1/index.html"))
    assert "Arose at Parish Council Meeting November 2017, CALL TO ORDER" in page
    assert "item :" not in page


def test_the_action_tracker_names_an_unnumbered_section_by_its_title(parish_site):
    assert "14 November 2017, CALL TO ORDER" in text(main_of(parish_site, "actions/index.html"))
