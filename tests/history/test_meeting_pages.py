"""A meeting page lists the corrections its editor recorded, with what each changed, and never an unmarked commit."""

import os
import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest

from minutebook.content import history
from minutebook.incremental import fingerprints
from minutebook.model import InvalidContent
from minutebook.pipeline import Paths, build, load
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
    env = {
        **os.environ,
        "GIT_CONFIG_GLOBAL": os.devnull,
        "GIT_CONFIG_NOSYSTEM": "1",
    }  # the tester's own settings play no part
    if day:
        env.update(GIT_AUTHOR_DATE=f"{day}T12:00:00+00:00", GIT_COMMITTER_DATE=f"{day}T12:00:00+00:00")
    subprocess.run(["git", *args], cwd=repo, env=env, check=True, capture_output=True)


def edit(content: Path, old: str, new: str) -> None:
    path = content / APRIL
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def record_correction(content: Path, day: str, note: str) -> None:
    """Add an entry to the April meeting's `corrections` list, as docs/editing.md tells an editor to."""
    path = content / APRIL
    text = path.read_text(encoding="utf-8")
    entry = f"  - date: {day}\n    note: {note}\n"
    if "\ncorrections:\n" in text:
        text = text.replace("\ncorrections:\n", f"\ncorrections:\n{entry}", 1)
    else:
        text = text.replace("\n---\n\n## 1.1", f"\ncorrections:\n{entry}---\n\n## 1.1", 1)
    path.write_text(text, encoding="utf-8")


RAISED = "Item 1.1 said that matters were discussed; none were raised."


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


def built(repository: Path, tmp_path: Path, name: str = "site") -> Path:
    build(Paths(content=repository / "content"), tmp_path / name)
    return tmp_path / name


def test_a_meeting_never_corrected_says_when_it_was_published_and_lists_no_corrections(repository, tmp_path):
    text = page_text(built(repository, tmp_path))
    assert "Published 1 March 2024" in text
    assert "Last changed" not in text and "Corrections" not in text


def test_a_commit_not_marked_as_a_correction_changes_neither_the_corrections_nor_the_date(repository, tmp_path):
    edit(repository / "content", "Meeting Room 1.38 Hindlip", "Meeting Room 1.38, Hindlip")
    git(repository, "commit", "-q", "-am", "Tidy the venue; faithfulness test checks coverage", day="2024-03-03")
    text = page_text(built(repository, tmp_path))
    assert "Published 1 March 2024" in text
    assert "Last changed" not in text and "Corrections" not in text and "3 March 2024" not in text
    assert "faithfulness" not in text


def test_a_correction_shows_its_sentence_its_date_and_the_words_before_and_after(repository, tmp_path):
    edit(repository / "content", "None were discussed.", "None were raised.")
    record_correction(repository / "content", "2024-03-04", RAISED)
    git(repository, "commit", "-q", "-am", "Fix item 1.1 (internal ref 42)", day="2024-03-03")
    site = built(repository, tmp_path)
    text = page_text(site)
    assert "Last changed 4 March 2024 (see corrections)" in text
    assert "first published on 1 March 2024" in text
    assert f"4 March 2024: {RAISED}" in text
    assert "Item 1.1 Outstanding matters / items brought forward: None were removed: discussed. added: raised." in text
    html = (site / APRIL_PAGE).read_text(encoding="utf-8")
    assert '<del><span class="visually-hidden">removed: </span>discussed.</del>' in html
    assert '<ins><span class="visually-hidden">added: </span>raised.</ins>' in html
    assert "internal ref" not in text


def test_last_changed_is_the_date_of_the_latest_correction_not_of_the_latest_commit(repository, tmp_path):
    content = repository / "content"
    edit(content, "None were discussed.", "None were raised.")
    record_correction(content, "2024-03-03", RAISED)
    git(repository, "commit", "-q", "-am", "Correct item 1.1", day="2024-03-03")
    edit(content, "venue: Meeting Room 1.38 Hindlip", "venue: Meeting Room 1.39 Hindlip")
    record_correction(content, "2024-03-09", "The room number of the venue was wrong.")
    git(repository, "commit", "-q", "-am", "Correct the venue", day="2024-03-09")
    edit(content, "Meeting Room 1.39 Hindlip", "Meeting Room 1.39, Hindlip")
    git(repository, "commit", "-q", "-am", "Punctuation", day="2024-04-20")
    text = page_text(built(repository, tmp_path))
    assert "Last changed 9 March 2024 (see corrections)" in text
    newest, oldest = text.index("9 March 2024: The room number"), text.index(f"3 March 2024: {RAISED}")
    assert newest < oldest  # newest first
    assert "Venue: Meeting Room removed: 1.38 added: 1.39 Hindlip" in text
    assert "20 April 2024" not in text and "Punctuation" not in text


def test_a_meeting_not_yet_committed_shows_no_history(repository, tmp_path):
    june = (repository / "content/meetings/2019-05-28-performance.md").read_text(encoding="utf-8")
    before, after = june.split("action_updates:", 1)
    june = before + "source:" + after.split("source:", 1)[1]  # an update to an action is recorded once, in May
    june = june.replace("2019-05-28", "2019-06-25").replace("May 2019", "June 2019")
    (repository / "content/meetings/2019-06-25-performance.md").write_text(june, encoding="utf-8")
    text = page_text(built(repository, tmp_path), "meetings/2019-06-25-performance/index.html")
    assert not re.search(r"Published \d", text) and "Last changed" not in text


def test_content_outside_any_git_checkout_lists_its_corrections_without_before_and_after(tmp_path):
    content = shutil.copytree(FIXTURES / "small", tmp_path / "content")
    record_correction(content, "2024-03-04", RAISED)
    build(Paths(content=content), tmp_path / "site")
    text = page_text(tmp_path / "site")
    assert not re.search(r"Published \d", text)
    assert "Last changed 4 March 2024 (see corrections)" in text and f"4 March 2024: {RAISED}" in text
    assert "removed:" not in text


def test_a_preview_before_the_commit_shows_what_the_page_will_show_once_committed(repository, tmp_path):
    paths, site = Paths(content=repository / "content"), tmp_path / "site"
    edit(repository / "content", "None were discussed.", "None were raised.")
    record_correction(repository / "content", "2024-03-03", RAISED)
    build(paths, site)  # the edit is previewed before it is committed
    previewed = (site / APRIL_PAGE).read_bytes()
    assert "None were removed: discussed. added: raised." in page_text(site)
    git(repository, "commit", "-q", "-am", "Correct item 1.1", day="2024-03-03")
    build(paths, site)  # the file is as it was; only its history is new
    assert (site / APRIL_PAGE).read_bytes() == previewed
    assert snapshot(site) == snapshot(build(paths, tmp_path / "full") and tmp_path / "full")


def test_the_rebuild_fingerprint_of_the_page_changes_when_a_correction_is_committed(repository):
    paths = Paths(content=repository / "content")

    def fingerprint() -> str:
        loaded = load(paths, read_history=history.start_reading_history(paths.content))
        summaries = {m.id: fingerprints.summary(m) for m in loaded.archive.meetings}
        inputs = fingerprints.inputs(
            loaded.archive, loaded.sources, loaded.history, summaries, "", "code", paths.templates
        )
        return inputs.meetings["2019-04-30-monthly-assurance"]

    edit(repository / "content", "None were discussed.", "None were raised.")
    record_correction(repository / "content", "2024-03-03", RAISED)
    uncommitted = fingerprint()
    git(repository, "commit", "-q", "-am", "Correct item 1.1", day="2024-03-03")
    assert fingerprint() != uncommitted


def test_words_in_a_correction_and_its_before_and_after_are_shown_as_text_never_as_markup(repository, tmp_path):
    edit(repository / "content", "None were discussed.", "None were <b>raised</b>.")
    record_correction(repository / "content", "2024-03-03", '"<script>alert(1)</script> was wrong"')
    git(repository, "commit", "-q", "-am", "Correct item 1.1", day="2024-03-03")
    html = (built(repository, tmp_path) / APRIL_PAGE).read_text(encoding="utf-8")
    assert "<script>alert" not in html and "&lt;script&gt;alert(1)&lt;/script&gt; was wrong" in html
    assert "&lt;b&gt;raised&lt;/b&gt;." in html


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
