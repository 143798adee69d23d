"""Decisions as search results of their own: the search code run under node over the city council's
minutes with a lost motion added (tests/bodies/sites.city_with_a_lost_motion)."""

import pytest

from tests.bodies.sites import LOST_MOTION_MEETING, city_with_a_lost_motion
from tests.conftest import ASSURANCE
from tests.index.lunr_node import SearchPage, write_search_data

LOST = f"meetings/{LOST_MOTION_MEETING}/index.html#decision-1"
TIP = "meetings/2019-06-18-city-council/index.html#decision-2"


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    content = city_with_a_lost_motion(tmp_path_factory.mktemp("city") / "content")
    page = SearchPage(write_search_data(content, tmp_path_factory.mktemp("site") / "search" / "index.js"))
    yield page
    page.close()


def find(engine, text: str, filters: dict | None = None) -> list[dict]:
    (answer,) = engine.searches([[text, filters or {}]])
    assert "error" not in answer, answer.get("error")
    return answer["results"]


def decisions(results: list[dict]) -> list[dict]:
    return [r for r in results if r["kind"] == "decision"]


def test_a_word_from_a_decisions_text_finds_the_decision(engine):
    found = decisions(find(engine, "reserve "))
    assert [r["url"] for r in found] == [LOST]


def test_a_decision_results_heading_is_its_label_then_its_own_words(engine):
    (lost,) = decisions(find(engine, "reserve "))
    assert (
        lost["title"] == "Motion 2020/07: To build a fenced dog park at Alder Field, funded from the parks [reserve]."
    )


def test_the_line_under_a_decision_result_says_its_result_and_counts(engine):
    (lost,) = decisions(find(engine, "reserve "))
    assert lost["status"] == "Lost, 2 for, 4 against"


def test_decisions_without_a_number_are_told_apart_by_their_headings(engine):
    found = decisions(find(engine, "consent ", {"kind": "decision"}))
    titles = [r["title"] for r in found]
    assert len(found) > 1 and len(set(titles)) == len(titles)
    assert all(t.startswith("Motion: To approve the [consent] agenda") for t in titles)


def test_a_long_decision_is_headed_by_its_first_words_cut_at_a_word(engine):
    found = decisions(find(engine, "claims vouchers ", {"kind": "decision"}))
    assert [r["title"] for r in found] == [
        "Motion: To approve the consent agenda, including the minutes of May 21, 2019 and [claims] …"
    ]


def test_a_decision_result_names_the_item_it_was_made_under(engine):
    (lost,) = decisions(find(engine, "reserve "))
    assert (lost["number"], lost["itemTitle"]) == ("C", "Fenced dog park at Alder Field")


def test_a_decision_under_an_unnumbered_item_gives_no_number_as_the_title_names_the_item(engine):
    found = decisions(find(engine, "consent ", {"kind": "decision"}))
    assert found and {(r["number"], r["itemTitle"]) for r in found} == {
        ("", "[CONSENT] AGENDA")
    }  # the word searched for marked


def test_a_decisions_number_as_printed_finds_it_first(engine):
    assert find(engine, "2020/07")[0]["url"] == LOST


def test_a_resolutions_number_finds_the_resolution_first(engine):
    assert find(engine, "Resolution 2019-14")[0]["url"] == TIP


def test_a_lost_motion_is_found_with_the_result_filter_lost(engine):
    assert [r["url"] for r in find(engine, "dog park ", {"result": "lost"})] == [LOST]


def test_a_lost_motion_is_not_found_with_the_result_filter_carried(engine):
    assert find(engine, "dog park ", {"result": "carried"}) == []


def test_the_result_filter_keeps_only_decisions_with_that_result(engine):
    carried = find(engine, "consent ", {"result": "carried"})
    assert carried and {(r["kind"], r["result"]) for r in carried} == {("decision", "carried")}


def test_the_kind_filter_keeps_only_decisions(engine):
    found = find(engine, "park ", {"kind": "decision"})
    assert found and {r["kind"] for r in found} == {"decision"}


def test_the_item_a_decision_was_made_under_is_still_found(engine):
    assert f"meetings/{LOST_MOTION_MEETING}/index.html#item-c" in [r["url"] for r in find(engine, "dog park ")]


def test_a_decision_is_found_by_who_moved_it(engine):
    assert LOST in [r["url"] for r in find(engine, "Yoder ", {"kind": "decision"})]


def test_an_archive_without_decisions_has_no_decisions_in_its_index(tmp_path):
    index = write_search_data(ASSURANCE, tmp_path / "search" / "index.js").read_text(encoding="utf-8")
    assert '"decisions"' not in index


def test_the_result_filter_alone_lists_every_decision_with_that_result(engine):
    assert [r["url"] for r in find(engine, "", {"result": "lost"})] == [LOST]
