"""Every word in the minutes is found by typing it: the served search code, under node, lists a
document that holds the word, for every distinct word of the real archive and of the benchmark's
whole lexicon.

This checks what a reader sees, not that two parts agree: the word comes from the text a document
shows, and the answer is read back from the documents listed, not from the index.
"""

import re

import pytest

from bench.generate import vocabulary_for, write_archive
from minutebook.content.load import load_content
from minutebook.link import link
from minutebook.outputs.search.documents import documents, field_texts
from minutebook.outputs.search.layout import SEPARATORS
from minutebook.outputs.search.terms import STOP_WORDS
from minutebook.site.render import Renderer
from tests.conftest import ASSURANCE, ROOT, build_site
from tests.index.lunr_node import LUNR_JS, node

# For each word (stdin: [site folder, [words]]), search as a reader types it, every file at hand, and
# say whether a document listed holds the word: the same word, once edge punctuation is trimmed as the
# search trims what is typed, in any field a result shows (title, item, text, people, meeting, themes).
EVERY_WORD = """
const lunr = require(process.argv[1]);
const path = require('path'), fs = require('fs');
const [site, words, finished] = JSON.parse(fs.readFileSync(0, 'utf8'));
global.window = {};
require(path.join(site, 'search', 'index.js'));
for (const folder of ['words', 'terms', 'text']) {
  for (const name of fs.readdirSync(path.join(site, 'search', folder))) \
require(path.join(site, 'search', folder, name));
}
const data = window.MINUTEBOOK_SEARCH;
const files = {words: window.MINUTEBOOK_SEARCH_WORDS, terms: window.MINUTEBOOK_SEARCH_TERMS, \
texts: window.MINUTEBOOK_SEARCH_TEXTS};
const search = require(path.join(site, 'assets', 'search.js'));
const engine = search.createEngine(lunr, data, files);
const split = new RegExp(data.separator);
const trim = search.typedWords(lunr, data, engine.opened).trim;  // as the page reads a word
const themeNames = {};
Object.keys(data.themes).forEach((slug) => { themeNames[slug] = data.themes[slug].n; });
function shown(ref) {
  const doc = engine.opened.docs[ref], meeting = engine.opened.meetings[doc.m];
  const entry = files.texts[meeting.id][doc.k === 'item' ? 'items' : 'actions'][doc.local];
  const themes = engine.opened.themesOf(ref).map((t) => themeNames[t]);
  return [entry.t, entry.it || '', entry.x, entry.p.join('\\n'), \
meeting.t, meeting.ty, meeting.y, themes.join(' ')].join('\\n');
}
const holds = new Map();  // ref -> its trimmed words
function wordsOf(ref) {
  if (!holds.has(ref)) holds.set(ref, new Set(shown(ref).split(split).map(trim)));
  return holds.get(ref);
}
const lost = [];
for (const word of words) {
  const found = engine.search(finished ? word + ' ' : word, {});  // with Enter, or as typed
  if (found.missing) { lost.push([word, 'missing ' + found.missing.join(' ')]); continue; }
  const typed = trim(word);
  const people = found.people.some((p) => p.name.split(split).map(trim).includes(typed));
  if (!people && !found.results.some((r) => wordsOf(r.ref).has(typed))) lost.push([word, found.mode]);
}
process.stdout.write(JSON.stringify({searched: words.length, lost: lost}));
"""

WORD = re.compile(f"[^{re.escape(SEPARATORS)}]+")


def distinct_words(content) -> list[str]:
    """Every distinct word a search document of `content` shows, in the case it is written in."""
    archive = link(load_content(content))
    theme_names = {t.theme.slug: t.theme.name for t in archive.themes}
    seen = {}
    for document in documents(archive, Renderer(archive, ROOT / "templates").texts):
        for text in field_texts(document, theme_names).values():
            for word in WORD.findall(text):
                seen.setdefault(word.lower(), word)
    return sorted(seen.values())


def lost_words(site, words, finished: bool = False) -> list:
    """The words that find no document holding them, typed (or, `finished`, followed by Enter)."""
    answer = node(EVERY_WORD, [str(site), words, finished], args=[str(LUNR_JS)])
    assert answer["searched"] == len(words)
    return answer["lost"]


def trimmed(word: str) -> str:
    """A word as the search reads it: lower case, without edge punctuation (JavaScript's \\W is ASCII)."""
    return re.sub(r"^\W+|\W+$", "", word.lower(), flags=re.ASCII)


def too_common(word: str) -> bool:
    """lunr leaves stop words out of the index, and the page says so when only they are typed."""
    return trimmed(word) in STOP_WORDS


def only_punctuation(word: str) -> bool:
    return not trimmed(word)


def explained(word: str) -> bool:
    return too_common(word) or only_punctuation(word)


@pytest.fixture(scope="module")
def real_site(tmp_path_factory):
    return build_site(ASSURANCE, tmp_path_factory.mktemp("real") / "site")


@pytest.fixture(scope="module")
def lexicon_content(tmp_path_factory):
    """The benchmark's archive of five meetings, with every word of its lexicon written into them."""
    content = write_archive(tmp_path_factory.mktemp("lexicon") / "content", 5, seed=1)
    words = vocabulary_for(1).words
    meetings = sorted((content / "meetings").glob("*.md"))
    share = -(-len(words) // len(meetings))
    for n, meeting in enumerate(meetings):
        chunk = words[n * share : (n + 1) * share]
        lines = [" ".join(chunk[i : i + 20]) + "." for i in range(0, len(chunk), 20)]
        head, heading, rest = meeting.read_text(encoding="utf-8").partition("\n## ")
        title, _, body = rest.partition("\n")  # the words go first in the first agenda item
        meeting.write_text(head + heading + title + "\n\n" + "\n\n".join(lines) + "\n" + body, encoding="utf-8")
    return content


def test_every_word_of_the_real_archive_finds_a_document_that_holds_it(real_site):
    words = distinct_words(ASSURANCE)
    assert len(words) > 1800
    # The only words that find nothing are those the page answers with "too common to search for".
    assert {word for word, _ in lost_words(real_site, words)} == {w for w in words if explained(w)}


def test_every_word_of_the_benchmark_lexicon_finds_a_document_that_holds_it(lexicon_content, tmp_path):
    words = distinct_words(lexicon_content)
    assert {trimmed(w) for w in vocabulary_for(1).words} <= {trimmed(w) for w in words}
    site = build_site(lexicon_content, tmp_path / "site")
    assert {word for word, _ in lost_words(site, words)} == {w for w in words if explained(w)}


def test_a_word_written_with_apostrophe_s_is_found_by_the_word_alone_and_either_apostrophe(real_site):
    # "everyone's responsibility", "the two ACC's", "the 4P's": a reader types "everyone", "ACC", "4P",
    # and a phone's keyboard types "’" where the minutes have "'".
    possessive = [w for w in distinct_words(ASSURANCE) if re.search(r"['’]s$", w, re.I)]
    assert {"everyone's", "ACC's", "4P's"} <= set(possessive)
    alone = sorted({w[:-2] for w in possessive})
    swapped = sorted({w.translate(str.maketrans("'’", "’'")) for w in possessive})
    assert lost_words(real_site, alone + swapped, finished=True) == []
    assert lost_words(real_site, alone + swapped) == []
