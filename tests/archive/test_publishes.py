"""This archive, content/, checks clean and builds, as `make check` and `make site` run them: no problem, no
warning, no place left marked TO DO or CHECK, and a page for every meeting."""

from __future__ import annotations

import re
import subprocess
import sys

from tests.conftest import ROOT

CONTENT = ROOT / "content"


def meeting_files() -> list[str]:
    meetings = CONTENT / "meetings"
    return sorted(m.stem for m in meetings.rglob("*.md")) if meetings.is_dir() else []


def run(*args: str) -> subprocess.CompletedProcess:
    # No --content: the folder an editor's `python build.py` reads.
    return subprocess.run(
        [sys.executable, "build.py", *args], cwd=ROOT, capture_output=True, text=True, timeout=600, check=False
    )


def test_check_finds_no_problem_in_any_file():
    done = run("check")
    assert (done.returncode, done.stderr) == (0, ""), done.stderr
    counted = re.fullmatch(
        r"Content is valid: (\d+) meetings?, \d+ actions?, \d+ themes?, \d+ (?:person|people)\.\n", done.stdout
    )
    assert counted, done.stdout
    assert int(counted[1]) == len(meeting_files())


def test_the_site_builds_with_a_page_for_every_meeting(tmp_path):
    site = tmp_path / "site"
    done = run("--out", str(site), "--quiet")
    assert (done.returncode, done.stderr, done.stdout) == (0, "", ""), done.stderr
    assert (site / "index.html").is_file()
    missing = [name for name in meeting_files() if not (site / "meetings" / name / "index.html").is_file()]
    assert missing == []
