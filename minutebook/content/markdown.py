"""The minutes' Markdown: the dialect meeting files are written in, and the words a reader sees in it.

CommonMark with raw HTML off (tags show as text), no images, links only to
web or mail addresses, and GitHub's pipe tables (a parish's payments, a
budget), which the pages show as real tables. site/markup.py renders it as
HTML for the pages; the comparison of corrections (corrections.py) reads its
words from it, as a reader would.
"""

from __future__ import annotations

import re

from markdown_it import MarkdownIt
from markdown_it.token import Token

SAFE_LINK = re.compile(r"^(https?:|mailto:|#|[^:]*$)", re.IGNORECASE)


def parser() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
    md.disable(["image", "html_block", "html_inline"])
    md.enable("table")
    # markdown-it-py's documented way to vet links is to replace this method on the instance.
    md.validateLink = lambda url: bool(SAFE_LINK.match(url.strip()))  # type: ignore[method-assign]
    return md


def plain_text(tokens: list[Token]) -> str:
    """The words a reader sees in parsed Markdown: its text and code, without marks, one line per block."""
    parts: list[str] = []
    for token in tokens:
        if token.type == "inline":
            for child in token.children or ():
                if child.type in ("text", "code_inline"):
                    parts.append(child.content)
                elif child.type in ("softbreak", "hardbreak"):
                    parts.append(" ")
            parts.append("\n")
        elif token.type in ("code_block", "fence"):
            parts.append(token.content)
    return re.sub(r"[ \t]+", " ", "".join(parts)).strip()
