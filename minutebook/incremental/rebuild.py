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
It also names the site it was written for (`site_digest`), as the site's own
marker file does (write.MARKER); when the two differ (the site was replaced by
hand, or by a build that did not finish), the manifest and every part kept
beside the site are set aside (`forget`) and the site is made from scratch.
The manifest is written last, after the parts, so one that names the site says
that all of its parts were kept too.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
import os
import shutil
import types
import typing
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from minutebook.content import walk

from minutebook import write
from minutebook.model import ContentError, Meeting
from minutebook.site.render import Page

MANIFEST_VERSION = 2  # 2: names the site it describes
PARTS_VERSION = 4  # 2: lengths in characters; 3: entries appended after the first win, "-" removes; 4: lengths in bytes again


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
    files = sorted((path for path, entry in walk.entries(root) if entry.is_file() and "__pycache__" not in path.split("/")),
                   key=walk.path_order)
    return digest(*(part for path in files for part in (path, Path(root, path).read_bytes())))


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
    the search index and the open data show, and the corrections, which only its page shows."""
    agenda = tuple(dataclasses.replace(item, markdown="") for item in meeting.agenda)
    return digest(facts(dataclasses.replace(meeting, agenda=agenda, corrections=())))


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
    # Each meeting's line made once: a list page names thousands of meetings, and there are thousands of pages.
    # Ids are slugs (no spaces or newlines), so lines joined with newlines cannot be read two ways.
    whole = {m: f"whole {m} {h}\n" for m, h in inputs.meetings.items()}
    shown = {m: f"facts {m} {h}\n" for m, h in inputs.summaries.items()}
    out = {}
    for page in pages:
        if page.depends_on is None:
            out[page.path] = digest(everything, page.path)
        else:
            lines = "".join([whole[m] for m in page.depends_on] + [shown[m] for m in page.summarises])
            out[page.path] = digest(inputs.shared, page.path, lines)
    return out


def _identity(path: str) -> list[int] | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return [st.st_ino, st.st_size, st.st_mtime_ns]


def manifest_path(out_dir: Path) -> Path:
    out_dir = Path(os.path.abspath(out_dir))
    return out_dir.parent / f".{out_dir.name}.manifest.json"


def site_digest(prints: Mapping[str, str], assets: Mapping[str, bytes]) -> str:
    """What names a site (in its marker and its manifest): a hash of every file's fingerprint and of the
    assets copied as they are. It follows from what the site is made of, so a site built again from the
    same inputs, incrementally or not, is the same to the byte, marker and all."""
    return digest(*(f"{path}={fingerprint}\n" for path, fingerprint in sorted(prints.items())),
                  *(part for path, data in sorted(assets.items()) for part in (path, data)))


def read_manifest(out_dir: Path) -> dict[str, list] | None:
    """The previous build's fingerprints, or None unless the manifest names the site beside it (`site_digest`)."""
    try:
        data = json.loads(manifest_path(out_dir).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or data.get("version") != MANIFEST_VERSION or not isinstance(data.get("files"), dict):
        return None
    site = write.site_id(out_dir)
    return data["files"] if site is not None and data.get("site") == site else None


def forget(out_dir: Path) -> None:
    """Set aside everything kept beside `out_dir` (the manifest, the parts, the compiled templates):
    they are trusted only beside the site they were kept with."""
    manifest_path(out_dir).unlink(missing_ok=True)
    shutil.rmtree(parts_path(out_dir, "x").parent, ignore_errors=True)


def reusable(out_dir: Path, prints: Mapping[str, str], manifest: Mapping[str, list]) -> dict[str, Path]:
    """Pages whose previous output can be reused as is: path -> the old file."""
    top = os.fspath(out_dir)
    found = {}
    for path, fingerprint in prints.items():
        entry = manifest.get(path)
        if entry and entry[0] == fingerprint:
            old = os.path.join(top, path)
            if _identity(old) == entry[1]:
                found[path] = Path(old)
    return found


def same_as_before(out_dir: Path, made: Mapping[str, bytes]) -> dict[str, bytes | Path]:
    """`made`, with each file that came out exactly as the site already holds it given as that old file,
    so it is carried over rather than written: a search words file, remade whenever the index is,
    seldom changes."""
    out = {}
    for path, data in made.items():
        old = Path(out_dir) / path
        try:
            same = old.stat().st_size == len(data) and old.read_bytes() == data
        except OSError:
            same = False
        out[path] = old if same else data
    return out


def write_manifest(out_dir: Path, prints: Mapping[str, str], site: str) -> None:
    """Record this build's fingerprints against the files now in `out_dir`, the site named `site`."""
    top = os.fspath(out_dir)
    files = {}
    for path, fingerprint in prints.items():
        identity = _identity(os.path.join(top, path))
        if identity:
            files[path] = [fingerprint, identity]
    target = manifest_path(out_dir)
    temporary = target.with_name(target.name + f".{os.getpid()}")
    temporary.write_text(json.dumps({"version": MANIFEST_VERSION, "site": site, "files": files}), encoding="utf-8")
    os.replace(temporary, target)


# Parts of files kept between builds (archivefiles.py, KnownMeetings): a file per kind, name -> (key, text).
# Each entry is a line "name<TAB>key<TAB>length in bytes" and then the text itself, in UTF-8: the texts
# are mostly JSON already, and writing them as JSON strings again would escape every quote in them. A
# rebuild reads megabytes of parts: those it only joins into files (the search's, the open data's) it
# takes as bytes, never decoded (`binary`); the others are decoded entry by entry, which is quicker
# than decoding the whole file at once.


def parts_path(out_dir: Path, name: str) -> Path:
    out_dir = Path(os.path.abspath(out_dir))
    return out_dir.parent / f".{out_dir.name}.parts" / f"{name}.parts"


class KeptParts(dict):
    """What read_parts gave: name -> [key, text], and how long the file was when read."""

    size: int | None = None


def read_parts(out_dir: Path, name: str, binary: bool = False) -> KeptParts:
    """What was kept under `name`; nothing when it is missing or unreadable, so the parts are simply made again.
    With `binary`, the texts are given as the bytes kept, not decoded."""
    parts = KeptParts()
    try:
        with open(parts_path(out_dir, name), "rb") as kept:
            size = os.fstat(kept.fileno()).st_size
            data = kept.read()
    except OSError:
        return parts
    header = f"minutebook parts {PARTS_VERSION}\n".encode()
    if not data.startswith(header):
        return parts
    at = len(header)
    try:
        while at < len(data):
            end = data.index(b"\n", at)
            key_name, key, length = data[at:end].decode("utf-8").split("\t")
            if length == "-":
                parts.pop(key_name, None)
                at = end + 1
                continue
            start, at = end + 1, end + 1 + int(length)
            if at > len(data):
                raise ValueError("cut short")
            text = data[start:at]  # texts keep their \r
            parts[key_name] = [key, text if binary else text.decode("utf-8")]
    except ValueError:  # UnicodeDecodeError among them
        return KeptParts()  # damaged: all is made again
    parts.size = size
    return parts


def write_parts(out_dir: Path, name: str, parts: Mapping[str, tuple[str, str | bytes]], was: Mapping[str, list] | None = None) -> None:
    """Keep `parts` under `name`; each text is a str, or bytes already in UTF-8. `was`, what read_parts gave,
    saves rewriting the file: when a few parts changed, only they are added at its end (a part written
    later replaces one before it); the whole is written again once what was replaced outweighs what is current."""
    target = parts_path(out_dir, name)
    names = [n for n in parts if "\t" not in n and "\n" not in n]  # others are made again next time
    was = was or {}
    changed = [n for n in names if n not in was or was[n][0] != parts[n][0] or was[n][1] != parts[n][1]]
    gone = [n for n in was if n not in parts]
    if was and not changed and not gone:
        return
    read_size = getattr(was, "size", None)
    if was and read_size is not None and _unchanged_since_read(target, read_size):
        added = b"".join([_part(n, *parts[n]) for n in changed] + [f"{n}\t\t-\n".encode() for n in gone])
        if read_size + len(added) < 2 * sum(len(parts[n][1]) for n in names) + 65536:
            with open(target, "ab") as kept:
                kept.write(added)
            return
    target.parent.mkdir(exist_ok=True)
    temporary = target.with_name(target.name + f".{os.getpid()}")
    temporary.write_bytes(b"".join([f"minutebook parts {PARTS_VERSION}\n".encode(), *(_part(n, *parts[n]) for n in names)]))
    os.replace(temporary, target)


def _part(name: str, key: str, text: str | bytes) -> bytes:
    data = text.encode("utf-8") if isinstance(text, str) else text
    return f"{name}\t{key}\t{len(data)}\n".encode() + data


def _unchanged_since_read(path: Path, size: int) -> bool:
    try:
        return path.stat().st_size == size
    except OSError:
        return False


def compiled_templates_path(out_dir: Path, code: str) -> Path:
    """Where the templates compiled by this version of Minutebook's code (`code`, tree_digest) are kept:
    the compiled form follows the Jinja2 settings in render.py as well as the templates."""
    return parts_path(out_dir, "x").parent / f"templates-{code[:16]}"


def prune_parts(out_dir: Path, names: set[str], folders: set[Path] = frozenset()) -> None:
    """Drop kept parts that are not in `names` (a year with no meetings left), and folders not in `folders`."""
    folder = parts_path(out_dir, "x").parent
    for path in folder.iterdir() if folder.is_dir() else ():
        if path.is_dir():
            if path not in folders:
                shutil.rmtree(path, ignore_errors=True)
        elif path.suffix != ".parts" or path.stem not in names:
            path.unlink(missing_ok=True)


# Meetings parsed by earlier builds, kept as parts: path -> [key, [summary, the Meeting as plain data]].


class KnownMeetings:
    """Reads meeting files as load.parse_meeting does, reusing what an earlier build parsed from the same text.

    A kept meeting is used only when its key (the file's path and text, and Minutebook's
    own code) matches, so it is exactly what parsing would give, origins and all."""

    def __init__(self, kept: Mapping[str, list], code: str, remembered: Mapping[str, tuple[str, Meeting]] | None = None):
        self.kept, self.code = kept, code
        # A process that builds again and again (the preview server) hands back what its last
        # build read, `read` below: an unchanged meeting is then taken as it is, not decoded.
        self.remembered = remembered or {}
        self.parts: dict[str, list] = {}  # what to keep for the next build
        self.summaries: dict[str, str] = {}  # meeting id -> summary
        self.read: dict[str, tuple[str, Meeting]] = {}  # key -> (summary, meeting), for the next build in this process
        try:
            self.encode, self.decode = _codec(Meeting)
        except TypeError:  # a model field of a new kind: parse every time rather than keep it wrongly
            self.encode = self.decode = None

    def __call__(self, source, errors: list[ContentError]) -> Meeting | None:
        from minutebook.content.load import parse_meeting

        key = digest(self.code, source.path, source.digest)
        entry = self.kept.get(source.path)
        if key in self.remembered and entry and entry[0] == key:
            kept_summary, meeting = self.read[key] = self.remembered[key]
            self.parts[source.path], self.summaries[meeting.id] = entry, kept_summary
            return meeting
        if self.decode and entry and entry[0] == key:
            try:
                kept_summary, plain = json.loads(entry[1])
                meeting = self.decode(plain)
            except (ValueError, TypeError, IndexError, KeyError):
                meeting = None  # unreadable: parse it again
            if meeting is not None:
                self.parts[source.path], self.summaries[meeting.id] = entry, kept_summary
                self.read[key] = (kept_summary, meeting)
                return meeting
        meeting = parse_meeting(source, errors)
        if meeting is not None:
            self.summaries[meeting.id] = summary(meeting)
            self.read[key] = (self.summaries[meeting.id], meeting)
            if self.encode:
                self.parts[source.path] = [key, json.dumps([self.summaries[meeting.id], self.encode(meeting)], ensure_ascii=False)]
        return meeting


def _codec(kind) -> tuple:
    """Functions from a model type's values to plain JSON data and back: a dataclass is the list of its fields."""
    return _encoder(kind), _decoder(kind)


def _encoder(kind):
    origin, args = typing.get_origin(kind), typing.get_args(kind)
    if dataclasses.is_dataclass(kind):
        names = [f.name for f in dataclasses.fields(kind)]
        hints = typing.get_type_hints(kind)
        encoders = [_encoder(hints[name]) for name in names]

        def encode(value):
            return [enc(getattr(value, name)) for name, enc in zip(names, encoders)]

        return encode
    if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
        enc = _encoder(args[0])
        return list if enc is _same else (lambda value: [enc(v) for v in value])
    if origin in (typing.Union, types.UnionType) and len(args) == 2 and type(None) in args:
        enc = _encoder(next(a for a in args if a is not type(None)))
        return lambda value: None if value is None else enc(value)
    if kind is dt.date:
        return dt.date.toordinal
    if kind in (str, int):
        return _same
    raise TypeError(f"cannot keep a {kind} between builds")


def _decoder(kind):
    """The inverse of _encoder(kind), written out as Python source for each dataclass and compiled once:
    decoding is most of what loading an unchanged meeting costs, and a generic decoder calls a
    function per value. Fields are set as __init__ would set them, without its per-field checks
    for frozen classes."""
    namespace = {"fromordinal": dt.date.fromordinal, "new": object.__new__}
    exec(f"def decode(data):\n    return {_decode_expression(kind, 'data', namespace)}\n", namespace)
    return namespace["decode"]


def _decode_expression(kind, value: str, namespace: dict) -> str:
    """Python source that decodes the data named `value` into a `kind`; defines helpers in `namespace`."""
    origin, args = typing.get_origin(kind), typing.get_args(kind)
    if dataclasses.is_dataclass(kind):
        function = f"decode_{kind.__name__}"
        if function not in namespace:
            namespace[function] = None  # taken, should the class contain itself
            namespace[f"class_{kind.__name__}"] = kind
            hints = typing.get_type_hints(kind)
            names = [f.name for f in dataclasses.fields(kind)]
            fields = ", ".join(f"{name!r}: {_decode_expression(hints[name], f'd[{n}]', namespace)}" for n, name in enumerate(names))
            exec(
                f"def {function}(d):\n"
                f"    if len(d) != {len(names)}:\n"
                f"        raise ValueError('a kept meeting of another shape')\n"
                f"    made = new(class_{kind.__name__})\n"
                f"    made.__dict__.update({{{fields}}})\n"
                f"    return made\n",
                namespace,
            )
        return f"{function}({value})"
    if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
        if args[0] in (str, int):
            return f"tuple({value})"
        each = f"v{len(namespace)}"  # a name no enclosing comprehension uses
        namespace[each] = None
        return f"tuple([{_decode_expression(args[0], each, namespace)} for {each} in {value}])"
    if origin in (typing.Union, types.UnionType) and len(args) == 2 and type(None) in args:
        inner = _decode_expression(next(a for a in args if a is not type(None)), value, namespace)
        return f"(None if {value} is None else {inner})"
    if kind is dt.date:
        return f"fromordinal({value})"
    if kind in (str, int):
        return value
    raise TypeError(f"cannot keep a {kind} between builds")


def _same(value):
    return value
