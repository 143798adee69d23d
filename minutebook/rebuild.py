"""Rebuild: know what a change touches, so an edit re-renders only those pages.

Each page gets a fingerprint: a hash of everything it is made from (the
templates and reference files every page shares, plus the meetings it shows,
as listed in `Page.depends_on` and `Page.summarises`). A page whose fingerprint
matches the previous build's is taken from the previous site instead of being
rendered again.

Each meeting has two hashes: one of its whole file, for the pages that show
its minutes, and one of its facts without the minutes' text (`summary`), for
the pages that only list it, its items or its actions. Correcting a sentence
then re-renders the meeting's own page, not every list that names it.

The record of the previous build (the manifest) sits beside the output folder.
It stores, with each fingerprint, the identity of the file it describes
(inode, size, modification time), so if the site and the manifest ever
disagree (a build killed between the swap and the manifest write), the file
simply fails the check and is rendered again: a wrong reuse is not possible.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from .model import Meeting
from .render import Page

MANIFEST_VERSION = 1
PARTS_VERSION = 1


def digest(*parts: bytes | str) -> str:
    h = hashlib.blake2b(digest_size=16)
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        h.update(len(data).to_bytes(8, "little"))
        h.update(data)
    return h.hexdigest()


def tree_digest(root: Path) -> str:
    """One hash for every file under `root` (templates, assets), names included.

    Compiled Python (__pycache__) is left out: it follows from the source, and Python rewrites it at will."""
    files = sorted(p for p in Path(root).rglob("*") if p.is_file() and "__pycache__" not in p.parts)
    return digest(*(part for p in files for part in (p.relative_to(root).as_posix(), p.read_bytes())))


def facts(value) -> str:
    """A model value as canonical text: every field that compares, never where it came from (origins, lines)."""
    if dataclasses.is_dataclass(value):
        fields = (f for f in dataclasses.fields(value) if f.compare)
        return f"{type(value).__name__}(" + ",".join(f"{f.name}={facts(getattr(value, f.name))}" for f in fields) + ")"
    if isinstance(value, tuple):
        return "(" + ",".join(facts(v) for v in value) + ")"
    if value is None or isinstance(value, (str, int, float, dt.date)):
        return repr(value)
    raise TypeError(f"no canonical text for {type(value).__name__}")  # a new kind of field must be thought about here


def summary(meeting: Meeting) -> str:
    """The hash of what list pages can show of a meeting: all but the text of its items.

    Titles, dates, attendance, items' numbers, titles and themes, actions and their updates
    are all in it; only `AgendaItem.markdown` is left out, which only the meeting's own page,
    the search index and the open data show."""
    agenda = tuple(dataclasses.replace(item, markdown="") for item in meeting.agenda)
    return digest(facts(dataclasses.replace(meeting, agenda=agenda)))


@dataclass(frozen=True)
class Inputs:
    """What pages are made from: one hash shared by all, and two per meeting (its whole file, its summary)."""

    shared: str  # the templates, the reference files, Minutebook itself and the base URL
    meetings: Mapping[str, str]
    summaries: Mapping[str, str]
    reference: str = ""  # `shared` without the templates: what the data files (search, feeds, open data) share

    @property
    def everything(self) -> str:
        return digest(self.shared, *(f"{k}={v}" for k, v in sorted(self.meetings.items())))


def fingerprints(pages: Iterable[Page], inputs: Inputs) -> dict[str, str]:
    everything = inputs.everything
    out = {}
    for page in pages:
        if page.depends_on is None:
            out[page.path] = digest(everything, page.path)
        else:
            out[page.path] = digest(
                inputs.shared,
                page.path,
                *(f"whole {m} {inputs.meetings[m]}" for m in page.depends_on),
                *(f"facts {m} {inputs.summaries[m]}" for m in page.summarises),
            )
    return out


def _identity(path: Path) -> list[int] | None:
    try:
        st = path.stat()
    except OSError:
        return None
    return [st.st_ino, st.st_size, st.st_mtime_ns]


def manifest_path(out_dir: Path) -> Path:
    out_dir = Path(os.path.abspath(out_dir))
    return out_dir.parent / f".{out_dir.name}.manifest.json"


def read_manifest(out_dir: Path) -> dict[str, list]:
    try:
        data = json.loads(manifest_path(out_dir).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data.get("files", {}) if data.get("version") == MANIFEST_VERSION else {}


def reusable(out_dir: Path, prints: Mapping[str, str], manifest: Mapping[str, list]) -> dict[str, Path]:
    """Pages whose previous output can be reused as is: path -> the old file."""
    out_dir = Path(out_dir)
    found = {}
    for path, fingerprint in prints.items():
        entry = manifest.get(path)
        if entry and entry[0] == fingerprint:
            old = out_dir / path
            if _identity(old) == entry[1]:
                found[path] = old
    return found


def write_manifest(out_dir: Path, prints: Mapping[str, str]) -> None:
    """Record this build's fingerprints against the files now in `out_dir`."""
    out_dir = Path(out_dir)
    files = {}
    for path, fingerprint in prints.items():
        identity = _identity(out_dir / path)
        if identity:
            files[path] = [fingerprint, identity]
    target = manifest_path(out_dir)
    temporary = target.with_name(target.name + f".{os.getpid()}")
    temporary.write_text(json.dumps({"version": MANIFEST_VERSION, "files": files}), encoding="utf-8")
    os.replace(temporary, target)


# Parts of files kept between builds (archivefiles.py): a file per kind, meeting id -> [key, text].


def parts_path(out_dir: Path, name: str) -> Path:
    out_dir = Path(os.path.abspath(out_dir))
    return out_dir.parent / f".{out_dir.name}.parts" / f"{name}.json"


def read_parts(out_dir: Path, name: str) -> dict[str, list]:
    """What was kept under `name`; nothing when it is missing or unreadable, so the parts are simply made again."""
    try:
        data = json.loads(parts_path(out_dir, name).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    parts = data.get("parts") if isinstance(data, dict) and data.get("version") == PARTS_VERSION else None
    if not isinstance(parts, dict):
        return {}
    return {k: v for k, v in parts.items() if isinstance(v, list) and len(v) == 2 and all(isinstance(x, str) for x in v)}


def write_parts(out_dir: Path, name: str, parts: Mapping[str, tuple[str, str]]) -> None:
    target = parts_path(out_dir, name)
    target.parent.mkdir(exist_ok=True)
    temporary = target.with_name(target.name + f".{os.getpid()}")
    temporary.write_text(json.dumps({"version": PARTS_VERSION, "parts": parts}, ensure_ascii=False), encoding="utf-8")
    os.replace(temporary, target)


def prune_parts(out_dir: Path, names: set[str]) -> None:
    """Drop kept parts that are not in `names` (a year with no meetings left)."""
    folder = parts_path(out_dir, "x").parent
    for path in folder.glob("*.json") if folder.is_dir() else ():
        if path.stem not in names:
            path.unlink(missing_ok=True)
