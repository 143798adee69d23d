"""The reference the search is held to: stock lunr.py's `lunr()` over the same documents, fields and boosts.

The browser looks words up with lunr.js's trimmer, stop-word filter and
stemmer, so the index holds each word under the term those make of it, not the
one lunr.py's own pipeline makes ("day" becomes "dai" there). The reference
index is lunr.py's, built by `lunr()` with its default builder whose pipeline
is lunr.js's (minutebook.outputs.search.terms, a port of it), registered as
lunr.py's Pipeline asks. Words split where the build splits them (layout.SEPARATORS,
more than lunr's spaces and hyphens): each such character is given to lunr as a space.
"""

from __future__ import annotations

from lunr import get_default_builder, lunr
from lunr.pipeline import Pipeline

from minutebook.outputs.search.documents import ACTION_BOOST, FIELDS, SearchDocument, field_texts
from minutebook.outputs.search.layout import SEPARATORS
from minutebook.outputs.search.terms import STOP_WORDS, stem, trim, unpossessive


def js_trimmer(token, i=None, tokens=None):
    """lunr.trimmer (terms.trim), then the step the page takes after it (terms.unpossessive: "everyone's" is
    held as "everyone"); a token with nothing left is dropped, as terms.term drops it."""
    token.update(lambda s, metadata=None: unpossessive(trim(s)))
    return token if token.string else None


def js_stop_word_filter(token, i=None, tokens=None):
    """lunr.stopWordFilter, with lunr.js's stop words (terms.STOP_WORDS)."""
    return None if token.string in STOP_WORDS else token


def js_stemmer(token, i=None, tokens=None):
    """lunr.stemmer (terms.stem)."""
    return token.update(lambda s, metadata=None: stem(s))


for _function in (js_trimmer, js_stop_word_filter, js_stemmer):
    Pipeline.register_function(_function, f"minutebook.{_function.__name__}")

_AS_SPACES = str.maketrans(dict.fromkeys(SEPARATORS, " "))


def js_builder():
    """lunr.py's default builder with lunr.js's pipeline. Its search pipeline stays lunr.py's stemmer:
    only its name, "stemmer", is serialised, which lunr.js loads as its own, the one terms.stem ports."""
    builder = get_default_builder()
    builder.pipeline.reset()
    builder.pipeline.add(js_trimmer, js_stop_word_filter, js_stemmer)
    return builder


def split_as_built(text: str | None) -> str | None:
    """`text` with every character words split at (layout.SEPARATORS) a space, where lunr.py splits."""
    return None if text is None else text.translate(_AS_SPACES)


def stock_lunr(ref: str, fields: list[dict], documents: list, builder=None):
    """lunr.py's `lunr(ref, fields, documents)` with lunr.js's pipeline (`builder`, js_builder() by default),
    words split as the build splits them. As with lunr(), a document may be a (document, attributes) pair."""

    def as_built(doc: dict) -> dict:
        return {key: value if key == ref else split_as_built(value) for key, value in doc.items()}

    documents = [(as_built(d[0]), d[1]) if isinstance(d, (tuple, list)) else as_built(d) for d in documents]
    return lunr(ref=ref, fields=fields, documents=documents, builder=builder or js_builder())


def reference_index(docs: list[SearchDocument], theme_names: dict[str, str]) -> dict:
    """The serialised lunr index stock lunr.py makes of `docs`: each document's ref is its place in `docs`.

    The build ships term counts instead; this is what the browser must arrive at from them."""
    rows = [
        ({"ref": str(ref), **field_texts(d, theme_names)}, {"boost": ACTION_BOOST if d.kind == "action" else 1})
        for ref, d in enumerate(docs)
    ]
    return stock_lunr("ref", [dict(f) for f in FIELDS], rows).serialize()
