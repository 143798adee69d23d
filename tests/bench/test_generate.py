"""The benchmark's generator: the same seed gives the same archive, and the archive is valid content."""

import hashlib
import subprocess
import sys

from bench.generate import archive_files, query_words, vocabulary_for, write_archive
from tests.conftest import ROOT

MEETINGS = 5


def digests(folder):
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def test_the_same_seed_writes_byte_identical_files(tmp_path):
    first = digests(write_archive(tmp_path / "a", MEETINGS, seed=7))
    second = digests(write_archive(tmp_path / "b", MEETINGS, seed=7))
    assert first == second
    assert len([name for name in first if name.startswith("meetings/")]) == MEETINGS


def test_another_seed_writes_other_minutes():
    assert archive_files(MEETINGS, seed=1) != archive_files(MEETINGS, seed=2)


def test_the_generated_archive_passes_check(tmp_path):
    content = write_archive(tmp_path / "content", MEETINGS, seed=1)
    checked = subprocess.run(
        [sys.executable, "build.py", "check", "--content", str(content)], cwd=ROOT, capture_output=True, text=True
    )
    assert checked.returncode == 0, checked.stderr
    assert f"{MEETINGS} meetings" in checked.stdout


def test_the_vocabulary_is_large_and_the_queries_come_from_it():
    vocabulary = vocabulary_for(1)
    assert len(set(vocabulary.words)) == len(vocabulary.words) >= 10_000
    assert set(query_words(vocabulary)) <= set(vocabulary.words)
