"""The search files' wire format: the one place that says what the build writes and the browser reads.

files.py writes these files, assets/search/ (postings.js, engine.js, page.js;
ahead.js names them) reads them, and the tests read them back with `read`.
Every file is a script setting a global, not JSON, so the search also works
from disk, where browsers refuse to fetch files. Scripts are UTF-8, written
as `<assignment><compact JSON>;\\n` (`compact_json`), with every `</` written
`<\\/` so that no text in the minutes can end a script early.

search/index.js sets `window.MINUTEBOOK_SEARCH` to an object:
    version     lunr's version (`VERSION`), which lunr.js checks when it loads an index
    separator   a RegExp source for a run of the characters words split at (layout.py)
    fields      [name, boost] of each field, in lunr's order; a field's place is its number below
    actionBoost the boost of an action's document (an item's is 1)
    longest     the longest index term's length, in UTF-16 code units
    themes      slug -> {n: name, w: the terms of its name with counts}; counts are
                written as in `counted`: ["a", "b", 3] is a once, b three times.
                A document's themes field is the names of its themes
    themeOrder  the theme slugs documents refer to by place
    people      [name, URL from the site root, what their page says of them, the roles they held]
    glossary    [abbreviation, expansion]; a plural other than the abbreviation and "s" is a pair of its own
    minutes     meeting id -> "draft" or "cancelled", for meetings whose minutes are not approved
    ranges      the first term of each range of terms (`words_path`, `term_path`)
    years       [year, the place of its first meeting], oldest first
    meetings    [id, title, ISO date, date as shown, year, type, items, actions,
                length of each meeting field (MEETING_FIELDS)], in archive order
    docs        one per document, every meeting's items in meeting order, then every meeting's
                actions, then every meeting's decisions: [length of each document field
                (DOC_FIELDS), theme places...]; a document's ref is its place here
    decisions   only where a meeting records a decision: [the meeting's place in meetings,
                each of its decisions' result ("carried", "lost"...)] for each such meeting,
                in archive order; it says how many of the documents are that meeting's decisions

search/words/<range>.js sets `window.MINUTEBOOK_SEARCH_WORDS[<range>]` to one string: the
range's index terms, sorted as JavaScript sorts strings (by UTF-16 code units), each written
as how many leading characters it shares with the one before (one digit, 0-9) and the rest,
separated by spaces, which no term holds (`front_coded`).

search/terms/<year>-<range>.js sets `window.MINUTEBOOK_SEARCH_TERMS["<year>-<range>"]`
(`terms_key`) to a list with one entry per meeting of the year, in archive order:
{term: [posting, ...]} for the range's terms in that meeting. A posting (`posting`) is
[field place, document, -count when more than one, document, ...]: documents are the
meeting's items, then its actions, then its decisions, numbered from 0 and each written as its difference from
the one before; a meeting field's document is 0, standing for all of the meeting's documents.

search/text/<meeting id>.js sets `window.MINUTEBOOK_SEARCH_TEXTS["<meeting id>"]` to
{"items": [...], "actions": [...]}, and "decisions": [...] where the meeting records any,
each entry what a result shows: n number (a decision's is its item's, "" for an unnumbered
item), t title (a decision's is its label and the start of its text, "Resolution 2019-14: To
adopt the …"), u URL from the site root, x text, p people named ("Name, role"), a the
abbreviation each is named by ("" for none); an action and a decision add it, its item's
title, and s, an action's status or a decision's result and counts ("Carried, 6 for, 0 against").

A meeting's part, which a build keeps and joins the files from (files.meeting_part), is
lines of compact JSON:
    summary     [[title, ISO date, date as shown, year, type, items, actions, length of each
                meeting field, then each decision's result, if any], one [length of each
                document field, theme slugs...] per document (items, actions, decisions),
                then every term the meeting holds, sorted, in one string with spaces between]
    text        what its text file sets
    then one line per range of terms: what its entry in that range's term files is
"""

from __future__ import annotations

import json

# The lunr.js the site ships (package.json) and lunr.py targets; written here rather than read from
# lunr.py, which a build would otherwise import for this string alone (tests/index/test_lunr_js.py checks both).
VERSION = "2.3.9"

MAIN = "search/index.js"
WORDS = "search/words/"  # the terms themselves: one file per range, loaded with its postings
TERMS = "search/terms/"  # the postings: one file per year and range of terms
TEXTS = "search/text/"  # one file per meeting: what its results show

MAIN_GLOBAL = "MINUTEBOOK_SEARCH"
WORDS_GLOBAL = "MINUTEBOOK_SEARCH_WORDS"
TERMS_GLOBAL = "MINUTEBOOK_SEARCH_TERMS"
TEXTS_GLOBAL = "MINUTEBOOK_SEARCH_TEXTS"

# The fields every document of a meeting shares, and those each document has its own of.
MEETING_FIELDS = ("meeting", "year", "type")
DOC_FIELDS = ("title", "people", "text")

# A meeting's part: its summary, its text, then one line per range of terms.
SUMMARY_LINE, TEXT_LINE, FIRST_RANGE_LINE = 0, 1, 2


def words_path(number: int) -> str:
    return f"{WORDS}{number}.js"


def terms_key(year: int | str, number: int) -> str:
    return f"{year}-{number}"


def term_path(year: int | str, number: int) -> str:
    return f"{TERMS}{terms_key(year, number)}.js"


def text_path(meeting_id: str) -> str:
    return f"{TEXTS}{meeting_id}.js"


def compact_json(data) -> str:
    """JSON as every file and part line writes it: never a line break, so a part's lines stay lines."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def main_assignment() -> str:
    return f"window.{MAIN_GLOBAL}="


def keyed_assignment(name: str, key: int | str) -> str:
    """`(window.NAME=window.NAME||{})[key]=`: a file adds its data to what the others loaded."""
    return f"(window.{name}=window.{name}||{{}})[{json.dumps(key)}]="


def script(assignment: str, text: str | bytes) -> bytes:
    """A file's bytes: `assignment`, then `text` (JSON) with no `</` in it, then `;` and a line break.
    In UTF-8 no byte of another character is "<" or "/", so kept parts are changed as bytes, never decoded."""
    if isinstance(text, bytes):
        return assignment.encode("utf-8") + text.replace(b"</", b"<\\/") + b";\n"
    return (assignment + text.replace("</", "<\\/") + ";\n").encode("utf-8")


def front_code(term: str, previous: str) -> str:
    """One term of a range as `front_coded` writes it, after `previous` ("" for the first)."""
    shared, limit = 0, min(9, len(term), len(previous))
    while shared < limit and term[shared] == previous[shared]:
        shared += 1
    return f"{shared}{term[shared:]}"


def front_coded(terms: list[str]) -> str:
    """A range's sorted terms as its words file writes them: "0police 4y" is "police" then "policy"."""
    return " ".join(front_code(term, previous) for term, previous in zip(terms, ["", *terms], strict=False))


def unfront_coded(packed: str) -> list[str]:
    """The terms `front_coded` wrote."""
    terms, previous = [], ""
    for entry in packed.split(" ") if packed else ():
        previous = previous[: int(entry[0])] + entry[1:]
        terms.append(previous)
    return terms


def counted(counts: dict[str, int]) -> list:
    """Terms with their counts, a count of one left out: {"a": 1, "b": 3} is ["a", "b", 3]."""
    return [part for term, count in counts.items() for part in ((term,) if count == 1 else (term, count))]


def posting(fields: dict[int, list[int]]) -> list[list[int]]:
    """A term's postings in one meeting, from field place -> [document, count, document, count, ...]."""
    out = []
    for field in sorted(fields) if len(fields) > 1 else fields:
        flat, last = fields[field], 0
        if len(flat) == 2:  # in one document: most terms of most fields are
            out.append([field, flat[0]] if flat[1] == 1 else [field, flat[0], -flat[1]])
            continue
        listed = [field]
        for owner, count in zip(flat[::2], flat[1::2], strict=True):
            listed.append(owner - last)
            if count > 1:
                listed.append(-count)
            last = owner
        out.append(listed)
    return out


def read(path: str, data: bytes):
    """What the search file at `path` sets, as (its global, its key or None, the data): the files read back."""
    text = data.decode("utf-8")
    key: int | str | None
    if path == MAIN:
        name, key, assignment = MAIN_GLOBAL, None, main_assignment()
    else:
        folder, _, key = path.removesuffix(".js").rpartition("/")
        name = {WORDS: WORDS_GLOBAL, TERMS: TERMS_GLOBAL, TEXTS: TEXTS_GLOBAL}[folder + "/"]
        key = int(key) if name == WORDS_GLOBAL else key
        assignment = keyed_assignment(name, key)
    if not (text.startswith(assignment) and text.endswith(";\n")):
        raise ValueError(f"{path} is not written as a search file is")
    return name, key, json.loads(text[len(assignment) : -2])
