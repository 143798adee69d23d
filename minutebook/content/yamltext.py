"""A strict YAML reader that remembers line numbers.

PyYAML's own loaders forget where a value came from, keep the last of two
duplicate keys, expand aliases (a "billion laughs" document exhausts memory)
and guess types (`10:30` becomes the integer 630). Editors need none of that:
every scalar here stays a string (None where no value is written), aliases and
duplicate keys are refused, and every mapping and list knows the line of each
of its entries.

PyYAML parses with its C library (libyaml) where it was built with it, and in
Python otherwise; the two disagree in places (see `parse`), and a file must mean
the same on every computer, so those places are settled here, one way for both.
"""

from __future__ import annotations

import re

import yaml

from minutebook.characters import BEYOND_THE_PLANE, code, first_of, kind

# The parsers PyYAML may have, fastest first; only their events are used.
PARSERS: dict[str, type[yaml.SafeLoader] | type[yaml.CSafeLoader]] = {"python": yaml.SafeLoader}
if getattr(yaml, "__with_libyaml__", False):  # pragma: no branch - depends on how PyYAML was built
    PARSERS = {"libyaml": yaml.CSafeLoader, **PARSERS}
PREFERRED = next(iter(PARSERS))

NULLS = ("", "~", "null", "Null", "NULL")  # YAML's ways of writing "no value", unquoted
MAX_DEPTH = 50  # lists and mappings within each other; a content file needs four
# What libyaml reads and Python's parser refuses: a tab, and a comment straight after a block scalar's `|` or `>`.
_LENIENT_IN_LIBYAML = re.compile(r"\t|[|>][-+0-9]*#")
# The characters a YAML file may not hold as they are: the control characters YAML itself refuses, and those it
# takes for a line break (U+0085, U+2028, U+2029), which would put every line number after them out of step
# with the editor's. Tab and carriage return are left to the parser.
# (Searched as characters.first_of does, for speed: the noncharacters beyond the plane are found by it.)
_REFUSED = re.compile(
    f"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff{BEYOND_THE_PLANE}]"
)

# A byte-order mark is skipped at the start of the text; libyaml skips one at the start of a line too, Python's
# parser keeps it in the value. Invisible, and never meant, so refused there.
_BYTE_ORDER_MARK = re.compile("\ufeff")


class YamlProblem(Exception):
    def __init__(self, line: int, message: str):
        self.line = line
        self.message = message
        super().__init__(f"line {line}: {message}")


class YMap(dict):
    """A mapping whose `.line` is where it starts and `.lines[key]` where each key is."""

    line: int
    lines: dict


class YList(list):
    line: int
    lines: list


Value = YMap | YList | str | None  # what a YAML document, or any value in it, is read as


# A field as content files write one: a lower-case name, a colon, then its value if any ("title: …").
_FIELD = re.compile(r"^\s*(?:- )?[a-z_]+:(?:\s+(?P<value>.*))?$")
# A field whose quoted value holds its own quote before its end ("title: 'Bob's meeting'").
_QUOTE_CLOSED_EARLY = re.compile(r"^\s*(?:- )?[a-z_]+:\s+(['\"])[^'\"]*\1\S")
QUOTE_IT = '; a value holding a colon and a space must be in quotes, such as title: "Meeting: January"'


def _hint(problem: str, line: str) -> str:
    """What to do about the commonest YAML mistakes, after PyYAML's own words for them."""
    if "mapping values are not allowed" in problem:
        field = _FIELD.match(line)
        if field is None:  # a line of a value that goes on from the line above ("  Room 2: upstairs")
            return (
                "; this line of a value that goes on from the line above holds a colon and a space: "
                "put the whole value in quotes"
            )
        value = field["value"] or ""
        if ": " in value or value.endswith(":"):
            return QUOTE_IT
        return "; this line is indented differently from the field above it: indent it as the fields around it"
    if "expected <block end>" in problem and (quoted := _QUOTE_CLOSED_EARLY.match(line)):
        if quoted[1] == "'":
            return (
                "; a value in single quotes ends at the next ', so write an apostrophe in it twice ('Bob''s') "
                "or put the value in double quotes"
            )
        return (
            '; a value in double quotes ends at the next ", so write a double quote in it as \\" '
            "or put the value in single quotes"
        )
    return ""


def _line(mark, offset: int) -> int:
    return mark.line + 1 + offset


def parse(text: str, line_offset: int = 0, parser: str | None = None) -> Value:
    """Parse one YAML document into YMap / YList / str / None, strictly, and the same with every parser.

    `parser` names one of PARSERS (the tests force each); by default the fastest. Where libyaml and
    PyYAML's Python parser differ, this settles it one way for both:
    - unquoted, untagged `~`, `null`, `Null`, `NULL` and nothing at all are "no value" (None): libyaml
      marks plain values with "" where Python's parser gives None, and read naively they stayed text;
    - libyaml takes a tab outside quotes and block text into the value, and reads a comment straight
      after a block's `|` or `>`; Python's parser refuses both. A text holding either is read by Python's;
    - what libyaml refuses is read again by Python's parser, whose words and line are given (and which
      reads a `%YAML 1.3` line or an escape naming half a character, refused here or by the loader);
    - control characters, U+0085, U+2028 and U+2029 (line breaks to YAML, not to an editor) and a
      byte-order mark past the start (libyaml skips one at a line's start) are refused by their line
      before either parser sees the text; lists and mappings nested deeper than MAX_DEPTH are refused
      as they are read, before libyaml's limit or Python's stack is reached;
    - a `%YAML` version other than 1.1 or 1.2 is refused;
    - the line of a syntax error is never past the text's last line (libyaml's can be).
    """
    try:
        return _parse(text, line_offset, "python" if _LENIENT_IN_LIBYAML.search(text) else parser or PREFERRED)
    except YamlProblem:
        if (parser or PREFERRED) == "python":
            raise
        # Where libyaml refuses, Python's parser says why (its words, its line) or, where it reads the text after
        # all (a %YAML 1.3 line, an escape naming half a character), the checks here answer: one answer for both.
        return _parse(text, line_offset, "python")


def _parse(text: str, line_offset: int, name: str) -> Value:
    refused = first_of(_REFUSED, text) or _BYTE_ORDER_MARK.search(text, 1)
    if refused:
        line = line_offset + 1 + text.count("\n", 0, refused.start())
        raise YamlProblem(
            line, f"holds {kind(refused.group())} ({code(refused.group())}), which cannot be published; delete it"
        )
    loader = PARSERS[name](text)
    last_line = line_offset + 1 + text.count("\n")
    try:
        loader.get_event()  # StreamStart
        if loader.check_event(yaml.StreamEndEvent):
            return None
        start = loader.get_event()
        assert isinstance(start, yaml.DocumentStartEvent), "a stream that has not ended goes on with a document"
        if start.version and start.version not in ((1, 1), (1, 2)):
            raise YamlProblem(
                _line(start.start_mark, line_offset),
                f"%YAML {start.version[0]}.{start.version[1]} is not a YAML version this reads; "
                "expected 1.1 or 1.2, or no %YAML line",
            )
        value = _build(loader, line_offset, 0)
        loader.get_event()  # DocumentEnd
        if not loader.check_event(yaml.StreamEndEvent):
            event = loader.peek_event()
            assert event is not None, "a stream that has not ended has an event to come"
            raise YamlProblem(_line(event.start_mark, line_offset), "more than one YAML document; expected one")
        return value
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = min(_line(mark, line_offset), last_line) if mark else line_offset + 1
        problem = exc.problem or exc.context or ""
        at = text.split("\n")[line - line_offset - 1]
        if "cannot start any token" in problem and "\t" in at:
            problem = "a tab where YAML expects spaces or a value; use spaces, or put the value in quotes"
        raise YamlProblem(line, f"YAML syntax error: {problem}{_hint(problem, at)}") from None
    except yaml.YAMLError as exc:
        raise YamlProblem(line_offset + 1, f"YAML error: {exc}") from None
    finally:
        loader.dispose()


def _build(loader, offset: int, depth: int) -> Value:
    event = loader.get_event()
    line = _line(event.start_mark, offset)
    if depth > MAX_DEPTH:
        # Before the parser reads deeper (libyaml stops at 1,000; Python's reader would exhaust the stack).
        raise YamlProblem(
            line, f"lists and mappings are nested more than {MAX_DEPTH} deep; a content file needs no more than four"
        )
    if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
        # Refused outright, before any expansion, so alias bombs cost nothing.
        raise YamlProblem(line, "YAML anchors and aliases (& and *) are not allowed; write the value out in full")
    if isinstance(event, yaml.ScalarEvent):
        if event.tag not in (None, "!", "tag:yaml.org,2002:str") and not event.tag.startswith("tag:yaml.org,2002:"):
            raise YamlProblem(line, f"YAML tag {event.tag} is not allowed")
        if (
            not event.style and event.tag is None and event.value in NULLS
        ):  # plain: None from Python's parser, "" from libyaml
            return None
        return event.value
    if isinstance(event, yaml.SequenceStartEvent):
        items = YList()
        items.line, items.lines = line, []
        while not loader.check_event(yaml.SequenceEndEvent):
            items.lines.append(_line(loader.peek_event().start_mark, offset))
            items.append(_build(loader, offset, depth + 1))
        loader.get_event()
        return items
    if isinstance(event, yaml.MappingStartEvent):
        mapping = YMap()
        mapping.line, mapping.lines = line, {}
        while not loader.check_event(yaml.MappingEndEvent):
            key_line = _line(loader.peek_event().start_mark, offset)
            key = _build(loader, offset, depth + 1)
            if not isinstance(key, str):
                raise YamlProblem(key_line, "a key must be a plain word, not a list or mapping")
            if key in mapping:
                raise YamlProblem(
                    key_line, f"duplicate key '{key}' (first given on line {mapping.lines[key]}); give each key once"
                )
            mapping.lines[key] = key_line
            mapping[key] = _build(loader, offset, depth + 1)
        loader.get_event()
        return mapping
    raise YamlProblem(line, f"unexpected YAML content ({type(event).__name__})")
