"""What the search page finds: the search code (assets/search/, joined as the build joins it) run under node
over the index of tests/fixtures/search.

Results are shown as the page shows them, with [brackets] where it highlights.
"""

import json
import re
import shutil

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bench.generate import write_archive
from minutebook.content.load import load_content
from minutebook.link import link
from minutebook.outputs.search.layout import ahead_attributes
from tests.conftest import ASSURANCE, FIXTURES
from tests.index.lunr_node import LUNR_JS, SEARCH_AHEAD_JS, SEARCH_JS, SearchPage, node, write_search_data

ROADS = "meetings/2019-04-30-monthly-assurance/index.html#item-1"
BURGLARY = "meetings/2019-04-30-monthly-assurance/index.html#item-2"
LETTER = "meetings/2019-04-30-monthly-assurance/index.html#item-3"
CONFIDENCE = "meetings/2020-05-28-performance/index.html#item-1"
PATROLS = "meetings/2020-05-28-performance/index.html#item-2"
ACTION = "actions/2019-04-30-1/index.html"


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    page = SearchPage(write_search_data(FIXTURES / "search", tmp_path_factory.mktemp("site") / "search" / "index.js"))
    yield page
    page.close()


def find(engine, *calls):
    answers = engine.searches(list(calls))
    assert not [a["error"] for a in answers if "error" in a]
    for answer in answers:
        del answer["loaded"], answer["asked"]  # what the page had loaded by then; see the tests of loading on demand
    return answers if len(calls) > 1 else answers[0]


def urls(found):
    return [r["url"] for r in found["results"]]


def test_a_word_finds_every_document_that_has_it_best_first(engine):
    found = find(engine, "burglary ")
    assert urls(found) == [BURGLARY]
    assert found["mode"] == "words"


def test_every_word_must_be_found(engine):
    found = find(engine, "burglary victim ")
    assert urls(found) == [BURGLARY]
    assert found["mode"] == "words"


def test_when_no_document_has_every_word_those_with_some_of_them_are_shown_with_what_they_lack(engine):
    found = find(engine, "burglary cameras ")
    assert found["mode"] == "some"
    assert {r["url"]: r["lacking"] for r in found["results"]} == {BURGLARY: ["cameras"], ROADS: ["burglary"]}


def test_words_are_matched_by_their_stem(engine):
    assert set(urls(find(engine, "camera "))) == {ROADS}
    assert urls(find(engine, "burglaries ")) == [BURGLARY]


def test_stop_words_in_a_query_exclude_nothing(engine):
    with_them, without = find(engine, "the burglary of a ", "burglary ")
    assert urls(with_them) == urls(without) == [BURGLARY]


def test_an_unfinished_last_word_finds_the_words_it_begins(engine):
    assert urls(find(engine, "burgl")) == [BURGLARY]
    assert ROADS in urls(find(engine, "ANP"))


def test_the_first_letter_of_a_next_word_waits_for_the_next_letter(engine):
    typing, whole = find(engine, "burglary v", "burglary ")
    assert (typing["mode"], urls(typing)) == (whole["mode"], urls(whole)) == ("words", [BURGLARY])


def test_a_word_typed_with_its_apostrophe_s_is_whole_not_a_beginning(engine):
    # "ANP" is the beginning of "ANPR"; "ANP's" is a whole word, which no document has.
    beginning, whole = find(engine, "ANP", "ANP’s")
    assert ROADS in urls(beginning) and urls(whole) == []


def test_an_unfinished_word_longer_than_its_stem_still_finds_the_word(engine):
    # "operational" is held as "oper"; "operati" is neither it nor a beginning of it.
    found = find(engine, "operati")
    assert urls(found) == [ROADS]
    assert "[operational]" in found["results"][0]["snippet"]


def test_a_misspelt_word_finds_close_spellings_when_nothing_matches_exactly(engine):
    found = find(engine, "burglery")
    assert found["mode"] == "fuzzy"
    assert urls(found) == [BURGLARY]
    assert "[burglary]" in found["results"][0]["snippet"].lower()


def test_close_spellings_are_not_tried_when_the_word_is_found(engine):
    assert find(engine, "roads ")["mode"] == "words"


def test_a_quoted_phrase_matches_only_where_its_words_stand_together(engine):
    loose, phrase = find(engine, "force priority ", '"force priority"')
    assert set(urls(loose)) == {ROADS, BURGLARY}
    assert urls(phrase) == [ROADS]
    assert "[force] [priority]" in phrase["results"][0]["snippet"]


def test_a_phrase_may_hold_stop_words_and_other_forms_of_its_words(engine):
    assert urls(find(engine, '"visit every victim"')) == [BURGLARY]
    assert urls(find(engine, '"victim every visit"')) == []
    assert urls(find(engine, '"visiting every victims"')) == [BURGLARY]


def test_an_unclosed_quote_runs_to_the_end(engine):
    assert urls(find(engine, '"force priority')) == [ROADS]


def test_curly_quotes_make_a_phrase_as_straight_ones_do(engine):
    assert urls(find(engine, "“force priority”")) == urls(find(engine, '"force priority"')) == [ROADS]
    assert urls(find(engine, "„force priority“")) == [ROADS]


@pytest.mark.parametrize("query", ["the the", "of and of", "to be or not to be"])
def test_common_words_repeated_are_still_only_common_words(engine, query):
    assert find(engine, query)["mode"] == "common"


@pytest.mark.parametrize("query", ["::", '"', "\\", "😀", "– …"])
def test_punctuation_or_symbols_alone_are_no_word_at_all(engine, query):
    found = find(engine, query)
    assert (found["mode"], found["results"]) == ("nothing", [])


@pytest.mark.parametrize(
    "query, expected",
    [
        ("title:burglary", [BURGLARY]),
        ("+public +confidence", [CONFIDENCE, LETTER]),
        ("confidence -public", []),
        ("burglery~1", [BURGLARY]),
        ("burgl*", [BURGLARY]),
        ("title: burglary", [BURGLARY]),
    ],
)
def test_lunrs_query_language_is_honoured(engine, query, expected):
    found = find(engine, query)
    assert found["mode"] == "syntax"
    assert urls(found) == expected


def test_a_quoted_phrase_and_the_query_language_work_together(engine):
    assert urls(find(engine, '"force priority" -burglary')) == [ROADS]
    assert urls(find(engine, '"first priority" -burglary')) == []


def test_a_boost_lifts_a_word_above_the_others(engine):
    plain, boosted = find(engine, "title:confidence patrols", "title:confidence^10 patrols")
    assert urls(plain)[0] == PATROLS and urls(boosted)[0] == CONFIDENCE


def test_a_fuzzy_search_is_limited_to_two_edits(engine):
    wide, two = find(engine, "roads~20", "roads~2")
    assert urls(wide) == urls(two)


@pytest.mark.parametrize(
    "query",
    [
        "title:",
        '"unclosed',
        "+",
        "~~",
        "foo^",
        "*:*",
        "-",
        "::",
        "^^^",
        "nofield:roads",
        'title:"',
        "\\",
        "~2",
        "*",
        "+-",
        "a:b:c",
    ],
)
def test_broken_syntax_never_throws(engine, query):
    assert find(engine, query)["mode"] in ("words", "fuzzy", "syntax", "common", "some", "nothing")


def test_broken_syntax_is_searched_as_plain_words(engine):
    for query in ("burglary^", "burglary~", "+burglary -", "burglary title:", "Title:burglary"):
        assert urls(find(engine, query)) == [BURGLARY], query


@settings(max_examples=1, deadline=None)
@given(
    st.lists(
        st.text(alphabet=st.sampled_from(list("abc roadsburglary:+-~^*\"\\'()<>/")), max_size=20),
        min_size=200,
        max_size=200,
    )
)
def test_nothing_typed_makes_the_search_throw(engine, queries):
    assert all("error" not in answer for answer in engine.searches(queries))


def test_words_split_where_the_index_split_them(engine):
    # The minutes write "<script>alert('minutes')</script>"; "alert" is a word of its own.
    assert urls(find(engine, "alert ")) == [LETTER]


def test_text_from_the_minutes_comes_back_as_text(engine):
    snippet = find(engine, "alert ")["results"][0]["snippet"]
    assert "<script>[alert]('minutes')</script>" in snippet


def test_a_name_finds_what_the_person_said_under_their_role(engine):
    found = find(engine, "blakeman ")
    assert urls(found) == [ROADS, ACTION]
    assert (
        found["results"][0]["people"]
        == "John Campion, Police and Crime Commissioner; Amanda [Blakeman], Deputy Chief Constable"
    )


def test_an_action_result_shows_the_item_it_arose_under(engine):
    found = find(engine, "roads ")
    action = next(r for r in found["results"] if r["kind"] == "action")
    assert (action["title"], action["itemTitle"]) == ("Action 2019-04-30-1", "[Roads] policing")


def test_actions_are_searched_with_the_notes_of_their_updates(engine):
    assert urls(find(engine, "criteria ")) == [ACTION]


@pytest.mark.parametrize(
    "query, filters, expected",
    [
        ("PCC ", {"year": "2020"}, {CONFIDENCE, PATROLS}),
        ("PCC ", {"type": "Monthly Assurance Meeting"}, {ROADS}),
        ("PCC ", {"theme": "public-confidence"}, {CONFIDENCE}),
        ("DCC ", {"kind": "action"}, {ACTION}),
        ("DCC ", {"kind": "item"}, {ROADS}),
        ("PCC ", {"kind": "item", "year": "2019"}, {ROADS}),
    ],
)
def test_each_filter_keeps_only_what_it_names(engine, query, filters, expected):
    narrowed, everything = find(engine, [query, filters], query)
    assert set(urls(narrowed)) == expected < set(urls(everything))
    assert narrowed["unfiltered"] == len(everything["results"])


def test_filters_alone_list_everything_they_keep_newest_first(engine):
    found = find(engine, ["", {"type": "Monthly Assurance Meeting"}])
    assert found["mode"] == "browse"
    assert urls(found) == [ROADS, BURGLARY, LETTER, ACTION]


def test_nothing_typed_and_no_filters_shows_nothing(engine):
    assert find(engine, "  ") == {"mode": "idle", "unfiltered": 0, "results": [], "people": [], "also": []}


def test_the_snippet_is_the_stretch_with_the_most_matched_words(engine):
    snippet = find(engine, "patrols street ")["results"][0]["snippet"]
    assert "[patrols] had once been seen in every [street]" in snippet


def test_a_long_text_is_cut_to_a_snippet_marked_where_it_was_cut(tmp_path):
    content = shutil.copytree(FIXTURES / "search", tmp_path / "content")
    meeting = content / "meetings/2020-05-28-performance.md"
    filler = " ".join(["The PCC asked for the survey to be repeated."] * 20)
    meeting.write_text(
        meeting.read_text().replace(
            "Public confidence in the police had risen.", f"{filler} Public trust had risen. {filler}"
        )
    )
    page = SearchPage(write_search_data(content, tmp_path / "search" / "index.js"))
    snippet = find(page, "trust ")["results"][0]["snippet"]
    page.close()
    assert snippet.startswith("… ") and snippet.endswith(" …")
    assert "Public [trust] had risen." in snippet and len(snippet) < 300


@pytest.fixture(scope="module")
def generated_content(tmp_path_factory):
    """200 synthetic meetings over two years (bench/generate.py), their terms in sixteen ranges."""
    return write_archive(tmp_path_factory.mktemp("generated") / "content", 200, 7)


@pytest.fixture(scope="module")
def generated_page(generated_content, tmp_path_factory):
    page = SearchPage(write_search_data(generated_content, tmp_path_factory.mktemp("site") / "search" / "index.js"))
    yield page
    page.close()


def test_a_word_loads_its_range_of_words_its_postings_in_each_year_and_the_text_of_the_meetings_it_shows(
    generated_page,
):
    answer = generated_page.searches(["custody"])[0]
    words = [p for p in answer["loaded"] if p.startswith("search/words/")]
    terms = [p for p in answer["loaded"] if p.startswith("search/terms/")]
    texts = [p for p in answer["loaded"] if p.startswith("search/text/")]
    ranges = {p.rsplit("-", 1)[1] for p in terms}
    years = {p.removeprefix("search/terms/").split("-")[0] for p in terms}
    assert len(ranges) == 1 and len(terms) == len(years) == 2
    assert words == [f"search/words/{ranges.pop().removesuffix('.js')}.js"]
    shown = {r["url"].split("/")[1] for r in answer["results"]}
    assert answer["results"] and {p.removeprefix("search/text/").removesuffix(".js") for p in texts} <= shown | {
        r["url"] for r in answer["results"]
    }


def test_a_close_spelling_reads_every_range_of_words_but_only_the_postings_of_the_words_it_finds(generated_page):
    answer = generated_page.searches(["custdoy"])[0]
    assert answer["mode"] == "fuzzy" and answer["results"]
    words = [p for p in answer["loaded"] if p.startswith("search/words/")]
    ranges = {p.rsplit("-", 1)[1] for p in answer["loaded"] if p.startswith("search/terms/")}
    assert len(words) == 16 and 0 < len(ranges) < 16


# What search-ahead.js asks for, for the words in the address, given its tag's attributes as the build writes them.
FILES_AHEAD = """
const { filesAhead, settingsOf } = require(%s);
const [attributes, queries] = JSON.parse(require('fs').readFileSync(0, 'utf8'));
const tag = { getAttribute: (name) => attributes[name] };
console.log(JSON.stringify(queries.map(q => filesAhead(settingsOf(tag), q))));
"""


@pytest.fixture(scope="module")
def generated_ahead(generated_content):
    """The attributes of search-ahead.js's tag on the generated archive's search page."""
    return ahead_attributes(link(load_content(generated_content)))


def files_ahead(attributes, queries):
    return node(FILES_AHEAD % json.dumps(str(SEARCH_AHEAD_JS)), [attributes, queries])


def searched_afresh(page, *queries) -> list[dict]:
    """What `queries`, one after the other, find on a copy of `page` that has loaded nothing yet."""
    fresh = SearchPage(page.data)
    try:
        return fresh.searches(list(queries))
    finally:
        fresh.close()


def index_files_searched(page, query):
    """The index files (not texts) a search for `query` loads on a page that has loaded nothing yet."""
    [answer] = searched_afresh(page, query)
    return {p for p in answer["loaded"] if not p.startswith("search/text/")}


def test_the_files_asked_for_ahead_for_a_word_are_those_its_search_loads(generated_ahead, generated_page):
    [ahead] = files_ahead(generated_ahead, ["custody"])
    assert set(ahead) == index_files_searched(generated_page, "custody") and len(ahead) == len(set(ahead))


@pytest.mark.parametrize("query", ["the custody of victims ", "custody reports", "Custody, reports and victims"])
def test_nothing_asked_for_ahead_goes_unused(generated_ahead, generated_page, query):
    [ahead] = files_ahead(generated_ahead, [query])
    assert ahead and set(ahead) <= index_files_searched(generated_page, query)


def test_stop_words_and_lunr_syntax_are_not_guessed_at(generated_ahead):
    assert files_ahead(generated_ahead, ["the of and", "title:custody", "custody~1", "cust*", ""]) == [[]] * 5


def test_files_already_loaded_are_not_asked_for_again(generated_page):
    first, again = generated_page.searches(["custody", "custody"])
    assert "error" not in again and again["loaded"] == first["loaded"] and again["results"] == first["results"]


def test_an_unfinished_word_reads_no_text_to_rule_out_a_shorter_word_it_cannot_become(generated_page):
    # "child" is held as a word of its own, but no word that begins with "children" is held as "child";
    # the documents with "child" alone are not read to find that out.
    [answer] = searched_afresh(generated_page, "children")
    assert answer["results"] and answer["asked"] and not [p for p in answer["asked"] if p.startswith("search/text/")]


def test_an_unfinished_word_held_as_a_shorter_stem_finds_what_the_finished_word_finds_without_reading_texts(
    generated_page,
):
    # "operati" is on its way to "operational", held as "oper" with "operate" and "operations": lunr gives the
    # finished word every document with "oper", and so does the unfinished one, with no meeting's text read.
    typing, finished = searched_afresh(generated_page, "operati", "operational ")
    assert typing["results"] and {r["url"] for r in typing["results"]} == {r["url"] for r in finished["results"]}
    assert not [p for p in typing["asked"] if p.startswith("search/text/")]


def test_an_unfinished_word_must_itself_match_beside_the_words_before_it(engine):
    without, matched = find(engine, "burglary operati", "roads operati")
    assert (without["mode"], [r["lacking"] for r in without["results"]]) == ("some", [["operati"]])
    assert (matched["mode"], urls(matched)) == ("words", [ROADS])


# search.js's shorterStems, with lunr's stemmer and every beginning taken as a term.
WITH_SHORTER_STEMS = f"""
const lunr = require({json.dumps(str(LUNR_JS))});
global.window = {{}};
const {{ shorterStems }} = require({json.dumps(str(SEARCH_JS))});
const stem = (word) => lunr.stemmer(new lunr.Token(word, {{}})).toString();
"""

# For each word, each beginning of it longer than its stem, and whether shorterStems lists that stem.
SHORTER_STEMS = (
    WITH_SHORTER_STEMS
    + """
const words = JSON.parse(require('fs').readFileSync(0, 'utf8'));
const missed = [];
for (const word of words) {
  const held = stem(word);
  if (held.length < 3 || held.length >= word.length || !word.startsWith(held)) continue;
  for (let end = held.length + 1; end <= word.length; end++) {
    if (!shorterStems(word.slice(0, end), 3, stem, () => true).includes(held)) missed.push([word.slice(0, end), held]);
  }
}
console.log(JSON.stringify(missed));
"""
)


def test_every_word_of_the_real_minutes_is_found_while_it_is_typed_though_held_as_a_shorter_stem():
    words = sorted(
        {
            w
            for path in (ASSURANCE / "meetings").glob("*.md")
            for w in re.findall(r"[a-z]+", path.read_text(encoding="utf-8").lower())
        }
    )
    assert len(words) > 1000
    assert node(SHORTER_STEMS, words) == []


@pytest.mark.parametrize(
    "typed, stem, tried",
    [
        ("operati", "oper", True),  # operational
        ("hopp", "hop", True),  # hopping
        ("controlle", "control", True),  # controlled
        ("children", "child", False),
        ("outcomes", "out", False),
    ],
)
def test_a_shorter_stem_is_tried_for_an_unfinished_word_only_if_a_word_beginning_with_it_can_have_it(
    typed, stem, tried
):
    script = (
        WITH_SHORTER_STEMS + f"console.log(JSON.stringify(shorterStems({json.dumps(typed)}, 3, stem, () => true)));"
    )
    assert (stem in node(script, None)) is tried


@pytest.fixture(scope="module")
def real_page(tmp_path_factory):
    page = SearchPage(write_search_data(ASSURANCE, tmp_path_factory.mktemp("real") / "search" / "index.js"))
    yield page
    page.close()


@pytest.mark.parametrize(
    "typed, marked", [("days ", "[days]"), ("key ", "[key]"), ("Tracey ", "[Tracey]"), ("try ", "[try]")]
)
def test_a_word_lunr_py_stems_otherwise_than_lunr_js_is_found_where_it_stands(real_page, typed, marked):
    # lunr.py's stemmer makes "dai", "kei", "tracei" and "try" of these, lunr.js "day", "key", "tracey" and "tri".
    found = find(real_page, typed)
    assert any(marked in r["title"] + r["people"] + r["snippet"] for r in found["results"])


def test_a_word_longer_than_any_term_is_passed_over_and_finds_nothing(engine):
    # Its close spellings would be looked for in lunr's automaton, which grows with the word:
    # 600 letters took over 40 s in a browser tab. No term is that long, so none can match.
    import time

    started = time.monotonic()
    found = find(engine, "x" * 1000 + " burglary", "x" * 1000, "y" * 1000 + "~2")
    assert time.monotonic() - started < 5  # generous: the point is seconds against minutes
    assert [(f["mode"], urls(f)) for f in found] == [("words", [BURGLARY]), ("words", []), ("syntax", [])]


def test_a_word_typed_many_times_is_searched_once(engine):
    once, many = find(engine, "burglary ", "burglary " * 300)
    assert urls(many) == urls(once) == [BURGLARY]


def test_a_clause_typed_many_times_is_read_once(engine):
    once, many = find(engine, "*", "* " * 300)
    assert urls(many) == urls(once) and len(urls(once)) > 3


def test_a_wildcard_stands_for_at_most_its_64_shortest_terms(generated_page):
    # "p*" is thousands of terms at 500 meetings; scoring them all took most of a second.
    found = generated_page.searches(["p*"])[0]
    terms = {term for result in found["results"] for term in result["terms"]}
    assert 0 < len(terms) <= 64 and all(term.startswith("p") for term in terms)


def test_a_lone_star_lists_every_document_newest_first_without_scoring(engine):
    found = find(engine, "*")
    assert found["mode"] == "syntax" and len(urls(found)) == found["unfiltered"] > 4
    assert urls(found)[:2] == [CONFIDENCE, PATROLS]  # the 2020 meeting, then 2019's
    assert urls(found)[2:5] == [ROADS, BURGLARY, LETTER]
