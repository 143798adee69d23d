"""Item titles printed in capitals: written as the archive writes them, or left for the editor."""

from __future__ import annotations

from minutebook.importer.found import Reference
from minutebook.importer.header import normal


def is_capitals(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def spelled(title: str, reference: Reference) -> tuple[str, tuple[str, ...], str]:
    """A title printed in capitals is written as the archive writes it, when it has it;
    otherwise it stays in capitals for the editor. Acronyms such as AOB are left alone."""
    title = title.rstrip(":").strip()
    if not is_capitals(title) or (len(title.split()) == 1 and len(title) <= 6):
        return title, (), ""
    for known in reference.titles:
        if normal(known) == normal(title) and not is_capitals(known):
            return known, (), f'printed in capitals as "{title}"; spelled as in earlier meetings'
    return title, ("printed in capitals; write it as the archive does, in sentence case",), ""
