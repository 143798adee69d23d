"""The assurance fixture keeps each meeting's source text beside it, and every source text is a meeting's.

tests/fixtures/assurance-sources/NAME.txt is the raw text of the PDF that meetings/NAME.md of the fixture was
made from, as sources/ keeps them for the repository's own archive (checked by tests/archive/test_sources.py).
"""

from tests.conftest import ASSURANCE, ASSURANCE_SOURCES

MEETINGS = ASSURANCE / "meetings"


def test_the_meetings_imported_from_documents_keep_their_source_texts():
    # The five meetings were made from their PDFs' text; a meeting typed up afresh with `new` has none,
    # so only a text that is kept is held to (test_faithfulness).
    imported = [m for m in sorted(MEETINGS.glob("*.md")) if (ASSURANCE_SOURCES / f"{m.stem}.txt").is_file()]
    assert len(imported) == 5, f"expected the five source texts in {ASSURANCE_SOURCES}"


def test_every_source_text_is_named_after_a_meeting_file():
    texts = sorted(ASSURANCE_SOURCES.iterdir())
    assert texts, f"no source texts in {ASSURANCE_SOURCES}"
    strays = [p.name for p in texts if p.suffix != ".txt" or not (MEETINGS / f"{p.stem}.md").is_file()]
    assert strays == [], f"in {ASSURANCE_SOURCES.name}/ but not the .txt of a meeting file of the fixture: {strays}"
