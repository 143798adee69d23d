"""History: when each meeting file was first published, and what each correction changed, from git.

A published meeting is a public record. What counts as a correction is what the
editor recorded as one in the file's `corrections` list (see load.py); git only
supplies the facts around it: the day the file was first committed (its
publication) and, for each recorded correction, the file before and after the
commit that recorded it, so the page can show the words that changed.
Commit messages are never read, so an internal note can never reach the public.
The facts come from one `git log` over the meeting files and, for the pages that
list corrections, one `git cat-file` for the versions they compare, read here at
the edge and handed to the renderer as plain data. Outside a git checkout,
without git, or for a file git does not track, there is no such history: the page
still lists the recorded corrections, without their before and after.
"""

from __future__ import annotations

import datetime as dt
import functools
import os
import subprocess
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from minutebook.content import corrections as text_changes
from minutebook.content.walk import entries
from minutebook.model import Correction, Meeting, Words

# Fields of one commit, then its changed files. Only the date and git's own marks: never the message.
RECORD, FIELD = "\x1e", "\x1f"
LOG_FORMAT = f"{RECORD}%cI{FIELD}%D"
# A shallow clone's oldest commit is marked "grafted": it shows every file as added, on the wrong day.
GRAFTED = "grafted"
# Set by git for its hooks; the repository wanted is the one holding the content, wherever the build starts.
REPOSITORY_VARIABLES = ("GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_PREFIX")


@dataclass(frozen=True)
class Change:
    """One commit's change to a meeting file: its day, and the file's git object before and after
    ("" for none: the commit added or deleted it)."""

    date: dt.date
    before: str = ""
    after: str = ""


@dataclass(frozen=True)
class FileHistory:
    """Oldest first: the first change published the file. A later change is a correction only
    if it recorded one in the file's `corrections` list."""

    changes: tuple[Change, ...]

    @property
    def published(self) -> dt.date:
        return self.changes[0].date

    def digest_text(self) -> str:
        """What the page's history is made from, for the rebuild fingerprint: the day it was published
        and each version's content (git's object ids name content, so a rebase changes no page)."""
        return "\n".join([self.changes[0].date.isoformat(), *(f"{c.before} {c.after}" for c in self.changes)])


@dataclass(frozen=True)
class PageHistory:
    """What a meeting's page shows of its history, as plain data for the renderer."""

    published: dt.date
    # Each recorded correction whose commit git knows -> the passages it changed (none if only the list changed).
    changed: Mapping[Correction, tuple[text_changes.Passage, ...]] = field(default_factory=dict)


def digest_text(history: Mapping[str, FileHistory], meeting_id: str) -> str:
    """A meeting's history as text for its fingerprint; empty when it has none."""
    found = history.get(meeting_id)
    return found.digest_text() if found else ""


def parse_log(log: str, meeting_files: Mapping[str, str]) -> dict[str, FileHistory]:
    """Pure: `git log --raw` output in LOG_FORMAT (newest first) to each meeting's history.

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
        if len(fields) != 2:
            continue
        when, decorations = fields
        try:
            day = dt.datetime.fromisoformat(when).date()
        except ValueError:
            continue
        grafted = GRAFTED in (d.strip() for d in decorations.split(","))
        for line in files.splitlines():
            parts = line.split("\t")
            if len(parts) < 2:
                continue
            # ":old-mode new-mode old-object new-object STATUS" (or only the status, as --name-status gives it)
            *objects, status = parts[0].split()
            before, after = (_object(o) for o in objects[2:4]) if len(objects) == 4 else ("", "")
            path = parts[-1]
            meeting_id = names.pop(path, None)
            if meeting_id is None:
                continue
            found.setdefault(meeting_id, []).append(Change(day, before, after))
            if grafted:
                cut_short.add(meeting_id)
            elif status.startswith("R") and len(parts) == 3:
                names[parts[1]] = meeting_id  # before this commit it had its old name
            elif not status.startswith("A"):
                names[path] = meeting_id  # still there before this commit
    return {m: FileHistory(tuple(reversed(changes))) for m, changes in found.items() if m not in cut_short}


def _object(name: str) -> str:
    return "" if not name.strip("0") else name  # all zeros: no file on that side


def meeting_files(content_dir: Path) -> dict[str, str]:
    """Each meeting file's path relative to the content folder (as `git log --relative` names it) -> its id."""
    meetings_dir = Path(content_dir) / "meetings"
    if not meetings_dir.is_dir():
        return {}
    return {
        f"meetings/{path}": path.rsplit("/", 1)[-1].removesuffix(".md")
        for path, entry in entries(meetings_dir)
        if path.endswith(".md") and not entry.is_dir()
    }


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
    # --raw --no-abbrev: each change's file before and after, as git's full object ids.
    command = [
        "git",
        "-c",
        "core.quotepath=off",
        "-c",
        "log.showSignature=false",
        "log",
        "--no-color",
        "--root",
        "-M",
        "--decorate-refs-exclude=refs/*",
        "--decorate-refs-exclude=HEAD",
        f"--format={LOG_FORMAT}",
        "--raw",
        "--no-abbrev",
        "--relative",
        "--",
        "meetings",
    ]
    env = _git_environment()
    try:
        git = subprocess.Popen(
            command,
            cwd=content_dir,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            stdin=subprocess.DEVNULL,
            text=True,
            encoding="utf-8",
            errors="replace",
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
        if git.returncode != 0 or not out:
            return {}  # not a repository, nothing committed yet, or no meeting file committed
        return parse_log(out, meeting_files(content_dir))

    return finish


def _no_history() -> dict[str, FileHistory]:
    return {}


def _git_environment() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if k not in REPOSITORY_VARIABLES}


def page_histories(
    content_dir: Path,
    histories: Mapping[str, FileHistory],
    meetings: Iterable[Meeting],
    people: Mapping[str, str],
    themes: Mapping[str, str],
    words: Words | None = None,
) -> dict[str, PageHistory]:
    """What the pages of `meetings` show of their history: when each was published and, for each
    correction its file records, the passages the recording commit changed. One `git cat-file` reads
    every version those corrections compare; none runs when no page lists a correction.

    A correction recorded but not yet committed is compared with the last committed version, so a
    preview shows what the page will show once it is committed. `people` and `themes` map slugs to
    the names the page shows, and `words` (site.yml's `locale.words`) the labels it gives the parts of the page."""
    content_dir = Path(content_dir)
    named = text_changes.places(words or Words())
    known = [m for m in meetings if m.id in histories]
    corrected = [m for m in known if m.corrections]
    paths = {meeting_id: path for path, meeting_id in meeting_files(content_dir).items()} if corrected else {}
    working: dict[str, str] = {}
    for meeting in corrected:
        try:
            working[meeting.id] = _as_loaded((content_dir / paths[meeting.id]).read_bytes())
        except (KeyError, OSError):
            pass
    wanted = {o for m in corrected for c in histories[m.id].changes for o in (c.before, c.after) if o}
    texts = read_objects(content_dir, wanted) if wanted else {}
    shown = {}
    for meeting in known:
        history = histories[meeting.id]
        changed = {}
        if meeting.corrections:
            changes = [
                text_changes.Change(texts.get(c.before) if c.before else None, texts.get(c.after) if c.after else None)
                for c in history.changes
                if (c.before in texts or not c.before) and (c.after in texts or not c.after)
            ]
            last = texts.get(history.changes[-1].after)
            now = working.get(meeting.id)
            if last is not None and now is not None and now != last:
                changes.append(text_changes.Change(last, now))  # not yet committed
            changed = text_changes.what_changed(meeting.corrections, changes, people, themes, named)
        shown[meeting.id] = PageHistory(history.published, changed)
    return shown


def read_objects(content_dir: Path, names: Iterable[str]) -> dict[str, str]:
    """The text of each of git's objects named, by its id, from one `git cat-file --batch`; {} if git cannot."""
    names = sorted(names)
    try:
        done = subprocess.run(
            ["git", "cat-file", "--batch"],
            cwd=content_dir,
            env=_git_environment(),
            input="".join(f"{n}\n" for n in names).encode(),
            capture_output=True,
            timeout=60,
        )
    except (OSError, subprocess.SubprocessError):
        return {}
    return parse_objects(done.stdout) if done.returncode == 0 else {}


def parse_objects(out: bytes) -> dict[str, str]:
    """Pure: `git cat-file --batch` output to each blob's text, as the loader reads a file."""
    found, at = {}, 0
    while at < len(out):
        end = out.find(b"\n", at)
        if end < 0:
            break
        header = out[at:end].split()
        at = end + 1
        if len(header) != 3:
            continue  # "<name> missing": nothing follows
        name, kind, size = header[0].decode(), header[1], int(header[2])
        if kind == b"blob":
            found[name] = _as_loaded(out[at : at + size])
        at += size + 1  # the object, then a newline
    return found


def _as_loaded(data: bytes) -> str:
    """A file's bytes as the loader reads them (load.SourceFile.text), never failing on bad bytes."""
    return data.decode("utf-8-sig", errors="replace").replace("\r\n", "\n").replace("\r", "\n")
