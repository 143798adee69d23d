"""History: when each meeting file last changed, and its corrections, from git.

A published meeting is a public record, so its page says when it was last
changed and lists every correction made after it was first published (the
commit that added the file). The facts come from one `git log` over the
meeting files, read here at the edge and handed to the renderer as plain data.
Outside a git checkout, without git, or for a file git does not track, there
is simply no history and the page leaves the section out.
"""
from __future__ import annotations

import datetime as dt
import functools
import os
import subprocess
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

# Fields of one commit, then its changed files; the separators cannot occur in a subject line.
RECORD, FIELD = "\x1e", "\x1f"
LOG_FORMAT = f"{RECORD}%cI{FIELD}%D{FIELD}%s"
# A shallow clone's oldest commit is marked "grafted": it shows every file as added, on the wrong day.
GRAFTED = "grafted"
# Set by git for its hooks; the repository wanted is the one holding the content, wherever the build starts.
REPOSITORY_VARIABLES = ("GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_PREFIX")


@dataclass(frozen=True)
class Change:
    date: dt.date
    message: str  # the commit's subject line


@dataclass(frozen=True)
class FileHistory:
    """Oldest first: the first change published the file; the rest corrected it."""

    changes: tuple[Change, ...]

    @property
    def published(self) -> dt.date:
        return self.changes[0].date

    @property
    def last_changed(self) -> dt.date:
        return self.changes[-1].date

    @property
    def corrections(self) -> tuple[Change, ...]:
        """Every change after the first, newest first, as a reader scans them."""
        return tuple(reversed(self.changes[1:]))

    def digest_text(self) -> str:
        """Exactly what the page can show, for the rebuild fingerprint: a rebase that keeps
        the dates and messages changes no page."""
        return "\n".join(f"{c.date.isoformat()} {c.message}" for c in self.changes)


def digest_text(history: Mapping[str, FileHistory], meeting_id: str) -> str:
    """A meeting's history as text for its fingerprint; empty when it has none."""
    found = history.get(meeting_id)
    return found.digest_text() if found else ""


def parse_log(log: str, meeting_files: Mapping[str, str]) -> dict[str, FileHistory]:
    """Pure: `git log --name-status` output in LOG_FORMAT (newest first) to each meeting's history.

    `meeting_files` maps each file's path, as git names it, to its meeting id. Renames are
    followed backwards, as `git log --follow` would; the commit that added a file ends its
    history, so an older, deleted file of the same name is not mistaken for it. A file whose
    history runs into the cut-off end of a shallow clone has none: its dates are unknown.
    """
    names = dict(meeting_files)  # the name each file had at the commit being read
    found: dict[str, list[Change]] = {}
    cut_short: set[str] = set()
    for record in log.split(RECORD)[1:]:
        header, _, files = record.partition("\n")
        fields = header.split(FIELD)
        if len(fields) != 3:
            continue
        when, decorations, subject = fields
        try:
            day = dt.datetime.fromisoformat(when).date()
        except ValueError:
            continue
        grafted = GRAFTED in (d.strip() for d in decorations.split(","))
        for line in files.splitlines():
            parts = line.split("\t")
            if len(parts) < 2:
                continue
            status, path = parts[0], parts[-1]
            meeting_id = names.pop(path, None)
            if meeting_id is None:
                continue
            found.setdefault(meeting_id, []).append(Change(day, subject.strip()))
            if grafted:
                cut_short.add(meeting_id)
            elif status.startswith("R") and len(parts) == 3:
                names[parts[1]] = meeting_id  # before this commit it had its old name
            elif not status.startswith("A"):
                names[path] = meeting_id  # still there before this commit
    return {m: FileHistory(tuple(reversed(changes))) for m, changes in found.items() if m not in cut_short}


def meeting_files(content_dir: Path) -> dict[str, str]:
    """Each meeting file's path relative to the content folder (as `git log --relative` names it) -> its id."""
    meetings_dir = Path(content_dir) / "meetings"
    return {p.relative_to(content_dir).as_posix(): p.stem for p in sorted(meetings_dir.rglob("*.md"))}


def start_reading_history(content_dir: Path) -> Callable[[], dict[str, FileHistory]]:
    """Start `git log`, and give a function that waits for it and returns each meeting's history,
    or {} when there is none to read: git runs on another core while the build loads the content.
    Asked again, the function gives the same answer."""
    content_dir = Path(content_dir)
    if not (content_dir / "meetings").is_dir():
        return _no_history
    # --relative: paths as seen from the content folder, wherever the repository starts.
    # --root: the first commit's files count as added, whatever log.showRoot says.
    # Branches and tags are left out of %D, so "grafted" there can only be git's own mark.
    command = [
        "git", "-c", "core.quotepath=off", "-c", "log.showSignature=false",
        "log", "--no-color", "--root", "-M", "--decorate-refs-exclude=refs/*", "--decorate-refs-exclude=HEAD",
        f"--format={LOG_FORMAT}", "--name-status", "--relative", "--", "meetings",
    ]
    env = {k: v for k, v in os.environ.items() if k not in REPOSITORY_VARIABLES}
    try:
        git = subprocess.Popen(
            command, cwd=content_dir, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL,
            text=True, encoding="utf-8", errors="replace",
        )
    except (OSError, subprocess.SubprocessError):
        return _no_history  # no git here

    @functools.cache  # asked again, the same answer
    def finish() -> dict[str, FileHistory]:
        try:
            out, _ = git.communicate(timeout=60)
        except subprocess.SubprocessError:
            git.kill()
            git.communicate()
            return {}
        if git.returncode != 0:
            return {}  # not a repository, or nothing committed yet
        return parse_log(out, meeting_files(content_dir))

    return finish


def _no_history() -> dict[str, FileHistory]:
    return {}
