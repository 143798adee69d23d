"""The rule the properties test: what `check` accepts, the build publishes.

`outcome(archive)` writes a small real archive (tests/fixtures/small, edited) to a fresh folder, runs
`build.py check` and `build.py build` on it in this process, and asserts one of two endings:

- `check` refuses, every line it prints is located (`content/<file>:<line>: `), at least one of them
  in the file that was edited, no traceback and no "did not expect"; the build refuses with the same
  lines and writes no site;
- or `check` accepts, the build succeeds silently, and every file it writes is well-formed: pages,
  feed, calendar, sitemap, open data and search files, with no script a value could have smuggled in.
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import re
import tempfile
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

import feedparser
import icalendar
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

from minutebook.cli import main
from tests.conftest import FIXTURES

APRIL = "meetings/2019-04-30-monthly-assurance.md"
MAY = "meetings/2019-05-28-performance.md"
SMALL = {
    p.relative_to(FIXTURES / "small").as_posix(): p.read_text(encoding="utf-8")
    for p in sorted((FIXTURES / "small").rglob("*"))
    if p.is_file()
}

# Each build takes a tenth of a second or so: these keep the folder to about a minute on two busy cores.
BOUNDED = settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture]
)

# What no output may hold raw: XML 1.0's forbidden characters, DEL and C1, the line and paragraph
# separators a script reads as line ends, surrogates, and Unicode's noncharacters.
RAW_NEVER = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff"
    "\U0001fffe\U0001ffff\U0002fffe\U0002ffff\U0003fffe\U0003ffff\U0004fffe\U0004ffff"
    "\U0005fffe\U0005ffff\U0006fffe\U0006ffff\U0007fffe\U0007ffff\U0008fffe\U0008ffff"
    "\U0009fffe\U0009ffff\U000afffe\U000affff\U000bfffe\U000bffff\U000cfffe\U000cffff"
    "\U000dfffe\U000dffff\U000efffe\U000effff\U000ffffe\U000fffff\U0010fffe\U0010ffff]"
)
RFC3339 = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:\d\d)$")

# ---------------------------------------------------------------- values

# The characters and pieces of text most likely to break an output: markup, YAML and Markdown signs,
# controls, separators, noncharacters, surrogates, characters outside the Basic Multilingual Plane.
AWKWARD = [
    "<",
    ">",
    "&",
    '"',
    "'",
    "\\",
    "`",
    "#",
    ":",
    "-",
    "*",
    "_",
    "[",
    "]",
    "{",
    "}",
    "|",
    "%",
    "@",
    "/",
    ";",
    ",",
    " ",
    "  ",
    "\t",
    "\n",
    "\r",
    "\x00",
    "\x01",
    "\x1b",
    "\x7f",
    "\x85",
    "\xa0",
    "\u200b",
    "\u2028",
    "\u2029",
    "\ufeff",
    "\ufdd0",
    "\ufdef",
    "\ufffd",
    "\ufffe",
    "\uffff",
    "\U0001fffe",
    "\U0010ffff",
    "\ud800",
    "\udfff",
    "\u0301",
    "\U0001f600",
    "é",
    "ß",
    "İ",
    "ﬁ",
    "Ω",
    "<script>alert(1)</script>",
    "</script>",
    "<!--",
    "]]>",
    "&amp;",
    "&#0;",
    "{{ x }}",
    "{% raw %}",
    "--- ",
    "## 9 x",
    "javascript:",
    "\\x01",
    "\\u2028",
    "&#xFDD0;",
    "&#x1;",
    "&#x85;",
]
characters = st.one_of(st.characters(codec=None), st.sampled_from(AWKWARD))
texts = st.lists(characters, min_size=1, max_size=12).map("".join)


def quoted(value: str, raw: bool = False) -> str:
    """`value` as a YAML double-quoted scalar: every character outside printable ASCII written as an
    escape, or, when `raw`, as itself wherever a UTF-8 file can hold it, so both ways in are tried."""
    out = []
    for char in value:
        point = ord(char)
        if char in '"\\':
            out.append("\\" + char)
        elif 0x20 <= point < 0x7F or (raw and point > 0xA0 and not 0xD800 <= point <= 0xDFFF):
            out.append(char)
        elif point <= 0xFF:
            out.append(f"\\x{point:02x}")
        elif point <= 0xFFFF:
            out.append(f"\\u{point:04x}")
        else:
            out.append(f"\\U{point:08x}")
    return '"' + "".join(out) + '"'


scalars = st.builds(quoted, texts, st.booleans())

# ---------------------------------------------------------------- the archive


@dataclass(frozen=True)
class Archive:
    """Content files by name under content/; `edited` is the file a property changed."""

    files: dict[str, str] = field(default_factory=lambda: dict(SMALL))
    edited: str = ""

    def replace(self, name: str, old: str, new: str) -> Archive:
        text = self.files[name]
        assert old in text, old
        return Archive({**self.files, name: text.replace(old, new, 1)}, self.edited or name)


def small() -> Archive:
    return Archive()


@dataclass
class Outcome:
    accepted: bool
    problems: list[str]
    site: dict[str, bytes]


def _run(argv: list[str]) -> tuple[int, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(argv)
    return code, err.getvalue()


def outcome(archive: Archive) -> Outcome:
    """Check and build `archive`; assert that it is refused with located messages or published well-formed."""
    with tempfile.TemporaryDirectory() as folder:
        content, site = Path(folder) / "content", Path(folder) / "site"
        for name, text in archive.files.items():
            (content / name).parent.mkdir(parents=True, exist_ok=True)
            # surrogatepass: a lone surrogate written raw makes a file that is not UTF-8, which check must locate too
            (content / name).write_bytes(text.encode("utf-8", "surrogatepass"))
        # Run from the archive's own folder, as an editor runs them: messages name content/… from there.
        with contextlib.chdir(folder):
            checked, said = _run(["check", "--content", str(content)])
            built, told = _run(["build", "--content", str(content), "--out", str(site), "--quiet"])
        if checked:
            problems = refused(said, archive.edited)
            assert built == 1 and told == said, f"check refused, the build said:\n{told}"
            assert not (site / "index.html").exists()
            return Outcome(False, problems, {})
        assert built == 0 and told == "", f"check accepted, the build said:\n{told}"
        files = {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}
    well_formed(files)
    return Outcome(True, [], files)


LOCATED = re.compile(r"^content/[^:\n]+:[1-9][0-9]*: ")
SUMMARY = re.compile(r"^\d+ problems? found; nothing was built\.$")


def refused(said: str, edited: str) -> list[str]:
    lines = said.splitlines()
    assert "Traceback" not in said and "did not expect" not in said, said
    assert lines and SUMMARY.match(lines[-1]), said
    problems = lines[:-1]
    assert problems and all(LOCATED.match(line) for line in problems), said
    assert any(line.startswith(f"content/{edited}:") for line in problems), f"nothing located in {edited}:\n{said}"
    return problems


# ---------------------------------------------------------------- well-formed outputs


def well_formed(files: dict[str, bytes]) -> None:
    for name, data in files.items():
        if name.startswith("assets/") or name.startswith("."):
            continue  # shipped as they are, whatever the content
        text = data.decode("utf-8")  # raises for anything that is not UTF-8
        raw = RAW_NEVER.search(text)
        assert not raw, f"{name} holds U+{ord(raw.group()):04X} raw"
        if name.endswith(".html"):
            page(name, text)
        elif name.endswith(".json"):
            json.loads(text)
        elif name.endswith(".csv"):
            rows = list(csv.reader(io.StringIO(text, newline="")))
            assert rows and all(len(row) == len(rows[0]) for row in rows), name
        elif name.endswith(".js"):
            search_script(name, text)
        elif name.endswith(".xml"):
            ET.fromstring(data)
    feed(files["feed.xml"])
    calendar(files["calendar.ics"])


VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class _Strict(HTMLParser):
    """html.parser, made strict: every element closed in order, every script loaded from a file."""

    def __init__(self, name: str):
        super().__init__(convert_charrefs=True)
        self.name, self.open, self.script = name, [], False

    def handle_starttag(self, tag, attrs):
        names = [a for a, _ in attrs]
        assert len(names) == len(set(names)), f"{self.name}: <{tag}> repeats an attribute"
        assert not any(a.startswith("on") for a in names), f"{self.name}: <{tag}> has an event handler"
        if tag == "script":
            assert dict(attrs).get("src"), f"{self.name}: an inline script"
            self.script = True
        if tag not in VOID:
            self.open.append(tag)

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.open.pop()

    def handle_endtag(self, tag):
        assert self.open and self.open[-1] == tag, (
            f"{self.name}: </{tag}> closes <{self.open[-1] if self.open else ''}>"
        )
        self.open.pop()
        self.script = False

    def handle_data(self, data):
        assert not (self.script and data.strip()), f"{self.name}: a script with text in it"


def page(name: str, text: str) -> None:
    assert text.startswith("<!DOCTYPE html>"), name
    parser = _Strict(name)
    parser.feed(text)
    parser.close()
    assert parser.open == [], f"{name}: left open: {parser.open}"


SCRIPT = re.compile(r"^(?:\(window\.(\w+)=window\.\1\|\|\{\}\)\[|window\.\w+=)")


def search_script(name: str, text: str) -> None:
    """A search file: one assignment of JSON (under a JSON key, for the files a query adds to)."""
    start = SCRIPT.match(text)
    assert start, f"{name} does not start as a search file does"
    decoder, at = json.JSONDecoder(), start.end()
    if start.group(1):
        _, at = decoder.raw_decode(text, at)
        assert text[at : at + 2] == "]=", name
        at += 2
    _, at = decoder.raw_decode(text, at)
    assert text[at:].strip() == ";", f"{name} goes on after its data"


def feed(data: bytes) -> None:
    parsed = feedparser.parse(data)
    assert not parsed.bozo, parsed.get("bozo_exception")
    root = ET.fromstring(data)
    for stamp in root.iter():
        if stamp.tag.rsplit("}", 1)[-1] in ("published", "updated"):
            assert RFC3339.match(stamp.text or ""), f"feed.xml: {stamp.text!r} is not an RFC 3339 time"


def calendar(data: bytes) -> None:
    parsed = icalendar.Calendar.from_ical(data)
    for event in parsed.walk("VEVENT"):
        event.decoded("dtstart")
        assert event.get("uid")
    assert all(len(line) <= 75 for line in data.split(b"\r\n")), "calendar.ics has a line longer than 75 octets"


# ---------------------------------------------------------------- what the published files say


def feed_titles(site: dict[str, bytes]) -> list[str]:
    atom = "{http://www.w3.org/2005/Atom}"
    return [e.findtext(f"{atom}title") for e in ET.fromstring(site["feed.xml"]).iter(f"{atom}entry")]


def action_rows(site: dict[str, bytes]) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(site["data/actions.csv"].decode("utf-8"), newline="")))


def renamed(archive: Archive, old: str, new: str) -> Archive:
    files = {new if name == old else name: text for name, text in archive.files.items()}
    return Archive(files, new)


def everywhere(archive: Archive, old: str, new: str, edited: str) -> Archive:
    """`old` replaced by `new` in every file, as renaming a slug or an id everywhere it is used does."""
    return Archive({name: text.replace(old, new) for name, text in archive.files.items()}, edited)


# Dates: real ones across the years check allows and past them, the edges, and text that is no date.
EDGES = [
    "1799-12-31",
    "1800-01-01",
    "1846-11-30",
    "1847-12-01",
    "1900-02-28",
    "2000-02-29",
    "2019-02-29",
    "2999-12-31",
    "3000-01-01",
    "0000-01-01",
    "9999-12-31",
    "2019-4-30",
    "2019-04-30T10:00",
    "20190430",
]
dates = st.one_of(
    st.dates().map(lambda day: f"{day.year:04d}-{day.month:02d}-{day.day:02d}"), st.sampled_from(EDGES), texts
)
TIMES = ["00:00", "23:59", "24:00", "9:00", "09:60", "10:00:00", "10.00", "10:00am", "-1:00"]
times = st.one_of(st.times().map(lambda t: f"{t.hour:02d}:{t.minute:02d}"), st.sampled_from(TIMES), texts)
# Slugs and ids: well-formed ones of every length, up to past what a file name can hold, and text that is none.
slugs = st.one_of(
    st.from_regex(r"[a-z0-9]{1,8}(-[a-z0-9]{1,8}){0,3}", fullmatch=True),
    st.integers(1, 300).map(lambda n: ("ab-" * n)[:n].strip("-") or "a"),
    texts,
)
ITEM_NUMBERS = ["2.1(a)", "2.1(A)", "2.1a", "2.1A", "2.1.", ".2", "2..1", "ⅱ", "٢", "2.1 ", "1.1"]
item_numbers = st.one_of(
    st.from_regex(r"[A-Za-z0-9]{1,4}(\.[A-Za-z0-9]{1,4}){0,3}", fullmatch=True), st.sampled_from(ITEM_NUMBERS), texts
)
# Addresses: well-formed ones with awkward paths, hosts and ports, the kinds that are not, and text.
ADDRESSES = [
    "https://example.org/",
    "http://example.org",
    "https://example.org:8080/x?q=1#f",
    "https://ex ample.org/",
    "https://",
    "https:///path",
    "ftp://example.org/",
    "javascript:alert(1)",
    "//example.org/",
    "example.org",
    "https://user:pw@example.org/",
    "https://example.org:99999/",
    "https://[::1]/",
    "https://éxample.org/",
    "https://example.org/a b",
    'https://example.org/"><script>',
    "HTTPS://EXAMPLE.ORG/",
    "https://example.org/%zz",
]
addresses = st.one_of(
    st.builds(
        lambda scheme, host, path: f"{scheme}://{host}/{path}",
        st.sampled_from(["https", "http", "HTTP", "ftp", ""]),
        st.sampled_from(["example.org", "localhost", "127.0.0.1", "ex_ample.org", "", "example.org:443"]),
        texts,
    ),
    st.sampled_from(ADDRESSES),
    texts,
)
