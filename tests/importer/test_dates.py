"""Dates and times as minutes print them: UK, US and ISO; a date in figures read as its document writes them."""

import pytest

from minutebook.importer.dates import clock, dates_in, document_order, read


def first_date(text: str, order: str = "") -> tuple[str, tuple[str, ...]]:
    return read(dates_in(text, order)[0], order)


@pytest.mark.parametrize(
    "printed",
    [
        "18/06/2019",
        "18th June 2019",
        "Tuesday 18 June 2019",
        "Tuesday, 18th of June, 2019",
        "June 18, 2019",
        "Tuesday, June 18, 2019",
        "Jun. 18, 2019",
        "2019-06-18",
        "18.06.2019",
    ],
)
def test_each_form_of_the_date_reads_as_iso(printed):
    assert first_date(f"held on {printed} at 7pm", document_order([printed])) == ("2019-06-18", ())


def test_a_date_in_figures_is_read_month_first_when_the_document_writes_a_second_number_over_12():
    assert document_order(["6/18/2019", "7/2/2019"]) == "md"
    assert first_date("7/2/2019", "md")[0] == "2019-07-02"


def test_a_date_in_figures_is_read_day_first_when_the_document_writes_a_first_number_over_12():
    assert document_order(["18/06/2019", "7/2/2019"]) == "dm"
    assert first_date("7/2/2019", "dm")[0] == "2019-02-07"


def test_month_names_first_settle_a_document_that_writes_no_number_over_12():
    assert document_order(["June 4, 2019", "7/2/2019"]) == "md"
    assert document_order(["4 June 2019", "7/2/2019"]) == "dm"


def test_a_date_in_figures_nothing_settles_is_not_read_and_says_why():
    assert document_order(["7/2/2019"]) == ""
    assert first_date("7/2/2019") == (
        "",
        ('"7/2/2019" could be 7 February or 2 July, and nothing else in the minutes settles which',),
    )


def test_a_weekday_that_disagrees_with_the_date_is_doubted():
    assert first_date("Monday 18 June 2019")[1] == ("printed as a Monday, but 2019-06-18 is a Tuesday",)


def test_minute_numbers_and_money_are_not_dates():
    assert dates_in("70/17 Finance: £14,512.60 and 17/01234/FUL") == []


@pytest.mark.parametrize(
    ("printed", "time"),
    [("7:00 p.m.", "19:00"), ("7pm", "19:00"), ("19:00", "19:00"), ("10.00am", "10:00"), ("12.30 pm", "12:30")],
)
def test_each_form_of_the_time_reads_as_24_hour(printed, time):
    assert clock(f"at {printed} in the hall") == (time, "")


def test_a_24_hour_time_with_pm_is_read_and_doubted():
    assert clock("at 14:00pm") == ("14:00", 'printed "14:00pm"; read as 14:00')
