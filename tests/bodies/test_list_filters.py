"""The filters on the lists of meetings, actions and decisions, as the built pages hold them: the choices
each filter offers, in plain words, and each row's facets for the script to match (tests/browser/
test_list_filters.py drives it). The city council with a Planning Commission that lost a motion has two
committees; the city council alone has one, and is offered no filter by committee."""

from __future__ import annotations

from html.parser import HTMLParser

from tests.bodies.sites import main_of

MEETINGS = "meetings/index.html"
ACTIONS = "actions/index.html"
DECISIONS = "decisions/index.html"


class _Filters(HTMLParser):
    """The filters on a page (name -> label, [(value, words)]), the data attributes of its rows, and its scripts."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.labels: dict[str, str] = {}  # select id -> its label's words
        self.selects: dict[str, tuple[str, list[tuple[str, str]]]] = {}  # name -> (id, options)
        self.rows: list[dict[str, str]] = []
        self.forms: list[dict[str, str]] = []
        self.scripts: list[str] = []
        self._label: tuple[str, list[str]] | None = None
        self._option: list | None = None
        self._select = ""

    def handle_starttag(self, tag, attrs):
        a = {k: v or "" for k, v in attrs}
        if "data-row" in a:
            self.rows.append({k[5:]: v for k, v in a.items() if k.startswith("data-") and k != "data-label"})
        if tag == "form" and "data-list-filters" in a:
            self.forms.append(a)
        elif tag == "script":
            self.scripts.append(a.get("src", "inline"))
        elif tag == "label":
            self._label = (a.get("for", ""), [])
        elif tag == "select":
            self._select = a["name"]
            self.selects[a["name"]] = (a["id"], [])
        elif tag == "option":
            self._option = [a["value"], ""]

    def handle_endtag(self, tag):
        if tag == "label" and self._label:
            self.labels[self._label[0]] = "".join(self._label[1]).strip()
            self._label = None
        elif tag == "option" and self._option is not None:
            self.selects[self._select][1].append((self._option[0], self._option[1]))
            self._option = None

    def handle_data(self, data):
        if self._label:
            self._label[1].append(data)
        if self._option is not None:
            self._option[1] += data

    def offered(self, name: str) -> list[tuple[str, str]]:
        return self.selects[name][1]

    def label(self, name: str) -> str:
        return self.labels[self.selects[name][0]]


def read(site, page: str) -> _Filters:
    reader = _Filters()
    reader.feed((site / page).read_text(encoding="utf-8"))
    return reader


def row(page: _Filters, key: str) -> dict[str, str]:
    found = [r for r in page.rows if r["row"] == key]
    assert found and all(r == found[0] for r in found)  # a row listed twice is the same row
    return found[0]


# ---------------------------------------------------------------- two committees


def test_the_decisions_list_offers_each_result_minuted_by_its_word(two_committee_site):
    page = read(two_committee_site, DECISIONS)
    assert page.label("result") == "Result"
    assert page.offered("result") == [("", "Any result"), ("carried", "Carried"), ("lost", "Lost")]


def test_the_decisions_list_offers_each_committee_by_its_name(two_committee_site):
    page = read(two_committee_site, DECISIONS)
    assert page.label("committee") == "Meeting type"
    assert page.offered("committee") == [
        ("", "Any meeting type"),
        ("city-council", "City Council"),
        ("planning-commission", "Planning Commission"),
    ]


def test_the_decisions_list_offers_years_newest_first_themes_and_kinds(two_committee_site):
    page = read(two_committee_site, DECISIONS)
    assert page.offered("year") == [("", "Any year"), ("2020", "2020"), ("2019", "2019")]
    assert page.offered("theme") == [("", "Any theme"), ("parks", "Parks"), ("streets", "Streets")]
    assert page.offered("kind") == [("", "Any kind"), ("resolution", "Resolution"), ("motion", "Motion")]


def test_a_decision_row_carries_its_committee_year_themes_result_and_kind(two_committee_site):
    lost = row(read(two_committee_site, DECISIONS), "2019-07-09-planning-commission#decision-1")
    assert lost == {
        "row": "2019-07-09-planning-commission#decision-1",
        "committee": "planning-commission",
        "year": "2019",
        "theme": "streets",
        "result": "lost",
        "kind": "motion",
    }


def test_a_decision_listed_by_year_and_again_by_result_is_one_row_key_twice(two_committee_site):
    keys = [r["row"] for r in read(two_committee_site, DECISIONS).rows]
    assert keys.count("2019-07-09-planning-commission#decision-1") == 2
    assert len(set(keys)) == 7  # the city council's six and the commission's one


def test_the_meetings_list_offers_committees_years_and_themes(two_committee_site):
    page = read(two_committee_site, MEETINGS)
    assert sorted(page.selects) == ["committee", "theme", "year"]
    assert [value for value, _ in page.offered("committee")] == ["", "city-council", "planning-commission"]


def test_a_meeting_row_carries_its_committee_year_and_every_theme_of_its_items(two_committee_site):
    page = read(two_committee_site, MEETINGS)
    assert row(page, "2019-06-18-city-council") == {
        "row": "2019-06-18-city-council",
        "committee": "city-council",
        "year": "2019",
        "theme": "streets parks",
    }
    assert row(page, "2019-07-09-planning-commission")["committee"] == "planning-commission"


def test_an_action_row_carries_the_committee_and_themes_of_where_it_arose(two_committee_site):
    page = read(two_committee_site, ACTIONS)
    assert row(page, "2019-07-09-1") == {"row": "2019-07-09-1", "committee": "planning-commission", "theme": "streets"}


def test_a_filter_with_only_one_choice_is_not_offered(two_committee_site):
    # Every action arose in 2019: a year to choose from would choose nothing.
    page = read(two_committee_site, ACTIONS)
    assert "year" not in page.selects
    assert all("year" not in r for r in page.rows)


def test_the_action_tracker_offers_no_filter_by_status_as_it_lists_the_actions_under_each(two_committee_site):
    assert sorted(read(two_committee_site, ACTIONS).selects) == ["committee", "theme"]


def test_the_filters_are_hidden_until_the_script_shows_them_so_without_it_every_row_is_listed(two_committee_site):
    for list_page in (MEETINGS, ACTIONS, DECISIONS):
        page = read(two_committee_site, list_page)
        (form,) = page.forms
        assert "hidden" in form
        assert page.scripts == ["../assets/filters.js"]
        assert 'role="status" aria-live="polite"' in main_of(two_committee_site, list_page)


# ---------------------------------------------------------------- one committee


def test_an_archive_of_one_committee_offers_no_filter_by_committee(citycouncil_site):
    for list_page in (MEETINGS, ACTIONS, DECISIONS):
        page = read(citycouncil_site, list_page)
        assert "committee" not in page.selects, list_page
        assert all("committee" not in r for r in page.rows), list_page


def test_an_archive_of_one_committee_still_offers_the_filters_it_has_choices_for(citycouncil_site):
    page = read(citycouncil_site, DECISIONS)
    assert sorted(page.selects) == ["kind", "theme", "year"]  # every decision carried: no filter by result


def test_a_list_with_nothing_to_filter_has_no_filters_and_no_script(panel_site):
    page = read(panel_site, MEETINGS)  # one meeting, though it has several themes
    assert page.forms == [] and page.rows == [] and "../assets/filters.js" not in page.scripts
