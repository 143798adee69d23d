"""The site's logo: what a file must hold to be published as one, and the name it is published under.

A logo is known by its content, never by its name: a PNG, JPEG, GIF or WebP
by its signature, an SVG by parsing it as XML. An SVG is a document that can
hold scripts and fetch other files, so one is accepted only when nothing in it
can run or reach outside it.

The published name is made here from the image's type and a digest of its
bytes, inside a folder that nothing else in the site uses: what the editor
names in site.yml never decides where the file lands, so it can never replace
the site's own assets (assets/search.js, assets/style.css, ...) or any page.
"""

from __future__ import annotations

import hashlib
import re

FOLDER = "logo"  # the logo's own folder: the site's assets are under assets/, its pages under their own folders
KINDS = "a PNG, JPEG, GIF, WebP or SVG image"
NOT_AN_IMAGE = f"is not {KINDS} (a file is known by what it holds, not by its name); a logo must be one"
SVG_NAMESPACE = "http://www.w3.org/2000/svg"
# Elements that run code or embed another document.
ACTIVE_ELEMENTS = {"script", "foreignobject", "iframe", "embed", "object", "handler", "listener"}
ANIMATIONS = {"set", "animate", "animatemotion", "animatetransform"}
CSS_REFERENCE = re.compile(r"@import|image-set\s*\(|url\(\s*(?!['\"]?\s*#)", re.IGNORECASE)


class NotALogo(Exception):
    """Why a file cannot be published as the logo, as the end of a sentence naming it."""


def image_type(data: bytes) -> str:
    """The file name extension for the image `data` holds, or raise NotALogo saying why it holds none."""
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if data.startswith(b"\xff\xd8\xff"):
        return "jpg"
    if data.startswith((b"GIF87a", b"GIF89a")):
        return "gif"
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "webp"
    if data.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<"):
        check_svg(data)
        return "svg"
    raise NotALogo(NOT_AN_IMAGE)


def published_path(data: bytes, extension: str) -> str:
    """Where the logo is published: a name of its own, made from its bytes, so a new logo is a new address
    (no browser keeps showing the old one)."""
    return f"{FOLDER}/{hashlib.blake2b(data, digest_size=8).hexdigest()}.{extension}"


def check_svg(data: bytes) -> None:
    """Raise NotALogo unless `data` is an SVG image that runs nothing and refers to nothing outside itself."""
    import xml.parsers.expat  # here: only a site with an SVG logo needs it

    parser = xml.parsers.expat.ParserCreate(namespace_separator=" ")
    depth = 0
    in_style = 0

    def doctype(name, *_):
        if name != "svg":
            raise NotALogo(NOT_AN_IMAGE)
        # A DOCTYPE can declare entities that expand without end or read other files.
        raise NotALogo("is an SVG with a DOCTYPE; delete the <!DOCTYPE ...> line")

    def refuse_entity(*_):
        raise NotALogo("is an SVG that declares entities; delete them")

    def instruction(target, _):
        raise NotALogo(
            f"is an SVG with a processing instruction (<?{target} ...?>), which can load other files; delete it"
        )

    def start(name, attributes):
        nonlocal depth, in_style
        namespace, _, local = name.rpartition(" ")
        if depth == 0 and (local != "svg" or namespace != SVG_NAMESPACE):
            if local == "svg":
                raise NotALogo(
                    f'is an SVG without its namespace; its first element must be <svg xmlns="{SVG_NAMESPACE}">'
                )
            raise NotALogo(NOT_AN_IMAGE)
        depth += 1
        if local.lower() in ACTIVE_ELEMENTS:
            raise NotALogo(f"is an SVG with a <{local}> element, which can run code; delete it")
        if local.lower() in ANIMATIONS and attributes.get("attributeName", "").rpartition(":")[2].lower() == "href":
            raise NotALogo(f"is an SVG whose <{local}> element changes a link; delete it")
        for attribute, value in attributes.items():
            attribute = attribute.rpartition(" ")[2].lower()
            if attribute.startswith("on"):
                raise NotALogo(f"is an SVG with an event handler ({attribute}), which can run code; delete it")
            if attribute == "href" and not value.strip().startswith("#"):
                raise NotALogo(
                    "is an SVG that refers to another file or address; an SVG logo must hold everything it shows"
                )
            if CSS_REFERENCE.search(value):
                raise NotALogo(
                    "is an SVG whose style refers to another file or address; an SVG logo must hold everything it shows"
                )
        if local == "style":
            in_style += 1

    def end(name):
        nonlocal in_style
        if name.rpartition(" ")[2] == "style":
            in_style -= 1

    def text(data):
        if in_style and CSS_REFERENCE.search(data):
            raise NotALogo(
                "is an SVG whose style refers to another file or address; an SVG logo must hold everything it shows"
            )

    parser.StartDoctypeDeclHandler = doctype
    parser.EntityDeclHandler = refuse_entity
    parser.ExternalEntityRefHandler = refuse_entity
    parser.ProcessingInstructionHandler = instruction
    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = text
    parser.buffer_text = True  # a style sheet's text arrives whole, not cut where a pattern would straddle
    try:
        parser.Parse(data, True)
    except xml.parsers.expat.ExpatError:
        raise NotALogo(NOT_AN_IMAGE if depth == 0 else "is an SVG that is not well-formed XML") from None
