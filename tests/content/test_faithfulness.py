"""The published minutes say what the source documents say: nothing dropped, nothing invented.

Each seed is the raw text of a PDF. We compare word sequences, after removing
layout debris (HTML tags, bullets, tabs, table headers) from the seed and
Markdown syntax from the published file, both lower-cased.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from minutebook.load import SourceFile, split_front_matter
from tests.conftest import ROOT

SEEDS = ROOT.parent / "shared" / "seeds"
MEETINGS = {
    "000_e8d12c249a835d18.txt": "2019-04-30-monthly-assurance.md",
    "001_3d99790f921a3b02.txt": "2018-02-27-monthly-assurance.md",
    "002_39cf77166eea17f9.txt": "2021-12-20-monthly-assurance.md",
    "003_5b8935b430f6f38f.txt": "2016-10-19-monthly-assurance.md",
    "004_f0bd8291bf4538cb.txt": "2021-03-23-monthly-assurance.md",
}
# Coverage: the share of the seed's 4-word runs found in the published text. Debris that
# legitimately disappears (column headers such as "Name: Capacity:", "ACTION", words split
# across columns, bracketed abbreviations moved into front matter) costs a few per cent;
# a dropped paragraph of even 60 words in a 1,500-word meeting costs about 4%.
COVERAGE = 0.95
RUN = 4
# Words found on one side only are repairs or debris ("eptember" in the seed, "September"
# published); they are left out of the run comparisons, listed, and limited to this share.
ONE_SIDED_WORDS = 0.03
# Invention: every 6-word run of the published body must occur in the seed. A repaired
# split word or rejoined page break creates a handful of runs that cross the repair.
INVENTED_ALLOWANCE = 0.01
INVENTED_RUN = 6


def words(text: str) -> list[str]:
    text = re.sub(r"<[^>]*>", " ", text)
    text = text.replace("’", "'").replace("‘", "'").replace("`", "'")
    return re.findall(r"[a-z0-9£%]+(?:'[a-z]+)?", text.lower())


def runs(sequence: list[str], n: int) -> set[tuple[str, ...]]:
    return {tuple(sequence[i : i + n]) for i in range(len(sequence) - n + 1)}


def strings(value) -> list[str]:
    if isinstance(value, dict):
        return [s for v in value.values() for s in strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in strings(v)]
    return [value] if isinstance(value, str) else []


def published(path: Path) -> tuple[list[str], list[list[str]]]:
    """(every word the meeting file publishes, the words of each body paragraph, headings left out)."""
    data, body, _ = split_front_matter(SourceFile(path.name, path.read_text(encoding="utf-8")), [])
    data = {k: v for k, v in data.items() if k != "editorial_notes"}  # our words about the text, not minuted
    blocks = re.split(r"\n\s*\n|\n(?=[-*] |\d+\. )", body)
    paragraphs = [words(b) for b in blocks if b.strip() and not b.lstrip().startswith("#")]
    return words(" ".join(strings(data)) + "\n" + body), paragraphs


def shared_only(sequence: list[str], other: set[str]) -> list[str]:
    return [w for w in sequence if w in other]


def one_sided(sequence: list[str], other: set[str]) -> list[str]:
    return [w for w in sequence if w not in other]


def repaired(seed: list[str], published_words: set[str]) -> list[str]:
    """The seed with its column debris undone: a fragment that ends a published word
    ("eptember" for "september") becomes that word; short stray fragments go."""
    tails = {}
    for word in published_words:
        for cut in range(1, len(word) - 3):
            tails.setdefault(word[cut:], word)
    out = []
    for w in seed:
        if w in published_words:
            out.append(w)
        elif len(w) >= 4 and w in tails:
            out.append(tails[w])
        elif len(w) > 3:
            out.append(w)
    return out


def coverage(seed: list[str], text: list[str]) -> float:
    seed = shared_only(repaired(seed, set(text)), set(text))
    wanted = runs(seed, RUN)
    return len(wanted & runs(text, RUN)) / len(wanted)


def invented(seed: list[str], paragraphs: list[list[str]]) -> list[str]:
    """Runs inside a paragraph that the seed never has; paragraphs may be moved, not made up."""
    vocabulary = set(seed)
    known = runs(seed, INVENTED_RUN)
    found = set().union(*(runs(shared_only(p, vocabulary), INVENTED_RUN) for p in paragraphs))
    return [" ".join(r) for r in sorted(found - known)]


def pairs():
    absent = pytest.mark.skipif(not SEEDS.is_dir(), reason=f"the seed texts are not at {SEEDS}")
    for seed, meeting in MEETINGS.items():
        path = ROOT / "content" / "meetings" / meeting
        yield pytest.param(SEEDS / seed, path, id=meeting.removesuffix(".md"), marks=absent)


@pytest.mark.parametrize("seed, meeting", list(pairs()))
def test_published_meeting_covers_its_seed(seed, meeting):
    everything, _ = published(meeting)
    figure = coverage(words(seed.read_text(encoding="utf-8")), everything)
    print(f"{meeting.name}: coverage {figure:.3f}")
    assert figure >= COVERAGE


@pytest.mark.parametrize("seed, meeting", list(pairs()))
def test_published_body_invents_nothing(seed, meeting):
    _, body = published(meeting)
    everything, _ = published(meeting)
    extra = invented(repaired(words(seed.read_text(encoding="utf-8")), set(everything)), body)
    share = len(extra) / max(1, sum(len(runs(p, INVENTED_RUN)) for p in body))
    if share:
        print(extra)
    print(f"{meeting.name}: runs not in seed {len(extra)} ({share:.3%})")
    assert share <= INVENTED_ALLOWANCE, extra


@pytest.mark.parametrize("seed, meeting", list(pairs()))
def test_words_on_one_side_only_are_few(seed, meeting):
    everything, body = published(meeting)
    seed_words = words(seed.read_text(encoding="utf-8"))
    lost = one_sided(repaired(seed_words, set(everything)), set(everything))
    added = one_sided([w for p in body for w in p], set(repaired(seed_words, set(everything))))
    print(f"{meeting.name}: seed words not published {sorted(set(lost))}; published words not in seed {sorted(set(added))}")
    assert len(lost) <= ONE_SIDED_WORDS * len(seed_words)
    assert len(added) <= ONE_SIDED_WORDS * len(seed_words)


def test_a_dropped_paragraph_falls_below_the_coverage_threshold(tmp_path):
    seed = SEEDS / "000_e8d12c249a835d18.txt"
    if not seed.exists():
        pytest.skip("seed texts not present")
    original = (ROOT / "content/meetings/2019-04-30-monthly-assurance.md").read_text(encoding="utf-8")
    paragraphs = original.split("\n\n")
    longest = max(range(len(paragraphs)), key=lambda i: len(paragraphs[i]) if not paragraphs[i].startswith(("#", "---")) else 0)
    damaged = tmp_path / "2019-04-30-monthly-assurance.md"
    damaged.write_text("\n\n".join(p for i, p in enumerate(paragraphs) if i not in (longest, longest - 2)), encoding="utf-8")
    everything, _ = published(damaged)
    assert coverage(words(seed.read_text(encoding="utf-8")), everything) < COVERAGE


def test_an_invented_sentence_is_caught(tmp_path):
    seed = SEEDS / "000_e8d12c249a835d18.txt"
    if not seed.exists():
        pytest.skip("seed texts not present")
    original = (ROOT / "content/meetings/2019-04-30-monthly-assurance.md").read_text(encoding="utf-8")
    changed = tmp_path / "m.md"
    changed.write_text(original + "\nThe Commissioner thanked everybody for a most productive and useful morning of discussion.\n")
    _, body = published(changed)
    assert invented(words(seed.read_text(encoding="utf-8")), body)
