"""Hostile content is shown as text or dropped: never markup, never a script, anywhere in the site."""

from html.parser import HTMLParser
from pathlib import Path

import pytest

from minutebook.model import InvalidContent
from tests.conftest import FIXTURES, ROOT, build_site

HOSTILE = FIXTURES / "hostile"
OWN_SCRIPTS = {"assets/search-ahead.js", "assets/lunr.min.js", "search/index.js", "assets/search.js"}


class Elements(HTMLParser):
    def __init__(self):
        super().__init__()
        self.found: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.found.append((tag, dict(attrs)))


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    return build_site(HOSTILE, tmp_path_factory.mktemp("hostile") / "site")


def pages(site: Path):
    for path in sorted(site.rglob("*.html")):
        parser = Elements()
        parser.feed(path.read_text(encoding="utf-8"))
        yield path.relative_to(site).as_posix(), parser.found


def test_no_page_contains_a_script_frame_or_handler_from_the_content(hostile_site):
    for page, elements in pages(hostile_site):
        for tag, attrs in elements:
            assert tag not in ("iframe", "object", "embed", "svg", "img") or attrs.get("src", "").startswith(
                ("../", "assets/")
            ), (page, tag, attrs)
            assert not any(name.startswith("on") for name in attrs), (page, tag, attrs)
            if tag == "script":
                assert any(attrs.get("src", "").endswith(s.split("/")[-1]) for s in OWN_SCRIPTS), (page, attrs)
            for name in ("href", "src", "action"):
                value = attrs.get(name, "").strip().lower()
                assert not value.startswith(("javascript:", "data:", "vbscript:")), (page, tag, attrs)


def test_the_hostile_words_are_shown_as_text(hostile_site):
    meeting = (hostile_site / "meetings/2019-04-30-monthly-assurance/index.html").read_text()
    assert (
        "&lt;script&gt;alert(&#39;body&#39;)&lt;/script&gt;" in meeting
        or "&lt;script&gt;alert('body')&lt;/script&gt;" in meeting
    )


def test_the_search_index_cannot_close_its_own_script(hostile_site):
    index = (hostile_site / "search/index.js").read_text()
    assert "</script" not in index.lower()
    assert index.startswith("window.MINUTEBOOK_SEARCH=")


def test_a_javascript_source_link_is_refused_at_load(tmp_path):
    import shutil

    content = shutil.copytree(HOSTILE, tmp_path / "content")
    meeting = content / "meetings/2019-04-30-monthly-assurance.md"
    text = meeting.read_text()
    start = text.index("  url: ")
    meeting.write_text(text[:start] + "  url: javascript:alert(1)\n" + text[text.index("\n", start) + 1 :])
    with pytest.raises(
        InvalidContent,
        match=r"source.url: 'javascript:alert\(1\)' is not a full web address; expected one starting with https://",
    ):
        build_site(content, tmp_path / "site")


def test_a_logo_path_cannot_read_outside_content(tmp_path):
    import shutil

    content = shutil.copytree(FIXTURES / "small", tmp_path / "content")
    (content / "site.yml").write_text((content / "site.yml").read_text() + "logo: ../../../etc/passwd\n")
    with pytest.raises(InvalidContent, match="logo: must be a path inside content/"):
        build_site(content, tmp_path / "site")


def test_no_absolute_path_of_the_build_machine_appears_in_the_site(hostile_site, real_site):
    for site in (hostile_site, real_site):
        secrets = [str(ROOT).encode(), str(site.parent).encode(), str(Path.home()).encode() + b"/"]
        for path in site.rglob("*"):
            if path.is_file():
                data = path.read_bytes()
                assert not any(s in data for s in secrets), path
