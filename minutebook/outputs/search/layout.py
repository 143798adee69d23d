"""How the search files are laid out, which the index stage and the search page both need to know.

The index stage (files.py) writes the files; the search page's first script
(assets/search-ahead.js) asks for some of them before the rest of the search
code has loaded, so the page carries, in that script tag's attributes, what it
needs to name them: where each range of terms begins, the years, how words
split and which words lunr leaves out. Both take these facts from here.
"""

from __future__ import annotations

import json

from minutebook.link import Archive
from minutebook.outputs.search.terms import STOP_WORDS

# lunr splits words only at spaces and hyphens; minutes write "drink/drug" and "(KSIs)".
# Not ':', which lunr's query syntax uses. The browser is sent the same set.
SEPARATORS = ' \t\n\r\f\v\xa0-/()[]<>"=;!?,'

# Where the ranges of terms begin, fixed rather than fitted to the archive, so an edit never moves
# a term to another file. Chosen from the first letters of English words, to be of similar sizes;
# every other start halves the range before it, so a smaller archive takes every second, fourth...
# 64 rather than 32 since a word's range at 500 meetings held common words beside it: "custody"
# shared its files with "crime", and fetched 20 KB where, on its own range ("cu"), it needs 3.4 KB.
RANGE_STARTS = (
    "",
    "am",
    "b",
    "bo",
    "c",
    "ce",
    "ch",
    "ci",
    "co",
    "con",
    "cr",
    "cu",
    "d",
    "di",
    "e",
    "en",
    "f",
    "fo",
    "g",
    "go",
    "h",
    "ho",
    "i",
    "im",
    "in",
    "int",
    "j",
    "k",
    "l",
    "li",
    "m",
    "mi",
    "n",
    "ni",
    "o",
    "op",
    "p",
    "pe",
    "pl",
    "po",
    "pr",
    "pro",
    "q",
    "qu",
    "r",
    "ran",
    "re",
    "rep",
    "s",
    "sc",
    "se",
    "si",
    "st",
    "su",
    "t",
    "te",
    "th",
    "to",
    "u",
    "up",
    "v",
    "vi",
    "w",
    "wi",
)
DOCUMENTS_PER_RANGE = 120  # postings of about this many documents make one term file worth a request


def separator_source(separators: str = SEPARATORS) -> str:
    """A JavaScript RegExp source matching a run of `separators`, each written as \\uXXXX."""
    return "[" + "".join(f"\\u{ord(c):04x}" for c in separators) + "]+"


def range_starts(archive: Archive) -> tuple[str, ...]:
    """The ranges of terms in use: fewer for a small archive, where one file holds what a query needs.

    A power of two of RANGE_STARTS's, so when an archive grows past a size the ranges split in two."""
    documents_count = sum(len(m.agenda) for m in archive.meetings) + len(archive.actions) + len(archive.decisions)
    count = 1
    while count < len(RANGE_STARTS) and count * DOCUMENTS_PER_RANGE < documents_count:
        count *= 2
    return RANGE_STARTS[:: len(RANGE_STARTS) // count]


def ahead_attributes(archive: Archive) -> dict[str, str]:
    """The data- attributes of assets/search-ahead.js's tag: enough to name the files a word needs."""
    return {
        "data-ranges": json.dumps(list(range_starts(archive)), ensure_ascii=False, separators=(",", ":")),
        "data-years": json.dumps(sorted(str(year) for year, _ in archive.years), separators=(",", ":")),
        "data-separator": separator_source(),
        "data-stop-words": " ".join(sorted(STOP_WORDS)),  # lunr.js's, as the index leaves them out
    }
