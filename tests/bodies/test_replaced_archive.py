"""A body that replaces content/ and sources/ with its own archive keeps a green suite.

Twice: with another body's archive as it would be after years of use, and with one just started by `init`,
given its first meeting by `new` and built.

The repository is copied as a clone would have it, its content/ replaced by the parish council's fixture
archive and its sources/ emptied of texts (the parish's minutes were typed up, not imported), and there the
checks of the own archive (tests/archive/) run and pass, as do the modules that once read the first body's
meetings for their data; test_independence.py shows that no other test module reads content/ or sources/.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.commands.test_init import edit, settle
from tests.conftest import FIXTURES, ROOT

# Tests that read the first body's meetings before they moved to the assurance fixture, run in the copy with them.
ONCE_READ_CONTENT = ["tests/feeds", "tests/opendata", "tests/content", "tests/bodies/test_independence.py"]


# What a checkout without git (an unpacked archive) holds beside the repository's files, not copied: at its top,
# git's, the set-up and the built site; anywhere, caches.
NOT_THE_REPOSITORYS = {".git", ".venv", "node_modules", "site"}
CACHES = {"__pycache__", ".hypothesis", ".mypy_cache", ".ruff_cache", ".pytest_cache"}


def repository_files() -> list[str]:
    """What a clone holds, and what is not yet committed but not ignored either: the work in progress counts."""
    try:
        listed = subprocess.run(
            ["git", "ls-files", "--cached", "--others", "--exclude-standard", "-z"],
            cwd=ROOT,
            capture_output=True,
            check=True,
        ).stdout.decode()
    except (OSError, subprocess.CalledProcessError):  # no git, or not a repository
        found = []
        for folder, folders, files in os.walk(ROOT):
            at = Path(folder).relative_to(ROOT)
            folders[:] = [f for f in folders if f not in CACHES and (at.parts or f not in NOT_THE_REPOSITORYS)]
            found += [str(at / name) for name in files if at.parts or name not in NOT_THE_REPOSITORYS]
        return sorted(found)
    return [name for name in listed.split("\0") if name and (ROOT / name).is_file()]


def without_the_archive(copy: Path) -> Path:
    """A copy of the repository at `copy` with no content/ and no source text in sources/."""
    for name in repository_files():
        if name.startswith(("content/", "sources/")) and name != "sources/README.md":
            continue
        target = copy / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / name, target)
    (copy / "node_modules").symlink_to((ROOT / "node_modules").resolve())
    return copy


@pytest.fixture(scope="module")
def replaced(tmp_path_factory) -> Path:
    """A copy of the repository whose content/ is the parish council's and whose sources/ holds no text."""
    copy = without_the_archive(tmp_path_factory.mktemp("body") / "minutebook")
    shutil.copytree(FIXTURES / "parish", copy / "content")
    return copy


def build_py(copy: Path, *arguments: str) -> subprocess.CompletedProcess:
    """The copy's own build.py, run in it as its editor would."""
    return subprocess.run(
        [sys.executable, "build.py", *arguments],
        cwd=copy,
        env={**os.environ, "PYTHONPATH": str(copy)},
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


@pytest.fixture(scope="module")
def started(tmp_path_factory) -> Path:
    """A copy of the repository whose content/ a new body started with `init`, filled in, and gave its
    first meeting with `new`; built into site/ as the README says."""
    copy = without_the_archive(tmp_path_factory.mktemp("started") / "minutebook")
    assert build_py(copy, "init", ".", "--organisation", "Anytown Town Council").returncode == 0
    content = copy / "content"
    edit(content / "site.yml", "description:", "description: The minutes of Anytown Town Council's meetings.")
    edit(content / "site.yml", "  - name:", "  - name: Full Council")
    (content / "about.md").write_text("# About these meetings\n\nThe council meets monthly.\n", encoding="utf-8")
    (content / "people.yml").write_text("- slug: ann-jones\n  name: Ann Jones\n", encoding="utf-8")
    assert build_py(copy, "new", "--date", "2025-06-10").returncode == 0
    settle(
        content / "meetings" / "2025-06-10-full-council.md",
        {"TO DO: title of the first item": "Allotments", "TO DO: venue": "Town Hall", "TO DO: role": "Chair"},
    )
    built = build_py(copy, "--quiet")
    assert built.returncode == 0, built.stderr
    return copy


def pytest_in(copy: Path, *targets: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *targets],
        cwd=copy,
        # Not this run's own settings (PYTEST_XDIST_WORKER, PYTEST_CURRENT_TEST ...): the copy's run is a fresh one.
        env={
            **{k: v for k, v in os.environ.items() if not k.startswith("PYTEST_")},
            "PYTHONPATH": str(copy),
            "PYTHONDONTWRITEBYTECODE": "1",
        },
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )


def test_the_copy_holds_the_other_archive_and_no_source_text(replaced):
    assert sorted(p.name for p in (replaced / "content" / "meetings").iterdir()) == sorted(
        p.name for p in (FIXTURES / "parish" / "meetings").iterdir()
    )
    assert [p.name for p in (replaced / "sources").iterdir()] == ["README.md"]
    assert (replaced / "build.py").is_file() and (replaced / "tests" / "archive").is_dir()


def test_the_checks_of_the_own_archive_pass_on_another_bodys(replaced):
    done = pytest_in(replaced, "tests/archive")
    assert done.returncode == 0, done.stdout + done.stderr
    summary = done.stdout.strip().splitlines()[-1]
    assert " passed" in summary and "skipped" not in summary and "failed" not in summary, summary


def test_the_tests_that_once_read_the_first_bodys_meetings_pass_beside_another_bodys(replaced):
    done = pytest_in(replaced, *ONCE_READ_CONTENT)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "skipped" not in done.stdout.strip().splitlines()[-1]


def test_a_body_started_with_init_and_new_builds_its_first_meeting(started):
    page = started / "site" / "meetings" / "2025-06-10-full-council" / "index.html"
    assert "Allotments" in page.read_text(encoding="utf-8")


def test_the_checks_of_the_own_archive_and_the_once_content_bound_tests_pass_on_a_body_just_started(started):
    done = pytest_in(started, "tests/archive", *ONCE_READ_CONTENT)
    assert done.returncode == 0, done.stdout + done.stderr
    summary = done.stdout.strip().splitlines()[-1]
    assert " passed" in summary and "skipped" not in summary and "failed" not in summary, summary
