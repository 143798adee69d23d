"""Read the action tables and history lists of a built page as a reader sees them: words and links."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path


@dataclass
class Cell:
    text: str = ""
    links: list[tuple[str, str]] = field(default_factory=list)  # (href, words)


@dataclass
class Table:
    caption: str = ""
    headers: list[str] = field(default_factory=list)
    rows: list[list[Cell]] = field(default_factory=list)

    def column(self, header: str) -> list[Cell]:
        index = self.headers.index(header)
        return [row[index] for row in self.rows]


class _Reader(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tables: list[Table] = []
        self.lists: dict[str, list[Cell]] = {}  # ordered lists by class
        self.paragraphs: list[str] = []
        self._cell: Cell | None = None
        self._link: list | None = None
        self._in: str = ""  # "caption", "th", "td", "li", "p"
        self._list = ""
        self._row_header = False  # a <th scope="row">: the first cell of its row, not a column's header

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "table":
            self.tables.append(Table())
        elif tag == "tr" and self.tables:
            self.tables[-1].rows.append([])
        elif tag in ("caption", "th", "td") and self.tables:
            self._in, self._cell = tag, Cell()
            self._row_header = tag == "th" and a.get("scope") == "row"
        elif tag == "ol":
            self._list = a.get("class") or ""
            self.lists.setdefault(self._list, [])
        elif tag == "li" and self._list:
            self._in, self._cell = "li", Cell()
        elif tag == "p" and self._in not in ("li",):
            self._in, self._cell = "p", Cell()
        elif tag == "a" and self._cell is not None:
            self._link = [a.get("href", ""), ""]

    def handle_endtag(self, tag):
        if tag == "a" and self._link is not None and self._cell is not None:
            self._cell.links.append((self._link[0], " ".join(self._link[1].split())))
            self._link = None
        elif tag == self._in and self._cell is not None:
            self._cell.text = " ".join(self._cell.text.split())
            if tag == "caption":
                self.tables[-1].caption = self._cell.text
            elif tag == "th" and not self._row_header:
                self.tables[-1].headers.append(self._cell.text)
            elif tag in ("th", "td"):
                self.tables[-1].rows[-1].append(self._cell)
            elif tag == "li":
                self.lists[self._list].append(self._cell)
            elif tag == "p":
                self.paragraphs.append(self._cell.text)
            self._in, self._cell = "", None
        elif tag == "ol":
            self._list = ""

    def handle_data(self, data):
        if self._cell is not None:
            self._cell.text += data
        if self._link is not None:
            self._link[1] += data


@dataclass
class PageText:
    tables: list[Table]
    lists: dict[str, list[Cell]]
    paragraphs: list[str]
    html: str

    def table(self, caption: str) -> Table:
        (found,) = [t for t in self.tables if t.caption == caption]
        return found


def read(path: Path) -> PageText:
    reader = _Reader()
    html = path.read_text(encoding="utf-8")
    reader.feed(html)
    for table in reader.tables:  # the header row was counted as a row of no cells
        table.rows = [row for row in table.rows if row]
    return PageText(reader.tables, reader.lists, reader.paragraphs, html)
