"""The preview keeps unpublished minutes to the editor: in Chromium, a page of another website
that includes the preview's search files as scripts gets nothing, while the preview's own search
page still works."""

import shutil

import pytest

from tests.commands.test_serve import Serving
from tests.conftest import FIXTURES, serve

pytestmark = pytest.mark.browser

# Another website's page, trying to read the draft's search data from the preview.
THIEF = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Elsewhere</title>
<script src="{preview}search/index.js"></script>
<script src="thief.js"></script></head><body></body></html>"""
THIEF_JS = """window.addEventListener("load", function () {
  document.body.setAttribute("data-read", window.MINUTEBOOK_SEARCH ? "yes" : "no");
});"""


@pytest.fixture(scope="module")
def preview(tmp_path_factory):
    root = tmp_path_factory.mktemp("preview")
    content = shutil.copytree(FIXTURES / "small", root / "content")
    (root / "temp").mkdir()
    server = Serving(content, root / "temp")
    yield server
    server.kill()


def test_another_website_cannot_read_the_previews_search_files(page, preview, tmp_path):
    (tmp_path / "index.html").write_text(THIEF.format(preview=preview.url), encoding="utf-8")
    (tmp_path / "thief.js").write_text(THIEF_JS, encoding="utf-8")
    with serve(tmp_path, csp=None) as elsewhere:
        # "localhost" is another site than "127.0.0.1", as any website on the internet would be.
        page.goto(elsewhere.replace("127.0.0.1", "localhost") + "index.html")
        page.wait_for_selector("body[data-read]", state="attached")
        assert page.get_attribute("body", "data-read") == "no"


def test_the_previews_own_search_page_still_searches(page, preview):
    page.goto(preview.url + "search/index.html?q=roads")
    page.wait_for_selector("body[data-search-ready]", state="attached")
    assert page.locator("#search-results > li").count() > 0
