"""The OCD and Popolo files are made again when a meeting's facts change, and an incremental build of them
gives byte for byte what a full build gives."""

import shutil
from pathlib import Path

from minutebook.outputs.civicdata import OCD_EVENTS, POPOLO
from minutebook.pipeline import Paths, build
from tests.conftest import FIXTURES
from tests.rebuild.test_incremental import APRIL, add_a_word, files_rewritten_by, snapshot

JUNE = "meetings/2019-06-18-city-council.md"


def _edit(content, old, new):
    meeting = content / JUNE
    assert old in meeting.read_text(encoding="utf-8")
    meeting.write_text(meeting.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")


def test_a_changed_vote_remakes_the_popolo_file_as_a_full_build_makes_it(tmp_path):
    content = shutil.copytree(FIXTURES / "citycouncil", tmp_path / "content")
    paths = Paths(content=content)
    build(paths, tmp_path / "incremental")
    before = (tmp_path / "incremental" / POPOLO).read_bytes()
    _edit(content, "martin-yoder\n        vote: absent", "martin-yoder\n        vote: abstain")
    build(paths, tmp_path / "incremental")
    build(paths, tmp_path / "full")
    assert (tmp_path / "incremental" / POPOLO).read_bytes() != before
    assert snapshot(tmp_path / "incremental") == snapshot(tmp_path / "full")


def test_a_changed_venue_remakes_the_events_file_as_a_full_build_makes_it(tmp_path):
    content = shutil.copytree(FIXTURES / "citycouncil", tmp_path / "content")
    paths = Paths(content=content)
    build(paths, tmp_path / "incremental")
    before = (tmp_path / "incremental" / OCD_EVENTS).read_bytes()
    _edit(content, "venue: Council Chambers, Fernhollow City Hall", "venue: Fernhollow Community Center")
    build(paths, tmp_path / "incremental")
    build(paths, tmp_path / "full")
    assert b"Fernhollow Community Center" in (tmp_path / "incremental" / OCD_EVENTS).read_bytes() != before
    assert snapshot(tmp_path / "incremental") == snapshot(tmp_path / "full")


def test_a_changed_sentence_leaves_both_files_unwritten_as_they_carry_facts_never_words(tmp_path):
    assert not {OCD_EVENTS, POPOLO} & files_rewritten_by(add_a_word, tmp_path)


def move_the_meeting(content: Path, templates: Path) -> None:
    path = content / APRIL
    path.write_text(path.read_text().replace("venue: Meeting Room 1.38 Hindlip", "venue: Meeting Room 2.04 Hindlip"))


def test_a_changed_venue_writes_the_events_file_anew(tmp_path):
    assert OCD_EVENTS in files_rewritten_by(move_the_meeting, tmp_path)


def test_a_person_added_to_an_archive_without_decisions_recounts_the_data_page_as_a_full_build_does(tmp_path):
    content = shutil.copytree(FIXTURES / "status", tmp_path / "content")
    paths = Paths(content=content)
    build(paths, tmp_path / "incremental")
    before = (tmp_path / "incremental" / "data/index.html").read_bytes()
    people = content / "people.yml"
    people.write_text(people.read_text(encoding="utf-8") + "- slug: a-new-member\n  name: A New Member\n", "utf-8")
    build(paths, tmp_path / "incremental")
    build(paths, tmp_path / "full")
    assert (tmp_path / "incremental" / "data/index.html").read_bytes() != before
    assert snapshot(tmp_path / "incremental") == snapshot(tmp_path / "full")
