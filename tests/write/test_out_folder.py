"""`--out` never deletes what Minutebook did not make: a build writes only into a new or empty folder, or a site
it marked."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from minutebook.pipeline import Paths, build, refused_folders
from minutebook.write import MARKER, PublishError, check_target
from tests.conftest import FIXTURES, ROOT
from tests.rebuild.test_incremental import edit_meeting, snapshot


def run_build(cwd: Path, *args: str) -> subprocess.CompletedProcess:
    """`python build.py` as an editor runs it, from the folder `cwd`."""
    return subprocess.run(
        [sys.executable, str(ROOT / "build.py"), *args, "--quiet"], cwd=cwd, capture_output=True, text=True, timeout=300
    )


def everything_under(folder: Path) -> dict[str, bytes | None]:
    """Every entry under `folder`, hidden ones included: files with their bytes, folders as None."""
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() if p.is_file() else None for p in sorted(folder.rglob("*"))
    }


@pytest.fixture
def work(tmp_path) -> Path:
    """A working folder holding content/, as the repository does."""
    shutil.copytree(FIXTURES / "small", tmp_path / "work" / "content")
    return tmp_path / "work"


def test_a_folder_holding_a_file_of_its_own_is_refused_twice_and_the_file_kept(work):
    (work / "mine").mkdir()
    (work / "mine" / "keep.txt").write_text("my notes")
    before = everything_under(work)
    for _ in range(2):
        run = run_build(work, "--content", "content", "--out", "mine")
        assert run.returncode == 1 and "Traceback" not in run.stderr
        assert "mine/ already holds files that Minutebook did not make" in run.stderr
        assert "Choose a new or empty folder with --out, or delete mine/ yourself" in run.stderr
        assert everything_under(work) == before  # nothing written, not even beside it


def test_a_folder_an_earlier_build_made_is_built_into_again(work):
    assert run_build(work, "--content", "content", "--out", "mine").returncode == 0
    edit_meeting(work / "content", None)
    run = run_build(work, "--content", "content", "--out", "mine")
    assert run.returncode == 0, run.stderr
    build(Paths(content=work / "content"), work / "fresh")
    assert snapshot(work / "mine") == snapshot(work / "fresh")


def test_an_empty_folder_is_built_into(work):
    (work / "empty").mkdir()
    assert run_build(work, "--content", "content", "--out", "empty").returncode == 0
    assert (work / "empty" / "index.html").is_file()


def test_a_file_added_to_a_site_by_hand_goes_at_the_next_build_as_its_marker_says(work):
    build(Paths(content=work / "content"), work / "site")
    marker = (work / "site" / MARKER).read_text()
    assert "built by Minutebook" in marker and "keep nothing else here" in marker
    (work / "site" / "extra.txt").write_text("added by hand")
    build(Paths(content=work / "content"), work / "site")
    assert not (work / "site" / "extra.txt").exists()


@pytest.mark.parametrize(
    "out, says",
    [
        ("content", "refusing to build into content/: it is the content folder"),
        ("content/sub", "refusing to build into content/sub/: it is inside the content folder"),
        (".", "it is the folder you are working in"),
        ("..", "it holds the content folder (content/)"),
    ],
)
def test_the_content_folder_the_working_folder_and_what_is_above_or_inside_them_are_refused(work, out, says):
    before = everything_under(work.parent)
    run = run_build(work, "--content", "content", "--out", out)
    assert run.returncode == 1 and "Traceback" not in run.stderr
    assert says in run.stderr and "Choose a folder of its own with --out, such as site/" in run.stderr
    assert everything_under(work.parent) == before


def test_the_working_folder_is_refused_even_when_empty(tmp_path, small_content):
    here = tmp_path / "here"
    here.mkdir()
    run = run_build(here, "--content", str(small_content), "--out", ".")
    assert run.returncode == 1 and "it is the folder you are working in" in run.stderr
    assert list(here.iterdir()) == [] and not list(tmp_path.glob(".here.*"))


def test_a_folder_inside_the_templates_is_refused(tmp_path, small_content):
    templates = shutil.copytree(ROOT / "templates", tmp_path / "templates")
    with pytest.raises(PublishError, match="it is inside the templates folder"):
        build(Paths(content=small_content, templates=templates), templates / "site")
    assert not (templates / "site").exists() and not list(templates.glob(".site.*"))


@pytest.mark.parametrize(
    "out, says",
    [
        (ROOT, "it is Minutebook's own folder, which holds build.py"),
        (Path.home(), "it is your home folder"),
        (Path("/"), "it holds the content folder"),
    ],
)
def test_minutebooks_own_folder_home_and_the_root_are_refused(out, says):
    # Asked of the check alone, which writes nothing: a build that failed here would replace the folder.
    with pytest.raises(PublishError, match=says):
        check_target(out, *refused_folders(Paths()))


def test_a_link_to_the_content_folder_is_refused_as_the_content_folder(work):
    os.symlink(work / "content", work / "link")
    run = run_build(work, "--content", "content", "--out", "link")
    assert run.returncode == 1 and "it is the content folder" in run.stderr


def test_the_marker_is_published_but_the_sitemap_lists_only_pages(addressed_site):
    assert (addressed_site / MARKER).is_file()
    assert MARKER not in (addressed_site / "sitemap.xml").read_text(encoding="utf-8")


def test_a_folder_inside_a_site_minutebook_built_is_refused(work):
    assert run_build(work, "--content", "content", "--out", "site").returncode == 0
    before = everything_under(work)
    run = run_build(work, "--content", "content", "--out", "site/draft")
    assert run.returncode == 1 and "Traceback" not in run.stderr
    assert "refusing to build into site/draft/: it is inside site/, a site Minutebook built" in run.stderr
    assert run.stderr.rstrip().endswith("beside that site rather than in it, such as draft-site/")
    assert everything_under(work) == before  # no draft, lock or kept files in the published folder


@pytest.mark.parametrize("name", [".site.spare", ".site.parts", ".site.lock", ".draft.old-123"])
def test_a_folder_named_as_a_build_names_what_it_keeps_beside_its_site_is_refused(work, name):
    run = run_build(work, "--content", "content", "--out", name)
    assert run.returncode == 1
    assert "its name is one a build gives the files it keeps beside its site" in run.stderr
    assert not (work / name).exists()


def test_a_folder_inside_git_s_own_folder_is_refused(work):
    (work / ".git").mkdir()
    run = run_build(work, "--content", "content", "--out", ".git/site")
    assert run.returncode == 1 and "it is inside .git, git's own folder" in run.stderr
    assert list((work / ".git").iterdir()) == []
