"""Repair: the layout debris that can be mended with certainty, and nothing else.

Minutes extracted from PDFs carry the marks of their layout: HTML tags from the
system that printed them, table cells run together, sentences cut by page breaks,
words cut by a narrow left-hand column. A repair here is made only where a single
reading is possible; anything else is left as printed for `parse` to mark CHECK.
Every function is pure, and those that repair also count what they did, so the
editor can be told.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, replace

CHECK = "CHECK"  # the one word an editor searches the draft for

PARAGRAPH, BULLET, NUMBERED, HEADING = "paragraph", "bullet", "numbered", "heading"

# Repairs, as they are counted and reported.
TAGS = "stray HTML tags removed"
ENTITIES = "HTML character codes written as the character"
ORDINALS = "ordinals rejoined (12 th -> 12th)"
FRAGMENTS = "words cut by the left-hand column rejoined"
SENTENCES = "sentences cut by a page or column break rejoined"
HEADERS = "table column headers left out"


def marker(reason: str) -> str:
    """The visible mark of an uncertain place, in the body text."""
    return f"[{CHECK}: {reason}]"


MARKER = re.compile(r"\s*\[CHECK: [^\]]*\]")


def without_markers(text: str) -> str:
    return MARKER.sub("", text)


@dataclass(frozen=True)
class Block:
    """One paragraph, list entry or sub-heading of the minutes text."""

    kind: str
    text: str
    marker: str = ""  # a list entry's marker as printed: "1.", "2)", "•" or "-"
    checks: tuple[str, ...] = ()
    owner_cell: str = ""  # what the ACTION column held beside this text
    repairs: Counter = field(default_factory=Counter, compare=False)


# ---------------------------------------------------------------- table rows


@dataclass(frozen=True)
class Row:
    """A line of the minutes table: the number column, the text, and the ACTION column."""

    number: str
    text: str
    action: str = ""


def split_row(line: str) -> Row:
    """Cells are separated by tabs; a line without one is full-width text."""
    if "\t" not in line:
        return Row("", line.strip())
    cells = [cell.strip() for cell in line.split("\t")]
    if len(cells) == 2:
        return Row(cells[0], cells[1])
    return Row(cells[0], " ".join(c for c in cells[1:-1] if c), cells[-1])


TABLE_ROW = re.compile(r"<\s*/?\s*tr\b[^>]*>", re.I)
CELL_BREAK = re.compile(r"<\s*/\s*t[dh]\s*>\s*<\s*t[dh]\b[^>]*>", re.I)
CELL_EDGE = re.compile(r"<\s*/?\s*t[dh]\b[^>]*>", re.I)


def html_rows(line: str) -> list[str]:
    """An HTML table row printed as text: `</td><td>` is a cell break, `<tr>` a new line."""
    if not TABLE_ROW.search(line) and not CELL_BREAK.search(line):
        return [line]
    rows = TABLE_ROW.split(CELL_BREAK.sub("\t", line))
    return [CELL_EDGE.sub("", row) for row in rows if row.strip()]


# ---------------------------------------------------------------- tags into blocks

BLOCK_TAG = re.compile(r"<\s*(/?)\s*(p|li|br|ul|ol|div|h[1-6]|table|tbody|thead|tr)\b[^>]*?/?\s*>", re.I)
INLINE_TAG = re.compile(r"<\s*/?\s*(u|b|i|em|strong|span|font|sup|sub|a|td|th|small|big|s|strike)\b[^>]*?/?\s*>", re.I)
UNDERLINED = re.compile(r"^((?:\d+[.)])\s*)?<u>(.*?)</u>\s*(.*)$", re.I | re.S)
ENTITY = {"&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"', "&#39;": "'", "&nbsp;": " "}
LIST_START = re.compile(r"^(?:([-•])|(\d{1,2}[.)]|[a-z][.)]))\s+(.*)$", re.S)


def blocks_of(text: str) -> list[Block]:
    """A cell's text, its HTML tags read as the paragraphs, lists and underlined headings they mark."""
    blocks: list[Block] = []
    context = ""  # "ul" or "ol" while a list opened by a tag runs; its end tag is often missing
    pieces = BLOCK_TAG.split(text)
    # re.split with two groups gives: text, closing-slash, tag name, text, ...
    segments = [(pieces[0], context)]
    removed = 0
    for index in range(1, len(pieces), 3):
        closing, name, after = pieces[index], pieces[index + 1].lower(), pieces[index + 2]
        removed += 1
        if name in ("ul", "ol"):
            context = "" if closing else name
        elif name == "p" and not closing:
            context = ""  # a new paragraph ends an unclosed list
        segments.append((after, context))
    for segment, kind in segments:
        blocks += segment_blocks(segment, kind)
    if blocks and removed:
        blocks[0] = counted(blocks[0], TAGS, removed)
    return blocks


def segment_blocks(segment: str, context: str) -> list[Block]:
    text = " ".join(segment.split())
    if not text:
        return []
    if context == "ol":
        numbered = numbered_run(text)
        if numbered:
            return numbered
    if "•" in text:
        before, *bullets = text.split("•")
        found = line_blocks(before.strip()) if before.strip() else []
        return found + [finish(Block(BULLET, b.strip(), "•")) for b in bullets if b.strip()]
    return line_blocks(text)


def line_blocks(text: str) -> list[Block]:
    underlined = UNDERLINED.match(text)
    if underlined and "<u>" not in underlined.group(2).lower():
        number, title, rest = underlined.group(1) or "", underlined.group(2).strip(), underlined.group(3).strip()
        heading = counted(finish(Block(HEADING, f"{number.strip()} {title}".strip())), TAGS, 2)
        return [heading] + (line_blocks(rest) if rest else [])
    listed = LIST_START.match(text)
    if listed and listed.group(3).strip():
        bullet, number = listed.group(1), listed.group(2)
        return [finish(Block(BULLET if bullet else NUMBERED, listed.group(3).strip(), bullet or number))]
    return [finish(Block(PARAGRAPH, text))]


def numbered_run(text: str) -> list[Block] | None:
    """`1. … 2. … 3. …` run together inside a list tag: split where the numbers follow on.

    Only the next number in sequence starts an entry, so a figure such as "from 45 to 49."
    inside an entry is never taken for one."""
    starts, number, position = [], 1, 0
    while True:
        found = re.compile(rf"(?:^|(?<=\s)){number}\.\s").search(text, position)
        if not found:
            break
        starts.append((found.start(), found.end(), f"{number}."))
        number, position = number + 1, found.end()
    if not starts:
        return None
    blocks = line_blocks(text[: starts[0][0]].strip()) if text[: starts[0][0]].strip() else []
    for index, (_, end, label) in enumerate(starts):
        stop = starts[index + 1][0] if index + 1 < len(starts) else len(text)
        entry = text[end:stop].strip()
        if entry:
            blocks.append(finish(Block(NUMBERED, entry, label)))
    return blocks


def finish(block: Block) -> Block:
    """Inline tags and character codes out, ordinals rejoined, spacing tidied."""
    text, tags = INLINE_TAG.subn("", block.text)
    entities = 0
    for code, character in ENTITY.items():
        entities += text.count(code)
        text = text.replace(code, character)
    text, ordinals = join_ordinals(text)
    repairs = block.repairs + Counter({TAGS: tags, ENTITIES: entities, ORDINALS: ordinals})
    return replace(block, text=" ".join(text.split()), repairs=+repairs)


def counted(block: Block, repair: str, times: int = 1) -> Block:
    return replace(block, repairs=block.repairs + Counter({repair: times}))


# ---------------------------------------------------------------- words and sentences

ORDINAL_SPLIT = re.compile(r"\b(\d+) (st|nd|rd|th)\b")


def ordinal_suffix(number: int) -> str:
    if 10 <= number % 100 <= 20:
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")


def join_ordinals(text: str) -> tuple[str, int]:
    """`12 th` -> `12th`, only where the letters are that number's own suffix."""
    count = 0

    def join(match: re.Match) -> str:
        nonlocal count
        if ordinal_suffix(int(match.group(1))) != match.group(2):
            return match.group(0)
        count += 1
        return match.group(1) + match.group(2)

    return ORDINAL_SPLIT.sub(join, text), count


WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
COMPOUND = re.compile(r"[^\W_]+(?:-[^\W_]+)+")  # "buy-in", "long-term"


def vocabulary(texts) -> set[str]:
    """Every word of the given texts, and every hyphenated compound, case-folded: what counts
    as a known word in this document."""
    return {w.casefold() for text in texts for pattern in (WORD, COMPOUND) for w in pattern.findall(text)}


def _core(word: str) -> str:
    found = WORD.search(word)
    return found.group(0).casefold() if found else ""


def join_fragment(fragment: str, text: str, known: set[str]) -> str | None:
    """A left-column fragment put back before its text, if only one reading makes known words.

    "Th" + "ere were no actions" makes "There"; "An" + "update on…" makes "An update".
    When both readings, or neither, give known words, None: the place is left for CHECK."""
    if not fragment or " " in fragment or not text or not fragment[-1].isalpha() or not text[0].isalpha():
        return None
    first, _, rest = text.partition(" ")
    glued = _core(fragment + first) in known
    spaced = _core(fragment) in known and _core(first) in known
    if glued and not spaced:
        return f"{fragment}{text}"
    if spaced and not glued:
        return f"{fragment} {text}"
    return None


SENTENCE_END = re.compile(r"[.?!:;][\"'”’)]*$")


def ends_sentence(text: str) -> bool:
    return bool(SENTENCE_END.search(without_markers(text).rstrip()))


def continues(previous: str, following: str) -> bool:
    """A sentence cut by a page or column break: the first part stops mid-sentence and the
    second starts in lower case, which no sentence or heading of these minutes does."""
    return bool(previous.strip()) and not ends_sentence(previous) and following[:1].islower()


OPEN_ENDED_WORDS = (
    12  # shorter unpunctuated lines are sub-headings ("Working with partners to understand and respond to SOC threats")
)


def ends_open(text: str) -> bool:
    """A long paragraph that stops without punctuation may continue somewhere else."""
    plain = without_markers(text)
    return not ends_sentence(plain) and len(plain.split()) >= OPEN_ENDED_WORDS


def join_wrapped(previous: str, following: str, known: set[str]) -> tuple[str, bool]:
    """Two lines of one wrapped paragraph as one; a hyphen at the line end is dropped only
    when the document uses the word unhyphenated and never hyphenated, kept when it uses
    the hyphenated form. Returns the text and whether the join was certain."""
    cut = re.search(r"([^\W\d_]+)-$", previous)
    head = re.match(r"([^\W\d_]+)", following)
    if not cut or not head or not following[:1].islower():
        return f"{previous} {following}", True
    left, right = cut.group(1), head.group(1)
    solid, hyphenated = (left + right).casefold() in known, f"{left}-{right}".casefold() in known
    if solid and not hyphenated:
        return previous[:-1] + following, True
    return previous + following, hyphenated


# ---------------------------------------------------------------- Markdown

LIST_LIKE = re.compile(r"^(\d+)([.)])(?=\s|$)")


def plain_markdown(text: str) -> str:
    """A paragraph's text, escaped where Markdown would read its start as a list or heading.

    "2016. Can the CC…" would otherwise become a list numbered from 2016."""
    numbered = LIST_LIKE.match(text)
    if numbered:
        return f"{numbered.group(1)}\\{numbered.group(2)}{text[numbered.end() :]}"
    if re.match(r"^(?:[-+*](?=\s|$)|>|#+(?=\s|$))", text):
        return "\\" + text
    return text
