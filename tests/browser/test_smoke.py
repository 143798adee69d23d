"""The built site opens in Debian's Chromium under a strict CSP with nothing going wrong."""

import pytest

from tests.conftest import serve

pytestmark = pytest.mark.browser


def test_home_page_loads_under_strict_csp_without_problems(page, small_site):
    with serve(small_site) as url:
        page.goto(url)
        assert page.locator("h1").inner_text() == "Testshire PCC minutes"
    assert page.problems.errors == []
