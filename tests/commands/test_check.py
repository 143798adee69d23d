"""`build.py check` ends every run in messages an editor can act on, never a traceback."""

import subprocess
import sys

from minutebook.cli import main
from minutebook.content import load
from tests.conftest import FIXTURES, ROOT

APRIL = "meetings/2019-04-30-monthly-assurance.md"


def test_yaml_nested_a_thousand_deep_is_a_located_message_not_a_traceback(small_content):
    path = small_content / APRIL
    text = path.read_text()
    deep = "venue:\n" + "".join("  " * depth + "- \n" for depth in range(1, 1001))
    path.write_text(text.replace("venue: Meeting Room 1.38 Hindlip\n", deep))
    run = subprocess.run(
        [sys.executable, "build.py", "check", "--content", str(small_content)], cwd=ROOT, capture_output=True, text=True
    )
    assert run.returncode == 1 and "Traceback" not in run.stderr
    assert (
        f"content/{APRIL}:57: lists and mappings are nested more than 50 deep; a content file needs no more than four"
        in run.stderr
    )


def test_an_error_minutebook_did_not_expect_names_the_file_it_was_reading(small_content, monkeypatch, capsys):
    def failing(source, errors):
        raise RuntimeError("something no test foresaw")

    monkeypatch.setattr(load, "parse_meeting", failing)
    assert main(["check", "--content", str(small_content)]) == 1
    assert capsys.readouterr().err == (
        f"{small_content}/{APRIL}: Minutebook stopped on an error it did not expect "
        "(RuntimeError: something no test foresaw); the content was not fully checked. "
        "This is a fault in Minutebook: please report it, with this file.\n"
    )


def test_a_type_site_yml_does_not_declare_is_named_as_a_committee_of_its_own(small_content, capsys):
    # The fixture declares the Monthly Assurance Meeting alone, and holds one Performance meeting.
    assert main(["check", "--content", str(small_content)]) == 0
    notices = capsys.readouterr().err
    assert notices.startswith(  # the content folder lies outside the working folder: named in full
        f"{small_content}/meetings/2019-05-28-performance.md:1: type: 'Performance' is not among meeting_types in "
        f"{small_content}/site.yml, so it is a committee of its own (1 meeting); declare it there, or correct the "
        "type to one of: Monthly Assurance Meeting"
    )


def test_an_archive_that_declares_no_types_hears_nothing_of_them(capsys):
    content = FIXTURES / "citycouncil"
    assert "meeting_types" not in (content / "site.yml").read_text()
    assert main(["check", "--content", str(content)]) == 0
    assert "meeting_types" not in capsys.readouterr().err


def test_the_notice_of_an_undeclared_type_names_the_settings_of_the_folder_checked(small_content, capsys):
    renamed = small_content.rename(small_content.parent / "council-minutes")
    assert main(["check", "--content", str(renamed)]) == 0
    assert f"is not among meeting_types in {renamed}/site.yml, so" in capsys.readouterr().err
