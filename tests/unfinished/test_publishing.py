"""Minutes still marked TO DO or CHECK are never published: `check` and `build` refuse them, naming
every marker; `serve` (tests/commands/test_serve.py) and `build --allow-unfinished` show them.

The small fixture has meetings in April and May 2019; `new --date 2019-06-25` starts a June one.
"""

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from minutebook.cli import main
from minutebook.pipeline import Paths, build
from tests.conftest import ASSURANCE, ROOT

JUNE = "meetings/2019-06-25-monthly-assurance.md"
EXTRACT = ROOT / "tests" / "fixtures" / "import" / "2021-12-20-extract.txt"
REFUSED = re.compile(
    r'^(\S+):(\d+): (.+?): still marked for the editor: "(TO DO|CHECK): .*"; settle it, then delete the marker$'
)


def start_june(content: Path, capsys) -> Path:
    assert main(["new", "--date", "2019-06-25", "--type", "Monthly Assurance Meeting", "--content", str(content)]) == 0
    capsys.readouterr()
    return content / JUNE


def lines_marked(path: Path, *markers: str) -> list[int]:
    """The lines of a file that hold a marker, counted from the file itself."""
    return [
        n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if any(m in line for m in markers)
    ]


def refused_lines(err: str, name: str) -> list[int]:
    """The line numbers of the markers a command listed for the file `name`."""
    return [int(m[2]) for line in err.splitlines() if (m := REFUSED.match(line)) and m[1].endswith(name)]


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def settle(path: Path) -> None:
    """What an editor does with the June draft: every TO DO settled and its marker deleted."""
    text = path.read_text(encoding="utf-8")
    text = text.replace('"TO DO: title of the first item"', "Police and Crime Plan").replace(
        "## 2 TO DO: title of the first item", "## 2 Police and Crime Plan"
    )
    lines = []
    for line in text.splitlines():
        if line.startswith("TO DO:"):
            line = "There was none."
        elif "# TO DO:" in line:
            line = line.split("  # TO DO:")[0]
        lines.append(line)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


@pytest.fixture
def content(tmp_path) -> Path:
    """Only the reference files of the assurance fixture, for an import of the December 2021 extract."""
    folder = tmp_path / "content"
    (folder / "meetings").mkdir(parents=True)
    for name in ("site.yml", "themes.yml", "people.yml", "glossary.yml"):
        shutil.copy(ASSURANCE / name, folder / name)
    return folder


# ---------------------------------------------------------------- check


def test_a_new_meeting_left_untouched_fails_check_naming_every_marker(small_content, capsys):
    june = start_june(small_content, capsys)
    assert main(["check", "--content", str(small_content)]) == 1
    err = capsys.readouterr().err
    marked = lines_marked(june, "TO DO:")
    assert len(marked) == 14
    assert refused_lines(err, JUNE) == marked
    assert "14 places still marked TO DO or CHECK; nothing was built." in err


def test_each_marker_names_its_field_or_agenda_item(small_content, capsys):
    june = start_june(small_content, capsys)
    main(["check", "--content", str(small_content)])
    named = {int(m[2]): m[3] for line in capsys.readouterr().err.splitlines() if (m := REFUSED.match(line))}
    text = june.read_text(encoding="utf-8").splitlines()
    line_of = {line: n for n, line in enumerate(text, 1)}
    assert named[line_of['    title: "TO DO: title of the first item"']] == "agenda[2].title"
    assert named[line_of["## 2 TO DO: title of the first item"]] == "heading of agenda item 2"
    assert named[line_of["TO DO: the minutes of this item."]] == "agenda item 2"
    assert [named[n] for n, line in enumerate(text, 1) if line.startswith(("time:", "venue:", "chair:"))] == [
        "time",
        "venue",
        "chair",
    ]
    (source_title,) = [n for n, line in enumerate(text, 1) if line.startswith("  title: ")]
    assert named[source_title] == "source.title"


def test_check_lists_the_markers_beside_every_other_problem(small_content, capsys):
    june = start_june(small_content, capsys)
    june.write_text(
        june.read_text(encoding="utf-8").replace("chair: john-campion", "chair: nobody-known"), encoding="utf-8"
    )
    assert main(["check", "--content", str(small_content)]) == 1
    err = capsys.readouterr().err
    assert "chair: person 'nobody-known' is not in content/people.yml" in err
    assert refused_lines(err, JUNE) == lines_marked(june, "TO DO:")
    assert "1 problem found; nothing was built." in err and "14 places still marked TO DO or CHECK" in err


def test_an_imported_draft_fails_check_naming_every_check_marker(content, capsys):
    assert main(["import", str(EXTRACT), "--content", str(content)]) == 0
    capsys.readouterr()
    assert main(["check", "--content", str(content)]) == 1
    draft = content / "meetings" / "2021-12-20-monthly-assurance.md"
    marked = lines_marked(draft, "# CHECK:", "[CHECK:")
    assert marked and refused_lines(capsys.readouterr().err, draft.name) == marked


def test_check_refuses_in_a_subprocess_as_ci_and_the_pre_commit_hook_run_it(small_content, capsys):
    start_june(small_content, capsys)
    run = subprocess.run(
        [sys.executable, "build.py", "check", "--content", str(small_content)], cwd=ROOT, capture_output=True, text=True
    )
    assert run.returncode == 1
    assert "still marked TO DO or CHECK" in run.stderr and "Content is valid" not in run.stdout


# ---------------------------------------------------------------- build


def test_a_new_meeting_left_untouched_fails_build_naming_every_marker_and_the_site_is_left_as_it_was(
    small_content, tmp_path, capsys
):
    site = tmp_path / "site"
    assert main(["--content", str(small_content), "--out", str(site), "--quiet"]) == 0
    before = snapshot(site)
    june = start_june(small_content, capsys)
    assert main(["--content", str(small_content), "--out", str(site)]) == 1
    err = capsys.readouterr().err
    assert refused_lines(err, JUNE) == lines_marked(june, "TO DO:")
    assert "nothing was built" in err
    assert snapshot(site) == before


def test_a_refused_build_into_a_new_folder_writes_nothing(small_content, tmp_path, capsys):
    start_june(small_content, capsys)
    assert main(["--content", str(small_content), "--out", str(tmp_path / "site"), "--quiet"]) == 1
    assert not (tmp_path / "site").exists()


def test_the_pipeline_refuses_unfinished_content_by_default(small_content, tmp_path, capsys):
    from minutebook.content.unfinished import Unfinished

    start_june(small_content, capsys)
    with pytest.raises(Unfinished) as refused:
        build(Paths(content=small_content), tmp_path / "site")
    assert len(refused.value.markers) == 14


def test_the_new_meeting_once_settled_builds_and_is_published(small_content, tmp_path, capsys):
    settle(start_june(small_content, capsys))
    assert main(["check", "--content", str(small_content)]) == 0
    assert "still marked" not in capsys.readouterr().err
    assert main(["--content", str(small_content), "--out", str(tmp_path / "site"), "--quiet"]) == 0
    assert capsys.readouterr().err == ""
    home = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert "Monthly Assurance Meeting June 2019" in home and "TO DO" not in home
    assert "TO DO" not in (tmp_path / "site" / "feed.xml").read_text(encoding="utf-8")


def test_allow_unfinished_builds_anyway_and_says_loudly_it_must_not_be_published(small_content, tmp_path, capsys):
    june = start_june(small_content, capsys)
    assert main(["--content", str(small_content), "--out", str(tmp_path / "draft-site"), "--allow-unfinished"]) == 0
    out, err = capsys.readouterr()
    page = (tmp_path / "draft-site" / "meetings" / "2019-06-25-monthly-assurance" / "index.html").read_text(
        encoding="utf-8"
    )
    assert "TO DO: title of the first item" in page
    assert refused_lines(err, JUNE) == lines_marked(june, "TO DO:")
    assert err.splitlines()[-1].startswith(
        "NOT FOR PUBLICATION: built with 14 places still marked TO DO or CHECK (--allow-unfinished)."
    )
    assert "do not publish" in err.splitlines()[-1]
    assert "Open " not in out  # no invitation to open it as if it were the site


def test_allow_unfinished_warns_even_when_quiet(small_content, tmp_path, capsys):
    start_june(small_content, capsys)
    assert (
        main(["--content", str(small_content), "--out", str(tmp_path / "draft-site"), "--allow-unfinished", "--quiet"])
        == 0
    )
    assert "NOT FOR PUBLICATION" in capsys.readouterr().err


def test_allow_unfinished_still_refuses_content_with_other_problems(small_content, tmp_path, capsys):
    june = start_june(small_content, capsys)
    june.write_text(
        june.read_text(encoding="utf-8").replace("chair: john-campion", "chair: nobody-known"), encoding="utf-8"
    )
    assert (
        main(["--content", str(small_content), "--out", str(tmp_path / "draft-site"), "--allow-unfinished", "--quiet"])
        == 1
    )
    assert "1 problem found; nothing was built." in capsys.readouterr().err
    assert not (tmp_path / "draft-site").exists()


def test_finished_content_builds_with_no_warning(small_content, tmp_path, capsys):
    assert (
        main(["--content", str(small_content), "--out", str(tmp_path / "draft-site"), "--quiet", "--allow-unfinished"])
        == 0
    )
    assert capsys.readouterr().err == ""


def test_allow_unfinished_never_builds_into_the_published_site_folder(small_content, tmp_path, monkeypatch, capsys):
    here = tmp_path / "archive"
    (here / "site").mkdir(parents=True)
    (here / "site" / "index.html").write_text("the published site")
    monkeypatch.chdir(here)
    for out in ([], ["--out", "site"], ["--out", "./site/"]):
        assert main(["--content", str(small_content), *out, "--allow-unfinished"]) == 2
        assert "--allow-unfinished builds only into a folder of its own, never into site/" in capsys.readouterr().err
    assert [p.name for p in here.iterdir()] == ["site"]
    assert [p.name for p in (here / "site").iterdir()] == ["index.html"]


def test_allow_unfinished_never_builds_into_the_site_folder_beside_the_content_from_elsewhere(
    small_content, tmp_path, monkeypatch, capsys
):
    beside = small_content.parent / "site"  # the archive's own site/, named from another folder
    monkeypatch.chdir(tmp_path)
    for out in (str(beside), os.path.relpath(beside)):
        assert main(["--content", str(small_content), "--out", out, "--allow-unfinished"]) == 2
        assert "never into site/" in capsys.readouterr().err
    assert not beside.exists()


def test_allow_unfinished_builds_into_a_draft_folder_named_by_out(small_content, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert main(["--content", str(small_content), "--out", "draft-site", "--allow-unfinished", "--quiet"]) == 0
    assert (tmp_path / "draft-site" / "index.html").is_file() and not (tmp_path / "site").exists()
