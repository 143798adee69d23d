"""Characters no output can carry, and text made safe to print on a terminal.

What `check` accepts, every output must publish: XML 1.0 (the feed, the sitemap) has no way to
write most control characters, a lone surrogate cannot be encoded as UTF-8 at all, and the rest
(DEL, the C1 controls, the Unicode line and paragraph separators) either end lines where an
editor sees none or reach a reader's terminal as commands. So they are refused in every text
value, file name and line of minutes, and escaped in everything printed.
"""
from __future__ import annotations

import re

# C0 but tab and new line, DEL, C1, U+2028/9, surrogates, and the two non-characters XML refuses.
UNPUBLISHABLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufffe\uffff]")
# In a name or a line printed to a terminal, tab and new line are escaped as well.
UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufffe\uffff]")
_NAMED = {"\n": "\\n", "\t": "\\t", "\r": "\\r"}


def code(char: str) -> str:
    """`U+0001`: how a character is named in a message."""
    return f"U+{ord(char):04X}"


def first_unpublishable(text: str) -> re.Match | None:
    return UNPUBLISHABLE.search(text)


def unprintable(name: str) -> re.Match | None:
    """The first character a file name must not hold: any control character, tab and new line included."""
    return UNPRINTABLE.search(name)


def printable(text: str) -> str:
    """`text` with every control character written out as an escape (`\\n`, `\\x01`, `\\u2028`), so a
    message shows it rather than the terminal obeying it."""
    return UNPRINTABLE.sub(lambda m: _NAMED.get(m.group(), f"\\x{ord(m.group()):02x}" if ord(m.group()) < 0x100 else f"\\u{ord(m.group()):04x}"), text)
