"""What was decided, as a reader finds it: each decision under its item on the meeting page, the
decisions page across the archive, and each member's page. The city council minutes motions with
roll calls; the parish minutes resolutions with counts; the assurance archive records none."""

import re
import shutil

from tests.bodies.sites import CITY, DECEMBER, JANUARY, JUNE, NOVEMBER, build, main_of
from tests.bodies.sites import text as spaced

DECISIONS = "decisions/index.html"
INLINE = re.compile(r"</?(a|strong|abbr|span|time)\b[^>]*>")


def text(html: str) -> str:
    """What a reader sees: as `sites.text`, but a link or emphasis inside a sentence adds no space."""
    return spaced(INLINE.sub("", html))


def _decision(site, page: str, anchor: str) -> str:
    """One decision's block on a meeting page, as HTML."""
    html = main_of(site, page)
    start = html.index(f'<div class="decision" id="{anchor}">')
    return html[start : html.index("</div>", start)]


def test_a_decision_is_shown_under_the_item_it_was_made_under(citycouncil_site):
    html = main_of(citycouncil_site, JUNE)
    item_b = html[html.index('id="item-b"') : html.index('id="item-adjournment"')]
    assert "To award the playground replacement contract to Northwind Play Structures" in text(item_b)


def test_a_decision_names_its_kind_and_number_as_its_heading(citycouncil_site):
    assert "<h3>Resolution 2019-14</h3>" in _decision(citycouncil_site, JUNE, "decision-2")


def test_a_decision_says_who_moved_and_who_seconded_it(citycouncil_site):
    shown = text(_decision(citycouncil_site, JUNE, "decision-2"))
    assert "Moved by Teresa Boyd, seconded by Samuel Price." in shown


def test_a_decision_gives_its_result_with_the_counts(citycouncil_site):
    assert "Result: Carried, 5 for, 0 against." in text(_decision(citycouncil_site, JUNE, "decision-2"))


def test_a_roll_call_is_a_table_with_a_caption_and_each_members_vote(citycouncil_site):
    block = _decision(citycouncil_site, JUNE, "decision-2")
    assert "<caption>Roll call on Resolution 2019-14: how each member voted</caption>" in block
    assert '<th scope="col">Member</th><th scope="col">Vote</th>' in block
    assert "Martin Yoder Absent" in text(block)
    assert text(block).count(" For") == 5


def test_a_decision_without_a_roll_call_has_no_table(citycouncil_site):
    assert "<table" not in _decision(citycouncil_site, JUNE, "decision-1")


def test_counts_minuted_with_an_abstention_are_given_in_full(parish_site):
    assert "Result: Carried, 2 for, 0 against, 1 abstaining." in text(main_of(parish_site, NOVEMBER))


def test_a_decision_minuted_without_counts_gives_its_result_alone(parish_site):
    assert "Result: Carried." in text(_decision(parish_site, NOVEMBER, "decision-1"))


def test_a_meeting_page_without_decisions_shows_nothing_of_them(real_site):
    for page in sorted((real_site / "meetings").glob("*/index.html")):
        html = page.read_text(encoding="utf-8")
        assert 'class="decision"' not in html and "Roll call" not in html, page


def test_the_decisions_page_lists_meetings_newest_first_and_each_meetings_in_agenda_order(citycouncil_site):
    listed = text(main_of(citycouncil_site, DECISIONS))
    year_2019 = listed[listed.index("Decisions in 2019") : listed.index("By result", listed.index("Decisions in 2019"))]
    order = [year_2019.index(words) for words in ("Resolution 2019-14", "Northwind", "June 4, 2019, item A")]
    assert order == sorted(order)


def test_the_decisions_page_links_each_decision_to_its_place_on_its_meeting_page(citycouncil_site):
    html = main_of(citycouncil_site, DECISIONS)
    assert '<a href="../meetings/2019-06-18-city-council/index.html#decision-2">Resolution 2019-14</a>' in html


def test_the_decisions_page_names_each_decisions_meeting_item_and_result(citycouncil_site):
    listed = text(main_of(citycouncil_site, DECISIONS))
    assert "June 18, 2019, item A Carried, 5 for, 0 against" in listed


def test_the_decisions_page_can_be_narrowed_to_a_year(citycouncil_site):
    html = main_of(citycouncil_site, DECISIONS)
    assert '<a href="#year-2020">2020 (1)</a>' in html and '<h2 id="year-2020">2020</h2>' in html


def test_the_decisions_page_can_be_narrowed_to_a_result(parish_site):
    html = main_of(parish_site, DECISIONS)
    assert '<a href="#result-carried">Carried (3)</a>' in html and '<h3 id="result-carried">Carried</h3>' in html


def test_the_navigation_links_to_the_decisions_where_there_are_any(citycouncil_site):
    page = (citycouncil_site / JANUARY).read_text(encoding="utf-8")
    assert re.search(r'<nav class="site-nav".*href="../../decisions/index.html"', page, re.DOTALL)


def test_an_archive_without_decisions_has_no_decisions_page_or_link(real_site):
    assert not (real_site / "decisions").exists()
    for page in sorted(real_site.rglob("*.html")):
        assert "decisions/index.html" not in page.read_text(encoding="utf-8"), page


def test_a_members_page_lists_the_motions_they_moved(citycouncil_site):
    shown = text(main_of(citycouncil_site, "people/martin-yoder/index.html"))
    assert "Motions moved or seconded (1)" in shown
    assert "January 7, 2020, CONSENT AGENDA Moved Carried" in shown


def test_a_members_page_lists_how_they_voted(citycouncil_site):
    shown = text(main_of(citycouncil_site, "people/martin-yoder/index.html"))
    assert "Votes (4)" in shown
    assert "June 18, 2019, item A Absent Carried, 5 for, 0 against" in shown


def test_a_person_who_neither_moved_nor_voted_has_no_such_sections(citycouncil_site):
    shown = main_of(citycouncil_site, "people/robert-haines/index.html")
    assert 'id="moved"' not in shown and 'id="votes"' not in shown


def test_a_parish_resolutions_count_is_what_its_minutes_say(parish_site):
    """The fixture is faithful to its text: the counts shown are the ones the minutes give."""
    shown = text(main_of(parish_site, DECEMBER))
    assert "RESOLVED, by 2 votes to 0, that the precept" in shown
    assert "Result: Carried, 2 for, 0 against." in shown


def test_where_the_archive_holds_several_kinds_of_meeting_the_decisions_page_names_each_ones(tmp_path):
    content = shutil.copytree(CITY, tmp_path / "content")
    old = content / "meetings/2020-01-07-city-council.md"
    (content / "meetings/2020-01-07-special.md").write_text(
        old.read_text(encoding="utf-8").replace("type: City Council\nvenue", "type: Special Meeting\nvenue", 1),
        encoding="utf-8",
    )
    old.unlink()
    site = build(content, tmp_path / "site")
    listed = text(main_of(site, DECISIONS))
    assert "Meeting type" in listed
    assert "January 7, 2020, CONSENT AGENDA Special Meeting Carried" in listed
