"""Minutes in the shapes other bodies print them: each printed field found, and no sentence lost.

The texts and the fields each prints are in `shapes.py`; run it as a module for the
table of fields found and CHECK markers per text.
"""

from __future__ import annotations

import pytest
import yaml

from minutebook.importer.draft import render
from minutebook.importer.found import Reference
from minutebook.importer.parse import parse
from minutebook.importer.read import read_lines
from tests.importer.documents import write_docx, write_pdf
from tests.importer.shapes import (
    COMMENT,
    FIXTURES,
    LIMITS,
    PDF_LIMITS,
    PRINTED,
    SEEDS,
    fields_of_draft,
    import_fixture,
    import_seed,
    lost_sentences,
    seed_text,
    sentences,
    without_comments_and_markers,
    words,
)

FIELDS = [
    pytest.param(name, field, marks=pytest.mark.xfail(strict=True, reason=LIMITS[name, field]))
    if (name, field) in LIMITS
    else (name, field)
    for name, printed in PRINTED.items()
    for field in printed
]


@pytest.fixture(scope="module")
def imported():
    done: dict = {}

    def of(name: str):
        if name not in done:
            done[name] = import_fixture(name)
        return done[name]

    return of


@pytest.mark.parametrize(("name", "field"), FIELDS)
def test_each_printed_field_is_found(imported, name, field):
    draft, _ = imported(name)
    assert fields_of_draft(draft)[field] == PRINTED[name][field]


@pytest.mark.parametrize("name", PRINTED)
def test_deleting_every_comment_and_check_marker_loses_no_sentence_of_the_source(imported, name):
    _, text = imported(name)
    source = (FIXTURES / name).read_text(encoding="utf-8")
    assert len(sentences(source)) > 10
    assert lost_sentences(source, text) == []


@pytest.mark.parametrize("name", PRINTED)
def test_no_comment_holds_a_sentence_of_the_minutes(imported, name):
    """Comments hold doubts and notes: a sentence of the source quoted in one would be the only copy an
    editor might delete."""
    _, text = imported(name)
    front = text.split("---\n", 2)[1]
    comments = " ".join(line.partition("#")[2] for line in front.splitlines() if "#" in line)
    assert [s for s in sentences((FIXTURES / name).read_text(encoding="utf-8")) if len(s) > 30 and s in comments] == []


@pytest.mark.parametrize("name", PRINTED)
def test_the_front_matter_is_the_meeting_format(imported, name):
    """The loader is being extended to this format (issue 26): items without a number, numbers
    such as "39/20" in quotes, and text before the first item."""
    draft, text = imported(name)
    front = yaml.safe_load(text.split("---\n", 2)[1])
    assert set(front) <= FORMAT_KEYS
    assert all(set(item) <= {"number", "title", "themes"} and item["title"] for item in front["agenda"])
    assert all(isinstance(item.get("number", ""), str) for item in front["agenda"])
    headings = [line[3:] for line in text.split("---\n", 2)[2].splitlines() if line.startswith("## ")]
    assert headings == [" ".join(filter(None, (i.get("number"), i["title"]))) for i in front["agenda"]]


FORMAT_KEYS = {
    "title", "date", "time", "type", "venue", "chair", "minute_taker", "attendees", "apologies",
    "agenda", "actions", "decisions", "next_meeting", "source", "editorial_notes",
}  # fmt: skip


def test_a_sentence_printed_only_in_the_heading_is_kept_before_the_first_item_and_marked(imported):
    _, text = imported("city-council.txt")
    body = text.split("---\n", 2)[2]
    assert body.index("MINUTES OF THE REGULAR MEETING OF THE CITY COUNCIL [CHECK:") < body.index("## ")


def test_motions_are_counted_under_their_item_and_kept_in_its_text(imported):
    draft, text = imported("city-council.txt")
    (item,) = [i for i in draft.agenda if i.number == "1"]
    assert item.motions == (
        "Moved by Council Member Diaz, seconded by Council Member Foster, to adopt Resolution 2019-14."
        " Motion carried 5-0.",
    )
    assert item.motions[0] in text.split("## 1 ")[1]


def test_an_unnumbered_item_has_a_heading_of_its_title_and_no_number_in_the_agenda(imported):
    _, text = imported("city-council.txt")
    assert "\n## CALL TO ORDER\n" in text
    assert "  - title: CALL TO ORDER" in text


RUN = 4  # words: shorter runs in a comment are labels and owner cells ("ACTION", "CC"), not minuted text


def runs(sequence: list[str]) -> set[tuple[str, ...]]:
    return {tuple(sequence[i : i + RUN]) for i in range(len(sequence) - RUN + 1)}


@pytest.mark.parametrize("date", SEEDS)
def test_no_comment_in_a_seeds_draft_holds_minuted_text_the_draft_lacks_elsewhere(date):
    """The seeds' table layout defeats the sentence check, so their drafts are held to this: no run of
    words of the source is in a comment unless the draft holds it elsewhere, or holds each of its
    words in a value (an attendance row printed as one line and read into names and roles)."""
    _, text, _ = import_seed(date)
    values, body = without_comments_and_markers(text)
    held = runs(body) | {r for value in values for r in runs(value.split())}
    value_words = set(" ".join(values).split())
    front = text.split("---\n", 2)[1]
    in_comments = runs(words(" ".join(m.group(0) for m in COMMENT.finditer(front))))
    only_there = in_comments & runs(words(seed_text(date))) - held
    assert [run for run in sorted(only_there) if not set(run) <= value_words] == []


# The PDF writer lays a line with tabs out as a table of narrow columns that cut its words apart,
# which no real running-text minutes do; those texts are held to Word alone.
TABBED = {name for name in PRINTED if "\t" in (FIXTURES / name).read_text(encoding="utf-8")}


FORMATS = [
    pytest.param(name, kind, marks=pytest.mark.xfail(strict=True, reason=PDF_LIMITS[name]))
    if kind == "pdf" and name in PDF_LIMITS
    else (name, kind)
    for name in PRINTED
    for kind in ("docx", "pdf")
    if not (kind == "pdf" and name in TABBED)
]


@pytest.mark.parametrize(("name", "kind"), FORMATS)
def test_as_word_or_pdf_each_text_gives_the_same_fields_and_loses_no_sentence(tmp_path, name, kind):
    lines = (FIXTURES / name).read_text(encoding="utf-8").split("\n")
    path = (write_docx if kind == "docx" else write_pdf)(lines, tmp_path / f"minutes.{kind}")
    draft = parse(read_lines(path), Reference())
    expected = {f: value for f, value in PRINTED[name].items() if (name, f) not in LIMITS}
    assert {f: fields_of_draft(draft)[f] for f in expected} == expected
    assert lost_sentences((FIXTURES / name).read_text(encoding="utf-8"), render(draft, name)) == []
