"""A faster way to feed lunr.py's Builder, with lunr.js's terms, and exactly the index lunr.py's Builder gives.

The browser looks words up with lunr.js's trimmer, stop-word filter and
stemmer, so the index holds each word under the term those make of it
(minutebook.outputs.search.terms, a port of them), not the one lunr.py's own pipeline makes:
its stemmer and trimmer differ from lunr.js's ("day" becomes "dai").

lunr.py spends most of a build splitting text one character at a time and
running the stemmer on every occurrence of every word. Minutes reuse a small
vocabulary, so here words are split with one regular expression and each
distinct word is made a term once. Scoring and serialisation remain lunr.py's,
so lunr.js reads the result exactly as it reads stock lunr.py's given the same
pipeline (a test compares the two serialisations byte for byte).
"""
from __future__ import annotations

import re
from collections import defaultdict

from lunr.builder import Builder
from lunr.field_ref import FieldRef
from lunr.pipeline import Pipeline
from lunr.stemmer import stemmer as lunr_py_stemmer
from lunr.tokenizer import SEPARATOR_CHARS

from minutebook.outputs.search.terms import STOP_WORDS, stem, term, trim

LUNR_SEPARATORS = SEPARATOR_CHARS


# lunr.js's pipeline functions as lunr.py's Builder takes them (token, i, tokens), for the reference index.

def js_trimmer(token, i=None, tokens=None):
    """lunr.trimmer (terms.trim); a token with nothing left is dropped, as terms.term drops it."""
    token.update(lambda s, metadata=None: trim(s))
    return token if token.string else None


def js_stop_word_filter(token, i=None, tokens=None):
    """lunr.stopWordFilter, with lunr.js's stop words (terms.STOP_WORDS)."""
    return None if token.string in STOP_WORDS else token


def js_stemmer(token, i=None, tokens=None):
    """lunr.stemmer (terms.stem)."""
    return token.update(lambda s, metadata=None: stem(s))


Pipeline.register_function(js_trimmer, "minutebook.js_trimmer")
Pipeline.register_function(js_stop_word_filter, "minutebook.js_stop_word_filter")
Pipeline.register_function(js_stemmer, "minutebook.js_stemmer")


def js_pipeline() -> Pipeline:
    """lunr.js's default pipeline (trimmer, stop-word filter, stemmer), for lunr.py's Builder."""
    pipeline = Pipeline()
    pipeline.add(js_trimmer, js_stop_word_filter, js_stemmer)
    return pipeline


def js_builder() -> Builder:
    """lunr.py's Builder as lunr.get_default_builder() makes it, but with lunr.js's pipeline.

    Its search pipeline is lunr.py's stemmer, as stock: only its name, "stemmer", is
    serialised, which lunr.js loads as its own stemmer, the one terms.stem ports."""
    builder = Builder()
    builder.pipeline = js_pipeline()
    builder.search_pipeline.add(lunr_py_stemmer)
    return builder


class Tokenizer:
    """Text to index terms: split at `separators`, lower-cased, each word made a term as terms.term makes it."""

    def __init__(self, separators: str = LUNR_SEPARATORS):
        self.words = re.compile(f"[^{re.escape(separators)}]+").findall
        self.known: dict[str, tuple[str, ...]] = {}  # word -> its terms: none or one

    def terms(self, word: str) -> tuple[str, ...]:
        """The terms of one lower-case word: none (a stop word, or nothing left once trimmed) or one.
        Made once for each word: a word's term depends neither on where it stands nor on the field."""
        terms = self.known.get(word)
        if terms is None:
            made = term(word)
            terms = self.known[word] = () if made is None else (made,)
        return terms

    def counts(self, text: str) -> dict[str, int]:
        """Each term of `text` with how often it occurs, in first-seen order (lunr numbers terms in that order)."""
        known = self.known
        counts: dict[str, int] = {}
        get = counts.get
        for word in self.words(text.lower()):
            terms = known.get(word)
            if terms is None:
                terms = self.terms(word)
            for made in terms:
                counts[made] = get(made, 0) + 1
        return counts


def build_index(ref: str, fields: list[dict], documents: list, positions: bool = False, separators: str = LUNR_SEPARATORS) -> dict:
    """The serialised lunr index of `documents`, as `lunr(..., builder=js_builder()).serialize()` would give it.

    As with lunr(), a document may be a (document, attributes) pair, such as {"boost": 0.5}.
    `separators` are the characters words are split at; lunr.js must be told the same."""
    word = re.compile(f"[^{re.escape(separators)}]+")
    builder = js_builder()
    builder.ref(ref)
    for field in fields:
        builder.field(**field)
    if positions:
        builder.metadata_whitelist = ["position"]
    terms_of = Tokenizer(separators)
    field_names = list(builder._fields)
    for doc in documents:
        doc, attributes = doc if isinstance(doc, (tuple, list)) else (doc, {})
        _add(builder, doc, attributes, field_names, terms_of, positions, word)
    return builder.build().serialize()


def _add(builder, doc: dict, attributes: dict, field_names: list[str], terms_of: Tokenizer, positions: bool, word: re.Pattern) -> None:
    doc_ref = str(doc[builder._ref])
    builder._documents[doc_ref] = attributes or {}
    builder.document_count += 1
    inverted = builder.inverted_index
    for field_name in field_names:
        value = doc.get(field_name)
        text = "" if value is None else str(value).lower()
        counts: dict[str, int] = defaultdict(int)
        length = 0
        for match in word.finditer(text):
            for made in terms_of.terms(match.group()):
                length += 1
                counts[made] += 1
                posting = inverted.get(made)
                if posting is None:
                    posting = {name: {} for name in field_names}
                    posting["_index"] = builder.term_index
                    builder.term_index += 1
                    inverted[made] = posting
                entry = posting[field_name].get(doc_ref)
                if entry is None:
                    entry = posting[field_name][doc_ref] = defaultdict(list)
                if positions:
                    entry["position"].append([match.start(), match.end() - match.start()])
        key = str(FieldRef(doc_ref, field_name))
        builder.field_term_frequencies[key] = counts
        builder.field_lengths[key] = length
