"""site.yml is checked like a meeting's fields: every wrong setting is one line, path:line: field: message.

The logo is an image file inside content/, known by what it holds; base_url and contact_url are
absolute http(s) addresses; no value holds a control character; the file is never empty.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from minutebook.content.load import load_content
from tests.images import SVG, png, svg
from tests.load.refusals import problems

SITE = "content/site.yml"


def with_setting(content: Path, field: str, yaml_value: str) -> int:
    """Set `field` in site.yml to `yaml_value`, as written in YAML, in place or on a line of its own;
    its line number."""
    settings = content / "site.yml"
    lines = settings.read_text(encoding="utf-8").splitlines()
    number = next((n for n, line in enumerate(lines) if line.startswith(f"{field}:")), len(lines))
    lines[number : number + 1] = [f"{field}: {yaml_value}"]
    settings.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return number + 1


def the_problem(content: Path, line: int, field: str) -> str:
    """The one problem reported, which must be at site.yml's `line` and name `field`; its message."""
    found = problems(content)
    assert len(found) == 1, found
    where = f"{SITE}:{line}: {field}: "
    assert found[0].startswith(where), found
    return found[0][len(where) :]


# ---------------------------------------------------------------- the logo


@pytest.mark.parametrize(
    "name, text",
    [
        ("search.js", "alert(document.cookie);\n"),
        ("lunr.min.js", "window.lunr = function () { alert(1); };\n"),
        ("style.css", "body { background: url(https://tracker.example/); }\n"),
    ],
)
def test_a_logo_named_after_one_of_the_sites_own_files_is_refused(small_content, name, text):
    (small_content / name).write_text(text)
    line = with_setting(small_content, "logo", name)
    assert the_problem(small_content, line, "logo").startswith(f"'{name}' is not a PNG, JPEG, GIF, WebP or SVG image")


def test_a_logo_that_is_a_web_page_is_refused(small_content):
    (small_content / "x.html").write_text("<!DOCTYPE html>\n<html><body><script>alert(1)</script></body></html>\n")
    line = with_setting(small_content, "logo", "x.html")
    assert "is not a PNG, JPEG, GIF, WebP or SVG image" in the_problem(small_content, line, "logo")


def test_a_missing_logo_is_refused(small_content):
    line = with_setting(small_content, "logo", "assets/logo.png")
    assert (
        the_problem(small_content, line, "logo")
        == "'assets/logo.png' does not exist in content/; check the name, or add the file"
    )


def test_a_folder_named_as_the_logo_is_refused(small_content):
    line = with_setting(small_content, "logo", "meetings")
    assert the_problem(small_content, line, "logo") == "'meetings' is a folder; expected an image file"


def test_a_link_to_an_image_outside_content_is_refused(small_content, tmp_path):
    outside = tmp_path / "elsewhere.png"
    outside.write_bytes(png())
    os.symlink(outside, small_content / "logo.png")
    line = with_setting(small_content, "logo", "logo.png")
    assert (
        f"{SITE}:{line}: logo: 'logo.png' leads outside content/ (through a link); copy the file into content/ instead"
        in problems(small_content)
    )


@pytest.mark.parametrize(
    "path", ["/etc/passwd", "../site.yml", "assets/../../secret.png", "C:/logo.png", "assets\\logo.png"]
)
def test_a_logo_path_that_leaves_content_is_refused(small_content, path):
    line = with_setting(small_content, "logo", f"'{path}'")
    assert the_problem(small_content, line, "logo") == "must be a path inside content/, such as assets/logo.svg"


def test_a_file_that_is_not_an_image_is_refused_whatever_its_name(small_content):
    (small_content / "logo.png").write_text("Not a picture at all, only words.\n")
    line = with_setting(small_content, "logo", "logo.png")
    assert the_problem(small_content, line, "logo").startswith("'logo.png' is not a PNG, JPEG, GIF, WebP or SVG image")


def test_an_svg_logo_with_a_script_is_refused(small_content):
    (small_content / "logo.svg").write_text(svg("<script>alert(1)</script>"))
    line = with_setting(small_content, "logo", "logo.svg")
    assert (
        the_problem(small_content, line, "logo")
        == "'logo.svg' is an SVG with a <script> element, which can run code; delete it"
    )


def test_a_png_logo_is_taken_with_a_name_of_its_own(small_content):
    (small_content / "assets").mkdir()
    (small_content / "assets" / "crest.png").write_bytes(png())
    with_setting(small_content, "logo", "assets/crest.png")
    logo = load_content(small_content).site.logo
    assert logo.data == png()
    assert logo.path.startswith("logo/") and logo.path.endswith(".png")
    assert "crest" not in logo.path


def test_an_svg_logo_that_refers_only_to_itself_is_taken(small_content):
    (small_content / "logo.svg").write_text(SVG)
    with_setting(small_content, "logo", "logo.svg")
    assert load_content(small_content).site.logo.path.endswith(".svg")


def test_a_logo_is_known_by_what_it_holds_not_by_its_name(small_content):
    (small_content / "logo.gif").write_bytes(png())
    with_setting(small_content, "logo", "logo.gif")
    assert load_content(small_content).site.logo.path.endswith(".png")


# ---------------------------------------------------------------- addresses


@pytest.mark.parametrize("field", ["base_url", "contact_url"])
@pytest.mark.parametrize(
    "value, words",
    [
        ("javascript:alert(1)//", "is not a full web address; expected one starting with https:// or http://"),
        ("data:text/html,<script>alert(1)</script>", "holds '<', which no web address can"),
        ("data:text/plain,hello", "is not a full web address"),
        ("minutes/", "is not a full web address"),
        ("//minutes.example.org/", "is not a full web address"),
        ("ftp://minutes.example.org/", "is not a full web address"),
        ("https://minutes.example.org/a b/", "holds a space, which no web address can"),
        ("https://editor:secret@minutes.example.org/", "holds a user name or password"),
        ("https:///minutes/", "is not a full web address"),
    ],
)
def test_an_address_that_is_not_an_absolute_http_address_is_refused(small_content, field, value, words):
    line = with_setting(small_content, field, f"'{value}'")
    assert words in the_problem(small_content, line, field)


@pytest.mark.parametrize("field", ["base_url", "contact_url"])
def test_an_address_with_a_newline_is_refused(small_content, field):
    line = with_setting(small_content, field, '"https://minutes.example.org/\\nSitemap: https://evil.example/"')
    assert "line break (U+000A)" in the_problem(small_content, line, field)


@pytest.mark.parametrize("field", ["base_url", "contact_url"])
@pytest.mark.parametrize("value", ["https://minutes.example.org/pcc/", "http://minutes.example.org/pcc/"])
def test_an_absolute_http_or_https_address_is_taken(small_content, field, value):
    with_setting(small_content, field, value)
    assert getattr(load_content(small_content).site, field) == value


def test_the_sites_address_is_taken_as_a_folder(small_content):
    with_setting(small_content, "base_url", "https://minutes.example.org/pcc")
    assert load_content(small_content).site.base_url == "https://minutes.example.org/pcc/"


@pytest.mark.parametrize("value", ["https://minutes.example.org/?page=1", "https://minutes.example.org/#top"])
def test_the_sites_address_may_not_hold_a_query_or_fragment(small_content, value):
    line = with_setting(small_content, "base_url", f"'{value}'")
    assert "has a query ('?') or fragment ('#')" in the_problem(small_content, line, "base_url")


def test_a_contact_address_may_hold_a_query(small_content):
    with_setting(small_content, "contact_url", "https://www.example.org/contact/?topic=minutes")
    assert load_content(small_content).site.contact_url == "https://www.example.org/contact/?topic=minutes"


# ---------------------------------------------------------------- text


@pytest.mark.parametrize("field", ["title", "organisation"])
@pytest.mark.parametrize(
    "escape, code",
    [("\\x01", "0001"), ("\\x1b[2J", "001B"), ("\\x85", "0085"), ("\\u2028", "2028"), ("\\t", "0009"), ("\\n", "000A")],
)
def test_a_control_character_in_a_one_line_setting_is_refused(small_content, field, escape, code):
    line = with_setting(small_content, field, f'"Testshire{escape} minutes"')
    message = the_problem(small_content, line, field)
    if code in ("0009", "000A"):  # publishable in the minutes' text, but not in a one-line setting
        assert f"(U+{code}) at character 10; this field is one line; delete it" in message
    else:
        assert f"holds an invisible control character (U+{code}), which cannot be published" in message


def test_a_control_character_is_never_repeated_raw_in_the_message(small_content):
    line = with_setting(small_content, "title", '"Testshire\\x1b]0;owned\\x07 minutes"')
    message = the_problem(small_content, line, "title")
    assert message.isprintable()


def test_the_description_may_run_over_several_lines_but_holds_no_control_character(small_content):
    with_setting(small_content, "description", '"Minutes used by\\nMinutebook\'s tests."')
    assert load_content(small_content).site.description == "Minutes used by\nMinutebook's tests."
    line = with_setting(small_content, "description", '"Minutes\\x00 used by the tests."')
    assert the_problem(small_content, line, "description").startswith(
        "holds an invisible control character (U+0000), which cannot be published"
    )


# ---------------------------------------------------------------- the file


@pytest.mark.parametrize("text", ["", "\n", "# Settings to come\n"])
def test_an_empty_site_yml_is_refused(small_content, text):
    (small_content / "site.yml").write_text(text)
    assert problems(small_content) == [
        f"{SITE}:1: is empty; expected the site's settings, one per line, such as 'title: ...' "
        "(see docs/content-format.md)"
    ]


def test_a_site_yml_that_is_a_list_is_refused(small_content):
    (small_content / "site.yml").write_text("- title: Testshire PCC minutes\n")
    assert problems(small_content) == [
        f"{SITE}:1: is a list; expected the site's settings, one per line, such as 'title: ...'"
    ]
