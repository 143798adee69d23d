"""`build.py import FILE` writes a draft, never over a file, reports per field, and ends by checking.

Most tests import tests/fixtures/import/2021-12-20-extract.txt into a content folder
holding only the reference files of the assurance fixture (people, themes, glossary, site).
"""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from minutebook.cli import main
from tests.conftest import ASSURANCE, ASSURANCE_SOURCES, ROOT

EXTRACT = ROOT / "tests" / "fixtures" / "import" / "2021-12-20-extract.txt"
DRAFT = "meetings/2021-12-20-monthly-assurance.md"
SOURCE = ASSURANCE_SOURCES / "2021-12-20-monthly-assurance.txt"


@pytest.fixture
def content(tmp_path) -> Path:
    folder = tmp_path / "content"
    (folder / "meetings").mkdir(parents=True)
    for name in ("site.yml", "themes.yml", "people.yml", "glossary.yml"):
        shutil.copy(ASSURANCE / name, folder / name)
    return folder


def run(*args: str) -> int:
    return main(["import", *args])


def test_the_draft_goes_to_meetings_named_by_its_date_and_type(content):
    assert run(str(EXTRACT), "--content", str(content)) == 0
    assert (content / DRAFT).is_file()


def test_out_chooses_where_the_draft_goes(content, tmp_path):
    assert run(str(EXTRACT), "--content", str(content), "--out", str(tmp_path / "draft.md")) == 0
    assert (tmp_path / "draft.md").is_file() and not (content / DRAFT).exists()


def test_an_existing_file_is_never_overwritten(content, capsys):
    (content / DRAFT).write_text("an editor's work", encoding="utf-8")
    assert run(str(EXTRACT), "--content", str(content)) == 1
    assert (content / DRAFT).read_text(encoding="utf-8") == "an editor's work"
    assert "2021-12-20-monthly-assurance.md already exists; nothing was written" in capsys.readouterr().err


def test_an_existing_out_file_is_refused_before_anything_is_read(content, tmp_path, capsys):
    taken = tmp_path / "taken.md"
    taken.write_text("kept", encoding="utf-8")
    assert run(str(tmp_path / "no-such-file.txt"), "--content", str(content), "--out", str(taken)) == 1
    assert taken.read_text(encoding="utf-8") == "kept"
    assert "taken.md already exists" in capsys.readouterr().err


def test_an_unknown_extension_is_a_clear_error_and_nothing_is_written(content, tmp_path, capsys):
    source = tmp_path / "minutes.rtf"
    source.write_text("{\\rtf1 Monthly Assurance Meeting}", encoding="utf-8")
    assert run(str(source), "--content", str(content)) == 1
    assert "cannot import '.rtf' files; give a .txt, .docx or .pdf file" in capsys.readouterr().err
    assert list((content / "meetings").iterdir()) == []


def test_a_missing_file_is_a_clear_error(content, tmp_path, capsys):
    assert run(str(tmp_path / "minutes.txt"), "--content", str(content)) == 1
    assert "no such file" in capsys.readouterr().err


def test_a_content_folder_that_does_not_exist_is_refused(tmp_path, capsys):
    assert run(str(EXTRACT), "--content", str(tmp_path / "contnet")) == 1
    assert "the content folder" in capsys.readouterr().err and not (tmp_path / "contnet").exists()


def test_minutes_without_a_date_need_out_to_be_written(content, tmp_path, capsys):
    source = tmp_path / "minutes.txt"
    source.write_text("1.\tOutstanding Matters / Matters arising\t\n\tThere were none.\t\n", encoding="utf-8")
    assert run(str(source), "--content", str(content)) == 1
    assert "Give --out PATH" in capsys.readouterr().err


def test_each_field_is_reported_found_check_or_not_found(content, capsys):
    run(str(EXTRACT), "--content", str(content))
    out = capsys.readouterr().out
    for line in (
        "  date          found      2021-12-20",
        "  chair         found      john-campion (John Campion)",
        "  agenda        found      8 items",
    ):
        assert line in out


def test_it_ends_by_checking_the_content_with_the_draft_in_it(content, capsys):
    run(str(EXTRACT), "--content", str(content))
    out = capsys.readouterr().out
    assert "with the draft in it:\n  no problems found." in out
    assert "The draft needs work before it is published" in out  # CHECK markers remain


def test_it_says_the_draft_cannot_be_published_until_its_markers_are_settled(content, capsys):
    run(str(EXTRACT), "--content", str(content))
    out = capsys.readouterr().out
    assert (
        "It cannot be published until every marker is settled and deleted: "
        "'python build.py' and 'python build.py check' refuse it" in out
    )


def test_a_draft_check_finds_problems_in_is_still_written_and_exits_0(content, capsys):
    people = content / "people.yml"
    people.write_text(
        people.read_text(encoding="utf-8").replace("- slug: beth-bridges\n  name: Beth Bridges\n", ""), encoding="utf-8"
    )
    assert run(str(EXTRACT), "--content", str(content)) == 0
    out = capsys.readouterr().out
    assert "person 'beth-bridges' is not in content/people.yml" in out
    assert "Not in people.yml: Beth Bridges. If the name is right, add to" in out
    assert "problems that check found" in out


def test_a_draft_written_outside_the_content_folder_is_checked_as_if_inside(content, tmp_path, capsys):
    run(str(EXTRACT), "--content", str(content), "--out", str(tmp_path / "2021-12-20-monthly-assurance.md"))
    assert "  no problems found." in capsys.readouterr().out


def test_the_command_is_listed_in_the_help(capsys):
    with pytest.raises(SystemExit):
        main(["--help"])
    assert "import" in capsys.readouterr().out


def test_build_py_imports_a_source_text_in_a_subprocess(content, tmp_path):
    seed = Path(shutil.copy(SOURCE, tmp_path / "minutes.txt"))
    done = subprocess.run(
        [sys.executable, "build.py", "import", str(seed), "--content", str(content)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert "Wrote " in done.stdout and (content / DRAFT).is_file()
