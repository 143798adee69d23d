"""Each seed imported on its own, compared field by field with the meeting file an editor curated from it.

The seeds are the source texts of the assurance fixture, the raw text of the published minutes
(tests/fixtures/assurance-sources/NAME.txt for tests/fixtures/assurance/meetings/NAME.md); its meetings/
holds what an editor made of them. Each seed is imported into a copy of the fixture without its own
meeting, as if it were new to the archive.

Where the importer cannot reach what the editor did, the check is marked
xfail(strict=True) with the reason: a record of the importer's limits that fails
the day one of them is lifted, so the mark is removed with it.
"""

from __future__ import annotations

import io
import re
import shutil
from collections import Counter
from contextlib import redirect_stderr, redirect_stdout
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

from minutebook.cli import main
from minutebook.content.load import SourceFile, parse_meeting
from minutebook.model import Meeting
from tests.conftest import ASSURANCE, ASSURANCE_SOURCES

SOURCES = ASSURANCE_SOURCES
# The meetings whose source texts the importer was built against; the limits below are theirs.
DATES = ["2016-10-19", "2018-02-27", "2019-04-30", "2021-03-23", "2021-12-20"]


def limit(date: str, reason: str):
    return pytest.param(date, marks=pytest.mark.xfail(strict=True, reason=reason))


def dates(**limits: str):
    """Every seed's date; those named (with underscores for hyphens) are known limits."""
    named = {key.removeprefix("d").replace("_", "-"): reason for key, reason in limits.items()}
    return pytest.mark.parametrize("date", [limit(d, named[d]) if d in named else d for d in DATES])


@dataclass(frozen=True)
class Imported:
    draft: Meeting
    curated: Meeting
    text: str  # the draft as written
    seed: str
    output: str  # what the command printed


def load(path: Path) -> Meeting:
    errors: list = []
    text = path.read_text(encoding="utf-8")
    meeting = parse_meeting(SourceFile.of_text(f"content/meetings/{path.name}", text), errors)
    assert errors == [], errors
    return meeting


def import_seed(date: str, folder: Path) -> Imported:
    (curated,) = (ASSURANCE / "meetings").glob(f"{date}-*.md")
    seed = SOURCES / f"{curated.stem}.txt"
    content = folder / "content"
    shutil.copytree(ASSURANCE, content, ignore=lambda _, names: [n for n in names if n.startswith(date)])
    copy = Path(shutil.copy(seed, folder / seed.name))
    printed = io.StringIO()
    with redirect_stdout(printed), redirect_stderr(printed):
        assert main(["import", str(copy), "--content", str(content)]) == 0
    written = content / "meetings" / curated.name
    return Imported(
        load(written),
        load(curated),
        written.read_text(encoding="utf-8"),
        seed.read_text(encoding="utf-8"),
        printed.getvalue(),
    )


@pytest.fixture(scope="module")
def imported(tmp_path_factory):
    done: dict[str, Imported] = {}

    def of(date: str) -> Imported:
        if date not in done:
            done[date] = import_seed(date, tmp_path_factory.mktemp(date))
        return done[date]

    return of


# ---------------------------------------------------------------- header facts


@dates()
def test_title_type_and_source_title(imported, date):
    both = imported(date)
    assert (both.draft.title, both.draft.type, both.draft.source_title) == (
        both.curated.title,
        both.curated.type,
        both.curated.source_title,
    )


@dates()
def test_date_and_time(imported, date):
    both = imported(date)
    assert (both.draft.date, both.draft.time) == (both.curated.date, both.curated.time)


@dates()
def test_venue(imported, date):
    assert imported(date).draft.venue == imported(date).curated.venue


@dates()
def test_chair(imported, date):
    assert imported(date).draft.chair == imported(date).curated.chair


@dates()
def test_minute_taker_and_role(imported, date):
    both = imported(date)
    assert (both.draft.minute_taker.person, both.draft.minute_taker.role) == (
        both.curated.minute_taker.person,
        both.curated.minute_taker.role,
    )


# ---------------------------------------------------------------- people


def people(attendees) -> list[tuple[str, str, str]]:
    return [(a.person, a.abbreviation, a.role) for a in attendees]


@dates()
def test_attendees_with_abbreviations_and_roles(imported, date):
    assert people(imported(date).draft.attendees) == people(imported(date).curated.attendees)


@dates()
def test_apologies_with_abbreviations_and_roles(imported, date):
    assert people(imported(date).draft.apologies) == people(imported(date).curated.apologies)


# ---------------------------------------------------------------- agenda


def numbers(meeting: Meeting) -> list[str]:
    return [item.number for item in meeting.agenda]


@dates()
def test_agenda_numbers_whatever_their_order(imported, date):
    assert sorted(numbers(imported(date).draft)) == sorted(numbers(imported(date).curated))


@dates(
    d2019_04_30=(
        "the second page was extracted bottom to top; "
        "the importer keeps the printed order (4, 3, 2.2) and marks it CHECK, the editor restored 2.2, 3, 4"
    )
)
def test_agenda_numbers_in_order(imported, date):
    assert numbers(imported(date).draft) == numbers(imported(date).curated)


@dates()
def test_agenda_titles_ignoring_capitals(imported, date):
    titles = lambda m: {i.number: i.title.casefold() for i in m.agenda}  # noqa: E731
    assert titles(imported(date).draft) == titles(imported(date).curated)


@dates(
    d2019_04_30=(
        "'ROADS POLICING' is printed in capitals and no earlier meeting has the title; "
        "it stays in capitals, marked CHECK"
    ),
    d2016_10_19=(
        "five titles are printed in capitals that no other meeting has (such as 'DELIVERY OF STRATEGIC INITIATIVES'); "
        "they stay in capitals, marked CHECK"
    ),
)
def test_agenda_titles_exactly(imported, date):
    titles = lambda m: {i.number: i.title for i in m.agenda}  # noqa: E731
    assert titles(imported(date).draft) == titles(imported(date).curated)


# ---------------------------------------------------------------- actions


@dates()
def test_action_count_items_and_owners(imported, date):
    owners = lambda m: [(a.id, a.item, a.owner) for a in m.actions]  # noqa: E731
    assert owners(imported(date).draft) == owners(imported(date).curated)


@dates(
    d2016_10_19=(
        "the action's last word is printed 'me' + 'eeting.' across the cut left-hand column; it stays verbatim, "
        "marked CHECK, where the editor wrote 'meeting.'"
    )
)
def test_action_texts(imported, date):
    texts = lambda m: [" ".join(a.text.replace("’", "'").split()) for a in m.actions]  # noqa: E731
    assert texts(imported(date).draft) == texts(imported(date).curated)


# ---------------------------------------------------------------- next meeting


@dates()
def test_next_meeting_date_and_time(imported, date):
    nxt = lambda m: (m.next_meeting.date, m.next_meeting.time)  # noqa: E731
    assert nxt(imported(date).draft) == nxt(imported(date).curated)


@dates()
def test_next_meeting_type_and_venue(imported, date):
    nxt = lambda m: (m.next_meeting.type, m.next_meeting.venue)  # noqa: E731
    assert nxt(imported(date).draft) == nxt(imported(date).curated)


@dates(
    d2021_03_23=(
        "the next meeting is printed on two lines; the importer keeps the line break, "
        "the editor joined them with a dash"
    )
)
def test_next_meeting_as_minuted(imported, date):
    assert imported(date).draft.next_meeting.as_minuted == imported(date).curated.next_meeting.as_minuted


# ---------------------------------------------------------------- faithfulness

MARKER = re.compile(r"\[CHECK: [^\]]*\]")


def words(text: str) -> list[str]:
    """Lower-case words; tags, markers and Markdown marks are not words, and both apostrophes are one."""
    text = MARKER.sub(" ", re.sub(r"<[^>]*>", " ", text)).replace("’", "'")
    return re.findall(r"[^\W_]+(?:'[^\W_]+)*", text.lower())


def draft_parts(text: str) -> tuple[list[str], list[str]]:
    """The draft's words: the front matter's values (comments and editorial notes left out), and the body."""
    _, front, body = text.split("---\n", 2)
    data = yaml.safe_load(front)
    data.pop("editorial_notes", None)

    def strings(value):
        if isinstance(value, dict):
            return [s for v in value.values() for s in strings(v)]
        if isinstance(value, list):
            return [s for v in value for s in strings(v)]
        return [str(value)]

    body_lines = [line for line in body.splitlines() if not line.startswith("## ")]  # headings repeat the agenda
    return words(" ".join(strings(data))), words("\n".join(body_lines))


KEPT_MIN = 0.95  # the header labels (Date:, Chair:, Name:, Capacity:) and weekdays are not kept as words


@dates()
def test_the_draft_keeps_the_seeds_words(imported, date):
    """Nothing dropped: the seed's words, counted with repeats, are found in the draft. The
    header and attendance table become front-matter values, so those count with the body;
    the body alone keeps 90-95%, the rest being those header words."""
    both = imported(date)
    front, body = draft_parts(both.text)
    seed, draft = Counter(words(both.seed)), Counter(front + body)
    kept = sum((seed & draft).values()) / sum(seed.values())
    print(f"{date}: {kept:.1%} of the seed's words kept")
    assert kept >= KEPT_MIN


@dates()
def test_the_body_adds_no_word_the_seed_lacks(imported, date):
    """Every body word is a seed word, or two seed words side by side rejoined ("12" "th",
    "Ac" "tions"): a repair of layout, never a new word."""
    both = imported(date)
    seed = words(both.seed)
    known = set(seed) | {a + b for a, b in zip(seed, seed[1:], strict=False)}
    assert [w for w in draft_parts(both.text)[1] if w not in known] == []


@dates()
def test_the_draft_passes_check(imported, date):
    checked = imported(date).output.split("with the draft in it:\n", 1)[1]
    problems = [line for line in checked.splitlines() if line.startswith("  ")]
    assert problems == ["  no problems found."] or problems == []
