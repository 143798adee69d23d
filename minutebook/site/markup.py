"""Markup: minutes Markdown to safe HTML and plain text, each item parsed once.

The dialect is content/markdown.py's: raw HTML in the minutes is never passed
through (tags show as text), links may only be web or mail addresses, and
images are not part of minutes. The first use of each abbreviation on a page
links to its glossary entry (see Abbreviations).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.renderer import RendererProtocol
from markdown_it.token import Token
from markdown_it.utils import EnvType, OptionsDict

from minutebook.content.markdown import parser, plain_text
from minutebook.model import GlossaryEntry, Meeting


@dataclass(frozen=True)
class ItemText:
    """One agenda item's text, rendered for the page and flattened for search."""

    html: str
    text: str


def make_parser(top_heading: int = 3) -> MarkdownIt:
    """`top_heading` is the level the text's own headings start at: 3 inside an agenda item,
    whose heading is an <h2>; 2 on a page of its own under the page's <h1> (the About page)."""
    md = parser()
    # Item headings are <h2> on the page; anything inside an item sits below them.
    md.add_render_rule("heading_open", lambda self, tokens, idx, options, env: f"<{_level(tokens[idx], top_heading)}>")
    md.add_render_rule(
        "heading_close", lambda self, tokens, idx, options, env: f"</{_level(tokens[idx], top_heading)}>\n"
    )
    md.add_render_rule("table_open", _table_open)
    md.add_render_rule("table_close", lambda self, tokens, idx, options, env: "</table>\n</div>\n")
    md.add_render_rule("th_open", lambda self, tokens, idx, options, env: f'<th scope="col"{_align(tokens[idx])}>')
    md.add_render_rule("td_open", lambda self, tokens, idx, options, env: f"<td{_align(tokens[idx])}>")
    return md


def _table_open(self: RendererProtocol, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType) -> str:
    """A table scrolls within a labelled region of its own, which a keyboard can reach, so a wide one
    never makes the whole page scroll sideways on a phone (WCAG 2.2, 1.4.10 and 2.1.1). `env["where"]`
    and `env["count"]` name the text it is in and count the page's tables, so each region's name is its own."""
    env["count"] = env.get("count", 0) + 1
    label = escape(f"Table {env['count']}{env.get('where', '')}")
    return (
        f'<div class="table-scroll" role="region" aria-label="{label}" tabindex="0">\n<table class="minutes-table">\n'
    )


def _align(token: Token) -> str:
    """A column's alignment as a class: the pages' Content-Security-Policy allows no style attribute."""
    style = str(token.attrGet("style") or "")
    side = style.removeprefix("text-align:") if style.startswith("text-align:") else ""
    return f' class="align-{side}"' if side in ("left", "center", "right") else ""


def _level(token: Token, top: int) -> str:
    return f"h{max(top, int(token.tag[1]))}"


class Abbreviations:
    """Finds glossary abbreviations, and their plurals, in text; remembers which a page has shown.

    The first use of each on a page links to its glossary entry: a link is reached by Tab and by
    touch, where a title shows only to a mouse, and its accessible name says the expansion. The
    minutes' words are left exactly as written, on screen and when copied: "armed response vehicles
    (ARVs)" would read twice over with an expansion put after it, and the record would seem to say
    what it does not. Later uses are plain text, as written."""

    def __init__(self, glossary: tuple[GlossaryEntry, ...], glossary_page: str):
        """`glossary_page` is the glossary's address relative to the pages the text is shown on."""
        self.entries = {form: entry for entry in glossary for form in entry.forms}
        self.glossary_page = glossary_page
        terms = sorted(self.entries, key=len, reverse=True)
        self.pattern = re.compile(r"(?<![\w&])(" + "|".join(map(re.escape, terms)) + r")(?![\w])") if terms else None

    def mark(self, text: str, seen: set[str], link: bool = True) -> str:
        """Escape `text`, linking each abbreviation's first use on the page to its entry.

        Where a link may not stand (`link` false: in a heading), the first use is only an <abbr>
        and the next use outside one gets the link."""
        if self.pattern is None:
            return escape(text, quote=False)
        out, last = [], 0
        for match in self.pattern.finditer(text):
            form = match.group(1)
            entry = self.entries[form]
            if entry.abbreviation in seen:
                continue
            out.append(escape(text[last : match.start()], quote=False))
            explained = f'<abbr title="{escape(entry.expansion)}">{escape(form)}</abbr>'
            if link:
                seen.add(entry.abbreviation)
                href = f"{self.glossary_page}#{entry.anchor}"
                label = escape(f"{form} ({entry.expansion})")
                explained = f'<a class="abbreviation" href="{escape(href)}" aria-label="{label}">{explained}</a>'
            out.append(explained)
            last = match.end()
        out.append(escape(text[last:], quote=False))
        return "".join(out)


def render_items(md: MarkdownIt, meeting: Meeting, abbreviations: Abbreviations) -> tuple[ItemText, ...]:
    """Every item of a meeting, in order, sharing one 'first use' memory for the page."""
    return render_minutes(md, meeting, abbreviations)[1]


def render_minutes(
    md: MarkdownIt, meeting: Meeting, abbreviations: Abbreviations
) -> tuple[ItemText, tuple[ItemText, ...]]:
    """The preamble and every item of a meeting, in the page's order, sharing one 'first use' memory
    and one count of tables for the page."""
    seen: set[str] = set()
    env: dict[str, Any] = {"where": ", before the first item"}

    def render(markdown: str) -> ItemText:
        tokens = md.parse(markdown)
        text = plain_text(tokens)
        _abbreviate_tokens(tokens, abbreviations, seen)
        return ItemText(md.renderer.render(tokens, md.options, env), text)

    preamble = render(meeting.preamble)
    rendered: list[ItemText] = []
    for item in meeting.agenda:
        env["where"] = f", item {item.heading}"
        rendered.append(render(item.markdown))
    return preamble, tuple(rendered)


def render_document(md: MarkdownIt, markdown: str, abbreviations: Abbreviations) -> str:
    """A page of prose (the About page) as safe HTML, abbreviations marked at their first use."""
    tokens = md.parse(markdown)
    _abbreviate_tokens(tokens, abbreviations, set())
    return md.renderer.render(tokens, md.options, {})


def _abbreviate_tokens(tokens: list[Token], abbreviations: Abbreviations, seen: set[str]) -> None:
    for before, token in zip([None, *tokens], tokens, strict=False):  # each token with the one before it
        if token.type == "inline" and token.children:
            in_heading = before is not None and before.type == "heading_open"
            token.children = _abbreviate(token.children, abbreviations, seen, link=not in_heading)


def _abbreviate(children: list[Token], abbreviations: Abbreviations, seen: set[str], link: bool) -> list[Token]:
    out, in_link = [], 0
    for child in children:
        in_link += child.type == "link_open"
        in_link -= child.type == "link_close"
        if child.type == "text" and not in_link:  # an abbreviation inside a link stays as it is: links do not nest
            marked = abbreviations.mark(child.content, seen, link)
            if marked != escape(child.content, quote=False):
                token = Token("html_inline", "", 0)
                token.content = marked  # already escaped by Abbreviations.mark
                out.append(token)
                continue
        out.append(child)
    return out


def inline(md: MarkdownIt, text: str) -> str:
    """A front-matter value that may carry emphasis: rendered inline, never as raw HTML."""
    return md.renderInline(text)
