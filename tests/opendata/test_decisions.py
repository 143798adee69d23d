"""The decisions in data/meetings.json: what was decided, by whom and how each member voted, as the minutes
record it, with nothing made up where they record nothing."""

import csv
import io
import json
import posixpath

import pytest

from minutebook.outputs.opendata import DECISION_CSV_FIELDS
from tests.bodies.sites import PARISH, build


@pytest.fixture(scope="module")
def city_meetings(citycouncil_site):
    site = citycouncil_site
    return site, {m["id"]: m for m in json.loads((site / "data/meetings.json").read_text("utf-8"))["meetings"]}


def test_each_meeting_lists_its_decisions_in_the_order_minuted(city_meetings):
    _, meetings = city_meetings
    june = meetings["2019-06-18-city-council"]["decisions"]
    assert [(d["item"], d["kind"], d["number"]) for d in june] == [
        ("CONSENT AGENDA", "motion", None),
        ("A", "resolution", "Resolution 2019-14"),
        ("B", "motion", None),
    ]


def test_a_decision_names_its_mover_and_seconder_and_gives_its_result_and_counts(city_meetings):
    _, meetings = city_meetings
    resolution = meetings["2019-06-18-city-council"]["decisions"][1]
    assert resolution["moved"] == {"id": "teresa-boyd", "name": "Teresa Boyd"}
    assert resolution["seconded"] == {"id": "samuel-price", "name": "Samuel Price"}
    assert (resolution["result"], resolution["counts"]) == ("carried", {"for": 5, "against": 0, "abstain": None})


def test_a_roll_call_gives_each_members_vote(city_meetings):
    _, meetings = city_meetings
    votes = meetings["2019-06-18-city-council"]["decisions"][1]["votes"]
    assert votes[-1] == {"id": "martin-yoder", "name": "Martin Yoder", "vote": "absent"}
    assert [v["vote"] for v in votes].count("for") == 5


def test_a_decision_without_a_roll_call_has_no_votes(city_meetings):
    _, meetings = city_meetings
    assert meetings["2019-06-18-city-council"]["decisions"][0]["votes"] == []


def test_a_decisions_permalink_leads_to_it_on_its_meeting_page(city_meetings):
    site, meetings = city_meetings
    url = meetings["2019-06-18-city-council"]["decisions"][1]["url"]
    page, anchor = url.split("#")
    assert anchor == "decision-2"
    assert f'id="{anchor}"' in (site / posixpath.normpath(posixpath.join("data", page)) / "index.html").read_text(
        "utf-8"
    )


def test_a_decision_minuted_without_mover_or_counts_gives_null_for_them(tmp_path):
    site = build(PARISH, tmp_path / "site")
    november = json.loads((site / "data/meetings.json").read_text("utf-8"))["meetings"][0]
    minutes = november["decisions"][0]
    assert (minutes["moved"], minutes["seconded"], minutes["counts"]) == (None, None, None)
    assert november["decisions"][1]["counts"] == {"for": 2, "against": 0, "abstain": 1}


def test_a_meeting_without_decisions_has_an_empty_list(real_site):
    meetings = json.loads((real_site / "data/meetings.json").read_text("utf-8"))["meetings"]
    assert all(m["decisions"] == [] for m in meetings)


def _rows(site):
    return list(csv.DictReader(io.StringIO((site / "data/decisions.csv").read_text("utf-8"), newline="")))


def test_the_spreadsheet_has_a_row_per_decision_with_the_documented_columns(city_meetings):
    site, meetings = city_meetings
    rows = _rows(site)
    assert list(rows[0]) == [f.name for f in DECISION_CSV_FIELDS]
    assert len(rows) == sum(len(m["decisions"]) for m in meetings.values())


def test_the_spreadsheet_gives_the_roll_call_and_its_tally(city_meetings):
    site, _ = city_meetings
    row = next(r for r in _rows(site) if r["number"] == "Resolution 2019-14")
    assert (row["votes_for"], row["votes_against"], row["abstentions"]) == ("5", "0", "")
    assert row["roll_call"].endswith(";teresa-boyd=for;martin-yoder=absent")


def test_an_archive_without_decisions_publishes_no_decisions_file_or_dataset(real_site):
    assert not (real_site / "data/decisions.csv").exists()
    assert "decisions.csv" not in (real_site / "data/index.html").read_text("utf-8")


def test_the_data_page_lists_the_decisions_where_there_are_any(city_meetings):
    site, _ = city_meetings
    assert "Download decisions.csv" in (site / "data/index.html").read_text("utf-8")
