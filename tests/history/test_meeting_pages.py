"""A meeting page shows when its file last changed and its corrections, read from git when there is one."""
import os
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest

from minutebook import history
from minutebook.model import InvalidContent
from minutebook.pipeline import Paths, build
from tests.conftest import FIXTURES
from tests.rebuild.test_incremental import snapshot

APRIL = "meetings/2019-04-30-monthly-assurance.md"
APRIL_PAGE = "meetings/2019-04-30-monthly-assurance/index.html"
INLINE = {"a", "time", "span", "abbr", "strong", "em"}


class _Text(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag not in INLINE:
            self.parts.append(" ")

    def handle_endtag(self, tag):
        self.handle_starttag(tag, [])

    def handle_data(self, data):
        self.parts.append(data)


def page_text(site: Path, path: str = APRIL_PAGE) -> str:
    """The page as a reader sees it: its words, blocks separated by single spaces."""
    reader = _Text()
    reader.feed((site / path).read_text(encoding="utf-8"))
    return " ".join("".join(reader.parts).split())


@pytest.fixture(autouse=True)
def no_repository_above_tmp(tmp_path, monkeypatch):
    """git must not find a repository above the test's own folder, wherever the temporary folder is."""
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))


def git(repo: Path, *args: str, day: str | None = None) -> None:
    env = {**os.environ, "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}  # the tester's own settings play no part
    if day:
        env.update(GIT_AUTHOR_DATE=f"{day}T12:00:00+00:00", GIT_COMMITTER_DATE=f"{day}T12:00:00+00:00")
    subprocess.run(["git", *args], cwd=repo, env=env, check=True, capture_output=True)


def correct(content: Path, old: str, new: str) -> None:
    path = content / APRIL
    path.write_text(path.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")


@pytest.fixture
def repository(tmp_path) -> Path:
    """A git checkout holding the small fixture's content, published on 1 March 2024."""
    repo = tmp_path / "repo"
    repo.mkdir()
    git(repo, "init", "-q")
    git(repo, "config", "user.name", "Test Editor")
    git(repo, "config", "user.email", "editor@example.gov.uk")
    shutil.copytree(FIXTURES / "small", repo / "content")
    git(repo, "add", "content")
    git(repo, "commit", "-q", "-m", "Publish the minutes", day="2024-03-01")
    return repo


def test_a_corrected_meeting_shows_the_correction_with_its_date(repository, tmp_path):
    correct(repository / "content", "None were discussed.", "None were raised.")
    git(repository, "commit", "-q", "-am", "Correct item 5: nothing was raised", day="2024-03-03")
    build(Paths(content=repository / "content"), tmp_path / "site")
    text = page_text(tmp_path / "site")
    assert "Last changed 3 March 2024 (see corrections)" in text
    assert "first published on 1 March 2024" in text
    assert "3 March 2024: Correct item 5: nothing was raised" in text


def test_a_meeting_never_corrected_shows_when_it_was_published_and_no_corrections(repository, tmp_path):
    build(Paths(content=repository / "content"), tmp_path / "site")
    text = page_text(tmp_path / "site")
    assert "Last changed 1 March 2024" in text
    assert "Corrections" not in text


def test_a_meeting_not_yet_committed_shows_no_history(repository, tmp_path):
    june = (repository / "content/meetings/2019-05-28-performance.md").read_text(encoding="utf-8")
    before, after = june.split("action_updates:", 1)
    june = before + "source:" + after.split("source:", 1)[1]  # an update to an action is recorded once, in May
    june = june.replace("2019-05-28", "2019-06-25").replace("May 2019", "June 2019")
    (repository / "content/meetings/2019-06-25-performance.md").write_text(june, encoding="utf-8")
    build(Paths(content=repository / "content"), tmp_path / "site")
    assert "Last changed" not in page_text(tmp_path / "site", "meetings/2019-06-25-performance/index.html")


def test_content_outside_any_git_checkout_builds_with_no_history(tmp_path):
    content = shutil.copytree(FIXTURES / "small", tmp_path / "content")
    build(Paths(content=content), tmp_path / "site")
    text = page_text(tmp_path / "site")
    assert "Last changed" not in text and "Corrections" not in text


def test_a_rebuild_after_a_new_commit_shows_the_new_correction(repository, tmp_path):
    paths, site = Paths(content=repository / "content"), tmp_path / "site"
    correct(repository / "content", "None were discussed.", "None were raised.")
    build(paths, site)  # the edit is previewed before it is committed: not yet a correction
    assert "Corrections" not in page_text(site)
    git(repository, "commit", "-q", "-am", "Correct item 5: nothing was raised", day="2024-03-03")
    build(paths, site)  # the file is as it was; only its history is new
    assert "3 March 2024: Correct item 5: nothing was raised" in page_text(site)
    assert snapshot(site) == snapshot(build(paths, tmp_path / "full") and tmp_path / "full")


def test_the_history_read_once_is_the_answer_each_time_it_is_asked_for(repository):
    read = history.start_reading_history(repository / "content")
    first = read()
    assert first["2019-04-30-monthly-assurance"].published.isoformat() == "2024-03-01"
    assert read() is first


def test_refused_content_leaves_no_git_running(repository, tmp_path, monkeypatch):
    started = []

    class Recorded(subprocess.Popen):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            started.append(self)

    monkeypatch.setattr(history.subprocess, "Popen", Recorded)
    (repository / "content" / APRIL).write_text("---\ndate: [\n---\n", encoding="utf-8")
    with pytest.raises(InvalidContent):
        build(Paths(content=repository / "content"), tmp_path / "site")
    assert started and all(process.returncode is not None for process in started)
