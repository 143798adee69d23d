"""Builds into one folder never interleave: the second waits for the first to finish all it writes, or stops
when told."""

import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from minutebook import pipeline
from minutebook.pipeline import Paths, build
from minutebook.write import PublishError, build_lock
from tests.conftest import FIXTURES, ROOT
from tests.rebuild.test_incremental import edit_meeting, snapshot


def overlapping_builds(tmp_path, monkeypatch) -> tuple[Paths, Path, bool]:
    """A build of edited content paused just after its swap, before it keeps its parts and manifest, while
    a second build of the original content starts into the same folder. Returns the first build's paths,
    the site, and whether the second build was still waiting after two seconds."""
    original = Paths(content=shutil.copytree(FIXTURES / "small", tmp_path / "original"))
    edited = Paths(content=shutil.copytree(FIXTURES / "small", tmp_path / "edited"))
    edit_meeting(edited.content, None)
    site = tmp_path / "site"
    build(original, site)
    swapped, resume, failures = threading.Event(), threading.Event(), []
    publish = pipeline.publish

    def publish_then_pause(*args, **kwargs):
        publish(*args, **kwargs)
        if not swapped.is_set():
            swapped.set()
            resume.wait(60)

    def run(paths):
        try:
            build(paths, site)
        except Exception as exc:  # noqa: BLE001 - reported by the test, not lost in the thread
            failures.append(exc)

    monkeypatch.setattr(pipeline, "publish", publish_then_pause)
    first = threading.Thread(target=run, args=(edited,))
    first.start()
    assert swapped.wait(60)
    second = threading.Thread(target=run, args=(original,))
    second.start()
    second.join(2.0)
    waited = second.is_alive()
    resume.set()
    first.join(60)
    second.join(60)
    monkeypatch.undo()
    assert not failures and not first.is_alive() and not second.is_alive()
    return edited, site, waited


def test_a_second_build_waits_while_the_first_is_still_writing_what_it_keeps(tmp_path, monkeypatch):
    _, _, waited = overlapping_builds(tmp_path, monkeypatch)
    assert waited


def test_builds_forced_to_overlap_leave_nothing_stale_for_the_next_build(tmp_path, monkeypatch):
    edited, site, _ = overlapping_builds(tmp_path, monkeypatch)
    build(edited, site)  # the next ordinary build
    build(edited, tmp_path / "fresh")
    assert snapshot(site) == snapshot(tmp_path / "fresh")


def test_a_second_build_process_waits_says_so_and_builds_once_the_first_is_done(tmp_path, small_content):
    out = tmp_path / "site"
    log = tmp_path / "stderr.txt"
    with build_lock(out), open(log, "w") as stderr:
        process = subprocess.Popen(
            [sys.executable, "build.py", "--content", str(small_content), "--out", str(out), "--quiet"],
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=stderr,
        )
        try:
            deadline = time.monotonic() + 60
            while (
                "waiting for it to finish" not in log.read_text()
                and time.monotonic() < deadline
                and process.poll() is None
            ):
                time.sleep(0.1)
            assert process.poll() is None and not out.exists()
        except BaseException:
            process.kill()
            raise
    assert process.wait(120) == 0
    assert f"Another build is writing {out}/; waiting for it to finish" in log.read_text()
    assert (out / "index.html").is_file()


def test_a_build_given_a_time_to_wait_stops_with_a_message_when_it_runs_out(tmp_path, small_content):
    out = tmp_path / "site"
    with build_lock(out):
        began = time.monotonic()
        run = subprocess.run(
            [sys.executable, "build.py", "--content", str(small_content), "--out", str(out), "--wait", "1.5"],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=120,
        )
    assert run.returncode == 1 and "Traceback" not in run.stderr
    # Named as the --out given, in full, as it lies outside the folder the build ran in.
    assert f"another build is writing {out}/ right now and has not finished within 1.5 seconds" in run.stderr
    assert time.monotonic() - began >= 1.5 and not out.exists()


def test_waiting_is_counted_in_seconds_of_zero_or_more(tmp_path, small_content):
    run = subprocess.run(
        [sys.executable, "build.py", "--content", str(small_content), "--out", str(tmp_path / "site"), "--wait", "-1"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 2 and "'-1' is not a number of seconds (0 or more)" in run.stderr


def test_the_lock_is_waited_for_in_the_same_process_too(tmp_path):
    out = tmp_path / "site"
    told = []
    with build_lock(out):
        with pytest.raises(PublishError, match="has not finished within 1.2 seconds"):
            with build_lock(out, wait=1.2, waiting=lambda: told.append(True)):
                pass
    assert told == [True]  # said once, after a moment
    with build_lock(out, wait=0):  # free again
        pass
