"""Which files under content/ are read, and which are refused by name: one meeting id is one file,
endings are lower case, names hold no control characters, and a link that cannot be followed is named."""

import errno
import os
import shutil
import subprocess
import sys

import pytest

from minutebook.content import walk
from minutebook.content.load import load_content
from minutebook.link import link
from tests.conftest import ROOT
from tests.load.refusals import problems

APRIL = "meetings/2019-04-30-monthly-assurance.md"
MAY = "meetings/2019-05-28-performance.md"


def test_a_meeting_file_in_a_subfolder_of_meetings_is_a_meeting(small_content):
    (small_content / "meetings/2019").mkdir()
    (small_content / MAY).rename(small_content / "meetings/2019/2019-05-28-performance.md")
    assert "2019-05-28-performance" in [m.id for m in link(load_content(small_content)).meetings]


def test_two_files_with_one_meeting_id_are_refused_naming_both(small_content):
    (small_content / "meetings/archive").mkdir()
    second = small_content / "meetings/archive/2019-04-30-monthly-assurance.md"
    shutil.copy(small_content / APRIL, second)
    second.write_text(second.read_text().replace("Meeting Room 1.38 Hindlip", "Room 2"))  # not even the same minutes
    assert problems(small_content, linked=True) == [
        "content/meetings/archive/2019-04-30-monthly-assurance.md: has the meeting id "
        f"'2019-04-30-monthly-assurance' of content/{APRIL}; each meeting needs a file name of its own, "
        "in any folder under content/meetings/"
    ]


def test_a_file_named_like_a_meeting_outside_the_meetings_folder_is_refused(small_content):
    (small_content / "old").mkdir()
    (small_content / MAY).rename(small_content / "old/2019-05-28-performance.md")
    found = problems(small_content, linked=True)
    assert (
        "content/old/2019-05-28-performance.md: is named like a meeting file but is not in content/meetings/, "
        "so it would not be published; move it there" in found
    )


@pytest.mark.parametrize("ending", [".MD", ".Md", ".mD"])
def test_a_meeting_file_whose_ending_is_not_lower_case_is_refused_with_a_rename(small_content, ending):
    (small_content / MAY).rename(small_content / MAY.replace(".md", ending))
    found = problems(small_content, linked=True)
    assert (
        f"content/meetings/2019-05-28-performance{ending}: ends in '{ending}'; rename it to end in '.md', "
        "in lower case, or it is not read" in found
    )


def test_a_reference_file_whose_ending_is_not_lower_case_is_refused_with_a_rename(small_content):
    (small_content / "glossary.yml").rename(small_content / "glossary.YML")
    found = problems(small_content, linked=True)
    assert "content/glossary.YML: ends in '.YML'; rename it to end in '.yml', in lower case, or it is not read" in found


@pytest.mark.parametrize(
    "character, shown",
    [("\n", "\\n"), ("\t", "\\t"), ("\x01", "\\x01"), ("\x1b", "\\x1b"), ("\x85", "\\x85"), ("\u2028", "\\u2028")],
    ids=["new line", "tab", "C0", "escape", "C1", "line separator"],
)
def test_a_file_name_holding_a_control_character_is_refused_and_shown_escaped(small_content, character, shown):
    (small_content / MAY).rename(small_content / f"meetings/2019-05-28-performance{character}.md")
    found = problems(small_content, linked=True)
    assert any(
        p.startswith(f"content/meetings/2019-05-28-performance{shown}.md: the name holds a control character (U+")
        for p in found
    ), found
    assert not any(character in p for p in found)


def test_a_folder_name_holding_a_new_line_is_refused_with_everything_in_it(small_content):
    (small_content / "meetings/2019\n").mkdir()
    (small_content / MAY).rename(small_content / "meetings/2019\n/2019-05-28-performance.md")
    assert problems(small_content, linked=True) == [
        "content/meetings/2019\\n: the name holds a control character (U+000A); "
        "rename it with letters, digits and hyphens only"
    ]


def test_check_prints_a_name_with_a_new_line_escaped_on_one_line(small_content):
    (small_content / MAY).rename(small_content / "meetings/2019-05-28-performance\n.md")
    run = subprocess.run(
        [sys.executable, "build.py", "check", "--content", str(small_content)], cwd=ROOT, capture_output=True, text=True
    )
    assert run.returncode == 1 and "Traceback" not in run.stderr
    assert run.stderr.splitlines()[0].endswith(
        "meetings/2019-05-28-performance\\n.md: the name holds a control character (U+000A); "
        "rename it with letters, digits and hyphens only"
    )


def test_links_that_lead_round_in_a_circle_are_named_not_a_crash(small_content):
    os.symlink("themes-copy.yml", small_content / "themes-link.yml")
    os.symlink("themes-link.yml", small_content / "themes-copy.yml")
    os.symlink("2019-06-25-monthly-assurance.md", small_content / "meetings/2019-06-25-monthly-assurance.md")
    circle = (
        "is a link that leads round in a circle (a link to itself, or to a link back to it); "
        "delete it or point it at a real file"
    )
    assert problems(small_content, linked=True) == [
        f"content/meetings/2019-06-25-monthly-assurance.md: {circle}",
        f"content/themes-copy.yml: {circle}",
        f"content/themes-link.yml: {circle}",
    ]


def test_a_link_to_nothing_such_as_an_editors_lock_file_is_passed_over(small_content):
    os.symlink("editor@laptop.4242", small_content / "meetings/.#2019-04-30-monthly-assurance.md")
    assert len(load_content(small_content).meetings) == 2


def test_a_folder_that_cannot_be_listed_is_named(small_content, monkeypatch):
    listing = os.scandir

    def refusing(path):
        if str(path).endswith("/meetings/private"):
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return listing(path)

    (small_content / "meetings/private").mkdir()
    monkeypatch.setattr(walk.os, "scandir", refusing)
    assert problems(small_content, linked=True) == [
        "content/meetings/private: folder cannot be read: Permission denied"
    ]


@pytest.mark.parametrize(
    "name, reason",
    [
        ("2019-05-28-performance.md.txt", "ends in '.txt', so it is not read; rename it 2019-05-28-performance.md"),
        (
            "2019-05-28-performance.markdown",
            "ends in '.markdown', so it is not read; rename it 2019-05-28-performance.md",
        ),
        ("2019-05-28-performance.md ", "the name ends in a space, so it is not read; rename it without the space"),
        ("2019-05-28-performance.txt", "ends in '.txt', so it is not read; rename it 2019-05-28-performance.md"),
    ],
    ids=["as Notepad saves it", "markdown", "a space after .md", "text"],
)
def test_a_meeting_saved_with_another_ending_is_refused_not_left_out(small_content, name, reason):
    (small_content / MAY).rename(small_content / "meetings" / name)
    assert f"content/meetings/{name}: {reason}" in problems(small_content, linked=True)


def test_a_settings_file_saved_as_text_is_refused_with_its_own_ending(small_content):
    (small_content / "glossary.yml").rename(small_content / "glossary.yml.txt")
    found = problems(small_content, linked=True)
    assert "content/glossary.yml.txt: ends in '.txt', so it is not read; rename it glossary.yml" in found


def test_a_copy_saved_as_text_beside_its_meeting_is_not_told_to_take_the_meeting_s_name(small_content):
    (small_content / "meetings" / "2019-05-28-performance.md.txt").write_text("a copy")
    assert problems(small_content, linked=True) == [
        "content/meetings/2019-05-28-performance.md.txt: is not read, and 2019-05-28-performance.md is beside it: "
        "if it is a copy, delete it; if not, give it a name of its own"
    ]


@pytest.mark.parametrize(
    "name",
    [
        ".2019-05-28-performance.md.swp",
        "2019-05-28-performance.md~",
        "#notes.md#",
        "2019-05-28-performance.md.bak",
        "2019-05-28-performance.md.orig",
        "2019-05-28-performance.pdf",
        "scan.png",
        "Thumbs.db",
        "desktop.ini",
    ],
)
def test_backups_sources_and_system_files_beside_the_meetings_are_passed_over(small_content, name):
    (small_content / "meetings" / name).write_text("not minutes")
    (small_content / "site.yml.bak").write_text("an old copy of the settings")
    assert "2019-05-28-performance" in [m.id for m in link(load_content(small_content)).meetings]


def test_a_note_outside_the_meetings_folder_is_left_alone(small_content):
    (small_content / "notes.txt").write_text("what to ask the clerk")
    assert "2019-05-28-performance" in [m.id for m in link(load_content(small_content)).meetings]


def test_a_meeting_file_named_otherwise_is_told_the_name_its_own_date_and_type_make(small_content):
    (small_content / MAY).rename(small_content / "meetings" / "Performance May.md")
    assert (
        "content/meetings/Performance May.md: file name must be YYYY-MM-DD-<type>.md: its date and type make "
        "2019-05-28-performance.md (if a file of that name is here already, this is likely a copy of it)"
        in problems(small_content, linked=True)
    )


def test_a_meeting_file_named_otherwise_without_a_date_is_given_an_example_of_no_body(small_content):
    path = small_content / MAY
    path.write_text(path.read_text(encoding="utf-8").replace("date: 2019-05-28\n", "", 1), encoding="utf-8")
    path.rename(small_content / "meetings" / "notes.md")
    found = [p for p in problems(small_content, linked=True) if "file name must be" in p]
    assert found == ["content/meetings/notes.md: file name must be YYYY-MM-DD-<type>.md: such as 2025-01-28-board.md"]
