"""An incremental build of another body's minutes gives byte for byte what a full build gives, after an edit
to what only such minutes have: the preamble, a table, an arrival, the papers, the recording, the chair, and
a city council's locale (its words, its clock, its time zone) and its decisions, and a panel's first decision,
which gives every page a link to the decisions; and declarations of interest, added, edited and first made."""

import shutil

import pytest

from minutebook.pipeline import Paths, build
from tests.conftest import FIXTURES
from tests.rebuild.test_incremental import snapshot

NOVEMBER = "meetings/2017-11-14-parish-council.md"
SEPTEMBER = "meetings/2020-09-21-police-and-crime-panel.md"
JUNE = "meetings/2019-06-18-city-council.md"
DECEMBER = "meetings/2017-12-12-parish-council.md"

FIRST_DECISION = (
    'decisions:\n  - item: "40/20"\n    kind: decision\n    text: To note the annual report.\n    result: carried\n'
)

DECLARATION = 'declarations:\n  - person: {}\n    item: "75/17"\n    interest: A parish precept payer.\n'

EDITS = {
    "the preamble": ("parish", NOVEMBER, "two minutes' silence", "a minute's silence"),
    "a table's cell": ("parish", NOVEMBER, "| Grass cutting, October |", "| Grass cutting, September |"),
    "an arrival": ("parish", NOVEMBER, 'arrived: "19:40"', 'arrived: "19:45"'),
    "a paper": ("panel", SEPTEMBER, "recording:", "  - title: Minutes of the last meeting\nrecording:"),
    "the recording": ("panel", SEPTEMBER, "recording:\n", "recording:\n  title: Webcast\n"),
    "the chair, left out": ("panel", SEPTEMBER, "chair: alan-north\n", ""),
    "the word for those absent": ("citycouncil", "site.yml", "apologies: Absent", "apologies: Excused"),
    "the clock": ("citycouncil", "site.yml", "clock: 12", "clock: 24"),
    "the time zone": ("citycouncil", "site.yml", "America/Los_Angeles", "America/New_York"),
    "the language": ("citycouncil", "site.yml", "language: en-US", "language: en-CA"),
    "a meeting's time": ("citycouncil", JUNE, 'time: "19:00"', 'time: "18:30"'),
    "a decision's result": ("citycouncil", JUNE, "result: carried", "result: lost"),
    # The lists' theme filters: Parks is offered no more, and their rows carry Streets.
    "an item's theme": ("citycouncil", JUNE, "themes: [parks]", "themes: [streets]"),
    "a decision's text": ("citycouncil", JUNE, "approving the TIP.", "approving the TIP as amended."),
    "a member's vote": (
        "citycouncil",
        JUNE,
        "martin-yoder\n        vote: absent",
        "martin-yoder\n        vote: abstain",
    ),
    "the archive's first decision": ("panel", SEPTEMBER, "recording:\n", FIRST_DECISION + "recording:\n"),
    "a declaration's interest": ("parish", NOVEMBER, "Owns the field adjoining", "Rents the field adjoining"),
    "a declaration's kind, left out": ("parish", NOVEMBER, "    kind: pecuniary\n", ""),
    "a declaration added": ("parish", DECEMBER, "source:\n", DECLARATION.format("tom-avery") + "source:\n"),
    # Her page named nothing of December before: it must be made again all the same.
    "a declaration by someone the meeting names nowhere else": (
        "parish",
        DECEMBER,
        "source:\n",
        DECLARATION.format("priya-shah") + "source:\n",
    ),
    "the archive's first declaration": (
        "citycouncil",
        JUNE,
        "next_meeting:\n",
        'declarations:\n  - person: martin-yoder\n    item: "B"\n    interest: Owns a playground supplier.\n'
        "next_meeting:\n",
    ),
}


@pytest.mark.parametrize("what", EDITS)
def test_an_incremental_build_after_the_edit_matches_a_full_build(tmp_path, what):
    fixture, name, old, new = EDITS[what]
    content = shutil.copytree(FIXTURES / fixture, tmp_path / "content")
    paths = Paths(content=content)
    build(paths, tmp_path / "incremental")
    meeting = content / name
    assert old in meeting.read_text(encoding="utf-8")
    meeting.write_text(meeting.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")
    report = build(paths, tmp_path / "incremental")
    build(paths, tmp_path / "full")
    assert snapshot(tmp_path / "incremental") == snapshot(tmp_path / "full")
    assert report.rendered > 0


def test_after_the_archives_last_decision_is_removed_an_incremental_build_matches_a_full_build(tmp_path):
    content = shutil.copytree(FIXTURES / "panel", tmp_path / "content")
    meeting = content / SEPTEMBER
    original = meeting.read_text(encoding="utf-8")
    meeting.write_text(original.replace("recording:\n", FIRST_DECISION + "recording:\n", 1), encoding="utf-8")
    paths = Paths(content=content)
    build(paths, tmp_path / "incremental")
    assert (tmp_path / "incremental/data/decisions.csv").is_file()
    meeting.write_text(original, encoding="utf-8")
    build(paths, tmp_path / "incremental")
    build(paths, tmp_path / "full")
    assert snapshot(tmp_path / "incremental") == snapshot(tmp_path / "full")
    assert not (tmp_path / "incremental/data/decisions.csv").exists()
