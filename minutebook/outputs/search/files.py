"""Writing the search files (wire.py says what they hold): each meeting's part, kept between builds,
and the files joined from the parts."""

from __future__ import annotations

import bisect
import json
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping

from minutebook.link import Archive
from minutebook.model import Meeting
from minutebook.outputs.search import wire
from minutebook.outputs.search.documents import (
    ACTION_BOOST,
    FIELD_PLACE,
    FIELDS,
    SearchDocument,
    action_document,
    decision_documents,
    field_texts,
    item_documents,
    meeting_fields,
    person_names,
    person_summary,
)
from minutebook.outputs.search.layout import SEPARATORS, range_starts, separator_source
from minutebook.outputs.search.terms import Tokenizer
from minutebook.outputs.search.wire import DOC_FIELDS, MAIN, MEETING_FIELDS, term_path, text_path, words_path
from minutebook.site.dates import long_date
from minutebook.site.links import person_path

# A meeting's summary head: title, ISO date, date as shown, year, type, items, actions, the meeting fields' lengths.
HEAD_LENGTH = 7 + len(MEETING_FIELDS)

_tokenizer: Tokenizer | None = None


def meeting_part(archive: Archive, meeting: Meeting, texts) -> str:
    """A meeting's part of the search: lines of JSON (wire.py), its summary, its stored text and
    its postings cut into the ranges of terms (range_starts), which the files are joined from.

    `texts` are its items' ItemTexts. The part depends on the meeting, the reference files
    and the meetings that updated its actions (notes and status), nothing else, so a build
    keeps it until one of those changes: a year's term files are these lines joined, so an
    edit costs no more than its own meeting. The summary's terms are one string with spaces
    between, as a list of strings takes several times longer to read back."""
    names = person_names(archive)
    theme_names = {t.theme.slug: t.theme.name for t in archive.themes}
    docs = item_documents(archive, meeting, texts, names)
    docs += [action_document(archive, tracked, names) for tracked in archive.actions_of(meeting.id)]
    decided = decision_documents(meeting, names)
    postings: dict[str, dict[int, list[int]]] = defaultdict(dict)  # term -> field place -> [document, count, ...]
    shared = meeting_fields(meeting)
    lengths = [_post(postings, FIELD_PLACE[name], 0, shared[name]) for name in MEETING_FIELDS]
    items = sum(1 for d in docs if d.kind == "item")
    summary: list = [
        [
            meeting.title,
            meeting.date.isoformat(),
            long_date(meeting.date, archive.site.locale),
            str(meeting.year),
            meeting.type,
            items,
            len(docs) - items,
            *lengths,
            # Only a meeting that decided something says so, so an archive without decisions is searched as before.
            *(d.result for d in decided),
        ]
    ]
    docs += decided
    for n, d in enumerate(docs):
        fields = field_texts(d, theme_names)
        summary.append([*(_post(postings, FIELD_PLACE[name], n, fields[name]) for name in DOC_FIELDS), *d.themes])
    terms, by_range = _sorted_by_range(postings, range_starts(archive))
    summary.append(" ".join(terms))
    stored = {
        "items": [_stored(d) for d in docs if d.kind == "item"],
        "actions": [_stored(d) for d in docs if d.kind == "action"],
    }
    if decided:
        stored["decisions"] = [_stored(d) for d in decided]
    ranges = [{term: wire.posting(postings[term]) for term in in_range} for in_range in by_range]
    return "\n".join(wire.compact_json(piece) for piece in (summary, stored, *ranges))


def _counts(text: str) -> dict[str, int]:
    """A field's index terms (terms.term of each word) and how often each occurs, in first-seen order."""
    global _tokenizer
    if _tokenizer is None:  # made on first use, then kept: it remembers every word it has made a term
        _tokenizer = Tokenizer(SEPARATORS)
    return _tokenizer.counts(text)


def _post(postings: dict, field: int, owner: int, text: str) -> int:
    """Add the terms of a field's text to `postings` under `owner`; returns the field's length in terms."""
    length = 0
    for term, count in _counts(text).items():
        postings[term].setdefault(field, []).extend((owner, count))
        length += count
    return length


def _stored(d: SearchDocument) -> dict:
    """What a result shows, and the text its snippet is cut from."""
    entry = {
        "n": d.number,
        "t": d.heading or d.title,
        "u": d.url,
        "x": d.text,
        "p": [named for named, _ in d.people],
        "a": [called for _, called in d.people],
    }
    if d.kind in ("action", "decision"):
        entry.update(it=d.item_title, s=d.status)
    return entry


def words_outputs(archive: Archive) -> list[str]:
    """The words files: made, like search/index.js, from every meeting's summary."""
    return [words_path(n) for n in range(len(range_starts(archive)))]


def _sorted_by_range(terms, starts: tuple[str, ...]) -> tuple[list[str], list[list[str]]]:
    """`terms` in the order JavaScript sorts strings, which lunr's TokenSet wants, and shared out,
    in that order, among the ranges that `starts` begin."""
    ranges: list[list[str]] = [[] for _ in starts]
    if _all_in_bmp(terms):  # the starts are too: as strings, they sort the same way
        ordered, low = sorted(terms), 0
        for n, start in enumerate(starts[1:], 1):  # each range is a run of the sorted terms
            high = bisect.bisect_left(ordered, start, low)
            ranges[n - 1], low = ordered[low:high], high
        ranges[-1] = ordered[low:]
        return ordered, ranges
    keyed, keys = sorted((_js_order(term), term) for term in terms), [_js_order(start) for start in starts]
    for key, term in keyed:  # each term's key made once, for the sort and the range alike
        ranges[bisect.bisect_right(keys, key) - 1].append(term)
    return [term for _, term in keyed], ranges


def _all_in_bmp(terms) -> bool:
    """Whether no term has a character beyond U+FFFF; for such strings, Python's order is JavaScript's."""
    joined = "".join(terms)
    return joined.isascii() or max(joined, default="") <= "\uffff"


def _js_order(term: str) -> bytes:
    """JavaScript compares strings by UTF-16 code units, and lunr's TokenSet wants its terms in that order."""
    return term.encode("utf-16-be")


def _lines(part: bytes) -> list[bytes]:
    return part.split(b"\n")


def text_script(meeting_id: str, part: bytes) -> bytes:
    """A meeting's stored text, fetched only when one of its documents is shown or read for a phrase."""
    return wire.script(wire.keyed_assignment(wire.TEXTS_GLOBAL, meeting_id), _lines(part)[wire.TEXT_LINE])


def term_scripts(archive: Archive, year: int, meetings, parts: dict[str, bytes]) -> dict[str, bytes]:
    """A year's term files: for each range of terms, its postings in each of the year's meetings,
    which are that meeting's part's line for the range."""
    lines = [_lines(parts[m.id]) for m in meetings]
    return {
        term_path(year, n): wire.script(
            wire.keyed_assignment(wire.TERMS_GLOBAL, wire.terms_key(year, n)),
            b"[" + b",".join(meeting[wire.FIRST_RANGE_LINE + n] for meeting in lines) + b"]",
        )
        for n in range(len(range_starts(archive)))
    }


def summary_line(part: bytes) -> bytes:
    """The first line of a meeting's part: all that search/index.js needs of it."""
    return part[: part.find(b"\n")] if b"\n" in part else part


def glossary_pairs(glossary) -> list[list[str]]:
    """[abbreviation, expansion] for the search. search.js takes a typed word that is an abbreviation
    and "s" as its plural ("KSIs"); any other plural ("4P's") goes in as an abbreviation of its own."""
    return [
        [form, g.expansion]
        for g in glossary
        for form in (g.abbreviation, *(p for p in g.plurals if p.lower() != g.abbreviation.lower() + "s"))
    ]


def range_text(in_range: list[str]) -> str:
    """A range's sorted terms as its words file holds them (wire.front_coded, as JSON)."""
    return words_text(wire.front_coded(in_range))


def words_text(packed: str) -> str:
    """A range's front-coded terms as its words file holds them."""
    return json.dumps(packed, ensure_ascii=False)


def ranges_of(terms, starts: tuple[str, ...]) -> list[list[str]]:
    """The terms of each range, each range sorted as JavaScript sorts strings."""
    return _sorted_by_range(terms, starts)[1]


def range_texts(terms, starts: tuple[str, ...]) -> list[str]:
    """Every range's text (range_text) for the index terms `terms`."""
    return [range_text(in_range) for in_range in ranges_of(terms, starts)]


def longest_term(terms: Iterable[str]) -> int:
    """The longest term's length in UTF-16 code units, as JavaScript counts."""
    return max((len(t.encode("utf-16-le")) // 2 for t in terms), default=0)


# What the words files are made from: each meeting's terms (one string, spaces between), the terms of the
# themes' names, and the ranges' first terms; what it gives: each range's text and the longest term's length.
Vocabulary = Callable[[Mapping[str, str], list[str], tuple[str, ...]], tuple[list[str], int]]


def whole_vocabulary(held: Mapping[str, str], of_themes: list[str], starts: tuple[str, ...]) -> tuple[list[str], int]:
    """The words files' texts and the longest term, made from every meeting's terms."""
    terms = {term for in_meeting in held.values() if in_meeting for term in in_meeting.split(" ")} | set(of_themes)
    return range_texts(terms, starts), longest_term(terms)


def main_and_words_scripts(
    archive: Archive, summaries: dict[str, bytes], vocabulary: Vocabulary = whole_vocabulary
) -> tuple[bytes, dict[str, bytes]]:
    """search/index.js and the words files by path, made from every meeting's summary line
    (wire.py says what each file holds); `vocabulary` makes the words files' texts (a build cache
    may update those it kept rather than make them from every meeting's terms).

    search/index.js tells how to score, the meetings and documents, and which files hold what. Its
    people are there for finding a person by name: their page is the answer, above what merely names
    them; its glossary so that either an abbreviation or its expansion finds what says the other.
    """
    theme_order = [t.theme.slug for t in archive.themes]
    theme_place = {slug: n for n, slug in enumerate(theme_order)}
    meetings, used, held = [], set(), {}
    items: list[list[int]] = []  # per document: the length of each field, then the places of its themes
    actions: list[list[int]] = []
    decisions: list[list[int]] = []
    decided: list[list] = []  # per meeting that decided something: its place, then each decision's result
    for place, meeting in enumerate(archive.meetings):
        summary = json.loads(summaries[meeting.id])
        head, docs, held[meeting.id] = summary[0], summary[1:-1], summary[-1]
        results = head[HEAD_LENGTH:]
        meetings.append([meeting.id, *head[:HEAD_LENGTH]])
        if results:
            decided.append([place, *results])
        for n, doc in enumerate(docs):
            lengths, themes = doc[: len(DOC_FIELDS)], doc[len(DOC_FIELDS) :]
            used.update(themes)
            (items if n < head[5] else actions if n < head[5] + head[6] else decisions).append(
                [*lengths, *(theme_place[t] for t in themes if t in theme_place)]
            )
    theme_terms = {t.theme.slug: _counted(t.theme.name) for t in archive.themes}
    # A theme no document has adds nothing to lunr's index.
    of_themes = sorted({t for slug in used for t in theme_terms.get(slug, ()) if t.__class__ is str})
    texts, longest = vocabulary(held, of_themes, range_starts(archive))
    years, place = [], 0
    for year, in_year in sorted(archive.years):
        years.append([str(year), place])
        place += len(in_year)
    data = {
        "version": wire.VERSION,
        "separator": separator_source(),
        "fields": [[f["field_name"], f.get("boost", 1)] for f in FIELDS],
        "actionBoost": ACTION_BOOST,
        # In UTF-16 code units, as JavaScript counts: a word whose term is longer, by more than a close
        # spelling allows, matches nothing, and the search passes it over rather than spell it out.
        "longest": longest,
        "themes": {t.theme.slug: {"n": t.theme.name, "w": theme_terms[t.theme.slug]} for t in archive.themes},
        "themeOrder": theme_order,
        "people": [
            [
                p.person.name,
                person_path(p.person.slug),
                person_summary(p, archive.site.locale),
                " ".join(label for label, _, _ in p.roles_first_to_last),
            ]
            for p in archive.people
        ],
        "glossary": glossary_pairs(archive.content.glossary),
        "minutes": {m.id: m.status for m in archive.meetings if m.status != "approved"},
        "ranges": list(range_starts(archive)),
        "years": years,
        "meetings": meetings,
        "docs": items + actions + decisions,
    }
    if decided:
        data["decisions"] = decided
    words = {
        words_path(n): wire.script(wire.keyed_assignment(wire.WORDS_GLOBAL, n), text) for n, text in enumerate(texts)
    }
    return wire.script(wire.main_assignment(), wire.compact_json(data)), words


def _counted(text: str) -> list:
    """A field's index terms with their counts, in first-seen order (wire.counted)."""
    return wire.counted(_counts(text))


def index_outputs(archive: Archive) -> dict[str, list[str]]:
    """Each year's term files, by year (made from the year's meetings)."""
    count = len(range_starts(archive))
    return {str(year): [term_path(year, n) for n in range(count)] for year, _ in archive.years}


def outputs(archive: Archive) -> tuple[str, ...]:
    """Every file the search is made of."""
    terms = [path for paths in index_outputs(archive).values() for path in paths]
    return (MAIN, *words_outputs(archive), *terms, *(text_path(m.id) for m in archive.meetings))


def search_files(archive: Archive, item_texts) -> dict[str, bytes]:
    """Every search file, made from nothing kept: `item_texts(meeting)` gives each meeting's ItemTexts."""
    parts = {m.id: meeting_part(archive, m, item_texts(m)).encode("utf-8") for m in archive.meetings}
    summaries = {m: summary_line(part) for m, part in parts.items()}
    return index_files(archive, summaries, parts, {year for year, _ in archive.years}, {m.id for m in archive.meetings})


def index_files(
    archive: Archive,
    summaries: dict[str, bytes],
    parts: dict[str, bytes],
    years: set[int],
    texts: set[str],
    vocabulary: Vocabulary = whole_vocabulary,
) -> dict[str, bytes]:
    """search/index.js and the words files from every meeting's summary line (their texts by `vocabulary`),
    and from the parts of their meetings, the term files of `years` and the text files of the meetings
    in `texts`."""
    main, words = main_and_words_scripts(archive, summaries, vocabulary)
    files = {MAIN: main, **words}
    for year, meetings in sorted(archive.years):
        if year in years:
            files.update(term_scripts(archive, year, meetings, parts))
    files.update({text_path(m): text_script(m, parts[m]) for m in texts})
    return files
