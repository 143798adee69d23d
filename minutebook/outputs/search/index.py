"""Index: the search documents, and the files the browser searches them with.

One document per agenda item (a result lands on its anchor) and one per
action. The search is lunr's. Words become terms here, at build time, as
lunr.js's pipeline (trimmer, stop words, stemmer) makes them in the browser
(terms.py ports it: lunr.py's own stemmer differs), so each word is held
under the term a search looks it up under; what ships is each term's postings
with their counts, and assets/search.js makes from them exactly the index
lunr.py's Builder would build with those terms (same postings and BM25
scores; a test compares the two), and ranks with it as lunr.js's Index.query
does (a test compares those too), using lunr.js's query parser, stemmer and
TokenSet.

The index is split so a query fetches only what it needs (see
main_and_words_scripts, term_scripts and text_script for the formats):

- `search/index.js`: each meeting's and document's field lengths and themes,
  which scoring and the filters need;
- `search/words/<range>.js`: the terms of one range, sorted, for lunr's
  TokenSet; a word loads its own range's, a close spelling or a wildcard
  that is not a word's end loads them all;
- `search/terms/<year>-<range>.js`: the postings of one range of terms in one
  year; a query loads its terms' range in every year, no more, and scores
  with them: lunr scores a field only against the query's own terms, so the
  terms read so far rank exactly as the whole index would;
- `search/text/<meeting>.js`: what a meeting's results show (titles, links,
  text for snippets and phrases), loaded only for results drawn.

Shipping counts rather than scores keeps a rebuild small: scores depend on the
whole archive (how many documents hold a word, how long fields are on
average), so one edited meeting would change every score, while its counts
change only its own. Each meeting's part is made once and kept (pipeline.py),
its postings already cut into the ranges of terms, so an edit remakes one
year's term files by joining the parts' lines, and search/index.js from every
meeting's short summary.

Every file is a script, not JSON, so search also works from disk, where
browsers refuse to fetch files.

Phrases ("force priority") are checked in the browser against the stored
text, which results need for snippets anyway, rather than with term positions
in the index: on the first five meetings, positions made lunr's index half as
big again (201 to 300 KB; 29 to 50 KB gzipped) for that one feature. Kept in
files of their own, fetched only for a phrase, they spared a phrase most of
its texts, but at 500 synthetic meetings they were bigger than all the texts
(1.86 against 1.65 MB gzipped), so the search stays without them.
"""
from __future__ import annotations

import bisect
import functools
import json
import re
from collections import Counter, defaultdict
from dataclasses import dataclass

from lunr import __TARGET_JS_VERSION__

from minutebook.link import Archive, PersonRecord, TrackedAction, role_at
from minutebook.outputs.search.lunr_builder import Tokenizer
from minutebook.outputs.search.lunr_builder import build_index as build_lunr_index
from minutebook.model import Attendee, Meeting
from minutebook.model import STATUS_LABELS
from minutebook.site.links import action_path, item_link, person_path
from minutebook.site.render import long_date
from minutebook.outputs.search.layout import SEPARATORS, range_starts, separator_source

MAIN = "search/index.js"

# An action repeats words of the item it arose under; the item is the better answer.
ACTION_BOOST = 0.5

# Titles and themes say what an item is about; the body only mentions things.
FIELDS = (
    {"field_name": "title", "boost": 10},
    {"field_name": "themes", "boost": 5},
    {"field_name": "meeting", "boost": 2},
    {"field_name": "people", "boost": 2},
    {"field_name": "text"},
    {"field_name": "year"},
    {"field_name": "type"},
)
DOC_FIELDS = ("title", "people", "text")  # what each document carries; the rest come from its meeting and themes
MEETING_FIELDS = ("meeting", "year", "type")
FIELD_PLACE = {f["field_name"]: n for n, f in enumerate(FIELDS)}


@dataclass(frozen=True)
class SearchDocument:
    kind: str  # "item" or "action"
    key: str  # what it stands for: "<meeting id>#<anchor>" or "action:<id>"
    meeting: Meeting
    number: str  # the agenda item's number, in context: "2.1(d)" for item "d" under "2.1"
    title: str  # as a result shows it
    item_title: str  # the agenda item's title; for an item, its own title
    url: str
    text: str
    themes: tuple[str, ...]  # slugs
    people: tuple[tuple[str, str], ...]  # ("Name, role", abbreviation) of everyone the text names
    status: str = ""  # an action's current status


def documents(archive: Archive, item_texts) -> list[SearchDocument]:
    """Every searchable thing, items then actions: `item_texts(meeting)` gives each item's plain text."""
    names = person_names(archive)
    items = [d for meeting in archive.meetings for d in item_documents(archive, meeting, item_texts(meeting), names)]
    return items + [action_document(archive, tracked, names) for tracked in archive.actions]


def person_names(archive: Archive) -> dict[str, str]:
    return {p.person.slug: p.person.name for p in archive.people}


def item_documents(archive: Archive, meeting: Meeting, texts, names: dict[str, str]) -> list[SearchDocument]:
    """A meeting's agenda items, given the plain text of each."""
    owners = {}
    for tracked in archive.actions_of(meeting.id):
        if tracked.action.owner:  # the minutes may name no owner; then nobody is named for it
            owners.setdefault(tracked.action.item, []).append(tracked.action.owner)
    return [
        SearchDocument(
            kind="item",
            key=f"{meeting.id}#{item.anchor}",
            meeting=meeting,
            number=meeting.number_in_context(item.number),
            title=item.title,
            item_title=item.title,
            url=item_link(meeting.id, item.anchor),
            text=text.text,
            themes=item.themes,
            people=people_named(meeting, f"{item.title}\n{text.text}", owners.get(item.number, ()), names),
        )
        for item, text in zip(meeting.agenda, texts)
    ]


def action_document(archive: Archive, tracked: TrackedAction, names: dict[str, str]) -> SearchDocument:
    action = tracked.action
    meeting = archive.meeting(action.meeting_id)
    item = meeting.item(action.item)
    # Notes added later say what became of the action; they are searched with it.
    notes = [change.note for change in tracked.history[1:] if change.note]
    return SearchDocument(
        kind="action",
        key=f"action:{action.id}",
        meeting=meeting,
        number=meeting.number_in_context(action.item),
        title=f"Action {action.id}",
        item_title=item.title if item else "",
        url=action_path(action.id),
        text="\n".join([action.text, *notes]),
        themes=item.themes if item else (),
        people=people_named(meeting, action.text, [action.owner] if action.owner else [], names),
        status=STATUS_LABELS.get(tracked.status, tracked.status),
    )


def person_summary(record: PersonRecord) -> str:
    """What a person's search result says of them: roles held over time, meetings attended, actions owned."""
    roles = [f"{label}, {long_date(first.date)}" + ("" if first is last else f" to {long_date(last.date)}")
             for label, first, last in record.role_spans]
    counts = [f"{len(record.attended)} meeting{'s' * (len(record.attended) != 1)} attended"]
    if record.minuted:
        counts.append(f"{len(record.minuted)} minuted")
    if record.owned:
        counts.append(f"{len(record.owned)} action{'s' * (len(record.owned) != 1)} owned")
    return "; ".join(roles + counts)


def people_named(meeting: Meeting, text: str, owners, names: dict[str, str]) -> tuple[tuple[str, str], ...]:
    """Who `text` names, and who owns what arose from it, each as ("Name, role", the role's abbreviation).

    Minutes name people by the abbreviation of their role that day ("The DCC
    said"), so a search for a name or a role finds what that person said, and
    its snippet can open where the abbreviation stands."""
    everyone: list[Attendee] = [*meeting.attendees, *meeting.apologies, meeting.minute_taker]
    named = [a for a in everyone if a.abbreviation and _names(text, a.abbreviation)]
    named += [role_at(meeting, slug) or Attendee(slug, "") for slug in owners]
    found = {}
    for attendee in named:
        name = names.get(attendee.person, "")
        found.setdefault(attendee.person, (f"{name}, {attendee.role}" if attendee.role else name, attendee.abbreviation))
    return tuple(found.values())


def _names(text: str, abbreviation: str) -> bool:
    return abbreviation in text and _naming(abbreviation)(text) is not None  # most texts lack most abbreviations: a plain look first


@functools.lru_cache(maxsize=4096)
def _naming(abbreviation: str):
    """The search for an abbreviation standing as a word of its own; made once for each."""
    return re.compile(rf"(?<![\w&]){re.escape(abbreviation)}(?!\w)").search


def field_texts(d: SearchDocument, theme_names: dict[str, str]) -> dict[str, str]:
    """What lunr indexes of a document, field by field."""
    return {
        "title": d.item_title,
        "themes": " ".join(theme_names.get(t, t) for t in d.themes),
        "people": "\n".join(named for named, _ in d.people),
        "text": d.text,
        **meeting_fields(d.meeting),
    }


def meeting_fields(meeting: Meeting) -> dict[str, str]:
    """The fields every document of a meeting shares."""
    return {"meeting": meeting.title, "year": str(meeting.year), "type": meeting.type}


def build_index(docs: list[SearchDocument], theme_names: dict[str, str]) -> dict:
    """The serialised lunr index lunr.py makes of `docs`; each document's ref is its place in `docs`.

    The build ships term counts instead (see the module's docstring); this is what the
    browser must arrive at from them, and what the tests hold it to."""
    rows = [
        ({"ref": str(ref), **field_texts(d, theme_names)}, {"boost": ACTION_BOOST if d.kind == "action" else 1})
        for ref, d in enumerate(docs)
    ]
    return build_lunr_index("ref", list(FIELDS), rows, separators=SEPARATORS)


# ------------------------------------------------------------------ what ships


_tokenizer: Tokenizer | None = None


def meeting_part(archive: Archive, meeting: Meeting, texts) -> str:
    """A meeting's part of the search, as three lines of JSON: its summary, its stored text and its postings.

    `texts` are its items' ItemTexts. The part depends on the meeting, the reference files
    and the meetings that updated its actions (notes and status), nothing else, so a
    build keeps it until one of those changes; each file is joined from the lines it needs.

    summary   [title, ISO date, date as shown, year, type, items, actions, length of each
              meeting field], then one [length of each document field, theme slugs...] per
              document, items then actions, then every term it holds, sorted, in one string
              with spaces between (a list of strings takes several times longer to read back)
    text      {"items": [...], "actions": [...]}: n number, t title, u URL from the site root,
              x text, p people named, a the abbreviation each is named by ("" for none);
              actions add it the item's title and s the status
    then one line per range of terms (range_starts), its terms' postings in this meeting:
              {term: [[field place, document, -count when more than one, document, ...], ...]};
              documents are numbered items then actions from 0, and written as the difference
              from the one before; a meeting field's document is 0, standing for all of them
    A year's term files are these lines joined, so an edit costs no more than its own meeting.
    """
    names = person_names(archive)
    theme_names = {t.theme.slug: t.theme.name for t in archive.themes}
    docs = item_documents(archive, meeting, texts, names)
    docs += [action_document(archive, tracked, names) for tracked in archive.actions_of(meeting.id)]
    postings: dict[str, dict[int, list[int]]] = defaultdict(dict)  # term -> field place -> [document, count, ...]
    shared = meeting_fields(meeting)
    lengths = [_post(postings, FIELD_PLACE[name], 0, shared[name]) for name in MEETING_FIELDS]
    items = sum(1 for d in docs if d.kind == "item")
    summary: list = [[meeting.title, meeting.date.isoformat(), long_date(meeting.date), str(meeting.year), meeting.type, items, len(docs) - items, *lengths]]
    for n, d in enumerate(docs):
        fields = field_texts(d, theme_names)
        summary.append([*(_post(postings, FIELD_PLACE[name], n, fields[name]) for name in DOC_FIELDS), *d.themes])
    terms, by_range = _sorted_by_range(postings, range_starts(archive))
    summary.append(" ".join(terms))
    stored = {"items": [_stored(d) for d in docs if d.kind == "item"], "actions": [_stored(d) for d in docs if d.kind == "action"]}
    ranges = [{term: _entry(postings[term]) for term in in_range} for in_range in by_range]
    return "\n".join(_json(piece) for piece in (summary, stored, *ranges))


def _json(data) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))  # never a line break: the part's lines stay three


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
    entry = {"n": d.number, "t": d.title, "u": d.url, "x": d.text, "p": [named for named, _ in d.people], "a": [called for _, called in d.people]}
    if d.kind == "action":
        entry.update(it=d.item_title, s=d.status)
    return entry


# ------------------------------------------------------------------ the files

TEXTS = "search/text/"  # one file per meeting: what its results show
TERMS = "search/terms/"  # the postings: one file per year and range of terms
WORDS = "search/words/"  # the terms themselves: one file per range, loaded with its postings


def text_path(meeting_id: str) -> str:
    return f"{TEXTS}{meeting_id}.js"


def term_path(year: int, number: int) -> str:
    return f"{TERMS}{year}-{number}.js"


def words_path(number: int) -> str:
    return f"{WORDS}{number}.js"


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
    return _script_text(f"(window.MINUTEBOOK_SEARCH_TEXTS=window.MINUTEBOOK_SEARCH_TEXTS||{{}})[{json.dumps(meeting_id)}]=", _lines(part)[1])


def term_scripts(archive: Archive, year: int, meetings, parts: dict[str, bytes]) -> dict[str, bytes]:
    """A year's term files: for each range of terms, its postings in each of the year's meetings.

    A file sets `window.MINUTEBOOK_SEARCH_TERMS["<year>-<range>"]` to a list with one entry per
    meeting of the year, in archive order: that meeting's line for the range (see meeting_part)."""
    lines = [_lines(parts[m.id]) for m in meetings]
    prefix = "(window.MINUTEBOOK_SEARCH_TERMS=window.MINUTEBOOK_SEARCH_TERMS||{})"
    return {
        term_path(year, n): _script_text(f"{prefix}[{json.dumps(f'{year}-{n}')}]=", b"[" + b",".join(meeting[2 + n] for meeting in lines) + b"]")
        for n in range(len(range_starts(archive)))
    }


def _entry(fields: dict[int, list]) -> list[list[int]]:
    out = []
    for field in sorted(fields):
        flat, last = fields[field], 0
        listed = [field]
        for owner, count in zip(flat[::2], flat[1::2]):
            listed.append(owner - last)
            if count > 1:
                listed.append(-count)
            last = owner
        out.append(listed)
    return out


def summary_line(part: bytes) -> bytes:
    """The first line of a meeting's part: all that search/index.js needs of it."""
    return part[: part.find(b"\n")] if b"\n" in part else part


def glossary_pairs(glossary) -> list[list[str]]:
    """[abbreviation, expansion] for the search. search.js takes a typed word that is an abbreviation
    and "s" as its plural ("KSIs"); any other plural ("4P's") goes in as an abbreviation of its own."""
    return [[form, g.expansion] for g in glossary
            for form in (g.abbreviation, *(p for p in g.plurals if p.lower() != g.abbreviation.lower() + "s"))]


def main_and_words_scripts(archive: Archive, summaries: dict[str, bytes], kept: Vocabulary | None = None,
                           changed: dict[str, bytes | None] | None = None) -> tuple[bytes, dict[str, bytes], Vocabulary]:
    """search/index.js, the words files by path, and the vocabulary they hold, made from every meeting's summary line.

    `kept`, the vocabulary of an earlier build, saves reading every meeting's terms again: `changed` gives,
    for each meeting whose summary line differs from that build's, its line then (None if it was not there).

    search/index.js tells how to score, the meetings and documents, and which files hold what.

    It sets `window.MINUTEBOOK_SEARCH` to
        version, separator, fields ([name, boost], in lunr's order), actionBoost, longest (the
                    longest index term's length)
        themes      slug -> {n: name, w: its terms with counts ("a", "b", 3)}; the themes
                    field of a document is the names of its themes
        themeOrder  the theme slugs documents refer to by place
        people      [name, URL from the site root, what their page says of them, the roles they held],
                    for finding a person by name: their page is the answer, above what merely names them
        glossary    [abbreviation, expansion], so either finds what says the other; a plural
                    other than the abbreviation and "s" ("4P's") is a pair of its own
        minutes     meeting id -> "draft" or "cancelled", for the meetings whose minutes are not approved
        ranges      the first term of each range of terms (files search/words/<range>.js and
                    search/terms/<year>-<range>.js)
        years       [year, its first meeting's place], oldest first
        meetings    [id, title, ISO date, date as shown, year, type, items, actions, lengths of
                    the meeting fields], in archive order
        docs        one entry per document, all items meeting by meeting, then all actions:
                    [lengths of the document fields, theme places...]; a document's ref is its place

    search/words/<range>.js sets `window.MINUTEBOOK_SEARCH_WORDS[<range>]` to every index term of
    the range, sorted as JavaScript sorts strings, each written as how many leading characters it
    shares with the one before (0-9) and the rest, separated by spaces (which no term holds).
    """
    theme_order = [t.theme.slug for t in archive.themes]
    theme_place = {slug: n for n, slug in enumerate(theme_order)}
    meetings, items, actions, used, held = [], [], [], set(), {}
    for meeting in archive.meetings:
        summary = json.loads(summaries[meeting.id])
        head, docs, held[meeting.id] = summary[0], summary[1:-1], summary[-1]
        meetings.append([meeting.id, *head])
        for n, doc in enumerate(docs):
            lengths, themes = doc[: len(DOC_FIELDS)], doc[len(DOC_FIELDS):]
            used.update(themes)
            (items if n < head[5] else actions).append([*lengths, *(theme_place[t] for t in themes if t in theme_place)])
    theme_terms = {t.theme.slug: _counted(t.theme.name) for t in archive.themes}
    # A theme no document has adds nothing to lunr's index.
    of_themes = sorted({t for slug in used for t in theme_terms.get(slug, ()) if t.__class__ is str})
    starts = range_starts(archive)
    vocabulary = None
    if kept is not None and changed is not None and kept.starts == starts:
        try:
            vocabulary = kept.after({m: (was and json.loads(was)[-1]) for m, was in changed.items()},
                                    {m: held.get(m) for m in changed}, of_themes)
        except (ValueError, TypeError, IndexError):
            pass  # what was kept does not add up: the vocabulary is made again
    if vocabulary is None:
        vocabulary = Vocabulary.of(held.values(), of_themes, starts)
    years, place = [], 0
    for year, in_year in sorted(archive.years):
        years.append([str(year), place])
        place += len(in_year)
    data = {
        "version": __TARGET_JS_VERSION__,
        "separator": separator_source(),
        "fields": [[f["field_name"], f.get("boost", 1)] for f in FIELDS],
        "actionBoost": ACTION_BOOST,
        # In UTF-16 code units, as JavaScript counts: a word whose term is longer, by more than a close
        # spelling allows, matches nothing, and the search passes it over rather than spell it out.
        "longest": max((len(t.encode("utf-16-le")) // 2 for t in (*vocabulary.held, *vocabulary.of_themes)), default=0),
        "themes": {t.theme.slug: {"n": t.theme.name, "w": theme_terms[t.theme.slug]} for t in archive.themes},
        "themeOrder": theme_order,
        "people": [[p.person.name, person_path(p.person.slug), person_summary(p), " ".join(dict.fromkeys(label for label, _, _ in p.role_spans))]
                   for p in archive.people],
        "glossary": glossary_pairs(archive.content.glossary),
        "minutes": {m.id: m.status for m in archive.meetings if m.status != "approved"},
        "ranges": list(range_starts(archive)),
        "years": years,
        "meetings": meetings,
        "docs": items + actions,
    }
    prefix = "(window.MINUTEBOOK_SEARCH_WORDS=window.MINUTEBOOK_SEARCH_WORDS||{})"
    words = {words_path(n): _script_text(f"{prefix}[{n}]=", text) for n, text in enumerate(vocabulary.texts)}
    return _script("window.MINUTEBOOK_SEARCH=", data), words, vocabulary


@dataclass(frozen=True)
class Vocabulary:
    """Every index term, as the words files list it: how many meetings hold each term, the theme names'
    terms, and each range's words as its file writes them. Kept between builds, it is updated with the
    meetings that changed rather than made again from every meeting's terms, and a range no term
    joined or left keeps its text."""

    starts: tuple[str, ...]
    held: dict[str, int]  # term -> how many meetings hold it
    of_themes: tuple[str, ...]
    texts: tuple[str, ...]  # per range: its words, front-coded, as JSON

    @staticmethod
    def of(terms_by_meeting, of_themes, starts) -> "Vocabulary":
        held: Counter[str] = Counter()
        for terms in terms_by_meeting:
            if terms:
                held.update(terms.split(" "))
        return Vocabulary._with(tuple(starts), dict(held), tuple(of_themes), None, set())

    def after(self, was: dict[str, str | None], now: dict[str, str | None], of_themes) -> "Vocabulary":
        """This vocabulary once each meeting's terms `was` are replaced by those it holds `now` (None: none)."""
        held, moved = dict(self.held), set()
        for m in set(was) | set(now):
            before, after = set((was.get(m) or "").split(" ")) - {""}, set((now.get(m) or "").split(" ")) - {""}
            for term in before - after:
                if held.get(term, 0) < 1:
                    raise ValueError(f"the kept vocabulary does not hold {term!r}")
                held[term] -= 1
                if not held[term]:
                    del held[term]
                    moved.add(term)
            for term in after - before:
                if term not in held:
                    held[term] = 0
                    moved.add(term)
                held[term] += 1
        moved.update(set(of_themes) ^ set(self.of_themes))
        return Vocabulary._with(self.starts, held, tuple(of_themes), self.texts, moved)

    @staticmethod
    def _with(starts, held, of_themes, texts, moved) -> "Vocabulary":
        """The vocabulary with each range's text made again where `moved` (terms that joined or left) falls,
        or everywhere when there are no `texts` to keep."""
        terms = set(held) | set(of_themes)
        if texts is None or not (_all_in_bmp(terms) and _all_in_bmp(moved)):
            by_range = dict(enumerate(_sorted_by_range(terms, starts)[1]))
        else:  # in the basic plane Python sorts as JavaScript does, so a range is sorted on its own
            by_range = {n: _range_terms(terms, starts, n) for n in {bisect.bisect_right(starts, term) - 1 for term in moved}}
        texts = list(texts or [""] * len(starts))
        for n, in_range in by_range.items():
            texts[n] = json.dumps(_front_coded(in_range), ensure_ascii=False)
        return Vocabulary(tuple(starts), held, tuple(of_themes), tuple(texts))

    def kept_text(self) -> str:
        return _json({"starts": self.starts, "held": self.held, "themes": self.of_themes, "texts": self.texts})

    @staticmethod
    def from_kept(text: str) -> "Vocabulary | None":
        try:
            data = json.loads(text)
            return Vocabulary(tuple(data["starts"]), dict(data["held"]), tuple(data["themes"]), tuple(data["texts"]))
        except (ValueError, KeyError, TypeError):
            return None


def _range_terms(terms, starts, n: int) -> list[str]:
    """The sorted terms of range `n` alone; for terms in the basic plane only, where Python sorts as JavaScript."""
    low, high = starts[n], starts[n + 1] if n + 1 < len(starts) else None
    return sorted(t for t in terms if t >= low and (high is None or t < high))


def _counted(text: str) -> list:
    """A field's index terms with their counts, in first-seen order: a count of one is left out ["a", "b", 3]."""
    return [part for term, count in _counts(text).items() for part in ((term,) if count == 1 else (term, count))]


def _front_coded(vocabulary: list[str]) -> str:
    out, previous = [], ""
    for term in vocabulary:
        shared, limit = 0, min(9, len(term), len(previous))
        while shared < limit and term[shared] == previous[shared]:
            shared += 1
        out.append(f"{shared}{term[shared:]}")
        previous = term
    return " ".join(out)


def _script(assignment: str, data) -> bytes:
    return _script_text(assignment, _json(data))


def _script_text(assignment: str, text: str | bytes) -> bytes:
    # `</` cannot appear inside the script, so no text in the minutes can end it early. In UTF-8 no
    # byte of another character is "<" or "/", so kept parts are changed as bytes, never decoded.
    if isinstance(text, bytes):
        return assignment.encode("utf-8") + text.replace(b"</", b"<\\/") + b";\n"
    return (assignment + text.replace("</", "<\\/") + ";\n").encode("utf-8")


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
    return index_files(archive, summaries, parts, {year for year, _ in archive.years}, {m.id for m in archive.meetings})[0]


def index_files(archive: Archive, summaries: dict[str, bytes], parts: dict[str, bytes], years: set[int], texts: set[str],
                kept: Vocabulary | None = None, changed: dict[str, bytes | None] | None = None) -> tuple[dict[str, bytes], Vocabulary]:
    """search/index.js and the words files from every meeting's summary line (see main_and_words_scripts for
    `kept` and `changed`), and from the parts of their meetings, the term files of `years` and the text files
    of the meetings in `texts`; with the vocabulary the words files hold."""
    main, words, vocabulary = main_and_words_scripts(archive, summaries, kept, changed)
    files = {MAIN: main, **words}
    for year, meetings in sorted(archive.years):
        if year in years:
            files.update(term_scripts(archive, year, meetings, parts))
    files.update({text_path(m): text_script(m, parts[m]) for m in texts})
    return files, vocabulary
