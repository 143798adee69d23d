"""An incremental build stays byte for byte a full build when a meeting's status changes,
and when the meeting that approved some minutes comes, goes or changes its address."""

import shutil
from pathlib import Path

import pytest

from minutebook.pipeline import Paths, build
from tests.conftest import FIXTURES, ROOT
from tests.rebuild.test_incremental import snapshot

APRIL = "meetings/2019-04-30-monthly-assurance.md"
MAY = "meetings/2019-05-28-monthly-assurance.md"
JUNE = "meetings/2019-06-25-monthly-assurance.md"
MID_MAY = "meetings/2019-05-14-performance.md"


def replace(content: Path, name: str, old: str, new: str) -> None:
    path = content / name
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new), encoding="utf-8")


def set_apart(content: Path) -> None:
    """Make the approving meeting (May) one that April's page names for no other reason: not its
    neighbour (a meeting in mid May comes between), not its next meeting, not an updater of its action."""
    replace(content, APRIL, "next_meeting:\n  date: 2019-05-28\n", "next_meeting:\n  date: 2019-05-14\n")
    replace(
        content,
        MAY,
        "action_updates:\n  - action: 2019-04-30-1\n    status: completed\n"
        "    note: The success criteria were reviewed.\n",
        "",
    )
    (content / MID_MAY).write_text(
        '---\ntitle: Performance Meeting May 2019\ndate: 2019-05-14\ntime: "10:00"\n'
        "type: Performance\nvenue: Room 1.38\n"
        "chair: john-campion\nminute_taker:\n  person: jackie-irvin\n  role: Policy Officer, OPCC\nattendees:\n"
        "  - person: john-campion\n    role: Police and Crime Commissioner\nagenda:\n"
        '  - number: "1"\n    title: Confidence\n'
        "source:\n  title: Performance Meeting May 2019 – Meeting Notes\n---\n\n"
        "## 1 Confidence\n\nNone were discussed.\n",
        encoding="utf-8",
    )


def approve_the_draft(content: Path) -> None:
    replace(content, MAY, "status: draft\n", "status: approved\napproved: 2019-07-30\n")


def cancel_a_meeting(content: Path) -> None:
    replace(content, MID_MAY, "type: Performance\n", "type: Performance\nstatus: cancelled\n")


def hold_the_cancelled_meeting_after_all(content: Path) -> None:
    replace(
        content,
        JUNE,
        "status: cancelled\n",
        'status: draft\ntime: "10:00"\nvenue: Room 1.38\nminute_taker:\n  person: jackie-irvin\n'
        "  role: Policy Officer, OPCC\nattendees:\n  - person: john-campion\n    role: Police and Crime Commissioner\n"
        'agenda:\n  - number: "1"\n    title: Confidence\n',
    )
    (content / JUNE).write_text(
        (content / JUNE).read_text(encoding="utf-8") + "\n## 1 Confidence\n\nNone were discussed.\n", encoding="utf-8"
    )


def move_the_approving_meeting(content: Path) -> None:
    """May's file renamed with its type: the approval's link must follow it to its new address."""
    text = (content / MAY).read_text(encoding="utf-8").replace("type: Monthly Assurance Meeting", "type: Performance")
    (content / MAY).unlink()
    (content / "meetings/2019-05-28-performance.md").write_text(text, encoding="utf-8")


def remove_the_approving_meeting(content: Path) -> None:
    (content / MAY).unlink()


def change_the_approval_date(content: Path) -> None:
    replace(content, APRIL, "approved: 2019-05-28", "approved: 2019-05-29")


@pytest.mark.parametrize(
    "change",
    [
        approve_the_draft,
        cancel_a_meeting,
        hold_the_cancelled_meeting_after_all,
        move_the_approving_meeting,
        remove_the_approving_meeting,
        change_the_approval_date,
    ],
)
def test_an_incremental_build_matches_a_full_build_after_a_status_change(tmp_path, change):
    content = shutil.copytree(FIXTURES / "status", tmp_path / "content")
    set_apart(content)
    paths = Paths(content=content, templates=ROOT / "templates")
    build(paths, tmp_path / "incremental")
    change(content)
    build(paths, tmp_path / "incremental")
    build(paths, tmp_path / "full")
    assert snapshot(tmp_path / "incremental") == snapshot(tmp_path / "full")
