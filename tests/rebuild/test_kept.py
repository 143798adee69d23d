"""Meetings and parts kept between builds come back exactly as they were made, and only for the code that made them."""

import dataclasses
import os
import pickle
import time

import pytest

from minutebook import pipeline
from minutebook.content.load import SourceFile, parse_content, read_sources
from minutebook.incremental import fingerprints, kept
from minutebook.incremental.cache import CODE, code_digest
from minutebook.incremental.fingerprints import SETTLED_SECONDS, facts, summary, tree_digest, tree_stamp
from minutebook.incremental.meetings import KnownMeetings
from minutebook.pipeline import Paths, build
from tests.conftest import ASSURANCE, FIXTURES


def every_field(value):
    """A value with every field, those left out of comparisons (origins, lines) included."""
    if dataclasses.is_dataclass(value):
        return (type(value).__name__, *(every_field(getattr(value, f.name)) for f in dataclasses.fields(value)))
    if isinstance(value, tuple):
        return tuple(every_field(v) for v in value)
    return value


@pytest.mark.parametrize("content", [ASSURANCE, FIXTURES / "hostile", FIXTURES / "search"])
def test_a_kept_meeting_is_the_meeting_parsing_gives_origins_and_all(content):
    sources, _ = read_sources(content)
    first = KnownMeetings({}, "code")
    parsed, _ = parse_content(sources, first)
    second = KnownMeetings(first.parts(), "code")
    kept_meetings, _ = parse_content(sources, second)
    assert kept_meetings.meetings and [every_field(m) for m in kept_meetings.meetings] == [
        every_field(m) for m in parsed.meetings
    ]
    assert second.summaries == first.summaries == {m.id: summary(m) for m in parsed.meetings}
    assert second.parts() == first.parts()


def decoded_paths(monkeypatch) -> list[str]:
    """The paths of the files whose text is decoded from now on."""
    paths, decode = [], SourceFile.text.fget
    monkeypatch.setattr(SourceFile, "text", property(lambda source: paths.append(source.path) or decode(source)))
    return paths


def test_a_kept_meeting_is_taken_without_decoding_its_file(monkeypatch):
    sources, _ = read_sources(FIXTURES / "small")
    first = KnownMeetings({}, "code")
    parse_content(sources, first)
    decoded = decoded_paths(monkeypatch)
    again, _ = read_sources(FIXTURES / "small")
    parse_content(again, KnownMeetings(first.parts(), "code"))
    meetings = [s.path for s in again if "/meetings/" in s.path]
    assert meetings and not set(meetings) & set(decoded)  # decoding is most of reading a file


def test_a_meeting_file_whose_bytes_changed_is_parsed_again_even_when_its_text_reads_the_same(monkeypatch):
    sources, _ = read_sources(FIXTURES / "small")
    first = KnownMeetings({}, "code")
    parse_content(sources, first)
    decoded = decoded_paths(monkeypatch)
    windows = [SourceFile(s.path, s.data.replace(b"\n", b"\r\n")) for s in sources]
    again = KnownMeetings(first.parts(), "code")
    parsed, _ = parse_content(windows, again)
    assert parsed.meetings and all(again.parts()[path][0] != key for path, (key, _) in first.parts().items())
    assert {s.path for s in windows if "/meetings/" in s.path} <= set(decoded)


def test_a_meeting_kept_by_other_code_is_parsed_again():
    sources, _ = read_sources(FIXTURES / "small")
    first = KnownMeetings({}, "old code")
    parse_content(sources, first)
    again = KnownMeetings(first.parts(), "new code")
    parse_content(sources, again)
    assert all(key != first.parts()[path][0] for path, (key, _) in again.parts().items())


def test_a_kept_meeting_that_is_not_a_meeting_is_parsed_again():
    sources, _ = read_sources(FIXTURES / "small")
    first = KnownMeetings({}, "code")
    parsed, _ = parse_content(sources, first)
    broken = {path: (key, pickle.dumps(("a summary", [1, 2]))) for path, (key, _) in first.parts().items()}
    cut_short = {path: (key, data[:-10]) for path, (key, data) in first.parts().items()}
    for tampered in (broken, cut_short):
        again, _ = parse_content(sources, KnownMeetings(tampered, "code"))
        assert [every_field(m) for m in again.meetings] == [every_field(m) for m in parsed.meetings]


def test_meetings_remembered_in_memory_are_taken_as_they_are_when_their_files_have_not_changed():
    sources, _ = read_sources(FIXTURES / "small")
    first = KnownMeetings({}, "code")
    parsed, _ = parse_content(sources, first)
    second = KnownMeetings(first.parts(), "code", remembered=first.read)
    taken, _ = parse_content(sources, second)
    assert all(a is b for a, b in zip(taken.meetings, parsed.meetings, strict=True))
    assert second.parts() == first.parts() and second.summaries == first.summaries


def test_a_remembered_meeting_whose_file_changed_is_parsed_again():
    sources, _ = read_sources(FIXTURES / "small")
    first = KnownMeetings({}, "code")
    parse_content(sources, first)
    edited = [SourceFile.of_text(s.path, s.text.replace("None were discussed.", "None were raised.")) for s in sources]
    second = KnownMeetings(first.parts(), "code", remembered=first.read)
    taken, _ = parse_content(edited, second)
    april = next(m for m in taken.meetings if m.id == "2019-04-30-monthly-assurance")
    assert april is not next(m for _, m in first.read.values() if m.id == april.id)
    assert "None were raised." in "".join(item.markdown for item in april.agenda)


def test_a_kept_set_comes_back_exactly(tmp_path):
    entries = {"a": ("key-a", "first line\r\nsecond – “é” 😀".encode()), "b": ("key-b", b"")}
    kept.write_set(tmp_path / "site", "texts", "code", entries)
    assert kept.read_set(tmp_path / "site", "texts", "code") == entries


def test_a_set_that_has_not_changed_is_not_written_again(tmp_path):
    entries = {"a": ("key-a", b"text")}
    kept.write_set(tmp_path / "site", "texts", "code", entries)
    path = kept.set_path(tmp_path / "site", "texts")
    before = path.stat().st_ino
    kept.write_set(tmp_path / "site", "texts", "code", entries, was=kept.read_set(tmp_path / "site", "texts", "code"))
    assert path.stat().st_ino == before
    kept.write_set(tmp_path / "site", "texts", "code", {"a": ("key-a", b"new text")}, was=entries)
    assert kept.read_set(tmp_path / "site", "texts", "code") == {"a": ("key-a", b"new text")}


def test_a_set_cut_short_or_damaged_is_made_again(tmp_path):
    kept.write_set(tmp_path / "site", "texts", "code", {"a": ("key-a", b"text of a" * 100)})
    path = kept.set_path(tmp_path / "site", "texts")
    whole = path.read_bytes()
    for damaged in (whole[:-100], whole[:40] + b"\xff" * 40 + whole[80:], b""):
        path.write_bytes(damaged)
        assert kept.read_set(tmp_path / "site", "texts", "code") == {}


UNPICKLED = []


def note_unpickling():
    UNPICKLED.append("unpickled")


class Noticed:
    """An object that says when it is unpickled."""

    def __reduce__(self):
        return note_unpickling, ()


def test_a_set_kept_by_other_code_is_never_unpickled(tmp_path):
    # Another version of Minutebook may not have the classes its sets hold: what it kept is not even read.
    kept.write_set(tmp_path / "site", "texts", "old code", {"a": ("key-a", Noticed())})
    assert kept.read_set(tmp_path / "site", "texts", "new code") == {}
    assert UNPICKLED == []
    kept.read_set(tmp_path / "site", "texts", "old code")
    assert UNPICKLED == ["unpickled"]


def plain_facts(value) -> str:
    """fingerprints.facts as it reads: each dataclass's fields looked up at each value, nothing kept."""
    if dataclasses.is_dataclass(value):
        fields = (f for f in dataclasses.fields(value) if f.compare)
        return (
            f"{type(value).__name__}("
            + ",".join(f"{f.name}={plain_facts(getattr(value, f.name))}" for f in fields)
            + ")"
        )
    if isinstance(value, tuple):
        return "(" + ",".join(plain_facts(v) for v in value) + ")"
    return repr(value)


@pytest.mark.parametrize("content", [ASSURANCE, FIXTURES / "hostile", FIXTURES / "complete"])
def test_a_meetings_facts_are_the_same_with_each_classs_compared_fields_found_once(content):
    parsed, _ = parse_content(read_sources(content)[0])
    assert parsed.meetings
    for meeting in parsed.meetings:
        assert facts(meeting) == plain_facts(meeting)


SETTLED = time.time() + 3600  # a clock an hour ahead: every file of the stand-in code has settled by then


def stand_in_code(folder):
    """A small stand-in for Minutebook's code."""
    (folder / "pkg").mkdir(parents=True)
    (folder / "pkg" / "a.py").write_text("A = 1\n")
    (folder / "pkg" / "b.py").write_text("B = 2\n")
    return folder / "pkg"


def test_the_codes_digest_is_kept_under_a_stamp_of_its_files_names_sizes_and_times(tmp_path):
    package, site = stand_in_code(tmp_path), tmp_path / "site"
    digest, stamp = code_digest(site, package, tree_stamp(package, SETTLED))
    assert digest == tree_digest(package) and stamp is not None  # nothing kept yet: hashed, and a stamp to keep
    kept.write_kept(site, CODE, stamp, "the digest kept")
    assert code_digest(site, package, tree_stamp(package, SETTLED)) == (
        "the digest kept",
        None,
    )  # the same stamp: files not read


def test_a_code_file_rewritten_changes_the_stamp_even_with_its_size_and_modification_time_put_back(tmp_path):
    package = stand_in_code(tmp_path)
    before, was = tree_stamp(package, SETTLED), os.stat(package / "a.py")
    time.sleep(0.05)  # past a tick of the file system's clock, as SETTLED_SECONDS ensures for a real stamp
    (package / "a.py").write_text("A = 3\n")  # the same size
    os.utime(package / "a.py", ns=(was.st_atime_ns, was.st_mtime_ns))  # as `cp -p` or `touch -r` would
    after = tree_stamp(package, SETTLED)
    assert None not in (before, after) and before != after


def test_a_code_file_resized_changes_the_stamp(tmp_path):
    package = stand_in_code(tmp_path)
    before = tree_stamp(package, SETTLED)
    (package / "a.py").write_text("A = 10\n")
    assert before != tree_stamp(package, SETTLED)


def test_code_changed_within_the_last_moments_has_no_stamp_so_it_is_always_hashed(tmp_path):
    # A file written twice within one tick of the file system's clock can keep its size and times.
    package, site = stand_in_code(tmp_path), tmp_path / "site"
    (package / "a.py").write_text("A = 3\n")
    assert tree_stamp(package, time.time()) is None
    assert code_digest(site, package, tree_stamp(package, time.time())) == (tree_digest(package), None)


def test_code_changed_between_two_builds_in_one_process_is_hashed_again(tmp_path):
    # The preview server builds again and again in one process: what it keeps must follow the code on disk.
    package, site = stand_in_code(tmp_path), tmp_path / "site"
    first, stamp = code_digest(site, package, tree_stamp(package, SETTLED))
    kept.write_kept(site, CODE, stamp, first)
    (package / "a.py").write_text("A = 10\n")
    second, new_stamp = code_digest(site, package, tree_stamp(package, SETTLED))
    assert second == tree_digest(package) != first and new_stamp not in (None, stamp)


def test_a_rebuild_takes_the_codes_digest_kept_beside_the_site_without_reading_the_code(
    small_content, tmp_path, monkeypatch
):
    package, site = stand_in_code(tmp_path), tmp_path / "site"
    time.sleep(SETTLED_SECONDS + 0.1)  # until the stand-in code has settled
    monkeypatch.setattr(pipeline, "PACKAGE", package)
    build(Paths(content=small_content), site)
    hash_tree = fingerprints.tree_digest

    def read_but_not_the_code(root):
        assert root != package, "the code was read and hashed again"
        return hash_tree(root)

    monkeypatch.setattr(fingerprints, "tree_digest", read_but_not_the_code)
    build(Paths(content=small_content), site)
