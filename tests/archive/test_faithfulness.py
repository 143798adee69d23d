"""Every meeting of this archive made from a document is faithful to the text kept in sources/.

content/meetings/NAME.md made from a PDF or Word file keeps that document's text as sources/NAME.txt
(sources/README.md); the comparison (tests/faithfulness.py) holds the published minutes to it: nothing dropped,
nothing invented. A meeting typed up afresh has no source text, and nothing to be faithful to; an archive with
no source texts at all has nothing to compare, and passes.
"""

from __future__ import annotations

from tests.conftest import ROOT
from tests.faithfulness import pairs, unfaithful

CONTENT = ROOT / "content"
MEETINGS = CONTENT / "meetings"
SOURCES = ROOT / "sources"
# What sources/ holds besides the texts: the note that says what they are.
NOT_A_SOURCE_TEXT = {"README.md"}


def source_texts() -> list[str]:
    if not SOURCES.is_dir():
        return []
    return sorted(p.name for p in SOURCES.iterdir() if p.name not in NOT_A_SOURCE_TEXT)


def test_every_source_text_is_named_after_a_meeting_file():
    meetings = {m.stem for m in MEETINGS.rglob("*.md")} if MEETINGS.is_dir() else set()
    strays = [name for name in source_texts() if not name.endswith(".txt") or name.removesuffix(".txt") not in meetings]
    assert strays == [], f"in sources/ but not the .txt of a file in content/meetings/: {strays}"


def test_each_source_text_is_compared_with_its_meeting():
    # So that a meeting file moved or renamed away from its text cannot pass unread: as many comparisons as texts.
    compared = [seed.name for seed, _ in pairs(MEETINGS, SOURCES)] if MEETINGS.is_dir() else []
    assert compared == source_texts()
    assert bool(compared) == any(name.endswith(".txt") for name in source_texts())


def test_every_meeting_made_from_a_document_publishes_all_of_it_and_adds_nothing():
    compared = pairs(MEETINGS, SOURCES) if MEETINGS.is_dir() else []
    found = [line for seed, meeting in compared for line in unfaithful(seed, meeting)]
    print(f"compared {len(compared)} meetings with their source texts: {[m.stem for _, m in compared]}")
    assert found == [], "\n".join(found)
