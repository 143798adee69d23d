"""Small, real image files for the tests of the logo, made here rather than kept as binary fixtures."""

from __future__ import annotations

import struct
import zlib


def png(red: int = 0, green: int = 48, blue: int = 135) -> bytes:
    """A valid one-pixel PNG of the given colour."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)  # 1 x 1, 8 bits, true colour
    pixels = zlib.compress(bytes([0, red, green, blue]))  # one row: no filter, then the pixel
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")


SVG = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 10 10">\n'
    '  <defs><linearGradient id="g"><stop offset="0" stop-color="#003087"/></linearGradient></defs>\n'
    '  <circle id="c" cx="5" cy="5" r="4" fill="url(#g)"/>\n'
    '  <use xlink:href="#c"/>\n'
    "</svg>\n"
)


def svg(inside: str, root: str = 'xmlns="http://www.w3.org/2000/svg"') -> str:
    """An SVG holding `inside`, for the shapes an SVG logo must not take."""
    return f'<svg {root} viewBox="0 0 10 10">{inside}</svg>\n'
