"""Unfinished: the places `new` and `import` marked for the editor and nobody has settled yet.

`python build.py new` writes `TO DO:` where the editor has something to fill
in, and `python build.py import` writes `CHECK:` where it was unsure of the
old minutes. Both are valid content, so an editor can preview a draft; but
a marker left in a published page is a visible mistake in a public record.
`check`, `build` and `serve` list every one left, as `path:line: ...`, so the
editor can find them, without refusing to build.
"""
from __future__ import annotations

import re
from collections.abc import Iterable

from .model import ContentError

# "TO DO:" and "CHECK:" as new and import write them: in a value, in a YAML comment, or as
# a bracketed note in the text. The colon keeps the explanatory header comments out.
MARKER = re.compile(r"\bTO DO:|\[CHECK:|#\s*CHECK:")


def markers(sources: Iterable) -> list[ContentError]:
    """Every marked line of the content files, in file and line order."""
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
        seen = set()
        for match in MARKER.finditer(text):
            number = text.count("\n", 0, match.start()) + 1
            if number in seen:
                continue
            seen.add(number)
            line_end = text.find("\n", match.start())
            note = text[match.start(): None if line_end == -1 else line_end].strip().lstrip("#[").strip().rstrip('"]')
            found.append(ContentError(source.path, number, "", f"still marked for the editor: {shorten(note)}"))
    return sorted(found, key=lambda e: (e.path, e.line))


def shorten(text: str, limit: int = 80) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def summary(found: list[ContentError]) -> str:
    count = len(found)
    places = f"{count} place{'s' if count != 1 else ''}"
    return f"{places} still marked TO DO or CHECK; settle {'them' if count != 1 else 'it'} and delete the marker before the minutes are published."
