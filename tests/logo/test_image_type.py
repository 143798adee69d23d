"""A logo is known by what its file holds: an image's signature, or an SVG that runs nothing and refers to
nothing outside itself."""

import pytest

from minutebook.content.logo import NotALogo, image_type, published_path
from tests.images import SVG, png, svg


@pytest.mark.parametrize(
    "data, extension",
    [
        (png(), "png"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF\x00", "jpg"),
        (b"GIF89a\x01\x00\x01\x00", "gif"),
        (b"RIFF\x24\x00\x00\x00WEBPVP8 ", "webp"),
        (SVG.encode(), "svg"),
    ],
)
def test_each_kind_of_image_is_known_by_its_content(data, extension):
    assert image_type(data) == extension


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"alert(document.cookie);\n",
        b"<!DOCTYPE html>\n<html><body><script>alert(1)</script></body></html>\n",
        b"<html><body>not an image</body></html>",
        b'<?xml version="1.0"?><note>not an image</note>',
        b"PK\x03\x04 a zip file",
    ],
)
def test_anything_else_is_not_an_image(data):
    with pytest.raises(NotALogo, match="is not a PNG, JPEG, GIF, WebP or SVG image"):
        image_type(data)


@pytest.mark.parametrize(
    "inside, words",
    [
        ("<script>alert(1)</script>", "<script> element"),
        ('<script href="https://evil.example/x.js"/>', "<script> element"),
        ('<foreignObject><p xmlns="http://www.w3.org/1999/xhtml">hi</p></foreignObject>', "<foreignObject> element"),
        ('<circle r="4" onload="alert(1)"/>', "event handler (onload)"),
        ('<image href="https://tracker.example/pixel.png"/>', "refers to another file or address"),
        (
            '<use xmlns:xlink="http://www.w3.org/1999/xlink" xlink:href="other.svg#shape"/>',
            "refers to another file or address",
        ),
        ('<a href="javascript:alert(1)"><circle r="4"/></a>', "refers to another file or address"),
        ('<circle r="4" style="fill: url(https://tracker.example/)"/>', "style refers to another file or address"),
        ("<style>@import 'https://tracker.example/x.css';</style>", "style refers to another file or address"),
        ('<a href="#c"><set attributeName="href" to="javascript:alert(1)"/></a>', "changes a link"),
    ],
)
def test_an_svg_that_can_run_code_or_reach_outside_itself_is_refused(inside, words):
    with pytest.raises(NotALogo, match="is an SVG") as refused:
        image_type(svg(inside).encode())
    assert words in str(refused.value)


def test_an_svg_with_a_doctype_is_refused_before_its_entities_are_expanded():
    bomb = (
        '<?xml version="1.0"?>\n<!DOCTYPE svg [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>\n'
        + svg("<text>&b;</text>")
    )
    with pytest.raises(NotALogo, match="DOCTYPE"):
        image_type(bomb.encode())


def test_an_svg_without_its_namespace_is_refused():
    with pytest.raises(NotALogo, match="without its namespace"):
        image_type(svg("<circle r='4'/>", root="").encode())


def test_an_svg_that_is_not_well_formed_is_refused():
    with pytest.raises(NotALogo, match="not well-formed"):
        image_type(svg("<circle r='4'>").encode())


def test_the_published_name_comes_from_the_bytes_alone():
    assert published_path(png(), "png") == published_path(png(), "png")
    assert published_path(png(), "png") != published_path(png(red=255), "png")
    assert published_path(png(), "png").startswith("logo/")
