"""`build.py check` ends every run in messages an editor can act on, never a traceback."""

import subprocess
import sys

from minutebook.cli import main
from minutebook.content import load
from tests.conftest import ROOT

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
        f"content/{APRIL}: Minutebook stopped on an error it did not expect (RuntimeError: something no test foresaw); "
        "the content was not fully checked. This is a fault in Minutebook: please report it, with this file.\n"
    )
