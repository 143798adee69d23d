"""Read a built page's structure without a browser: headings, landmarks, links and head tags."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

LANDMARKS = ("header", "nav", "main", "footer")
FOCUSABLE = ("a", "input", "select", "button", "textarea")


class PageOutline(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.lang = ""
        self.title = ""
        self.meta: dict[str, str] = {}
        self.links: list[dict] = []  # <link> elements
        self.headings: list[tuple[int, str]] = []
        self.landmarks: list[tuple[str, dict, int]] = []  # tag, attributes, depth in landmarks
        self.focusable: list[dict] = []
        self.urls: list[str] = []  # every href, src and form action
        self.ids: set[str] = set()
        self._open: list[str] = []
        self._text: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        a = {k: v or "" for k, v in attrs}
        if a.get("id"):
            self.ids.add(a["id"])
        self.urls += [a[k] for k in ("href", "src", "action") if k in a]
        if tag == "html":
            self.lang = a.get("lang", "")
        elif tag == "meta":
            self.meta[a.get("name") or a.get("property", "")] = a.get("content", "")
        elif tag == "link":
            self.links.append(a)
        elif tag in LANDMARKS:
            self.landmarks.append((tag, a, sum(t in LANDMARKS for t in self._open)))
        if tag in FOCUSABLE and (tag != "a" or "href" in a):
            self.focusable.append({"tag": tag, **a})
        if tag in ("title", "h1", "h2", "h3", "h4", "h5", "h6"):
            self._text = []
        if tag not in ("meta", "link", "input", "br", "img", "hr"):
            self._open.append(tag)

    def handle_endtag(self, tag):
        if self._text is not None and tag in ("title", "h1", "h2", "h3", "h4", "h5", "h6"):
            text = " ".join("".join(self._text).split())
            if tag == "title":
                self.title = text
            else:
                self.headings.append((int(tag[1]), text))
            self._text = None
        while self._open and self._open.pop() != tag:
            pass

    def handle_data(self, data):
        if self._text is not None:
            self._text.append(data)


def outline(path: Path) -> PageOutline:
    parser = PageOutline()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def every_page(site: Path) -> dict[str, PageOutline]:
    return {p.relative_to(site).as_posix(): outline(p) for p in sorted(site.rglob("*.html"))}
