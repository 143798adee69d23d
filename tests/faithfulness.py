"""How published minutes are held to what their source says: nothing dropped, nothing invented.

Each meeting's seed is its source text, sources/NAME.txt for content/meetings/NAME.md:
the raw text extracted from the meeting's PDF. This module compares the two; the tests that
use it are tests/content/test_faithfulness.py (the method, on the assurance fixture) and
tests/archive/test_faithfulness.py (every meeting of this repository's own archive). Both the seed and the published
meeting file (every front-matter string and the body) are reduced to a sequence
of lower-case words: HTML tags, bullets, tabs, table headers and punctuation go,
curly and straight apostrophes count alike, and a word hyphenated across a line
break is joined. The sequences are then compared as runs of consecutive words.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import yaml

# Coverage is measured in runs of 4 words: long enough that a shared run is rarely a
# coincidence, short enough that one repaired word costs only 4 runs.
COVERAGE_RUN = 4
# Layout debris legitimately disappears: column headers ("Name: Capacity:", "No. Item"),
# the ACTION column, header labels and dates rewritten as front matter, fragments of
# words split across columns. That costs these meetings 1-4%. Dropping one paragraph of
# 100 words from a 2,000-word meeting costs about 5% (see the test below).
COVERAGE_MIN = 0.95
# Coverage cannot see one dropped sentence, so each seed sentence is also looked for
# whole. Pieces shorter than 4 words are not: they cannot be told from debris such as
# "CC 3." (an ACTION-column owner and the next item's number) or "T O I".
SENTENCE_MIN = 4
# Invention is checked in runs of 6 words within each body paragraph (paragraphs may be
# moved, so runs do not cross them; headings are the editor's and are left out).
INVENTION_RUN = 6
# A run the seed lacks is tolerated only as a repair: a rejoined page break or restored
# page order joins two genuine passages, so at most 5 runs cross the join; one word
# rebuilt from column fragments ("e right time" -> "the right time") makes 6. A longer
# stretch means two or more consecutive words the seed never had: an invention.
REPAIR_MAX = INVENTION_RUN
# And repairs stay rare: at most 1% of a meeting's runs (about 15 runs, three repairs).
REPAIR_SHARE_MAX = 0.01

TABLE_HEADERS = re.compile(
    r"^[ \t]*Name:[ \t]+Capacity:[ \t]*$|^[ \t]*No\.[ \t]+Item[ \t]*$|\tACTION[ \t]*$", re.MULTILINE
)
HEADER_LINE = re.compile(r"^[-\s]*(?:Date:|Chair:|Minutes:|Venue\b|Attendance:|Apologies:).*$", re.MULTILINE)
HYPHEN_BREAK = re.compile(r"(\w)-[ \t]*\n\s*(\w)")
LIST_MARKER = re.compile(r"^\s*(?:[-*+•]|\d+[.)])\s+")


def words(text: str) -> list[str]:
    text = HYPHEN_BREAK.sub(r"\1\2", TABLE_HEADERS.sub(" ", text))
    text = re.sub(r"<[^>]*>", " ", text)
    text = re.sub("[\u2018\u2019\u02bc`]", "'", text).lower()
    return re.findall(r"[^\W_]+(?:'[^\W_]+)*", text)


def runs(sequence: list[str], n: int) -> list[tuple[str, ...]]:
    return [tuple(sequence[i : i + n]) for i in range(len(sequence) - n + 1)]


def strings(value) -> list[str]:
    if isinstance(value, dict):
        return [s for v in value.values() for s in strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in strings(v)]
    return [value] if isinstance(value, str) else []


def front_matter_and_body(path: Path) -> tuple[dict, str]:
    _, front, body = path.read_text(encoding="utf-8").split("---\n", 2)
    return yaml.safe_load(front), body


def published_words(path: Path) -> list[str]:
    """Every word the meeting publishes, except the editorial notes and the corrections: they are
    our words about the text, and they quote the very debris or mistakes they repaired."""
    data, body = front_matter_and_body(path)
    data.pop("editorial_notes", None)
    data.pop("corrections", None)
    return words(" ".join(strings(data)) + "\n" + body)


def body_paragraphs(path: Path) -> list[list[str]]:
    """The words of each paragraph and list entry of the body; headings left out."""
    blocks, current = [], []
    for line in front_matter_and_body(path)[1].splitlines():
        heading = line.lstrip().startswith("#")
        if not line.strip() or heading or LIST_MARKER.match(line):
            blocks.append(current)
            current = []
        if line.strip() and not heading:
            current.append(LIST_MARKER.sub("", line))
    blocks.append(current)
    return [w for w in (words(" ".join(b)) for b in blocks) if w]


def joined(sequence: list[str], vocabulary: set[str]) -> list[str]:
    """Neighbours that together make a published word ("12" "th") joined into it."""
    out, i = [], 0
    while i < len(sequence):
        pair = sequence[i : i + 2]
        if len(pair) == 2 and "".join(pair) in vocabulary and not set(pair) <= vocabulary:
            out.append("".join(pair))
            i += 2
        else:
            out.append(sequence[i])
            i += 1
    return out


def mend(seed: list[str], vocabulary: set[str]) -> list[str]:
    """The seed with the words its columns split put back, judged by the published
    vocabulary: neighbours joined, a fragment that ends a published word ("eptember")
    made that word, and stray fragments of up to 3 letters ("th", "ap") dropped."""
    endings = {}
    for word in sorted(vocabulary):
        for cut in range(1, len(word) - 3):
            endings.setdefault(word[cut:], word)
    return [
        word if word in vocabulary else endings.get(word, word)
        for word in joined(seed, vocabulary)
        if word in vocabulary or len(word) > 3
    ]


def seed_words(seed: Path, published: list[str]) -> list[str]:
    return mend(words(seed.read_text(encoding="utf-8")), set(published))


def coverage(seed: list[str], published: list[str]) -> float:
    wanted = set(runs(seed, COVERAGE_RUN))
    return len(wanted & set(runs(published, COVERAGE_RUN))) / len(wanted)


def seed_sentences(text: str) -> list[list[str]]:
    """The seed cut at sentence ends, tags, tabs, line ends and bullets: each piece is a
    sentence, or the part of one that a page or column break left. The header lines are
    left out: they become front-matter fields with their dates rewritten (the coverage
    test still counts them)."""
    text = HEADER_LINE.sub("\n", TABLE_HEADERS.sub("\n", HYPHEN_BREAK.sub(r"\1\2", text)))
    return [words(piece) for piece in re.split(r"<[^>]*>|[\t\n•]|(?<=[.?!])\s+", text)]


def occurrences(sentence: list[str], published: list[str], vocabulary: set[str]) -> int:
    """How often the sentence is found word for word; a seed fragment the published text
    never uses ("eptember", the "e" of "e right time") may stand for a published word
    it begins or ends."""
    sentence = joined(sentence, vocabulary)
    exact = f" {' '.join(published)} ".count(f" {' '.join(sentence)} ")
    if exact or all(word in vocabulary for word in sentence):
        return exact

    def same(mine: str, theirs: str) -> bool:
        return mine == theirs or (mine not in vocabulary and (theirs.endswith(mine) or theirs.startswith(mine)))

    return sum(
        all(same(a, b) for a, b in zip(sentence, published[i : i + len(sentence)], strict=True))
        for i in range(len(published) - len(sentence) + 1)
    )


def unpublished_sentences(seed: Path, meeting: Path) -> list[str]:
    """Seed sentences the published text has fewer times than the seed (usually: never)."""
    published = published_words(meeting)
    sentences = seed_sentences(seed.read_text(encoding="utf-8"))
    wanted = Counter(tuple(s) for s in sentences if len(s) >= SENTENCE_MIN)
    return [" ".join(s) for s, n in wanted.items() if occurrences(list(s), published, set(published)) < n]


def unsupported(seed: list[str], paragraph: list[str]) -> list[list[str]]:
    """Stretches of consecutive runs of the paragraph that the seed does not have.
    A paragraph shorter than a run is one run of its own length."""
    n = min(INVENTION_RUN, len(paragraph))
    known = set(runs(seed, n))
    stretches, current = [], []
    for run in runs(paragraph, n) + [None]:
        if run is not None and run not in known:
            current.append(" ".join(run))
        elif current:
            stretches.append(current)
            current = []
    return stretches


def is_repair(stretch: list[str], paragraph: list[str]) -> bool:
    """A repair is short and sits inside text that the seed does have."""
    return len(stretch) <= REPAIR_MAX and len(stretch) < len(runs(paragraph, INVENTION_RUN))


def pairs(meetings: Path, sources: Path) -> list[tuple[Path, Path]]:
    """(source text, meeting file) for every meeting under `meetings` whose source text is kept in `sources`,
    in name order. A meeting typed up afresh (python build.py new) has no such text, and nothing to be faithful to.
    """
    found = sorted(meetings.rglob("*.md"), key=lambda m: m.name)
    return [(sources / f"{m.stem}.txt", m) for m in found if (sources / f"{m.stem}.txt").is_file()]


def repairs_and_inventions(seed: Path, meeting: Path) -> tuple[list[str], list[list[str]], int]:
    """The runs of the body the seed lacks that count as repairs, the stretches that are inventions,
    and the number of runs of the body."""
    words_of_seed = seed_words(seed, published_words(meeting))
    paragraphs = body_paragraphs(meeting)
    found = [(s, p) for p in paragraphs for s in unsupported(words_of_seed, p)]
    invented = [s for s, p in found if not is_repair(s, p)]
    repaired = [run for s, p in found if is_repair(s, p) for run in s]
    total = sum(max(1, len(runs(p, INVENTION_RUN))) for p in paragraphs)
    return repaired, invented, total


def unfaithful(seed: Path, meeting: Path) -> list[str]:
    """Everything wrong with the meeting as a publication of its seed, one line each; [] when faithful."""
    name = meeting.stem
    published = published_words(meeting)
    figure = coverage(seed_words(seed, published), published)
    found = []
    if figure < COVERAGE_MIN:
        found.append(f"{name}: only {figure:.1%} of the seed's {COVERAGE_RUN}-word runs are published")
    found += [f"{name}: not published: {s!r}" for s in unpublished_sentences(seed, meeting)]
    repaired, invented, total = repairs_and_inventions(seed, meeting)
    found += [f"{name}: not in the seed: {' / '.join(s)!r}" for s in invented]
    if len(repaired) > REPAIR_SHARE_MAX * total:
        found.append(f"{name}: too many runs not in the seed ({len(repaired)} of {total}): {repaired}")
    return found
