"""A faster way to feed lunr.py's Builder, with exactly the same index out.

lunr.py spends most of a build splitting text one character at a time and
running the Porter stemmer on every occurrence of every word. Minutes reuse
a small vocabulary, so here words are split with one regular expression and
each distinct word goes through lunr's own pipeline (trimmer, stop-word
filter, stemmer) once. Scoring, serialisation and the pipeline itself remain
lunr.py's, so lunr.js reads the result exactly as it reads stock lunr.py's
(a test compares the two serialisations byte for byte).
"""
from __future__ import annotations

import re
from collections import defaultdict

from lunr import get_default_builder
from lunr.field_ref import FieldRef
from lunr.token import Token
from lunr.tokenizer import SEPARATOR_CHARS

LUNR_SEPARATORS = SEPARATOR_CHARS


class _Terms:
    """Raw word -> the index terms lunr's pipeline makes of it, computed once per word and field."""

    def __init__(self, pipeline):
        self.pipeline = pipeline
        self.cache: dict[tuple[str, str], list[str]] = {}

    def __call__(self, word: str, field: str) -> list[str]:
        key = (word, field)
        terms = self.cache.get(key)
        if terms is None:
            # Each default pipeline step maps one token to at most one token, never looking at
            # its neighbours, so a word's terms do not depend on where it stands.
            terms = [str(t) for t in self.pipeline.run([Token(word, {})], field)]
            self.cache[key] = terms
        return terms


class Tokenizer:
    """Text to lunr's index terms, split and run through lunr's default pipeline as build_index does."""

    def __init__(self, separators: str = LUNR_SEPARATORS):
        self.words = re.compile(f"[^{re.escape(separators)}]+").findall
        self.pipeline = get_default_builder().pipeline
        self.known: dict[str, dict[str, tuple[str, ...]]] = {}  # field -> word -> its terms

    def counts(self, text: str, field: str) -> dict[str, int]:
        """Each term of `text` with how often it occurs, in first-seen order (lunr numbers terms in that order)."""
        known = self.known.setdefault(field, {})
        counts: dict[str, int] = {}
        get = counts.get
        for word in self.words(text.lower()):
            terms = known.get(word)
            if terms is None:  # as in _Terms: a word's terms do not depend on where it stands
                terms = known[word] = tuple(str(t) for t in self.pipeline.run([Token(word, {})], field))
            for term in terms:
                counts[term] = get(term, 0) + 1
        return counts


def build_index(ref: str, fields: list[dict], documents: list, positions: bool = False, separators: str = LUNR_SEPARATORS) -> dict:
    """The serialised lunr index of `documents`, as `lunr(...).serialize()` would give it.

    As with lunr(), a document may be a (document, attributes) pair, such as {"boost": 0.5}.
    `separators` are the characters words are split at; lunr.js must be told the same."""
    word = re.compile(f"[^{re.escape(separators)}]+")
    builder = get_default_builder()
    builder.ref(ref)
    for field in fields:
        builder.field(**field)
    if positions:
        builder.metadata_whitelist = ["position"]
    terms_of = _Terms(builder.pipeline)
    field_names = list(builder._fields)
    for doc in documents:
        doc, attributes = doc if isinstance(doc, (tuple, list)) else (doc, {})
        _add(builder, doc, attributes, field_names, terms_of, positions, word)
    return builder.build().serialize()


def _add(builder, doc: dict, attributes: dict, field_names: list[str], terms_of: _Terms, positions: bool, word: re.Pattern) -> None:
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
            for term in terms_of(match.group(), field_name):
                length += 1
                counts[term] += 1
                posting = inverted.get(term)
                if posting is None:
                    posting = {name: {} for name in field_names}
                    posting["_index"] = builder.term_index
                    builder.term_index += 1
                    inverted[term] = posting
                entry = posting[field_name].get(doc_ref)
                if entry is None:
                    entry = posting[field_name][doc_ref] = defaultdict(list)
                if positions:
                    entry["position"].append([match.start(), match.end() - match.start()])
        key = str(FieldRef(doc_ref, field_name))
        builder.field_term_frequencies[key] = counts
        builder.field_lengths[key] = length
