"""Faults never leave a half-written site: the old one stays, or the new one is whole."""

import errno
import hashlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from minutebook import write
from minutebook.pipeline import Paths, build
from minutebook.write import PublishError, build_lock, publish
from tests.conftest import ROOT
from tests.synthetic import many_meetings


def fingerprint(site: Path) -> dict[str, str]:
    return {
        p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(site.rglob("*"))
        if p.is_file()
    }


def run_build(content: Path, out: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "build.py", "--content", str(content), "--out", str(out), "--quiet"],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )


def live_builds_into(out: Path) -> list[int]:
    """Processes, workers included, still building into `out` (zombies left for their reaper aside)."""
    found = []
    for entry in Path("/proc").iterdir():
        try:
            if (
                entry.name.isdigit()
                and str(out).encode() in (entry / "cmdline").read_bytes()
                and (entry / "stat").read_text().split(")")[-1].split()[0] != "Z"
            ):
                found.append(int(entry.name))
        except OSError:
            pass  # it ended while we looked
    return found


@pytest.fixture(scope="module")
def old_and_new(tmp_path_factory):
    """Two versions of a 150-meeting archive."""
    base = tmp_path_factory.mktemp("kill")
    old = many_meetings(base / "old", 150)
    new = many_meetings(base / "new", 150)
    for path in (new / "meetings").iterdir():
        path.write_text(path.read_text().replace("Roads policing", "Roads and traffic policing"))
    return old, new


@pytest.mark.parametrize("delay", [0.05, 0.3, 0.6, 0.9, 1.2, 1.5, 1.8, 2.2, 2.6, 3.0])
def test_a_build_killed_at_any_moment_leaves_the_old_site_or_the_new_one(tmp_path, old_and_new, delay):
    old, new = old_and_new
    out = tmp_path / "site"
    build(Paths(content=old), out)
    old_print = fingerprint(out)
    process = run_build(new, out)
    time.sleep(delay)
    process.send_signal(signal.SIGKILL)
    process.wait()
    for _ in range(50):  # its workers, if it had started them, end with it
        if not live_builds_into(out):
            break
        time.sleep(0.1)
    assert not live_builds_into(out)
    left = fingerprint(out)
    build(Paths(content=new), tmp_path / "reference")  # the complete new site, built just now
    assert left in (old_print, fingerprint(tmp_path / "reference"))
    build(Paths(content=new), out)  # the next build cleans up what the killed one left
    assert fingerprint(out) == fingerprint(tmp_path / "reference")
    assert not list(tmp_path.glob(".site.tmp-*")) and not list(tmp_path.glob(".site.old-*"))


def test_a_second_build_at_the_same_time_refuses_clearly(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    out = tmp_path / "site"
    with build_lock(out):
        with pytest.raises(PublishError, match="another build is writing site/ right now"):
            publish({"index.html": b"x"}, out)


def test_a_second_build_process_told_not_to_wait_refuses_with_a_message_and_leaves_the_site_whole(
    tmp_path, old_and_new
):
    old, new = old_and_new
    out = tmp_path / "site"
    build(Paths(content=old), out)
    old_print = fingerprint(out)
    with build_lock(out):
        run = subprocess.run(
            [sys.executable, "build.py", "--content", str(new), "--out", str(out), "--wait", "0"],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=120,
        )
    assert run.returncode == 1 and "another build is writing" in run.stderr and "Traceback" not in run.stderr
    assert fingerprint(out) == old_print


@pytest.mark.parametrize("code, words", [(errno.ENOSPC, "the disk is full"), (errno.EROFS, "read-only")])
def test_a_full_or_read_only_disk_gives_a_clear_error_and_keeps_the_previous_site(tmp_path, monkeypatch, code, words):
    out = tmp_path / "site"
    publish({"index.html": b"old", "a/b.html": b"old"}, out)
    before = fingerprint(out)
    written = []
    original = write._write

    def failing_write(target, data):
        written.append(target)
        if len(written) > 1:
            raise OSError(code, os.strerror(code))
        original(target, data)

    monkeypatch.setattr(write, "_write", failing_write)
    with pytest.raises(PublishError, match=words):
        publish({"index.html": b"new", "a/b.html": b"new", "c.html": b"new"}, out)
    monkeypatch.undo()
    assert fingerprint(out) == before
    assert not list(tmp_path.glob(".site.tmp-*"))


def test_an_output_path_that_climbs_out_is_refused(tmp_path):
    for bad in ("../escape.html", "/etc/passwd", "a/../../b", ""):
        with pytest.raises(PublishError):
            write.safe_relative(bad)


def test_an_invalid_build_exits_1_and_leaves_the_site_byte_for_byte(tmp_path, small_content):
    out = tmp_path / "site"
    build(Paths(content=small_content), out)
    before = fingerprint(out)
    meeting = small_content / "meetings/2019-04-30-monthly-assurance.md"
    meeting.write_text(meeting.read_text().replace("date: 2019-04-30", "date: 2019-02-30"))
    run = subprocess.run(
        [sys.executable, "build.py", "--content", str(small_content), "--out", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert run.returncode == 1 and "not a real date" in run.stderr
    assert fingerprint(out) == before


def test_a_very_large_meeting_and_one_with_a_thousand_actions_build(tmp_path, small_content):
    meeting = small_content / "meetings/2019-04-30-monthly-assurance.md"
    text = meeting.read_text()
    paragraph = "The PCC asked the CC about roads policing and the SRP partnership. " * 40
    big = text.replace("None were discussed.", "\n\n".join([paragraph] * 1900))  # about 5 MB
    actions = "".join(
        f'  - id: 2019-04-30-{n}\n    item: "2.1"\n    text: Action number {n}.\n    status: open\n'
        for n in range(2, 1002)
    )
    big = big.replace("next_meeting:", actions + "next_meeting:")
    meeting.write_text(big)
    assert meeting.stat().st_size > 5_000_000
    report = build(Paths(content=small_content), tmp_path / "site")
    assert report.pages > 1000
    assert (tmp_path / "site/actions/2019-04-30-1001/index.html").is_file()
