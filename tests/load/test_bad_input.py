"""Every way a content file can be wrong ends in one clear line: path:line: field: message."""

import subprocess
import sys
import time
from pathlib import Path

import pytest

from minutebook.content.load import load_content
from tests.conftest import ROOT
from tests.load.refusals import problems

APRIL = "meetings/2019-04-30-monthly-assurance.md"


def line_of(path: Path, text: str) -> int:
    return 1 + path.read_text(encoding="utf-8").split("\n").index(text)


def rewrite(content: Path, old: str, new: str, name: str = APRIL) -> Path:
    path = content / name
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


# (what is wrong, old text, new text, the line that holds it, field, words the message must contain)
CASES = [
    ("unknown field", "attendees:", "atendees:", "atendees:", "atendees", "did you mean 'attendees'"),
    ("missing title", "title: Monthly Assurance Meeting April 2019\n", "", None, "title", "is missing"),
    ("impossible date", "date: 2019-04-30", "date: 2019-13-45", "date: 2019-13-45", "date", "not a real date"),
    ("British date", "date: 2019-04-30", "date: 30/04/2019", "date: 30/04/2019", "date", "YYYY-MM-DD"),
    (
        "date differs from file name",
        "date: 2019-04-30",
        "date: 2019-04-29",
        "date: 2019-04-29",
        "date",
        "does not match the date in the file name",
    ),
    ("time not HH:MM", 'time: "10:00"', "time: 10am", "time: 10am", "time", "HH:MM"),
    ("slug with a slash", "chair: john-campion", "chair: ../john", "chair: ../john", "chair", "lower-case letters"),
    (
        "slug with a space",
        "    owner: amanda-blakeman",
        "    owner: amanda blakeman",
        "    owner: amanda blakeman",
        "actions[1].owner",
        "lower-case letters",
    ),
    (
        "id unsafe in URLs",
        "  - id: 2019-04-30-1",
        "  - id: 2019/04/30?1",
        "  - id: 2019/04/30?1",
        "actions[1].id",
        "not an action id",
    ),
    ("undefined person", "chair: john-campion", "chair: jon-campion", None, "chair", "not in content/people.yml"),
    (
        "undefined theme",
        "themes: [roads-policing]",
        "themes: [road-safety]",
        "    themes: [road-safety]",
        "themes",
        "not in content/themes.yml",
    ),
    (
        "action under no item",
        '    item: "2.1"',
        '    item: "9.9"',
        '    item: "9.9"',
        "actions[1].item",
        "not an agenda item",
    ),
    ("bad status", "    status: open", "    status: done", "    status: done", "actions[1].status", "expected one of"),
    (
        "next meeting before this one",
        "  date: 2019-05-28",
        "  date: 2019-04-01",
        "  date: 2019-04-01",
        "next_meeting.date",
        "not after this meeting",
    ),
    (
        "duplicate key",
        "venue: Meeting Room 1.38 Hindlip",
        "venue: Meeting Room 1.38 Hindlip\nvenue: Room 2",
        "venue: Room 2",
        "",
        "duplicate key 'venue'",
    ),
    ("YAML syntax error", "venue: Meeting Room 1.38 Hindlip", "venue: [Meeting Room", None, "", "YAML syntax error"),
    (
        "anchor and alias",
        "venue: Meeting Room 1.38 Hindlip",
        "venue: &v Meeting Room\nsource_copy: *v",
        "venue: &v Meeting Room",
        "",
        "anchors and aliases",
    ),
    (
        "heading out of step with the agenda",
        "## 2.1 Roads policing",
        "## 2.1 Road policing",
        "## 2.1 Road policing",
        "body",
        "does not match agenda item",
    ),
    (
        "heading not on the agenda",
        "### Actions arising",
        "## 3 Actions arising",
        "## 3 Actions arising",
        "body",
        "not in the agenda",
    ),
]


@pytest.mark.parametrize("what, old, new, held_by, field, words", CASES, ids=[c[0] for c in CASES])
def test_each_mistake_is_named_with_file_line_and_field(small_content, what, old, new, held_by, field, words):
    path = rewrite(small_content, old, new)
    found = problems(small_content, linked=True)
    match = [p for p in found if words in p]
    assert match, found
    where, _, rest = match[0].partition(": ")
    assert where.startswith("content/" + APRIL)
    if held_by:
        assert where.endswith(f":{line_of(path, held_by)}"), match[0]
    if field:
        assert rest.startswith(field) or f" {field}" in rest or field in rest.split(":")[0], match[0]


def test_a_duplicate_action_id_across_meetings_is_named(small_content):
    rewrite(
        small_content,
        "action_updates:",
        'actions:\n  - id: 2019-04-30-1\n    item: "1"\n    text: Again.\n    status: open\naction_updates:',
        "meetings/2019-05-28-performance.md",
    )
    assert any("is already used at content/meetings/2019-04-30" in p for p in problems(small_content, linked=True))


def test_an_update_to_an_undefined_action_is_named(small_content):
    rewrite(small_content, "  - action: 2019-04-30-1", "  - action: 2019-04-30-7", "meetings/2019-05-28-performance.md")
    assert any("'2019-04-30-7' is not the id of any action" in p for p in problems(small_content, linked=True))


@pytest.mark.parametrize(
    "text, words",
    [
        ("", "is empty"),
        ("Just minutes, no front matter.\n", "does not start with front matter"),
        ("---\ntitle: x\n", "front matter is not closed"),
        ("---\n- a\n- b\n---\n", "front matter is a list"),
        ("---\njust words\n---\n", "front matter is the text 'just words'"),
    ],
    ids=["empty", "no front matter", "unclosed", "a list", "a scalar"],
)
def test_a_broken_file_shape_is_named(small_content, text, words):
    (small_content / "meetings/2019-06-25-monthly-assurance.md").write_text(text)
    found = problems(small_content, linked=True)
    assert any(p.startswith("content/meetings/2019-06-25-monthly-assurance.md") and words in p for p in found), found


def test_text_that_is_not_utf8_is_named_with_its_line(small_content):
    (small_content / APRIL).write_bytes((small_content / APRIL).read_bytes().replace(b"Hindlip", b"Hindl\xe9p"))
    found = problems(small_content, linked=True)
    assert any("is not UTF-8" in p and p.startswith(f"content/{APRIL}:") for p in found), found


def test_a_reference_file_that_is_not_utf8_is_named_as_such_not_as_missing(small_content):
    path = small_content / "themes.yml"
    data = path.read_bytes()
    path.write_bytes(data.replace(b"\n", b"\n\xff", 1))
    found = problems(small_content, linked=True)
    byte = data.index(b"\n") + 1
    assert f"content/themes.yml:2: is not UTF-8 text (byte {byte});" in "\n".join(found), found
    assert not any("is missing" in p for p in found), found


def test_the_byte_named_in_a_file_with_a_byte_order_mark_counts_from_the_start_of_the_file(small_content):
    path = small_content / APRIL
    data = path.read_bytes()
    at = data.index(b"Hindlip")
    path.write_bytes(b"\xef\xbb\xbf" + data[:at] + b"\xe9" + data[at:])
    found = problems(small_content, linked=True)
    line = data[:at].count(b"\n") + 1
    assert f"content/{APRIL}:{line}: is not UTF-8 text (byte {at + 3});" in "\n".join(found), found


def test_a_byte_order_mark_and_windows_line_endings_simply_work(small_content):
    path = small_content / APRIL
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes().replace(b"\n", b"\r\n"))
    meeting = next(m for m in load_content(small_content).meetings if m.id == path.stem)
    assert meeting.title == "Monthly Assurance Meeting April 2019" and "\r" not in meeting.agenda[1].markdown


def test_an_alias_bomb_is_refused_quickly(small_content):
    bomb = (
        "---\na: &a [x, x, x, x, x, x, x, x, x]\n"
        + "".join(
            f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, "
            f"*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]\n"
            for i in range(9)
        )
        + "---\n"
    )
    (small_content / "meetings/2019-06-25-monthly-assurance.md").write_text(bomb)
    began = time.perf_counter()
    found = problems(small_content, linked=True)
    assert time.perf_counter() - began < 2
    assert any("anchors and aliases" in p for p in found)


def test_a_link_out_of_the_content_folder_is_refused(small_content, tmp_path):
    outside = tmp_path / "secret.md"
    outside.write_text("---\ntitle: secret\n---\n")
    (small_content / "meetings/2019-06-25-monthly-assurance.md").symlink_to(outside)
    assert any("is a link to a file outside content/" in p for p in problems(small_content, linked=True))


def test_a_link_to_a_folder_out_of_the_content_folder_is_refused_and_not_entered(small_content, tmp_path):
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (outside / "2019-06-25-monthly-assurance.md").write_text("---\ntitle: secret\n---\n")
    (small_content / "meetings/more").symlink_to(outside)
    found = problems(small_content, linked=True)
    assert any(p.startswith("content/meetings/more:") and "is a link to a file outside content/" in p for p in found), (
        found
    )
    assert not any("2019-06-25" in p for p in found), found


def test_all_problems_of_a_run_are_reported_together_sorted_by_file_and_line(small_content):
    rewrite(small_content, "venue: Meeting Room 1.38 Hindlip", "venue: Meeting Room 1.38 Hindlip\natendees: []")
    rewrite(small_content, 'time: "10:00"', "time: ten")
    rewrite(
        small_content, "title: Confidence", "title: Confidence\n    colour: red", "meetings/2019-05-28-performance.md"
    )
    found = problems(small_content, linked=True)
    assert len(found) == 3
    keys = [(p.split(":")[0], int(p.split(":")[1])) for p in found]
    assert keys == sorted(keys)


def test_check_prints_problems_without_a_traceback_and_exits_1(small_content):
    rewrite(small_content, "date: 2019-04-30", "date: 2019-13-45")
    run = subprocess.run(
        [sys.executable, "build.py", "check", "--content", str(small_content)], cwd=ROOT, capture_output=True, text=True
    )
    assert run.returncode == 1
    assert "Traceback" not in run.stderr and "not a real date" in run.stderr


def test_check_summarises_valid_content_in_one_line(small_content):
    run = subprocess.run(
        [sys.executable, "build.py", "check", "--content", str(small_content)], cwd=ROOT, capture_output=True, text=True
    )
    assert run.returncode == 0
    assert run.stdout.strip() == "Content is valid: 2 meetings, 1 action, 2 themes, 4 people."


def test_load_and_cross_reference_problems_are_reported_in_one_pass(small_content):
    rewrite(small_content, "date: 2019-04-30", "date: 2019-13-45")
    rewrite(small_content, "themes: [public-confidence]", "themes: [confidence]", "meetings/2019-05-28-performance.md")
    run = subprocess.run(
        [sys.executable, "build.py", "check", "--content", str(small_content)], cwd=ROOT, capture_output=True, text=True
    )
    assert "not a real date" in run.stderr and "theme 'confidence' is not in content/themes.yml" in run.stderr
