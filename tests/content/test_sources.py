"""The meetings made from documents keep their source texts in the repository, and every source text is a meeting's.

sources/NAME.txt is the raw text of the PDF that content/meetings/NAME.md was made
from: the provenance of the published record, which the faithfulness tests read.
"""

from tests.conftest import ROOT

MEETINGS = ROOT / "content" / "meetings"
SOURCES = ROOT / "sources"
# What sources/ holds besides the texts: the note that says what they are.
NOT_A_SOURCE_TEXT = {"README.md"}


def test_the_meetings_imported_from_documents_keep_their_source_texts():
    # The five meetings of this archive were made from their PDFs' text; a meeting typed up
    # afresh with `new` has none, so only a text that is kept is held to (test_faithfulness).
    imported = [m for m in sorted(MEETINGS.glob("*.md")) if (SOURCES / f"{m.stem}.txt").is_file()]
    assert len(imported) >= 5, f"expected this archive's five source texts in {SOURCES}"


def test_every_source_text_is_named_after_a_meeting_file():
    texts = sorted(p for p in SOURCES.iterdir() if p.name not in NOT_A_SOURCE_TEXT)
    assert texts, f"no source texts in {SOURCES}"
    strays = [p.name for p in texts if p.suffix != ".txt" or not (MEETINGS / f"{p.stem}.md").is_file()]
    assert strays == [], f"in sources/ but not the .txt of a file in content/meetings/: {strays}"
