"""Characters no output can carry, and text made safe to print on a terminal.

What `check` accepts, every output must publish: XML 1.0 (the feed, the sitemap) has no way to
write most control characters, a lone surrogate cannot be encoded as UTF-8 at all, and the rest
(DEL, the C1 controls, the Unicode line and paragraph separators) either end lines where an
editor sees none or reach a reader's terminal as commands. So they are refused in every text
value, file name and line of minutes, and escaped in everything printed.
"""

from __future__ import annotations

import re

# Unicode's 66 noncharacters, for a program's own use and never for interchange: XML refuses U+FFFE and
# U+FFFF, and the HTML standard calls every one a parse error, so a page holding one is not well-formed.
NONCHARACTERS = "\ufdd0-\ufdef" + "".join(
    chr(plane + 0xFFFE) + chr(plane + 0xFFFF) for plane in range(0, 0x110000, 0x10000)
)
# Unpublishable: C0 but tab and new line, DEL, C1, U+2028/9, surrogates, and the noncharacters (first_unpublishable).
# In a name or a line printed to a terminal, tab and new line are escaped as well.
UNPRINTABLE = re.compile(f"[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff{NONCHARACTERS}]")
_NONCHARACTER = re.compile(f"[{NONCHARACTERS}]")
_NAMED = {"\n": "\\n", "\t": "\\t", "\r": "\\r"}


def code(char: str) -> str:
    """`U+0001`: how a character is named in a message."""
    return f"U+{ord(char):04X}"


def kind(char: str) -> str:
    """What an unpublishable character is, for a message: most are control characters, some are not."""
    return "a noncharacter" if _NONCHARACTER.match(char) else "an invisible control character"


# Classes searched over whole files are split in two: their characters within the Basic Multilingual Plane, and
# every character beyond it, rare in minutes, then looked at alone (first_of). A class listing the 32 noncharacters
# beyond the plane makes the regular expression engine test each of its ranges in turn: five times slower.
BEYOND_THE_PLANE = "\U00010000-\U0010ffff"
_SUSPECT = re.compile(
    f"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff{BEYOND_THE_PLANE}]"
)


def first_of(suspects: re.Pattern, text: str) -> re.Match | None:
    """The first match of `suspects`, a class of characters within the plane and BEYOND_THE_PLANE, that is
    within the plane or a noncharacter beyond it (U+nFFFE, U+nFFFF)."""
    for found in suspects.finditer(text):
        point = ord(found.group())
        if point <= 0xFFFF or point & 0xFFFE == 0xFFFE:
            return found
    return None


def first_unpublishable(text: str) -> re.Match | None:
    """Where `text` first holds an unpublishable character (C0 but tab and new line, DEL, C1, U+2028/9,
    surrogates, and the noncharacters), or None."""
    return first_of(_SUSPECT, text)


def unprintable(name: str) -> re.Match | None:
    """The first character a file name must not hold: any control character, tab and new line included."""
    return UNPRINTABLE.search(name)


def printable(text: str) -> str:
    """`text` with every control character written out as an escape (`\\n`, `\\x01`, `\\u2028`), so a
    message shows it rather than the terminal obeying it."""
    return UNPRINTABLE.sub(
        lambda m: _NAMED.get(
            m.group(),
            f"\\x{ord(m.group()):02x}"
            if ord(m.group()) < 0x100
            else f"\\u{ord(m.group()):04x}"
            if ord(m.group()) < 0x10000
            else f"\\U{ord(m.group()):08x}",
        ),
        text,
    )
