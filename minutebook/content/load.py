"""Load: the files under content/ into validated, frozen model objects.

Every problem is collected, not raised at the first one, so an editor can fix
a whole file in one pass. Cross-references between files (does this theme
exist?) are checked later, by `link`, which sees everything at once.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import errno
import functools
import hashlib
import os
import posixpath
import re
import stat
import string
import unicodedata
import urllib.parse
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from minutebook.characters import code, first_unpublishable, kind, unprintable
from minutebook.content import logo as site_logo
from minutebook.content import schema, walk, yamltext
from minutebook.model import (
    AboutPage,
    Action,
    ActionUpdate,
    AgendaItem,
    Attendee,
    Content,
    ContentError,
    Correction,
    Counts,
    Decision,
    Declaration,
    GlossaryEntry,
    InvalidContent,
    Locale,
    Logo,
    Meeting,
    MeetingType,
    NextMeeting,
    Origin,
    Paper,
    Person,
    Recording,
    SiteSettings,
    StandingItem,
    Theme,
    Vote,
    Words,
)

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
TIME = re.compile(r"^([01][0-9]|2[0-3]):[0-5][0-9]$")
MEETING_FILE = re.compile(r"^(\d{4}-\d{2}-\d{2})-([a-z0-9]+(?:-[a-z0-9]+)*)$")
HEADING = re.compile(r"^##(?!#)")  # the text is taken by `heading_text`: a pattern for it backtracks on a long line
FENCE = re.compile(r"^\s{0,3}(```|~~~)")
CODE_SPAN = re.compile(r"(`+)(?!`).*?(?<!`)\1(?!`)")  # `code`, or ``code with a ` in it``
CONTENT_SUFFIXES = (".md", ".yml", ".yaml")
# The years a date may fall in: every output can carry them (the calendar needs the year after the last
# as well), and a year outside them is a slip of the keyboard in minutes.
FIRST_YEAR, LAST_YEAR = 1800, 2999
# A slug or an action id names a folder on the site: far shorter than the 255 bytes a file name may take.
LONGEST_SLUG = 100


# ---------------------------------------------------------------- reading


@dataclass(frozen=True)
class SourceFile:
    """A content file as read, and its path relative to the content folder's parent.

    Its text is decoded only when asked for: a rebuild takes most meetings from what it kept,
    knowing them by the hash of their bytes, and never needs their text."""

    path: str
    data: bytes

    @classmethod
    def of_text(cls, path: str, text: str) -> SourceFile:
        return cls(path, text.encode("utf-8"))

    @property
    def text(self) -> str:
        """The text, with a byte-order mark dropped (harmless) and every line ending made "\n";
        raises UnicodeDecodeError for a file that is not UTF-8 (see `decoded`). Decoded each time it is
        asked for (once, by the parser), not kept: the files are held through the build for their hashes."""
        return self.data.decode("utf-8-sig").replace("\r\n", "\n").replace("\r", "\n")

    @functools.cached_property
    def digest(self) -> str:
        return hashlib.blake2b(self.data, digest_size=16).hexdigest()


def decoded(source: SourceFile, errors: list[ContentError]) -> str | None:
    """The file's text, or None once the reason it cannot be read is in `errors`."""
    try:
        return source.text
    except UnicodeDecodeError as exc:
        at = exc.start + (3 if source.data.startswith(b"\xef\xbb\xbf") else 0)  # the mark is not counted
        line = source.data[:at].count(b"\n") + 1
        errors.append(ContentError(source.path, line, "", f"is not UTF-8 text (byte {at}); save the file as UTF-8"))
        return None


def found_at(error: ContentError, content_dir: Path) -> ContentError:
    """`error` naming its file as the editor finds it from the working folder (`path_found_at`)."""
    path = path_found_at(error.path, content_dir)
    return error if path == error.path else dataclasses.replace(error, path=path)


def path_found_at(label: str, content_dir: Path) -> str:
    """A content file's label as the way to it from the working folder. The content is labelled from
    its folder's parent ("content/meetings/…"), which is also the way to it only when the folder is
    here: `--content ../other/content` must not send the editor to this folder's own files."""
    folder = Path(content_dir).name
    if folder and label != folder and not label.startswith(folder + "/"):
        return label  # not one of the folder's files: a template, say
    here = shown(Path(content_dir))
    return here + label[len(folder) :] if folder else posixpath.join(here, label)


def shown(path: Path) -> str:
    """`path` from the working folder, unless it lies outside it: then in full."""
    relative = os.path.relpath(path)
    return os.path.abspath(path) if relative.startswith(os.pardir) else relative


def counted(n: int, one: str, many: str = "") -> str:
    """A number of things as a message puts it: "1 meeting", "5 meetings", "2 people"."""
    return f"{n} {one if n == 1 else many or one + 's'}"


def read_sources(content_dir: Path) -> tuple[list[SourceFile], list[ContentError]]:
    """Read every content file once, refusing links that lead outside content/. Text that is not
    UTF-8 is reported where the file is parsed (`decoded`)."""
    content_dir = Path(content_dir)
    root = os.path.realpath(content_dir)
    prefix = f"{content_dir.name}/" if content_dir.name else ""  # paths are labelled from the content folder's parent
    files: list[SourceFile] = []
    errors: list[ContentError] = []
    for relative, entry in _candidates(os.fspath(content_dir), prefix, errors):
        label = prefix + relative
        try:
            if entry.is_symlink():
                target = os.path.realpath(entry.path)
                if os.path.commonpath([root, target]) != root:
                    errors.append(
                        ContentError(label, 0, "", "is a link to a file outside content/; copy the file in instead")
                    )
                    continue
            if not entry.is_file():  # a folder, or a link to nothing (an editor's lock file)
                continue
            with open(entry.path, "rb") as source:
                files.append(SourceFile(label, source.read()))
        except OSError as exc:
            errors.append(ContentError(label, 0, "", _unreadable(exc)))
    return files, errors


def _unreadable(exc: OSError) -> str:
    if exc.errno == errno.ELOOP:
        return (
            "is a link that leads round in a circle (a link to itself, or to a link back to it); "
            "delete it or point it at a real file"
        )
    return f"cannot be read: {exc.strerror or exc}"


def _candidates(top: str, prefix: str, errors: list[ContentError]) -> list[tuple[str, os.DirEntry]]:
    """Every Markdown or YAML file under `top`, and every link, by path from it, in the order of their
    path's parts; linked folders are not entered.

    A name holding a control character (a new line, a tab) is refused, with all beneath it: it would
    become a broken address on the site. So is a content file whose ending is not in lower case: it
    would be read on one computer and not on the next (`.MD` and `.md` are one file on Windows and
    macOS), and every tool that finds meetings (the history, `new`, the preview) looks for `.md`."""
    found: list[tuple[str, os.DirEntry]] = []
    refused: list[str] = []  # refused folders, each with a "/" after it: all beneath them is passed over

    def unreadable(path: str, exc: OSError) -> None:
        errors.append(
            ContentError(prefix + path if path else prefix.rstrip("/") or top, 0, "", f"folder {_unreadable(exc)}")
        )

    for path, entry in walk.entries(top, unreadable):
        if any(path.startswith(folder) for folder in refused):
            continue
        suffix = os.path.splitext(entry.name)[1]
        candidate = entry.is_symlink() or suffix.lower() in CONTENT_SUFFIXES
        control = unprintable(entry.name)
        if control and (candidate or entry.is_dir(follow_symlinks=False)):
            errors.append(
                ContentError(
                    prefix + path,
                    0,
                    "",
                    f"the name holds a control character ({code(control.group())}); "
                    "rename it with letters, digits and hyphens only",
                )
            )
            refused.append(path + "/")
            continue
        if (
            suffix.lower() in CONTENT_SUFFIXES
            and suffix not in CONTENT_SUFFIXES
            and not entry.is_dir(follow_symlinks=False)
        ):
            errors.append(
                ContentError(
                    prefix + path,
                    0,
                    "",
                    f"ends in '{suffix}'; rename it to end in '{suffix.lower()}', in lower case, or it is not read",
                )
            )
            continue
        if entry.is_symlink() or suffix in CONTENT_SUFFIXES:
            found.append((path, entry))
        elif not entry.is_dir(follow_symlinks=False) and (reason := _not_read(path, entry.name, entry)):
            errors.append(ContentError(prefix + path, 0, "", reason))
    return sorted(found, key=lambda pair: walk.path_order(pair[0]))


MARKDOWN_ENDINGS = (".markdown", ".mdown", ".mkd", ".mkdn")


def _not_read(path: str, name: str, found: os.DirEntry) -> str | None:
    """Why a file that is not read looks meant to be, or None. A meeting saved as "….md.txt" (as
    Notepad saves it), "….markdown", or with a space after ".md" would otherwise vanish from the
    site without a word. Anything else is passed over: hidden files, backups ("….md.bak", "….md~"),
    a source PDF or a scan kept beside the minutes, the files Windows makes itself."""
    stem, suffix = os.path.splitext(name)
    saved_as_text = stem.lower().endswith(CONTENT_SUFFIXES)  # "….md.txt", "….yml.txt"
    if name.startswith((".", "#")):
        return None
    if name != name.rstrip() and name.rstrip().lower().endswith(CONTENT_SUFFIXES):
        wanted = name.rstrip()
    elif suffix.lower() in MARKDOWN_ENDINGS:
        wanted = stem + ".md"
    elif suffix.lower() == ".txt" and (saved_as_text or path.startswith("meetings/")):
        wanted = stem if saved_as_text else stem + ".md"
    else:
        return None
    if os.path.lexists(os.path.join(os.path.dirname(found.path), wanted)):
        # Renaming it would replace that file: it is most likely a copy of it.
        return f"is not read, and {wanted} is beside it: if it is a copy, delete it; if not, give it a name of its own"
    if wanted == name.rstrip():
        return "the name ends in a space, so it is not read; rename it without the space"
    return f"ends in '{suffix}', so it is not read; rename it {wanted}"


class UnreadableFile(Exception):
    """Why a file named in the content (the logo) cannot be read, as the end of a sentence naming it."""


def file_reader(content_dir: Path):
    """`read(name)`: the bytes of the file `name` names inside `content_dir`, for a file a setting names
    (the logo). Raises UnreadableFile for a missing file, a folder, or a link that leads out of content/."""
    top = os.fspath(content_dir)
    root = os.path.realpath(top)

    def read(name: str) -> bytes:
        path = os.path.join(top, name)
        real = os.path.realpath(path)
        if os.path.commonpath([root, real]) != root:
            raise UnreadableFile("leads outside content/ (through a link); copy the file into content/ instead")
        try:
            status = os.stat(real)
        except FileNotFoundError:
            raise UnreadableFile("does not exist in content/; check the name, or add the file") from None
        except OSError as exc:  # a link that leads round in a loop, a folder we may not enter
            raise UnreadableFile(f"cannot be read: {exc.strerror}") from None
        if stat.S_ISDIR(status.st_mode):
            raise UnreadableFile("is a folder; expected an image file")
        if not stat.S_ISREG(status.st_mode):  # a pipe or a device would be read for ever
            raise UnreadableFile("is not an ordinary file; expected an image file")
        try:
            with open(real, "rb") as file:
                return file.read()
        except OSError as exc:
            raise UnreadableFile(f"cannot be read: {exc.strerror}") from None

    return read


def load_content(content_dir: Path) -> Content:
    """Read and validate everything under `content_dir`, or raise InvalidContent."""
    sources, errors = read_sources(Path(content_dir))
    content, more = parse_content(sources, read_file=file_reader(content_dir))
    errors += more
    if errors:
        raise InvalidContent(errors)
    return content


def parse_content(sources: list[SourceFile], read_meeting=None, read_file=None) -> tuple[Content, list[ContentError]]:
    """Pure: source texts to a Content model and the problems found in them.

    `read_meeting(source, errors)` stands in for `parse_meeting`, as the build's does to reuse
    meetings it parsed before (incremental.meetings.KnownMeetings). `read_file(name)` gives the bytes of another
    file a setting names (the logo; see `file_reader`); without it, only `sources` can be named."""
    read_meeting = read_meeting or parse_meeting
    errors: list[ContentError] = []
    by_name = {s.path.split("/", 1)[-1]: s for s in sources}
    read_file = read_file or functools.partial(_source_bytes, by_name)

    def reference(name: str, required: bool = True) -> tuple[yamltext.Value, str]:
        source = by_name.get(name)
        if source is None:
            if required:
                errors.append(ContentError(f"content/{name}", 0, "", "is missing; it is required"))
            return None, f"content/{name}"
        text = decoded(source, errors)
        if text is None:
            return None, source.path
        try:
            with reading(source.path):
                return yamltext.parse(text), source.path
        except yamltext.YamlProblem as exc:
            errors.append(ContentError(source.path, exc.line, "", exc.message))
            return None, source.path

    site = parse_site(*reference("site.yml"), errors, read_file)
    themes = parse_list(*reference("themes.yml"), errors, schema.THEME, parse_theme)
    people = parse_list(*reference("people.yml"), errors, schema.PERSON_RECORD, parse_person)
    glossary = parse_list(*reference("glossary.yml"), errors, schema.GLOSSARY_ENTRY, parse_glossary_entry)
    updates = parse_list(
        *reference("action-updates.yml", required=False), errors, schema.UPDATE_BETWEEN_MEETINGS, parse_editor_update
    )
    about = parse_about(by_name["about.md"], errors) if "about.md" in by_name else None

    meetings = []
    by_id: dict[str, str] = {}  # meeting id -> the file that has it
    for source in sources:
        relative = source.path.split("/", 1)[-1]
        if not relative.startswith("meetings/"):
            if source.path.endswith(".md") and MEETING_FILE.match(_stem(source.path)):
                errors.append(
                    ContentError(
                        source.path,
                        0,
                        "",
                        "is named like a meeting file but is not in content/meetings/, "
                        "so it would not be published; move it there",
                    )
                )
            continue
        if not source.path.endswith(".md"):
            errors.append(ContentError(source.path, 0, "", "is not a meeting file; meeting files end in .md"))
            continue
        meeting_id = _stem(source.path)
        if meeting_id in by_id:  # one id, one page: the second would silently replace the first
            errors.append(
                ContentError(
                    source.path,
                    0,
                    "",
                    f"has the meeting id '{meeting_id}' of {by_id[meeting_id]}; "
                    "each meeting needs a file name of its own, in any folder under content/meetings/",
                )
            )
            continue
        by_id[meeting_id] = source.path
        with reading(source.path):
            meeting = read_meeting(source, errors)
        if meeting is not None:
            meetings.append(meeting)
    meetings.sort(key=lambda m: (m.date, m.time, m.id))
    content = Content(
        site=site or SiteSettings("", "", ""),
        themes=tuple(themes),
        people=tuple(people),
        glossary=tuple(glossary),
        meetings=tuple(meetings),
        action_updates=tuple(updates),
        about=about,
    )
    return content, errors


def _stem(path: str) -> str:
    """A file's name without its folder or extension, as Path.stem gives it, for hundreds of files a build."""
    return posixpath.splitext(posixpath.basename(path))[0]


READING = "while reading "  # how `reading` names the file in an exception's notes


@contextmanager
def reading(path: str):
    """Name the file being read in any exception that escapes, so that even a fault in Minutebook
    is reported against the file that met it (commands/check.py, report_unexpected)."""
    try:
        yield
    except Exception as exc:
        exc.add_note(READING + path)
        raise


# ---------------------------------------------------------------- fields


class Fields:
    """Reads one YAML mapping as the record its schema declares, knowing its file, its field path
    and each line. Whether a field is required, and what a message says was expected of it, come
    from the declaration; reading a field the record does not declare is a fault in Minutebook."""

    def __init__(self, record: schema.Record, data, path: str, prefix: str, errors: list[ContentError], line: int = 0):
        self.record, self.path, self.prefix, self.errors = record, path, prefix, errors
        self.held = True  # False for a cancelled meeting, which needs none of the fields required `unless_cancelled`
        self.ok = isinstance(data, dict)
        self.data = data if self.ok else {}
        self.line = getattr(data, "line", line)
        if not self.ok:
            self.error("", f"is {_kind(data)}; expected a mapping of fields (name: value)", line)

    def name(self, key: str) -> str:
        return f"{self.prefix}.{key}" if self.prefix else key

    def line_of(self, key: str) -> int:
        return self.data.lines.get(key, self.line) if hasattr(self.data, "lines") else self.line

    def error(self, key: str, message: str, line: int | None = None) -> None:
        field = self.name(key) if key else self.prefix
        self.errors.append(ContentError(self.path, self.line_of(key) if line is None else line, field, message))

    def only(self) -> None:
        """Report every field the record does not declare."""
        allowed = self.record.names
        for key in self.data:
            if key not in allowed:
                hint = _close_match(key, allowed)
                self.error(key, f"is not a known field{hint}; expected one of: {', '.join(allowed)}")

    def needed(self, key: str) -> bool:
        """Whether the record must give `key`, as declared."""
        declared = self.record[key]
        return declared.required and (self.held or not declared.unless_cancelled)

    def expected(self, key: str) -> str:
        return self.record[key].kind.expected

    def raw(self, key: str, required: bool | None = None):
        """The value as written, or None; a required field left out or empty is reported."""
        required = self.needed(key) if required is None else required
        value = self.data.get(key)
        if value is None and required and self.ok:
            if key in self.data:  # written with no value, `~` or `null`
                self.error(key, f"is empty; it is required ({self.expected(key)})")
            else:
                self.error(key, f"is missing; it is required ({self.expected(key)})", self.line)
        return value

    def publishable(self, key: str, value: str, line: int | None = None, field: str = "") -> bool:
        """Whether `value` holds no character an output cannot carry; reported, with the field, when it does."""
        found = first_unpublishable(value)
        if found:
            message = (
                f"holds {kind(found.group())} ({code(found.group())}), which cannot be published; expected plain text "
                "(in quotes, an escape such as \\x01 makes one)"
            )
            self.errors.append(
                ContentError(self.path, self.line_of(key) if line is None else line, field or self.name(key), message)
            )
        return not found

    def text(self, key: str, required: bool | None = None, default: str = "") -> str:
        required = self.needed(key) if required is None else required
        value = self.raw(key, required)
        if value is None:
            return default
        if not isinstance(value, str):
            self.error(key, f"is {_kind(value)}; expected {self.expected(key)}")
            return default
        if not self.publishable(key, value):
            return default
        if required and not value.strip():
            self.error(key, f"is empty; it is required ({self.expected(key)})")
        return value.strip()

    def line_text(self, key: str, required: bool | None = None, default: str = "") -> str:
        """Text that must stay on one line, such as an item number: a line break would split a heading."""
        value = self.text(key, required, default)
        problem = control_character(value, multi_line=False) if value else None
        if problem:
            self.error(key, problem)
            return ""
        return value

    def address(self, key: str, required: bool | None = None) -> str:
        """A web address a reader follows from the page, checked as the site's own addresses are."""
        value = self.text(key, required)
        try:
            return web_address(value) if value else ""
        except ValueError as exc:
            self.error(key, str(exc))
            return ""

    def slug(self, key: str, required: bool | None = None) -> str:
        value = self.text(key, required)
        if value and not SLUG.match(value):
            self.error(
                key,
                f"'{_short(value)}' is not {self.record[key].kind.name}; "
                "use lower-case letters, digits and single hyphens only",
            )
            return ""
        if len(value) > LONGEST_SLUG:
            self.error(
                key,
                f"'{_short(value)}' is {len(value)} characters long; {self.record[key].kind.name} may have at most "
                f"{LONGEST_SLUG}, as it names a page",
            )
            return ""
        return value

    def date(self, key: str, required: bool | None = None) -> dt.date | None:
        value = self.text(key, required)
        if not value:
            return None
        return parse_date(value, lambda message: self.error(key, message))

    def time(self, key: str, required: bool | None = None) -> str:
        value = self.text(key, required)
        if value and not TIME.match(value):
            self.error(key, f"'{_short(value)}' is not a time; expected {self.record[key].kind.form}")
            return ""
        return value

    def count(self, key: str, required: bool | None = None) -> int | None:
        """A whole number, such as a count of votes; None where it is left out or wrong (and reported)."""
        value = self.text(key, required)
        if not value:
            return None
        if not value.isascii() or not value.isdigit() or len(value) > 6:
            self.error(key, f"'{_short(value)}' is not {self.expected(key)}")
            return None
        return int(value)

    def choice(self, key: str, required: bool | None = None) -> str:
        options = self.record[key].kind.options
        value = self.text(key, required)
        if value and value not in options:
            self.error(key, f"'{_short(value)}' is not allowed; expected one of: {', '.join(options)}")
            return ""
        return value

    def list(self, key: str, required: bool | None = None) -> list[tuple[object, int]]:
        value = self.raw(key, required)
        if value is None:
            return []
        if not isinstance(value, list):
            self.error(key, f"is {_kind(value)}; expected a list (lines starting with '- ')")
            return []
        return list(zip(value, getattr(value, "lines", [self.line_of(key)] * len(value)), strict=True))

    def each(self, key: str, record: schema.Record) -> Iterator[tuple[Fields, int]]:
        """Each entry of the list `key` read as a `record`, with its line, its unknown fields reported;
        an entry that is not a mapping is reported and passed over."""
        for number, (entry, line) in enumerate(self.list(key), 1):
            fields = Fields(record, entry, self.path, f"{self.name(key)}[{number}]", self.errors, line)
            if fields.ok:
                fields.only()
                yield fields, line

    def one(self, key: str, record: schema.Record) -> Fields | None:
        """The mapping `key` read as a `record`, its unknown fields reported; None when it is left out,
        or reported as not a mapping."""
        data = self.raw(key)
        if data is None:
            return None
        fields = Fields(record, data, self.path, self.name(key), self.errors, self.line_of(key))
        if not fields.ok:
            return None
        fields.only()
        return fields

    def texts(self, key: str) -> tuple[str, ...]:
        out = []
        for index, (value, line) in enumerate(self.list(key)):
            if isinstance(value, str) and value.strip():
                if self.publishable(key, value, line, f"{self.name(key)}[{index + 1}]"):
                    out.append(value.strip())
            else:
                self.errors.append(
                    ContentError(self.path, line, f"{self.name(key)}[{index + 1}]", f"is {_kind(value)}; expected text")
                )
        return tuple(out)


def parse_date(value: str, report) -> dt.date | None:
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        report(f"'{_short(value)}' is not a date in the form YYYY-MM-DD, such as 2019-04-30")
        return None
    try:
        day = dt.date.fromisoformat(value)
    except ValueError:
        report(f"'{value}' is not a real date; expected YYYY-MM-DD with a valid month and day")
        return None
    if not FIRST_YEAR <= day.year <= LAST_YEAR:
        report(f"'{value}' is not a year this archive can publish; expected a year from {FIRST_YEAR} to {LAST_YEAR}")
        return None
    return day


def _kind(value) -> str:
    if value is None:
        return "empty"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    return f"the text '{_short(value)}'"


def _short(value: str, limit: int = 60) -> str:
    value = str(value).replace("\n", " ")
    return value if len(value) <= limit else value[: limit - 1] + "…"


def _close_match(key: str, allowed: tuple[str, ...]) -> str:
    import difflib

    match = difflib.get_close_matches(key, allowed, n=1, cutoff=0.7)
    return f" (did you mean '{match[0]}'?)" if match else ""


def item_anchor(number: str) -> str:
    """`2.1` -> `item-2-1`, `39/20` -> `item-39-20`: derived from the printed number, so it never moves.
    Letters are kept without their accents, as an address carries them plainly; a number with no letter or
    digit in it is known by a code made from it."""
    words = re.sub(r"[^a-z0-9]+", "-", _unaccented(number).lower()).strip("-")
    return "item-" + (words or hashlib.blake2b(number.encode("utf-8"), digest_size=4).hexdigest())


def title_anchor(title: str) -> str:
    """The anchor of an item the minutes do not number, from its title: `Call to order` -> `item-call-to-order`.
    Cut at a word after 40 characters, so a long title still makes a short address."""
    anchor = item_anchor(title)
    if len(anchor) > 45:
        anchor = anchor[:45].rsplit("-", 1)[0]
    return anchor


def unique_anchor(anchor: str, taken: set[str]) -> str:
    """`anchor`, or, where an earlier item on the page has it ("2.1" and "2-1"), it with `-2`, `-3`...:
    the file's order decides, so it stays put while the items do."""
    candidate, count = anchor, 1
    while candidate in taken:
        count += 1
        candidate = f"{anchor}-{count}"
    taken.add(candidate)
    return candidate


def _unaccented(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


@functools.cache  # an archive has a handful of types, asked for once per meeting and per page
def type_slug(meeting_type: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", meeting_type.lower()).strip("-")
    return re.sub(r"-meeting$", "", slug)


# ---------------------------------------------------------------- reference files


MULTI_LINE_SITE_FIELDS = tuple(f.name for f in schema.SITE.fields if f.kind.multi_line)  # the rest are one line
URL_NEVER = re.compile(r"[\s\x00-\x1f\x7f-\x9f\u2028\u2029<>\"`{}|\\^]")  # never in an address, unencoded


def _source_bytes(by_name: dict, name: str) -> bytes:
    if name not in by_name:
        raise UnreadableFile("does not exist in content/; check the name, or add the file")
    return by_name[name].data


def control_character(value: str, multi_line: bool) -> str | None:
    """Why `value` cannot be published, if it holds a control character: pages, the feed (XML), the
    calendar and a terminal cannot all carry one. A tab or line break is allowed only in a value that
    may run over several lines; U+2028 and U+2029 are line breaks too."""
    for at, character in enumerate(value, 1):
        if multi_line and character in "\t\n":
            continue
        if unicodedata.category(character) in ("Cc", "Zl", "Zp"):
            kind = (
                "a line break"
                if character in "\n\r\u2028\u2029\x85"
                else "a tab"
                if character == "\t"
                else "a control character"
            )
            where = "" if multi_line else "; this field is one line"
            return f"holds {kind} (U+{ord(character):04X}) at character {at}{where}; delete it"
    return None


def web_address(value: str, base: bool = False) -> str:
    """An absolute http:// or https:// address, or raise ValueError saying what is wrong with `value`.
    With `base` (the site's own address) it may hold no query or fragment, and comes back ending in '/'."""
    example = "https://www.example.gov.uk/minutes/" if base else "https://www.example.gov.uk/contact/"
    bad = URL_NEVER.search(value)
    if bad:
        character = bad.group()
        what = (
            "a space"
            if character == " "
            else f"the character U+{ord(character):04X}"
            if not character.isprintable()
            else f"'{character}'"
        )
        raise ValueError(f"holds {what}, which no web address can; expected an address such as {example}")
    try:
        parts = urllib.parse.urlsplit(value)
        _ = parts.port  # raises ValueError for a port that is not a number from 0 to 65535
    except ValueError:
        raise ValueError(f"'{_short(value)}' is not a web address; expected one such as {example}") from None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        raise ValueError(
            f"'{_short(value)}' is not a full web address; expected one starting with https:// or http://, "
            f"such as {example}"
        )
    if "@" in parts.netloc:
        raise ValueError(
            f"'{_short(value)}' holds a user name or password (before '@'); give the address alone, such as {example}"
        )
    if not parts.hostname:
        raise ValueError(f"'{_short(value)}' names no website after '//'; expected an address such as {example}")
    if base and ("?" in value or "#" in value):
        raise ValueError(
            f"'{_short(value)}' has a query ('?') or fragment ('#'); the site's address is a folder, such as {example}"
        )
    return value.rstrip("/") + "/" if base else value


def parse_site(data: yamltext.Value, path: str, errors: list[ContentError], read_file=None) -> SiteSettings | None:
    if data is None:
        if not any(e.path == path for e in errors):  # not missing or unreadable, both reported already: empty
            errors.append(
                ContentError(
                    path,
                    1,
                    "",
                    "is empty; expected the site's settings, one per line, such as 'title: ...' "
                    "(see docs/content-format.md)",
                )
            )
        return None
    if not isinstance(data, dict):
        errors.append(
            ContentError(
                path,
                getattr(data, "line", 1),
                "",
                f"is {_kind(data)}; expected the site's settings, one per line, such as 'title: ...'",
            )
        )
        return None
    f = Fields(schema.SITE, data, path, "", errors, 1)
    f.only()
    unsafe = set()
    # Every value as written, before stripping could hide a character. What no output can carry is
    # refused by Fields.text for every file; here, only the line breaks and tabs a one-line setting
    # cannot hold, which minutes text may.
    for key, value in data.items():
        one_line = isinstance(value, str) and key not in MULTI_LINE_SITE_FIELDS and not first_unpublishable(value)
        problem = control_character(value, False) if one_line else None
        if problem:
            f.error(key, problem)
            unsafe.add(key)

    def address(key: str, base: bool) -> str:
        value = "" if key in unsafe else f.text(key)
        try:
            return web_address(value, base) if value else ""
        except ValueError as exc:
            f.error(key, str(exc))
            return ""

    return SiteSettings(
        organisation=f.text("organisation"),
        title=f.text("title"),
        description=f.text("description"),
        short_name=f.text("short_name"),
        contact_url=address("contact_url", base=False),
        logo=None if "logo" in unsafe else parse_logo(f, read_file),
        base_url=address("base_url", base=True),
        locale=parse_locale(f),
        meeting_types=parse_meeting_types(f),
    )


def parse_locale(f: Fields) -> Locale:
    """The site's `locale`: its language and time zone checked against what Babel and the time-zone database
    know, its clock taken from the language where it is left out, and its words."""
    g = f.one("locale", schema.LOCALE)
    if g is None:
        return Locale()
    language = language_tag(g)
    time_zone = g.line_text("time_zone", default=Locale.time_zone)
    if time_zone not in _time_zones():
        hint = _close_match(time_zone, tuple(_time_zones()))
        g.error(
            "time_zone",
            f"'{_short(time_zone)}' is not a time zone{hint}; expected {g.expected('time_zone')}",
        )
        time_zone = Locale.time_zone
    clock = g.choice("clock")
    words = g.one("words", schema.WORDS)
    return Locale(
        language=language,
        time_zone=time_zone,
        clock=int(clock) if clock else usual_clock(language),
        words=Words(
            **{w.name: words.line_text(w.name, default=w.default) for w in schema.WORDS.fields} if words else {}
        ),
    )


def language_tag(g: Fields) -> str:
    """The language as Babel writes its tag (`en-gb` is `en-GB`), or the default once a tag it does not know is
    reported."""
    from babel import Locale as Language
    from babel import UnknownLocaleError

    tag = g.line_text("language", default=Locale.language)
    try:
        return str(Language.parse(tag, sep="-")).replace("_", "-")
    except (UnknownLocaleError, ValueError):
        g.error(
            "language", f"'{_short(tag)}' is not a language the Babel library knows; expected {g.expected('language')}"
        )
        return Locale.language


def usual_clock(language: str) -> int:
    """12 or 24: the clock the language's short time format uses (`h:mm a` in en-US, `HH:mm` in en-GB)."""
    from babel import Locale as Language

    pattern = Language.parse(language, sep="-").time_formats["short"].pattern
    letters = re.sub(r"'[^']*'", "", pattern)  # quoted text is printed as it is: fr-CA's `HH 'h' mm`
    return 12 if "h" in letters or "K" in letters else 24


@functools.cache
def _time_zones() -> frozenset[str]:
    """Every IANA time zone name the time-zone database knows, exactly as written (a case-insensitive file system
    would find `europe/london` too, and the calendar would name it so)."""
    import zoneinfo

    return frozenset(zoneinfo.available_timezones())


def parse_meeting_types(f: Fields) -> tuple[MeetingType, ...]:
    """site.yml's `meeting_types`: each kind of meeting `new` starts a draft of, with its standing agenda."""
    found: list[MeetingType] = []
    slugs: dict[str, tuple[str, int]] = {}  # a type's file-name slug -> its name as first written, and its line
    for g, line in f.each("meeting_types", schema.MEETING_TYPE):
        name = " ".join(g.line_text("name").split())
        if name and not SLUG.match(type_slug(name)):
            g.error("name", f"'{_short(name)}' has no letter or digit; expected a name such as Full Council")
            name = ""
        elif name and type_slug(name) in slugs:
            first, first_line = slugs[type_slug(name)]
            g.error(
                "name",
                f"'{_short(name)}' names the same type as '{_short(first)}' (line {first_line}), as meeting files "
                "are named; give each type once",
            )
            name = ""
        title = _pattern(g, "title", schema.TITLE_PLACEHOLDERS)
        source_title = _pattern(g, "source_title", schema.SOURCE_TITLE_PLACEHOLDERS)
        agenda = parse_standing_agenda(g)
        if name:
            slugs[type_slug(name)] = (name, line)
            time, venue = g.time("time"), g.line_text("venue")
            found.append(MeetingType(name, title, source_title, agenda, time, venue, Origin(f.path, line)))
    return tuple(found)


def _pattern(f: Fields, key: str, placeholders: dict[str, str]) -> str:
    """A title pattern, its placeholders checked: only bare names from `placeholders`, in braces."""
    default = f.record[key].default
    value = f.line_text(key) or default
    allowed = ", ".join(f"{{{name}}}" for name in placeholders)
    try:
        parts = list(string.Formatter().parse(value))
    except ValueError:
        f.error(key, f"'{_short(value)}' has a '{{' or '}}' without its pair; expected placeholders such as {allowed}")
        return default
    for _, placeholder, spec, conversion in parts:
        if placeholder is not None and (placeholder not in placeholders or spec or conversion):
            written = "{" + placeholder + (f"!{conversion}" if conversion else "") + (f":{spec}" if spec else "") + "}"
            f.error(key, f"'{_short(written)}' is not a placeholder it may hold; expected one of: {allowed}")
            return default
    return value


def parse_standing_agenda(f: Fields) -> tuple[StandingItem, ...]:
    """The items every draft of the type starts with: each a mapping, or a title alone."""
    items = []
    numbers: dict[str, int] = {}  # casefolded number -> the line it is first on
    for index, (entry, line) in enumerate(f.list("standing_agenda"), 1):
        prefix = f"{f.name('standing_agenda')}[{index}]"
        if isinstance(entry, str):
            entry = yamltext.YMap(title=entry)
            entry.line, entry.lines = line, {"title": line}
        g = Fields(schema.STANDING_ITEM, entry, f.path, prefix, f.errors, line)
        if not g.ok:
            continue
        g.only()
        number, title = g.line_text("number"), g.line_text("title")
        if number and number.casefold() in numbers:
            g.error(
                "number",
                f"'{number}' is used twice (first on line {numbers[number.casefold()]}); item numbers must be unique",
            )
        elif number:
            numbers[number.casefold()] = line
        listed = g.choice("open_actions")
        items.append(StandingItem(number, title, listed in ("yes", "all"), g.line_text("hint"), listed == "all"))
    return tuple(items)


def parse_logo(f: Fields, read_file) -> Logo | None:
    """The logo site.yml names: an image file inside content/, known by what it holds."""
    name = f.text("logo")
    if not name:
        return None
    parts = name.split("/")
    if name.startswith("/") or "\\" in name or ".." in parts or re.match(r"^[A-Za-z]:", name):
        f.error("logo", "must be a path inside content/, such as assets/logo.svg")
        return None
    name = "/".join(part for part in parts if part not in ("", "."))
    try:
        data = (read_file or functools.partial(_source_bytes, {}))(name)
        extension = site_logo.image_type(data)
    except (UnreadableFile, site_logo.NotALogo) as exc:
        f.error("logo", f"'{_short(name)}' {exc}")
        return None
    return Logo(site_logo.published_path(data, extension), data)


ABOUT_HEADING = re.compile(r"^#[ \t]+(.+)$")  # closing #s are dropped by `about_title`, as a pattern would backtrack


def about_title(heading: str) -> str:
    """`Title ##` -> `Title`: closing #s after a space are dropped, in linear time."""
    text = heading.rstrip(" \t")
    shorter = text.rstrip("#")
    return shorter.rstrip(" \t") if shorter != text and shorter.endswith((" ", "\t")) else text


def parse_about(source: SourceFile, errors: list[ContentError]) -> AboutPage | None:
    """content/about.md: a '# ' heading for the page's title on its first line, then Markdown."""
    text = decoded(source, errors)
    if text is None:
        return None
    lines = text.split("\n")
    first = next((n for n, line in enumerate(lines) if line.strip()), None)
    if first is None:
        errors.append(
            ContentError(
                source.path,
                1,
                "",
                "is empty; expected a '# ' heading with the page's title, then what the meetings are",
            )
        )
        return None
    heading = ABOUT_HEADING.match(lines[first].strip())
    if not heading:
        errors.append(
            ContentError(
                source.path,
                first + 1,
                "title",
                "the first line is not a '# ' heading; start the file with the page's title, "
                "such as '# About these meetings'",
            )
        )
        return None
    if not check_publishable(text, 1, source.path, "", errors):
        return None
    return AboutPage(
        about_title(heading.group(1)), "\n".join(lines[first + 1 :]).strip("\n"), Origin(source.path, first + 1)
    )


def parse_list(data: yamltext.Value, path: str, errors: list[ContentError], record: schema.Record, parse_entry) -> list:
    if data is None:
        return []
    if not isinstance(data, list):
        errors.append(ContentError(path, getattr(data, "line", 1), "", f"is {_kind(data)}; expected a list of entries"))
        return []
    entries = []
    for index, (entry, line) in enumerate(zip(data, data.lines, strict=True)):
        f = Fields(record, entry, path, f"[{index + 1}]", errors, line)
        if f.ok:
            value = parse_entry(f, Origin(path, line))
            if value is not None:
                entries.append(value)
    return entries


def parse_theme(f: Fields, origin: Origin) -> Theme:
    f.only()
    return Theme(f.slug("slug"), f.text("name"), f.text("description"), origin)


def parse_person(f: Fields, origin: Origin) -> Person:
    f.only()
    return Person(f.slug("slug"), f.text("name"), origin)


def parse_glossary_entry(f: Fields, origin: Origin) -> GlossaryEntry:
    f.only()
    plural = f.raw("plural")
    plurals: tuple[str, ...] = ()
    if isinstance(plural, list):  # when the minutes write it more than one way
        plurals = f.texts("plural")
    elif isinstance(plural, str):
        plurals = (plural.strip(),) if plural.strip() else ()
    elif plural is not None:
        f.error(
            "plural",
            f"is {_kind(plural)}; expected the plural as the minutes write it, such as KSIs, or a list of them",
        )
    return GlossaryEntry(f.text("abbreviation"), f.text("expansion"), plurals, origin)


def parse_editor_update(f: Fields, origin: Origin) -> ActionUpdate | None:
    f.only()
    action, day = f.slug("action"), f.date("date")
    status, note = f.choice("status"), f.text("note")
    if action and day and status:
        return ActionUpdate(action, day, status, note, "", origin)
    return None


# ---------------------------------------------------------------- meetings


def split_front_matter(source: SourceFile, errors: list[ContentError]) -> tuple[object, str, int] | None:
    """Return (front matter data, body, line where the body starts), or None after reporting why."""
    text = decoded(source, errors)
    if text is None:
        return None
    if not text.strip():
        errors.append(
            ContentError(
                source.path, 1, "", "is empty; expected front matter between two '---' lines, then the minutes"
            )
        )
        return None
    lines = text.split("\n")
    if lines[0].strip() != "---":
        errors.append(
            ContentError(source.path, 1, "", "does not start with front matter; the first line must be '---'")
        )
        return None
    end = next((i for i in range(1, len(lines)) if lines[i].rstrip() in ("---", "...")), None)
    if end is None:
        errors.append(
            ContentError(source.path, 1, "", "front matter is not closed; expected a second '---' line after it")
        )
        return None
    try:
        data = yamltext.parse("\n".join(lines[1:end]), line_offset=1)
    except yamltext.YamlProblem as exc:
        errors.append(ContentError(source.path, exc.line, "", exc.message))
        return None
    if not isinstance(data, dict):
        errors.append(
            ContentError(source.path, 2, "", f"front matter is {_kind(data)}; expected fields such as 'title: ...'")
        )
        return None
    return data, "\n".join(lines[end + 1 :]), end + 2


def parse_meeting(source: SourceFile, errors: list[ContentError]) -> Meeting | None:
    before = len(errors)
    split = split_front_matter(source, errors)
    if split is None:
        return None
    data, body, body_line = split
    path = source.path
    meeting_id = Path(path).stem
    f = Fields(schema.MEETING, data, path, "", errors, 2)
    f.only()
    status, approved_on = parse_status(f)
    held = f.held = status != "cancelled"  # a meeting that did not take place has no attendance, agenda or minute-taker

    day = f.date("date")
    meeting_type = f.text("type")
    name = MEETING_FILE.match(meeting_id)
    if not name:
        # The meeting's own date and type name its file, when it gives them; else an example that is no body's.
        slug = type_slug(meeting_type) if meeting_type else ""
        own = f"{day.isoformat()}-{slug}.md" if day and slug else ""
        wanted = (
            f"its date and type make {own} (if a file of that name is here already, this is likely a copy of it)"
            if own
            else "such as 2025-01-28-board.md"
        )
        errors.append(ContentError(path, 0, "", f"file name must be YYYY-MM-DD-<type>.md: {wanted}"))
    elif day and name.group(1) != day.isoformat():
        f.error(
            "date", f"{day.isoformat()} does not match the date in the file name ({name.group(1)}); make them agree"
        )
    elif meeting_type and name.group(2) != type_slug(meeting_type):
        f.error(
            "type",
            f"'{meeting_type}' does not match the file name; expected a file named "
            f"{name.group(1)}-{type_slug(meeting_type)}.md",
        )

    minute_taker = parse_attendee(
        f.raw("minute_taker"), path, "minute_taker", f.line_of("minute_taker"), errors, schema.MINUTE_TAKER
    )

    listed_items = parse_agenda(f, errors)
    check_publishable(body, body_line, path, "body", errors)
    preamble, agenda = attach_body(listed_items, body, body_line, path, errors)
    actions = parse_actions(f, meeting_id, agenda, errors)
    updates = parse_meeting_updates(f, meeting_id, day, errors)
    decisions = parse_decisions(f, meeting_id, agenda)
    declarations = parse_declarations(f, meeting_id, agenda)
    next_meeting = parse_next_meeting(f, day, errors)
    for key in ("actions", "action_updates") if not held else ():
        if f.data.get(key):
            f.error(
                key,
                "is given for a cancelled meeting; "
                "a meeting that did not take place raised and updated no actions: remove them",
            )
    if not held and f.data.get("decisions"):
        f.error("decisions", "is given for a cancelled meeting; a meeting that did not take place decided nothing")
    if not held and f.data.get("declarations"):
        f.error(
            "declarations",
            "is given for a cancelled meeting; no one declared an interest at a meeting that did not take place",
        )
    if approved_on and day and approved_on <= day:
        f.error(
            "approved",
            f"{approved_on.isoformat()} is not after this meeting ({day.isoformat()}); "
            "minutes are approved at a later meeting",
        )

    source_data = f.raw("source")
    source_fields = (
        Fields(schema.SOURCE, source_data, path, "source", errors, f.line_of("source"))
        if source_data is not None
        else None
    )
    if source_fields is None:
        source_title = source_url = ""
    else:
        source_fields.only()
        source_title = source_fields.text("title")
        source_url = source_fields.address("url")

    meeting = Meeting(
        id=meeting_id,
        title=f.text("title"),
        date=day or dt.date.min,
        time=f.time("time"),
        type=meeting_type,
        venue=f.text("venue"),
        chair=f.slug("chair"),
        minute_taker=minute_taker or Attendee("", ""),
        attendees=parse_attendees(f, "attendees", errors),
        apologies=parse_attendees(f, "apologies", errors, present=False),
        agenda=agenda,
        actions=actions,
        action_updates=updates,
        decisions=decisions,
        declarations=declarations,
        next_meeting=next_meeting,
        source_title=source_title,
        source_url=source_url,
        editorial_notes=f.texts("editorial_notes"),
        corrections=parse_corrections(f, day, errors),
        origin=Origin(path, 1),
        chair_line=f.line_of("chair"),
        status=status,
        approved_on=approved_on,
        approved_line=f.line_of("approved"),
        preamble=preamble,
        papers=parse_papers(f, errors),
        recording=parse_recording(f, errors),
    )
    return meeting if len(errors) == before else None


def parse_status(f: Fields) -> tuple[str, dt.date | None]:
    """Where the minutes stand, and the date of the meeting that approved them. Without a `status`
    the minutes are approved: see MEETING_STATUSES."""
    if "status" not in f.data:
        status = "approved"
    elif f.data["status"] is None or f.data["status"] == "":
        status = ""
        f.error("status", f"is empty; expected one of: {', '.join(f.record['status'].kind.options)}")
    else:
        status = f.choice("status")
    approved_on = f.date("approved")
    if approved_on and status and status != "approved":
        f.error(
            "approved",
            f"is given, but the status is '{status}'; only approved minutes have an approval date: "
            "remove it, or set 'status: approved'",
        )
    return status, approved_on


def parse_attendee(
    data, path, prefix, line, errors, record: schema.Record = schema.ATTENDEE, present: bool = True
) -> Attendee | None:
    """One person at a meeting, as an attendee or (with schema.MINUTE_TAKER) its minute-taker.
    Only someone `present` can have arrived late or left early."""
    if data is None:
        return None
    f = Fields(record, data, path, prefix, errors, line)
    if not f.ok:
        return None
    f.only()
    abbr = f.text("abbreviation") if "abbreviation" in record.names else ""
    comings: dict[str, str] = {}  # 'arrived' and 'left', as minuted
    for key in ("arrived", "left") if "arrived" in record.names else ():
        comings[key] = f.line_text(key)
        if comings[key] and not present:
            f.error(
                key, "is given for someone who sent apologies; only attendees arrive or leave: move them to 'attendees'"
            )
    return Attendee(f.slug("person"), f.text("role"), abbr, Origin(path, f.line), **comings)


def parse_attendees(f: Fields, key: str, errors, present: bool = True) -> tuple[Attendee, ...]:
    required = f.needed(key)
    entries = f.list(key)
    if required and f.ok and isinstance(f.data.get(key), list) and not entries:
        f.error(key, "is empty; list at least one person")
    found = []
    for index, (entry, line) in enumerate(entries):
        attendee = parse_attendee(entry, f.path, f"{key}[{index + 1}]", line, errors, present=present)
        if attendee:
            found.append(attendee)
    return tuple(found)


def parse_agenda(f: Fields, errors) -> list[AgendaItem]:
    required = f.needed("agenda")
    entries = f.list("agenda")
    if required and f.ok and isinstance(f.data.get("agenda"), list) and not entries:
        f.error("agenda", "is empty; list the agenda items")
    items: list[AgendaItem] = []
    numbers: dict[str, tuple[str, int]] = {}  # casefolded number -> the number as first written, and its line
    anchors: set[str] = set()
    for index, (entry, line) in enumerate(entries):
        g = Fields(schema.AGENDA_ITEM, entry, f.path, f"agenda[{index + 1}]", errors, line)
        if not g.ok:
            continue
        g.only()
        reported = len(errors)
        number = g.line_text("number")
        if "number" in g.data and not number and len(errors) == reported:
            g.error(
                "number",
                "is empty; give the number as printed, in quotes, or leave 'number' out for an unnumbered item",
            )
        # One item per number: "4a" and "4A" would be one item to a reader, and to an action naming it.
        if number and number.casefold() in numbers:
            first, first_line = numbers[number.casefold()]
            if first == number:
                g.error("number", f"'{number}' is used twice (first on line {first_line}); item numbers must be unique")
            else:
                g.error(
                    "number",
                    f"'{number}' differs from '{first}' (line {first_line}) only in case, "
                    "and a reader would take them for one item; "
                    "item numbers must differ in more than case",
                )
            continue
        level = int(g.choice("level") or 1)
        if level > 1 and (not items or level > items[-1].level + 1):
            g.error(
                "level",
                f"is {level}, but the item above it is at level {items[-1].level if items else 0}; "
                "a sub-item sits one level under the item above it",
            )
            level = 1
        themes, theme_lines = [], []
        for t_index, (theme, t_line) in enumerate(g.list("themes")):
            if isinstance(theme, str) and SLUG.match(theme.strip()):
                themes.append(theme.strip())
                theme_lines.append(t_line)
            else:
                errors.append(
                    ContentError(
                        f.path,
                        t_line,
                        f"{g.name('themes')}[{t_index + 1}]",
                        f"{_kind(theme)} is not a theme slug; expected a slug from content/themes.yml",
                    )
                )
        title = g.text("title")
        if number or title:
            if number:
                numbers[number.casefold()] = (number, line)
            anchor = unique_anchor(item_anchor(number) if number else title_anchor(title), anchors)
            items.append(
                AgendaItem(number, title, anchor, tuple(themes), "", Origin(f.path, line), tuple(theme_lines), level)
            )
    return items


def check_publishable(text: str, first_line: int, path: str, field: str, errors: list[ContentError]) -> bool:
    """Report each line of Markdown holding a character no output can carry, or an HTML comment; True when
    there are none. The text is the record, so it is never changed here: the editor deletes what is reported.

    An editor's note in an HTML comment is not hidden: raw HTML is shown as text, so the page, the feed,
    the open data and the search would all publish it."""
    if not first_unpublishable(text) and "<!--" not in text:  # the usual case, in two passes
        return True
    fenced = False
    for offset, line in enumerate(text.split("\n")):
        fence = FENCE.match(line)
        fenced = fenced != bool(fence)
        found = first_unpublishable(line)
        if found:
            errors.append(
                ContentError(
                    path,
                    first_line + offset,
                    field,
                    f"holds {kind(found.group())} ({code(found.group())}) at column {found.start() + 1}, "
                    "which cannot be published; delete it",
                )
            )
        # In code (a fenced block, or a `code span`, blanked here with its places kept) it is shown on purpose.
        uncoded = "" if fenced or fence else CODE_SPAN.sub(lambda span: " " * len(span[0]), line)
        if (column := uncoded.find("<!--")) >= 0:
            errors.append(
                ContentError(
                    path,
                    first_line + offset,
                    field,
                    f"holds an HTML comment ('<!--') at column {column + 1}, which the site would publish as "
                    "text, not hide; delete it, and keep notes that are not minutes outside content/",
                )
            )
    return False


def split_body(body: str, first_line: int) -> list[tuple[str, int, list[str]]]:
    """Split Markdown at level-two headings outside code: [(heading, line, lines)]."""
    sections: list[tuple[str, int, list[str]]] = [("", first_line, [])]
    fenced = False
    for offset, line in enumerate(body.split("\n")):
        if FENCE.match(line):
            fenced = not fenced
        if not fenced and HEADING.match(line):
            sections.append((heading_text(line), first_line + offset, []))
        else:
            sections[-1][2].append(line)
    return sections


def heading_text(line: str) -> str:
    """`## 2.1 Roads policing ##` -> `2.1 Roads policing`: spaces and any closing #s dropped, in linear time."""
    return line[2:].strip().rstrip("#").rstrip()


def attach_body(
    agenda: list[AgendaItem], body: str, first_line: int, path: str, errors
) -> tuple[str, tuple[AgendaItem, ...]]:
    """The preamble (the text before the first item's heading, as many minutes open), and each agenda
    item with its part of the body, checking both agree in order and wording."""
    sections = split_body(body, first_line)
    preamble = "\n".join(sections.pop(0)[2]).strip("\n")
    result = []
    for index, item in enumerate(agenda):
        if index >= len(sections):
            errors.append(
                ContentError(
                    path,
                    item.origin.line,
                    f"agenda[{index + 1}]",
                    f"item {_short(item.reference)} has no heading in the body; expected '## {item.heading}'",
                )
            )
            continue
        heading, line, lines = sections[index]
        if _norm(heading) != _norm(item.heading):
            errors.append(
                ContentError(
                    path,
                    line,
                    "body",
                    f"heading '{_short(heading)}' does not match agenda item {index + 1}; "
                    f"expected '## {item.heading}' (same order as the agenda)",
                )
            )
        result.append(dataclasses.replace(item, markdown="\n".join(lines).strip("\n")))
    for heading, line, _ in sections[len(agenda) :]:
        errors.append(
            ContentError(
                path,
                line,
                "body",
                f"heading '{_short(heading)}' is not in the agenda; add it to 'agenda' or make it a '###' sub-heading",
            )
        )
    return preamble, tuple(result)


def _norm(text: str) -> str:
    return " ".join(text.split()).casefold()


def check_item(g: Fields, item: str, references: Sequence[str], what: str, verb: str) -> None:
    """Report an item reference that names no agenda item of the meeting, or more than one."""
    if item and references and item not in references:
        g.error(
            "item",
            f"'{_short(item)}' is not an agenda item of this meeting; expected a number, or the title of an "
            f"unnumbered item, from: {', '.join(_short(r, 40) for r in references)}",
        )
    elif item and references.count(item) > 1:
        g.error(
            "item",
            f"'{_short(item)}' is the title of {references.count(item)} items without a number, so it does "
            f"not say which one the {what} {verb}; {what_an(what)} can name such an item only by a title "
            "no other item of the meeting has",
        )


def what_an(what: str) -> str:
    return f"an {what}" if what[:1] in "aeiou" else f"a {what}"


def parse_actions(f: Fields, meeting_id: str, agenda: Sequence[AgendaItem], errors) -> tuple[Action, ...]:
    """The actions arising, each naming its item by number, or by title where the item has none."""
    references = [i.reference for i in agenda]
    actions = []
    for g, line in f.each("actions", schema.ACTION):
        action_id = g.slug("id")
        item = g.text("item")
        check_item(g, item, references, "action", "arose under")
        action = Action(
            id=action_id,
            meeting_id=meeting_id,
            item=item,
            text=g.text("text"),
            status=g.choice("status"),
            owner=g.slug("owner"),
            due=g.date("due"),
            origin=Origin(f.path, line),
        )
        actions.append(action)
    return tuple(actions)


def parse_decisions(f: Fields, meeting_id: str, agenda: Sequence[AgendaItem]) -> tuple[Decision, ...]:
    """What the meeting decided, each under its item, with its mover, its result and the votes minuted."""
    references = [i.reference for i in agenda]
    decisions = []
    for ordinal, (g, line) in enumerate(f.each("decisions", schema.DECISION), 1):
        item = g.text("item")
        check_item(g, item, references, "decision", "was made under")
        counts = parse_counts(g)
        votes = parse_votes(g)
        tally = [v.vote for v in votes]
        if counts is not None and votes:
            abstaining = tally.count("abstain") if counts.abstain is not None else None
            cast = Counts(tally.count("for"), tally.count("against"), abstaining)
            if cast != counts:
                g.error(
                    "counts",
                    f"say {counts.in_words}, but the votes listed are {cast.in_words}; make them agree, "
                    "or leave out the one the minutes do not give",
                )
        decisions.append(
            Decision(
                meeting_id=meeting_id,
                ordinal=ordinal,
                item=item,
                kind=g.choice("kind"),
                text=g.text("text"),
                result=g.choice("result"),
                number=g.line_text("number"),
                moved=g.slug("moved"),
                seconded=g.slug("seconded"),
                counts=counts,
                votes=votes,
                origin=Origin(f.path, line),
            )
        )
    return tuple(decisions)


def parse_declarations(f: Fields, meeting_id: str, agenda: Sequence[AgendaItem]) -> tuple[Declaration, ...]:
    """The interests declared, each in its item where the minutes name one, or in the whole meeting."""
    references = [i.reference for i in agenda]
    declarations = []
    for ordinal, (g, line) in enumerate(f.each("declarations", schema.DECLARATION), 1):
        item = g.text("item")
        check_item(g, item, references, "declaration", "was made in")
        declarations.append(
            Declaration(
                meeting_id=meeting_id,
                ordinal=ordinal,
                person=g.slug("person"),
                interest=g.text("interest"),
                item=item,
                kind=g.line_text("kind"),
                origin=Origin(f.path, line),
            )
        )
    return tuple(declarations)


def parse_counts(g: Fields) -> Counts | None:
    h = g.one("counts", schema.COUNTS)
    if h is None:
        return None
    yes, no, abstain = h.count("for"), h.count("against"), h.count("abstain")
    return Counts(yes, no, abstain) if yes is not None and no is not None else None


def parse_votes(g: Fields) -> tuple[Vote, ...]:
    """The roll call: one vote per member; a member named twice is reported."""
    votes: list[Vote] = []
    seen: dict[str, int] = {}
    for h, line in g.each("votes", schema.VOTE):
        person, vote = h.slug("person"), h.choice("vote")
        if person in seen:
            h.error("person", f"'{person}' has a vote already, at line {seen[person]}; give each member one vote")
        elif person and vote:
            seen[person] = line
            votes.append(Vote(person, vote, Origin(g.path, line)))
    return tuple(votes)


def parse_papers(f: Fields, errors: list[ContentError]) -> tuple[Paper, ...]:
    papers: list[Paper] = []
    for g, _line in f.each("papers", schema.PAPER):
        title, url = g.text("title"), g.address("url")
        if title:
            papers.append(Paper(title, url))
    return tuple(papers)


def parse_recording(f: Fields, errors: list[ContentError]) -> Recording | None:
    g = f.one("recording", schema.RECORDING)
    if g is None:
        return None
    url, title = g.address("url"), g.line_text("title", default=g.record["title"].default)
    return Recording(url, title) if url else None


def parse_meeting_updates(f: Fields, meeting_id: str, day, errors) -> tuple[ActionUpdate, ...]:
    updates = []
    for g, line in f.each("action_updates", schema.ACTION_UPDATE):
        action, status, note = g.slug("action"), g.choice("status"), g.text("note")
        if action and status and day:
            updates.append(ActionUpdate(action, day, status, note, meeting_id, Origin(f.path, line)))
    return tuple(updates)


def parse_corrections(f: Fields, day, errors) -> tuple[Correction, ...]:
    """The corrections the editor recorded: only these are published as changes to the minutes."""
    corrections = []
    for g, line in f.each("corrections", schema.CORRECTION):
        when, note = g.date("date"), g.text("note")
        if when and day and when < day:
            g.error(
                "date",
                f"{when.isoformat()} is before the meeting ({day.isoformat()}); "
                "expected the day the correction was made",
            )
        elif when and note:
            corrections.append(Correction(when, note, Origin(f.path, line)))
    return tuple(corrections)


def parse_next_meeting(f: Fields, day, errors) -> NextMeeting | None:
    g = f.one("next_meeting", schema.NEXT_MEETING)
    if g is None:
        return None
    next_day = g.date("date")
    if next_day and day and next_day <= day:
        g.error(
            "date",
            f"{next_day.isoformat()} is not after this meeting ({day.isoformat()}); the next meeting must come later",
        )
    time = g.time("time")
    if next_day is None:
        return None
    return NextMeeting(next_day, time, g.text("type"), g.text("venue"), g.text("as_minuted"))


def within(root: Path, candidate: Path) -> bool:
    """True when `candidate` resolves inside `root`; guards every path built from content."""
    return os.path.commonpath([root.resolve(), candidate.resolve()]) == str(root.resolve())
