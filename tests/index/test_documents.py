"""Search documents: one per agenda item and one per action, with what results show beside the index."""

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st
from lunr.index import Index

from minutebook.content.load import load_content
from minutebook.link import link
from minutebook.outputs.search import wire
from minutebook.outputs.search.documents import _names, documents
from minutebook.outputs.search.files import search_files
from minutebook.site.render import Renderer
from tests.conftest import ASSURANCE, FIXTURES, ROOT, copy_content
from tests.index.stock_lunr import reference_index


def built(content):
    archive = link(load_content(content))
    theme_names = {t.theme.slug: t.theme.name for t in archive.themes}
    return archive, documents(archive, Renderer(archive, ROOT / "templates").texts), theme_names


@pytest.fixture(scope="module")
def small():
    return built(FIXTURES / "small")


@pytest.fixture(scope="module")
def search_fixture():
    """The documents of tests/fixtures/search and their index, loaded in lunr.py."""
    _, docs, theme_names = built(FIXTURES / "search")
    return docs, Index.load(reference_index(docs, theme_names))


@pytest.fixture(scope="module")
def docs(small):
    return {d.key: d for d in small[1]}


def test_there_is_one_document_per_agenda_item_and_one_per_action(small):
    archive, docs, _ = small
    items = [f"{m.id}#{i.anchor}" for m in archive.meetings for i in m.agenda]
    actions = [f"action:{a.action.id}" for a in archive.actions]
    assert [d.key for d in docs] == items + actions
    assert [d.kind for d in docs] == ["item"] * len(items) + ["action"] * len(actions)


def test_an_item_links_to_its_anchor_on_its_meeting_page(docs):
    assert (
        docs["2019-04-30-monthly-assurance#item-2-1"].url == "meetings/2019-04-30-monthly-assurance/index.html#item-2-1"
    )


def test_an_items_text_is_its_own_section_of_the_minutes_as_plain_text(docs):
    text = docs["2019-04-30-monthly-assurance#item-2-1"].text
    assert "connected to the National ANPR (NAS) system" in text
    assert "None were discussed" not in text and "##" not in text and "Actions arising" in text


def test_an_item_carries_its_title_number_themes_and_meeting(docs):
    item = docs["2019-04-30-monthly-assurance#item-2-1"]
    assert (item.title, item.item_title, item.number, item.themes) == (
        "Roads policing",
        "Roads policing",
        "2.1",
        ("roads-policing",),
    )
    assert (item.meeting.title, item.meeting.year, item.meeting.type) == (
        "Monthly Assurance Meeting April 2019",
        2019,
        "Monthly Assurance Meeting",
    )


def test_people_are_named_by_the_abbreviation_of_their_role_that_day(docs):
    # "The PCC said ..." and "The DCC to review ..."; the CC is not named, though "PCC" and "DCC" contain "CC".
    assert docs["2019-04-30-monthly-assurance#item-2-1"].people == (
        ("John Campion, Police and Crime Commissioner", "PCC"),
        ("Amanda Blakeman, Deputy Chief Constable", "DCC"),
    )


def test_an_item_with_no_one_named_names_no_one(docs):
    assert docs["2019-04-30-monthly-assurance#item-1-1"].people == ()


def test_an_action_links_to_its_page_and_shows_the_item_it_arose_under(docs):
    action = docs["action:2019-04-30-1"]
    assert action.url == "actions/2019-04-30-1/index.html"
    assert (action.title, action.number, action.item_title, action.themes) == (
        "Action 2019-04-30-1",
        "2.1",
        "Roads policing",
        ("roads-policing",),
    )


def test_an_action_has_its_current_status_and_the_notes_of_later_updates(docs):
    action = docs["action:2019-04-30-1"]
    assert action.status == "Completed"
    assert action.text.splitlines() == [
        "The DCC to review the success criteria in the ANPR business case to see if they have been achieved.",
        "The success criteria were reviewed.",
    ]


def test_an_actions_owner_is_named_with_the_role_they_held_when_it_arose(docs):
    assert docs["action:2019-04-30-1"].people == (("Amanda Blakeman, Deputy Chief Constable", "DCC"),)


def shipped(archive) -> tuple[dict, dict[str, dict], dict[str, dict]]:
    """What search/index.js (with the words files' under "words", by range), the term files and the text files
    set, read back."""
    files = search_files(archive, Renderer(archive, ROOT / "templates").texts)
    _, _, data = wire.read(wire.MAIN, files.pop(wire.MAIN))
    read = {wire.WORDS_GLOBAL: {}, wire.TERMS_GLOBAL: {}, wire.TEXTS_GLOBAL: {}}
    for path, script in files.items():
        name, key, value = wire.read(path, script)
        read[name][key] = value
    data["words"] = read[wire.WORDS_GLOBAL]
    return data, read[wire.TERMS_GLOBAL], read[wire.TEXTS_GLOBAL]


def stored(data, terms, texts) -> tuple[list[dict], list[dict]]:
    """Meetings, and documents in ref order: items meeting by meeting, then actions (as assets/search/postings.js
    reads them)."""
    meetings = [
        dict(zip(("id", "t", "d", "dl", "y", "ty", "items", "actions"), m, strict=False)) for m in data["meetings"]
    ]
    items = [{**d, "m": n} for n, m in enumerate(meetings) for d in texts[m["id"]]["items"]]
    actions = [{**d, "m": n} for n, m in enumerate(meetings) for d in texts[m["id"]]["actions"]]
    docs = items + actions
    for doc, entry in zip(docs, data["docs"], strict=True):
        doc["th"] = [data["themeOrder"][t] for t in entry[3:]]
    return meetings, docs


def test_each_meeting_is_stored_once_and_each_document_in_ref_order(small):
    archive, docs, _ = small
    data, terms, texts = shipped(archive)
    meetings, stored_docs = stored(data, terms, texts)
    assert data["years"] == [["2019", 0]] and sorted(terms) == ["2019-0"]
    assert [m["t"] for m in meetings] == [m.title for m in archive.meetings]
    assert {k: meetings[0][k] for k in ("t", "d", "dl", "y", "ty")} == {
        "t": "Monthly Assurance Meeting April 2019",
        "d": "2019-04-30",
        "dl": "30 April 2019",
        "y": "2019",
        "ty": "Monthly Assurance Meeting",
    }
    assert [d["u"] for d in stored_docs] == [d.url for d in docs]
    assert data["themes"]["roads-policing"]["n"] == "Roads policing"


def test_a_stored_action_says_what_its_result_shows(small):
    action = stored(*shipped(small[0]))[1][-1]
    assert {k: action[k] for k in ("m", "n", "t", "it", "s", "th")} == {
        "m": 0,
        "n": "2.1",
        "t": "Action 2019-04-30-1",
        "it": "Roads policing",
        "s": "Completed",
        "th": ["roads-policing"],
    }


def test_each_year_has_its_own_term_files_and_each_meeting_its_own_text_file():
    archive = link(load_content(FIXTURES / "search"))
    data, terms, texts = shipped(archive)
    assert data["years"] == [["2019", 0], ["2020", 1]] and sorted(terms) == ["2019-0", "2020-0"]
    assert sorted(texts) == [m.id for m in archive.meetings]
    assert (
        "2020" in terms["2020-0"][0] and "2020" not in terms["2019-0"][0]
    )  # the year field, in each year's one meeting


def test_index_refs_are_places_in_the_store(small):
    archive, docs, theme_names = small
    index = Index.load(reference_index(docs, theme_names))
    stored_docs = stored(*shipped(archive))[1]
    assert stored_docs[int(index.search("confidence")[0]["ref"])]["t"] == "Confidence"


@pytest.mark.parametrize("content", ["small", "search"])
def test_the_words_files_hold_every_term_of_stock_lunrs_index_and_no_other(content):
    archive, docs, theme_names = built(FIXTURES / content)
    data = shipped(archive)[0]
    held = [term for number in sorted(data["words"]) for term in wire.unfront_coded(data["words"][number])]
    assert held == sorted(term for term, _ in reference_index(docs, theme_names)["invertedIndex"])


def test_words_are_stemmed_and_stop_words_left_out(small):
    _, docs, theme_names = small
    terms = {term for term, _ in reference_index(docs, theme_names)["invertedIndex"]}
    assert {"achiev", "review", "polic", "anpr"} <= terms
    assert not {"the", "to", "if", "achieved"} & terms


def test_a_word_in_a_title_ranks_above_the_same_word_in_a_body(search_fixture):
    docs, index = search_fixture
    # "patrols" is once in the title of one item and twice in the body of another.
    assert [stored_title(docs, r) for r in index.search("patrols")] == ["Neighbourhood patrols", "Any other business"]


def test_a_theme_ranks_above_a_mention_in_the_body(search_fixture):
    docs, index = search_fixture
    # "crime" is in the Burglary item's theme, "Neighbourhood crime"; elsewhere only in bodies and roles.
    assert stored_title(docs, index.search("crime")[0]) == "Burglary"


def test_the_search_scripts_set_their_globals_and_nothing_in_the_minutes_can_end_them():
    archive = link(load_content(FIXTURES / "search"))
    files = search_files(archive, Renderer(archive, ROOT / "templates").texts)
    assert files["search/index.js"].decode().startswith("window.MINUTEBOOK_SEARCH=")
    assert not any(b"</" in script for script in files.values())
    assert any("<script>alert('minutes')</script>" in d["x"] for d in stored(*shipped(archive))[1])


def stored_title(docs, result):
    return docs[int(result["ref"])].title


@pytest.mark.parametrize(
    "terms",
    [
        ["zebra", "apple", "mango", "banana"],
        ["\ufb01x", "\U0001d538bc", "abc", "\uffefz", "\U0001f600"],  # beyond U+FFFF, JavaScript sorts by UTF-16 units
    ],
)
def test_terms_are_sorted_and_shared_out_among_ranges_as_javascript_compares_strings(terms):
    from minutebook.outputs.search.files import _sorted_by_range
    from minutebook.outputs.search.layout import RANGE_STARTS

    in_js_order = sorted(terms, key=lambda t: t.encode("utf-16-be"))
    ordered, ranges = _sorted_by_range(set(terms), RANGE_STARTS)
    assert ordered == in_js_order
    assert [t for r in ranges for t in r] == in_js_order
    for start, next_start, in_range in zip(RANGE_STARTS, (*RANGE_STARTS[1:], None), ranges, strict=True):
        assert all(start.encode("utf-16-be") <= t.encode("utf-16-be") for t in in_range)
        assert next_start is None or all(t.encode("utf-16-be") < next_start.encode("utf-16-be") for t in in_range)


def test_a_lettered_item_is_numbered_in_the_context_of_the_item_above_it():
    _, docs, _ = built(ASSURANCE)
    by_key = {d.key: d for d in docs}
    assert by_key["2018-02-27-monthly-assurance#item-d"].number == "2.1(d)"
    assert by_key["2016-10-19-monthly-assurance#item-4a"].number == "4a"
    assert by_key["2019-04-30-monthly-assurance#item-2-1"].number == "2.1"


def test_search_index_names_each_person_with_their_page_and_roles_and_each_abbreviation(small):
    archive = small[0]
    data = shipped(archive)[0]
    people = {name: (url, about, roles) for name, url, about, roles in data["people"]}
    assert people["Amanda Blakeman"] == (
        "people/amanda-blakeman/index.html",
        "Deputy Chief Constable (DCC), 30 April 2019; 1 meeting attended; 1 action owned",
        "Deputy Chief Constable (DCC)",
    )
    assert ["ANPR", "Automatic Number Plate Recognition"] in data["glossary"]


def test_a_person_in_one_role_at_two_committees_is_summed_up_with_that_role_once(tmp_path):
    content = copy_content(FIXTURES / "committees", tmp_path / "content")
    planning = content / "meetings" / "2020-02-11-planning-commission.md"
    commissioner = "  - person: samuel-price\n    role: Commissioner\n"
    planning.write_text(
        planning.read_text().replace(commissioner, commissioner + "  - person: luis-ortega\n    role: Councilmember\n")
    )
    data = shipped(link(load_content(content)))[0]
    people = {name: (about, roles) for name, _, about, roles in data["people"]}
    # His page lists the two committees' runs apart; the result names the role once, first meeting to last.
    assert people["Luis Ortega"] == (
        "Councilmember, June 4, 2019 to February 11, 2020; 4 meetings attended",
        "Councilmember",
    )


def test_an_action_with_no_owner_names_nobody_for_its_item():
    _, docs, _ = built(ASSURANCE)
    item = {d.key: d for d in docs}["2021-12-20-monthly-assurance#item-2-1"]  # its action names no owner
    assert all(name for name, _ in item.people)


@pytest.mark.parametrize(
    ("text", "abbreviation", "named"),
    [
        ("The DCC said the plan was sound.", "DCC", True),
        ("The DCCs said so.", "DCC", False),  # a letter after it: another word
        ("ADCC said so.", "DCC", False),  # a letter before it
        ("T&DCC said so.", "DCC", False),  # an ampersand before it joins it to a name
        ("(DCC) said so; the DCC agreed.", "DCC", True),
        ("B-B-B", "B-B", True),  # where it stands twice, overlapping
        ("xB-B-B", "B-B", True),  # the second place stands alone though the first does not
        ("", "DCC", False),
    ],
)
def test_a_role_is_named_only_where_its_abbreviation_stands_as_a_word(text, abbreviation, named):
    assert _names(text, abbreviation) is named


@given(st.text(alphabet="AB-&_ .é1²x", max_size=14), st.text(alphabet="AB-&.1", min_size=1, max_size=3))
def test_an_abbreviation_stands_alone_where_a_word_boundary_pattern_finds_it(text, abbreviation):
    alone = re.search(rf"(?<![\w&]){re.escape(abbreviation)}(?!\w)", text) is not None
    assert _names(text, abbreviation) is alone
