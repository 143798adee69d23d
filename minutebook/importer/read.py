"""Read: a minutes file to lines of text, one per paragraph or table row, cells separated by tabs.

That is how the source texts in sources/ already look, so Word and PDF
files are brought to the same shape and everything after this step works on one
format. Only `read_lines` touches the file; the conversions are pure.
"""

from __future__ import annotations

import re
from pathlib import Path

from minutebook.importer import repair

FORMATS = (".txt", ".docx", ".pdf")


class CannotRead(Exception):
    """The file cannot be imported; the message says why and what to do."""


def read_lines(path: Path) -> list[str]:
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in FORMATS:
        hint = " (save it from Word as .docx)" if suffix == ".doc" else ""
        kind = f"'{suffix}' files" if suffix else "files without an extension"
        raise CannotRead(f"{path}: cannot import {kind}{hint}; give a .txt, .docx or .pdf file")
    if not path.is_file():
        raise CannotRead(f"{path}: no such file")
    try:
        if suffix == ".txt":
            return text_lines(decode(path.read_bytes(), path))
        if suffix == ".docx":
            import docx  # python-docx; imported here so .txt imports need nothing more

            return docx_lines(docx.Document(str(path)))
        import pypdf

        reader = pypdf.PdfReader(str(path))
        return pdf_lines([page.extract_text(extraction_mode="layout") for page in reader.pages])
    except CannotRead:
        raise
    except Exception as exc:  # a damaged or mislabelled file: say so rather than crash
        raise CannotRead(f"{path}: cannot be read as a {suffix} file ({type(exc).__name__}: {exc})") from exc


def decode(raw: bytes, path: Path) -> str:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise CannotRead(f"{path}: is not UTF-8 text (byte {exc.start}); save it as UTF-8 and import it again") from exc


def text_lines(text: str) -> list[str]:
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n")
    return [row for line in text.split("\n") for row in repair.html_rows(line)]


# ---------------------------------------------------------------- Word


def docx_lines(document) -> list[str]:
    """Paragraphs and tables in document order; a table row is one line, its cells tab-separated."""
    from docx.table import Table

    lines: list[str] = []
    for part in document.iter_inner_content():
        if isinstance(part, Table):
            lines += table_lines(part)
            lines.append("")
        else:
            lines += part.text.split("\n")  # a line break inside a paragraph
    return lines


def table_lines(table) -> list[str]:
    """Each row: the first paragraph of every cell on one line; a cell's further paragraphs
    follow on lines of their own, in that cell's column."""
    lines = []
    for row in table.rows:
        cells, seen = [], set()
        for cell in row.cells:
            if id(cell._tc) in seen:  # a merged cell is returned once per grid column it spans
                continue
            seen.add(id(cell._tc))
            cells.append([p.text for p in cell.paragraphs] or [""])
        lines.append("\t".join(paragraphs[0] for paragraphs in cells))
        for column, paragraphs in enumerate(cells):
            lines += ["\t" * column + text for text in paragraphs[1:] if text.strip()]
    return lines


# ---------------------------------------------------------------- PDF

COLUMN_GAP = re.compile(r" {3,}")  # pypdf's layout mode sets columns apart by runs of spaces
FULL = 0.95  # a line this close to the right margin, counting the next line's first word, was wrapped


def pdf_lines(pages: list[str]) -> list[str]:
    """Text from pypdf's layout mode to tab-separated lines, wrapped lines rejoined.

    A line of plain text continues the line above it, in the same column and without a
    gap, when the first word of it would not have fitted at the end of the line above:
    the page wrapped it. Otherwise the line above ended its paragraph."""
    raw = [line.rstrip() for page in pages for line in page.replace("\r", "").split("\n")]
    known = repair.vocabulary(raw)
    margin = right_margin(raw)
    lines: list[str] = []
    previous = ""  # the previous line as laid out, for its length and column
    for line in raw:
        if not line.strip():
            lines.append("")
            previous = ""
            continue
        cells = tabbed(line)
        if previous and wrapped(previous, line, margin) and "\t" not in cells.lstrip("\t"):
            joined, certain = repair.join_wrapped(lines[-1], cells.lstrip("\t"), known)
            lines[-1] = (
                joined
                if certain
                else f"{joined} {repair.marker('a hyphen at a line end was kept; is it part of the word?')}"
            )
        else:
            lines.append(cells)
        previous = line
    return lines


def right_margin(raw: list[str]) -> int:
    """Where the page's text lines end: most lines of running text are full ones."""
    lengths = sorted(len(line) for line in raw if len(line.split()) > 3)
    return lengths[int(0.9 * (len(lengths) - 1))] if lengths else 0


def tabbed(line: str) -> str:
    indent = len(line) - len(line.lstrip(" "))
    return ("\t" if indent >= 3 else "") + COLUMN_GAP.sub("\t", line.strip())


def column_start(line: str) -> int:
    """Where the line's last cell starts."""
    gaps = [m.end() for m in COLUMN_GAP.finditer(line.rstrip())]
    return gaps[-1] if gaps else len(line) - len(line.lstrip(" "))


def wrapped(previous: str, line: str, margin: int) -> bool:
    first_word = line.split()[0]
    same_column = abs(column_start(line) - column_start(previous)) <= 1
    return same_column and len(previous) + 1 + len(first_word) >= FULL * margin
