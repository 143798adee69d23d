"""Every page carries its own Content-Security-Policy, as strict as the header the tests serve it with,
for hosts that send none (and a site opened from disk): right after the character set, before anything it governs."""

from html.parser import HTMLParser

from tests.conftest import STRICT_CSP


class HeadStart(HTMLParser):
    """The first elements of a page's <head>, in order."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict]] = []
        self.in_head = False

    def handle_starttag(self, tag, attrs):
        if tag == "head":
            self.in_head = True
        elif self.in_head:
            self.elements.append((tag, dict(attrs)))

    def handle_endtag(self, tag):
        if tag == "head":
            self.in_head = False


def head_of(path) -> list[tuple[str, dict]]:
    parser = HeadStart()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser.elements


def test_every_page_states_the_strict_policy_first_after_its_character_set(real_site, addressed_site):
    for site in (real_site, addressed_site):
        pages = sorted(site.rglob("*.html"))
        assert {"index.html", "404.html", "search/index.html", "about/index.html"} <= {
            p.relative_to(site).as_posix() for p in pages
        }
        for page in pages:
            head = head_of(page)
            assert head[0] == ("meta", {"charset": "utf-8"}), page
            assert head[1] == ("meta", {"http-equiv": "Content-Security-Policy", "content": STRICT_CSP}), page
            assert sum(attrs.get("http-equiv", "").lower() == "content-security-policy" for _, attrs in head) == 1, page


class Scripts(HTMLParser):
    """Every <script> of a page, by its attributes."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found: list[dict] = []

    def handle_starttag(self, tag, attrs):
        if tag == "script":
            self.found.append(dict(attrs))


def test_no_page_holds_up_its_parser_with_a_script(real_site):
    # With the policy in a meta tag, Chromium looks ahead for a page's files only as far as its parser has
    # read: a script without `defer` would hold back the style sheet and the search code until it had run.
    search_page_scripts = 0
    for page in sorted(real_site.rglob("*.html")):
        parser = Scripts()
        parser.feed(page.read_text(encoding="utf-8"))
        for script in parser.found:
            assert "src" in script and "defer" in script, (page, script)
        search_page_scripts += len(parser.found) if page == real_site / "search" / "index.html" else 0
    assert search_page_scripts == 4  # search-ahead.js, lunr, the index and the search code
