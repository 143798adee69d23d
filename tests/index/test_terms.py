"""Every word is indexed under the term lunr.js looks it up under.

The search page makes terms of what is typed with lunr.js 2.3.9's trimmer,
stop-word filter and stemmer; the build makes terms of the minutes with
minutebook.outputs.search.terms. Here lunr.js itself, under node, is asked for its answer on
every distinct word of the real archive and of the benchmark's generator, and
on words chosen to be awkward, all in one node process.
"""

from __future__ import annotations

import calendar
import re

import pytest

from bench import lexicon
from bench.generate import archive_files, vocabulary_for
from minutebook.content.load import load_content
from minutebook.link import link
from minutebook.outputs.search.layout import SEPARATORS, ahead_attributes
from minutebook.outputs.search.terms import STOP_WORDS, stem, term, trim
from tests.conftest import ASSURANCE
from tests.index.lunr_node import LUNR_JS, SEARCH_JS, node

PIECES = re.compile(f"[^{re.escape(SEPARATORS)}]+").findall  # as the build splits text

# For each word: lunr.js's own functions, one by one as the search page calls them, and its Pipeline
# as lunr.js's Builder runs them (trimmer, stop-word filter, stemmer). Pieces are lower-cased by JavaScript.
LUNR_JS_TERMS = r"""
const input = JSON.parse(require('fs').readFileSync(0, 'utf8'));
const lunr = require(input.lunr);
const token = s => new lunr.Token(s, {});
// What is typed is read by the page's own words.js (its trim takes a final "'s" off), then lunr's pipeline.
const read = require(input.search).typedWords(lunr, {separator: ' '}, {fields: []}).trim;
const pipeline = new lunr.Pipeline();
pipeline.add(lunr.trimmer, lunr.stopWordFilter, lunr.stemmer);
const words = {};
for (const w of input.words) {
  words[w] = {
    trimmed: lunr.trimmer(token(w)).toString(),
    stem: lunr.stemmer(token(w)).toString(),
    stop: lunr.stopWordFilter(token(w)) === undefined,
    terms: pipeline.runString(read(w)),
  };
}
const lowered = {};
for (const p of input.pieces) lowered[p] = p.toLowerCase();
process.stdout.write(JSON.stringify({words, lowered}));
"""

# Where lunr.js and lunr.py part, and what JavaScript reads otherwise than Python.
TRICKY = """
day days key keys monday mondays ways way tracey survey surveys journey delays always away buy pay play
playing stayed stray motorway tuesday wednesday toy boy employ employs employed
yearly yes yelling yellow year yield yy yyy y ya yay yeay youth yttrium
try cry by sky happy tidy ability quickly
café cafés naïve naïvety über éclair ambiguïté résumé déjà-vu coöperate façade piñata ß straße ﬁne
1.38 4p's 4p's. covid 19 covid-19 '19 £1.2m 12% 10:00 09:30 1.1. 3a 2.1(d) o'clock isn't isn't. officers' chiefs'
'protect' ‘unresourced’ “quoted” (ksis) [a] ... … – — & ## ### ' . _ __init__ a_b x-
😀 😀ing ha😀ing 😀😀😀 𝒜bc ab𝒜 a😀s 𝒜s 𝒜ed 𝒜𝒜ing
constructor __proto__ hasownproperty tostring valueof prototype
relational conditional rational valenci hesitanci digitizer conformabli radicalli differentli vileli
analogousli vietnamization predication operator feudalism decisiveness hopefulness callousness
formaliti sensitiviti sensibiliti triplicate formative formalize electriciti electrical hopeful
goodness revival allowance inference airliner gyroscopic adjustable defensible irritant replacement
adjustment dependent adoption homologou communism activate angulariti homologous effective bowdlerize
probate rate cease controll roll caresses ponies ties caress cats feed agreed plastered bled motoring
sing conflated troubled sized hopping tanned falling hissing fizzed failing filing happy sky
generalizations oscillators
""".split()


def archive_words() -> set[str]:
    """Every distinct word of the real archive: each file of the assurance fixture, split as the build splits,
    lower-cased."""
    return {
        w.lower()
        for path in sorted(ASSURANCE.rglob("*"))
        if path.is_file()
        for w in PIECES(path.read_text(encoding="utf-8"))
    }


def _strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, (list, tuple, set, frozenset)):
        for element in value:
            yield from _strings(element)


def generator_pieces() -> set[str]:
    """Every distinct piece of text the benchmark's generator draws on or writes, before lower-casing: each
    word list of bench/lexicon.py (names, places, roles, themes, glossary), the vocabulary of each seed the
    bench and the tests use (real words, then thousands of pseudo-words), every figure and calendar word it
    can write, and the whole text of the archives those seeds make at the sizes the tests make them."""
    texts = [s for name, value in vars(lexicon).items() if name.isupper() for s in _strings(value)]
    for seed, meetings in ((1, 50), (7, 40), (11, 60)):
        texts += vocabulary_for(seed).words
        texts += archive_files(meetings, seed).values()
    texts += [f"{n}%" for n in range(2, 96)] + [str(n) for n in range(0, 2401)] + [f"£{n}m" for n in range(1, 41)]
    texts += [*calendar.day_name, *calendar.month_name[1:]]
    return {piece for text in texts for piece in PIECES(text)}


@pytest.fixture(scope="module")
def lunr_js():
    """lunr.js's answers for every word of the archive, the generator and TRICKY, in one node process."""
    pieces = generator_pieces() | set(TRICKY)
    words = archive_words() | {p.lower() for p in pieces} | set(STOP_WORDS)
    # The words stemmed alone are also stemmed once trimmed, as the pipeline stems them.
    words |= {trim(w) for w in words}
    answers = node(
        LUNR_JS_TERMS,
        {
            "lunr": str(LUNR_JS),
            "search": str(SEARCH_JS),
            "words": sorted(words),
            "pieces": sorted(pieces | archive_words()),
        },
    )
    return answers


def test_the_words_compared_are_every_word_of_the_archive_and_the_generator(lunr_js):
    # At the time of writing: 2,262 distinct words of the archive and 50,346 of the generator, 51,987
    # together; 52,298 in all with TRICKY, the stop words and each word trimmed. None differs.
    words = lunr_js["words"]
    assert archive_words() <= words.keys()
    assert {p.lower() for p in generator_pieces()} <= words.keys()
    assert len(words) > 50_000


def test_every_word_becomes_the_term_lunr_js_looks_it_up_under(lunr_js):
    differ = {}
    for word, js in lunr_js["words"].items():
        # lunr.js's Pipeline keeps the empty word a trimmed "..." leaves; the page never looks one up,
        # so the index holds no such term.
        expected = js["terms"][0] if js["terms"] and js["terms"][0] else None
        if term(word) != expected:
            differ[word] = (term(word), expected)
    assert differ == {}


def test_every_word_is_trimmed_as_lunr_js_trims_it(lunr_js):
    assert {w: trim(w) for w in lunr_js["words"]} == {w: js["trimmed"] for w, js in lunr_js["words"].items()}


def test_every_word_is_stemmed_as_lunr_js_stems_it(lunr_js):
    assert {w: stem(w) for w in lunr_js["words"]} == {w: js["stem"] for w, js in lunr_js["words"].items()}


def test_the_stop_words_are_lunr_js_s(lunr_js):
    assert {w for w, js in lunr_js["words"].items() if js["stop"]} == STOP_WORDS


def test_the_search_page_is_told_lunr_js_s_stop_words(lunr_js):
    told = ahead_attributes(link(load_content(ASSURANCE)))["data-stop-words"].split(" ")
    assert set(told) == {w for w, js in lunr_js["words"].items() if js["stop"]}


def test_python_lower_cases_every_piece_as_javascript_does(lunr_js):
    # The build lower-cases text with str.lower, the page what is typed with toLowerCase.
    assert {p: p.lower() for p in lunr_js["lowered"]} == lunr_js["lowered"]


@pytest.mark.parametrize(
    "word, expected",
    [
        ("day", "day"),
        ("days", "day"),
        ("key", "key"),
        ("monday", "monday"),
        ("ways", "way"),
        ("tracey", "tracey"),
        ("survey", "survey"),
    ],
)
def test_a_final_y_after_a_vowel_stays_as_lunr_js_keeps_it(word, expected):
    # lunr.py's stemmer would index these as "dai", "kei", "mondai", "wai", "tracei", "survei".
    assert term(word) == expected


def test_a_final_y_after_a_consonant_becomes_i():
    assert [term(w) for w in ("yearly", "try", "happy")] == ["yearli", "tri", "happi"]


def test_an_initial_y_is_a_consonant():
    assert [term(w) for w in ("yes", "yelling", "youth")] == ["ye", "yell", "youth"]


def test_letters_beyond_ascii_at_a_words_ends_are_trimmed_as_lunr_js_trims_them():
    assert [term(w) for w in ("café", "naïve", "éclair", "‘unresourced’")] == ["caf", "naïv", "clair", "unresourc"]


def test_a_word_of_punctuation_alone_is_no_term():
    assert [term(w) for w in ("...", "–", "&", "😀")] == [None] * 4


def test_digits_and_apostrophes_within_a_word_stay_as_lunr_js_keeps_them():
    words = ("1.38", "covid", "19", "isn't.", "o'clock")
    assert [term(w) for w in words] == ["1.38", "covid", "19", "isn't", "o'clock"]


def test_a_final_apostrophe_s_is_taken_off_so_the_word_alone_finds_it():
    assert [term(w) for w in ("everyone's", "4p's.", "acc's", "officers'")] == ["everyon", "4p", "acc", "offic"]


def test_a_curly_apostrophe_is_read_as_a_straight_one():
    assert [term(w) for w in ("everyone’s", "isn’t", "‘unresourced’")] == ["everyon", "isn't", "unresourc"]


def test_stop_words_are_no_terms():
    assert [term(w) for w in ("the", "say", "yet", "theory")] == [None, None, None, "theori"]


def test_a_word_is_as_long_as_javascript_counts_it_in_utf_16_code_units():
    # "𝒜s" is two characters to Python but three code units to JavaScript, long enough to stem.
    assert stem("𝒜s") == "𝒜"
    assert stem("as") == "as"
