"""An incremental build gives byte-for-byte the site a full build gives, after every kind of change."""
import shutil
from pathlib import Path

import pytest

from minutebook.pipeline import Paths, build
from tests.conftest import FIXTURES, ROOT

APRIL = "meetings/2019-04-30-monthly-assurance.md"
MAY = "meetings/2019-05-28-performance.md"


def edit_meeting(content: Path, templates: Path) -> None:
    path = content / APRIL
    path.write_text(path.read_text().replace("None were discussed.", "None were discussed at all."))


def add_meeting(content: Path, templates: Path) -> None:
    text = (content / MAY).read_text().replace("2019-05-28", "2019-06-25").replace("May 2019", "June 2019")
    text = text.replace("action_updates:\n  - action: 2019-04-30-1\n    status: completed\n    note: The success criteria were reviewed.\n", "")
    (content / "meetings/2019-06-25-performance.md").write_text(text)


def delete_meeting(content: Path, templates: Path) -> None:
    (content / MAY).unlink()


def rename_meeting(content: Path, templates: Path) -> None:
    text = (content / MAY).read_text().replace("type: Performance", "type: Performance Review")
    (content / MAY).unlink()
    (content / "meetings/2019-05-28-performance-review.md").write_text(text)


def rename_theme(content: Path, templates: Path) -> None:
    path = content / "themes.yml"
    path.write_text(path.read_text().replace("name: Roads policing", "name: Roads and traffic policing"))


def change_template(content: Path, templates: Path) -> None:
    path = templates / "meeting.html"
    path.write_text(path.read_text().replace("<h2 id=\"agenda\">Agenda</h2>", "<h2 id=\"agenda\">Agenda of the meeting</h2>"))


def update_action_between_meetings(content: Path, templates: Path) -> None:
    (content / "action-updates.yml").write_text("- action: 2019-04-30-1\n  date: 2019-05-01\n  status: in-progress\n")


def snapshot(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


@pytest.mark.parametrize(
    "change",
    [edit_meeting, add_meeting, delete_meeting, rename_meeting, rename_theme, change_template, update_action_between_meetings],
)
def test_incremental_build_matches_a_full_build(tmp_path, change):
    content = shutil.copytree(FIXTURES / "small", tmp_path / "content")
    templates = shutil.copytree(ROOT / "templates", tmp_path / "templates")
    paths = Paths(content=content, templates=templates)
    build(paths, tmp_path / "incremental")
    change(content, templates)
    report = build(paths, tmp_path / "incremental")
    build(paths, tmp_path / "full")
    assert snapshot(tmp_path / "incremental") == snapshot(tmp_path / "full")
    assert report.rendered > 0


def test_editing_one_meeting_leaves_the_pages_that_do_not_show_it_untouched(tmp_path):
    content = shutil.copytree(FIXTURES / "small", tmp_path / "content")
    add_meeting(content, None)  # June: its page shows May, never April
    paths = Paths(content=content)
    build(paths, tmp_path / "site")
    june = tmp_path / "site/meetings/2019-06-25-performance/index.html"
    april = tmp_path / "site/meetings/2019-04-30-monthly-assurance/index.html"
    before = (june.stat().st_ino, april.stat().st_ino)
    edit_meeting(content, None)
    build(paths, tmp_path / "site")
    assert june.stat().st_ino == before[0]  # the same file, carried over
    assert april.stat().st_ino != before[1]  # rendered again


def test_a_build_with_no_change_renders_nothing(tmp_path):
    paths = Paths(content=FIXTURES / "small")
    build(paths, tmp_path / "site")
    assert build(paths, tmp_path / "site").rendered == 0


def test_a_site_changed_behind_the_builds_back_is_rendered_again(tmp_path):
    paths = Paths(content=FIXTURES / "small")
    build(paths, tmp_path / "site")
    page = tmp_path / "site" / "glossary" / "index.html"
    page.unlink()
    page.write_text("tampered")
    build(paths, tmp_path / "site")
    assert page.read_text() != "tampered"
