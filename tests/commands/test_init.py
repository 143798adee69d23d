"""`build.py init DIR` starts a new body's archive: from its editor's side, an empty folder to a built
site through `init`, `new` and `build`, touching the files only as an editor would."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from minutebook.cli import main
from minutebook.pipeline import Paths, load_archive
from tests.conftest import ROOT


def edit(path: Path, old: str, new: str) -> None:
    """Replace the one line starting `old` with `new`, as an editor would in their text editor."""
    lines = path.read_text(encoding="utf-8").split("\n")
    (at,) = [n for n, line in enumerate(lines) if line.startswith(old)]
    lines[at] = new
    path.write_text("\n".join(lines), encoding="utf-8")


def settle(path: Path, replacements: dict[str, str]) -> None:
    """Settle every TO DO of a draft: the named placeholders replaced, every other marked comment deleted and
    every other marked line of minutes written."""
    text = path.read_text(encoding="utf-8")
    for old, new in replacements.items():
        text = text.replace(old, new)
    text = re.sub(r"  # TO DO:.*", "", text)
    text = re.sub(r"^TO DO:.*$", "The meeting noted the item.", text, flags=re.MULTILINE)
    assert "TO DO:" not in text, text
    path.write_text(text, encoding="utf-8")


def test_a_new_body_goes_from_an_empty_folder_to_a_built_site(tmp_path, capsys):
    body = tmp_path / "anytown"
    assert main(["init", str(body), "--organisation", "Anytown Town Council"]) == 0
    content = body / "content"
    assert "python build.py new --date YYYY-MM-DD --content" in capsys.readouterr().out

    # The editor fills in the settings, names the body's meetings and adds the chair.
    site = content / "site.yml"
    edit(site, "description:", "description: The minutes of Anytown Town Council's meetings.")
    edit(site, "  - name:", "  - name: Full Council")
    edit(site, "    title:", '    title: "{type} {date}"')
    (content / "about.md").write_text("# About these meetings\n\nThe council meets monthly.\n", encoding="utf-8")
    (content / "people.yml").write_text("- slug: ann-jones\n  name: Ann Jones\n", encoding="utf-8")
    assert main(["check", "--content", str(content)]) == 0

    # The first meeting, from the type's title pattern and standing agenda.
    assert main(["new", "--date", "2025-06-10", "--content", str(content)]) == 0
    draft = content / "meetings" / "2025-06-10-full-council.md"
    meeting = load_archive(Paths(content=content), allow_unfinished=True).meeting(draft.stem)
    assert (meeting.type, meeting.title) == ("Full Council", "Full Council 10 June 2025")
    assert [(item.number, item.title) for item in meeting.agenda] == [
        ("1", "Apologies"),
        ("2", "Minutes of the last meeting"),
        ("3", "Matters arising"),
        ("4", "TO DO: title of the first item"),
        ("5", "Any other business"),
        ("6", "Date of the next meeting"),
    ]
    assert main(["check", "--content", str(content)]) == 1  # the draft's markers

    settle(
        draft,
        {
            "TO DO: title of the first item": "Planning applications",
            "TO DO: venue": "Town Hall",
            "TO DO: role": "Chair",
            '"00:00"': '"19:00"',
        },
    )
    capsys.readouterr()
    assert main(["check", "--content", str(content)]) == 0, capsys.readouterr().err
    out = tmp_path / "site"
    assert main(["--content", str(content), "--out", str(out), "--quiet"]) == 0
    page = (out / "meetings" / "2025-06-10-full-council" / "index.html").read_text(encoding="utf-8")
    assert "Full Council 10 June 2025" in page
    for title in ("Apologies", "Minutes of the last meeting", "Planning applications", "Date of the next meeting"):
        assert title in page
    assert "Anytown Town Council" in (out / "index.html").read_text(encoding="utf-8")


def test_a_fresh_archive_loads_and_check_lists_each_setting_left_to_fill_in(tmp_path, capsys):
    assert main(["init", str(tmp_path)]) == 0
    capsys.readouterr()
    assert main(["check", "--content", str(tmp_path / "content")]) == 1
    err = capsys.readouterr().err
    content = re.escape(str(tmp_path / "content"))  # outside the working folder: named in full
    for field in ("organisation", "title", "description", "meeting_types[1].name"):
        assert re.search(rf"^{content}/site\.yml:\d+: {re.escape(field)}: still marked for the editor", err, re.M), err
    assert re.search(rf"^{content}/people\.yml:\d+: still marked for the editor: \"TO DO: add at least", err, re.M)
    assert re.search(rf"^{content}/about\.md:\d+: still marked for the editor", err, re.M)
    assert "6 places still marked TO DO or CHECK; nothing was built." in err


def test_a_fresh_archive_builds_for_a_look_with_allow_unfinished(tmp_path, capsys):
    assert main(["init", str(tmp_path), "--organisation", "Anytown Town Council"]) == 0
    out = tmp_path / "draft-site"
    assert main(["--content", str(tmp_path / "content"), "--out", str(out), "--allow-unfinished"]) == 0
    assert "NOT FOR PUBLICATION" in capsys.readouterr().err
    assert (out / "about" / "index.html").is_file()


def test_new_asks_for_the_chair_while_people_yml_lists_nobody(tmp_path, capsys):
    assert main(["init", str(tmp_path)]) == 0
    assert main(["new", "--date", "2025-06-10", "--content", str(tmp_path / "content")]) == 1
    assert "content/people.yml lists nobody; add the chair" in capsys.readouterr().err


def test_init_never_writes_into_a_content_folder_that_exists(tmp_path, capsys):
    content = tmp_path / "content"
    content.mkdir()
    (content / "site.yml").write_text("organisation: Kept\n", encoding="utf-8")
    assert main(["init", str(tmp_path), "--organisation", "Anytown Town Council"]) == 1
    assert "content already exists; nothing was written" in capsys.readouterr().err
    assert [p.name for p in content.iterdir()] == ["site.yml"]
    assert (content / "site.yml").read_text(encoding="utf-8") == "organisation: Kept\n"


def test_init_fills_in_what_it_is_given(tmp_path):
    argv = ["init", str(tmp_path), "--organisation", "Anytown Town Council", "--short-name", "Anytown TC"]
    assert main([*argv, "--meeting-type", "Full Council"]) == 0
    site = load_archive(Paths(content=tmp_path / "content"), allow_unfinished=True).site
    assert (site.organisation, site.short_name, site.title) == (
        "Anytown Town Council",
        "Anytown TC",
        "Anytown TC meeting minutes",
    )
    assert [t.name for t in site.meeting_types] == ["Full Council"]
    assert "TO DO:" not in (tmp_path / "content" / "site.yml").read_text(encoding="utf-8").split("description:")[0]


def test_build_py_init_runs_as_a_command(tmp_path):
    run = subprocess.run(
        [sys.executable, "build.py", "init", str(tmp_path / "new body")], cwd=ROOT, capture_output=True, text=True
    )
    assert run.returncode == 0, run.stderr
    assert "--content '" in run.stdout  # a path with a space, quoted for the shell
    assert sorted(p.name for p in (tmp_path / "new body" / "content").iterdir()) == [
        "about.md",
        "glossary.yml",
        "meetings",
        "people.yml",
        "site.yml",
        "themes.yml",
    ]


def test_init_refuses_a_folder_that_is_a_file(tmp_path, capsys):
    (tmp_path / "minutes").write_text("not a folder\n", encoding="utf-8")
    assert main(["init", str(tmp_path / "minutes")]) == 1
    assert "minutes is a file, not a folder; nothing was written" in capsys.readouterr().err


def test_the_example_locale_in_a_fresh_site_yml_works_once_its_lines_are_uncommented(tmp_path):
    assert main(["init", str(tmp_path), "--organisation", "Fernhollow City Council"]) == 0
    site = tmp_path / "content" / "site.yml"
    lines = site.read_text(encoding="utf-8").split("\n")
    start = lines.index("# locale:")
    end = next(n for n in range(start + 1, len(lines)) if not lines[n].startswith("#  "))
    lines[start:end] = [line.removeprefix("# ") for line in lines[start:end]]  # as the comment above them says
    site.write_text("\n".join(lines), encoding="utf-8")
    locale = load_archive(Paths(content=tmp_path / "content"), allow_unfinished=True).site.locale
    assert (locale.language, locale.time_zone, locale.clock, locale.words.apologies) == (
        "en-US",
        "America/Los_Angeles",
        12,
        "Absent",
    )
