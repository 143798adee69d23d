"""Unfinished: the places `new` and `import` marked for the editor and nobody has settled yet.

`python build.py new` writes `TO DO:` where the editor has something to fill
in, and `python build.py import` writes `CHECK:` where it was unsure of the
old minutes. Both load as valid content, so an editor can preview a draft; but
a marker left in a published page is a visible mistake in a public record. So
`check` and `build` refuse content that still holds one, listing every marker
as `path:line: field: message`; `serve`, and `build --allow-unfinished`, build
it anyway and list the same places as a warning.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from minutebook.content import yamltext
from minutebook.content.load import split_body
from minutebook.model import ContentError, InvalidContent

# "TO DO:" and "CHECK:" as new and import write them: in a value, in a YAML comment, or as
# a bracketed note in the text. The colon keeps the explanatory header comments out.
MARKER = re.compile(r"\bTO DO:|\[CHECK:|#\s*CHECK:")
# A line that is only a YAML comment names no field.
COMMENT_ONLY = re.compile(r"^\s*#")


class Unfinished(InvalidContent):
    """Content refused for publication because markers remain; `errors` also holds any other problems."""

    def __init__(self, errors: list[ContentError], markers: list[ContentError]):
        super().__init__([*errors, *markers])
        self.markers = sorted(set(markers))


def markers(sources: Iterable) -> list[ContentError]:
    """Every marked line of the content files, in file and line order, each with the field it sits in."""
    found = []
    for source in sources:
        # Most files are finished: the plain search of their bytes is many times faster than the
        # pattern's, and spares decoding them.
        if b"TO DO:" not in source.data and b"CHECK:" not in source.data:
            continue
        try:
            text = source.text
        except UnicodeDecodeError:
            continue  # the loader says why it cannot be read
        field_of = field_names(source.path, text)
        seen = set()
        for match in MARKER.finditer(text):
            number = text.count("\n", 0, match.start()) + 1
            if number in seen:
                continue
            seen.add(number)
            line_start = text.rfind("\n", 0, match.start()) + 1
            line_end = text.find("\n", match.start())
            line = text[line_start : None if line_end == -1 else line_end]
            note = line[match.start() - line_start :].strip().lstrip("#[").strip().rstrip('"]')
            found.append(ContentError(source.path, number, field_of(number, line), message(note)))
    return sorted(found, key=lambda e: (e.path, e.line))


def message(note: str) -> str:
    return f'still marked for the editor: "{shorten(note)}"; settle it, then delete the marker'


def field_names(path: str, text: str) -> Callable[[int, str], str]:
    """What to call the place on a line, as load.py names fields in its own errors: the front-matter
    field whose value or comment it is (`agenda[2].title`), the agenda item whose minutes it is in
    (`agenda item 2`, or `heading of agenda item 2` on its `## ` line), or nothing for a file or a line that names
    neither."""
    lines = text.split("\n")
    if path.endswith((".yml", ".yaml")):
        yaml_text, offset, body = text, 0, None
    elif path.endswith(".md") and lines and lines[0].strip() == "---":
        end = next((i for i in range(1, len(lines)) if lines[i].rstrip() in ("---", "...")), None)
        if end is None:
            return lambda number, line: ""
        yaml_text, offset = "\n".join(lines[1:end]), 1
        body = split_body("\n".join(lines[end + 1 :]), end + 2)
    else:
        return lambda number, line: ""
    try:
        named = _named_lines(yamltext.parse(yaml_text, line_offset=offset), "")
    except yamltext.YamlProblem:
        named = []  # the loader reports it; the marker is still listed by its line
    front_end = offset + yaml_text.count("\n") + 1

    def field_of(number: int, line: str) -> str:
        if number <= front_end:
            if COMMENT_ONLY.match(line):
                return "front matter" if body is not None else ""
            # In document order, so the last name at or before the line is the deepest on it.
            return next((name for at, name in reversed(named) if at <= number), "")
        return _body_place(body, number)

    return field_of


def _named_lines(value, prefix: str) -> list[tuple[int, str]]:
    """(line, field name) for every key and list entry, in document order: `agenda[2].title`."""
    named = []
    if isinstance(value, yamltext.YMap):
        for key, item in value.items():
            name = f"{prefix}.{key}" if prefix else key
            named.append((value.lines[key], name))
            named += _named_lines(item, name)
    elif isinstance(value, yamltext.YList):
        for index, (item, line) in enumerate(zip(value, value.lines, strict=True)):
            name = f"{prefix}[{index + 1}]"
            named.append((line, name))
            named += _named_lines(item, name)
    return named


def _body_place(sections, number: int) -> str:
    heading, line = "", 0
    for section_heading, section_line, _ in sections or ():
        if section_line > number:
            break
        heading, line = section_heading, section_line
    if not heading:
        return "body"
    item = f"agenda item {heading.split()[0]}"
    return f"heading of {item}" if line == number else item


def shorten(text: str, limit: int = 80) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def places(count: int) -> str:
    return f"{count} place{'s' if count != 1 else ''} still marked TO DO or CHECK"


def refusal(found: list[ContentError]) -> str:
    """Why `check` and `build` refused, and what the editor can do meanwhile."""
    return (
        f"{places(len(found))}; nothing was built. Minutes are never published with a marker in them: "
        "settle each place and delete its marker. Meanwhile 'python build.py serve' previews the draft."
    )


def not_for_publication(found: list[ContentError]) -> str:
    """The warning of a build that was told to go ahead anyway (`--allow-unfinished`)."""
    return (
        f"NOT FOR PUBLICATION: built with {places(len(found))} (--allow-unfinished). "
        "Look at it on this computer only; do not publish, upload or share this site."
    )


def summary(found: list[ContentError]) -> str:
    """The preview's warning: the draft is shown, but cannot be published yet."""
    return (
        f"{places(len(found))}; settle each and delete its marker: until then 'python build.py' and "
        "'python build.py check' refuse the minutes."
    )
