"""A site opened from disk (file://, where no server sends a header) is held to its pages' own
Content-Security-Policy: every page kind works under it, with no violation, and the policy is in force."""

import pytest

from tests.browser.test_accessibility import PAGE_TYPES
from tests.conftest import STRICT_CSP

pytestmark = pytest.mark.browser

# Run before any page script: records every violation of the policy the page reports.
WATCH_VIOLATIONS = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", function (event) {
  window.__violations.push(event.violatedDirective + " " + event.blockedURI);
});
"""


@pytest.fixture(scope="module")
def disk_context(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.add_init_script(WATCH_VIOLATIONS)
    yield context
    context.close()


def open_from_disk(context, site, path):
    tab = context.new_page()
    errors = []
    tab.on("console", lambda m: m.type in ("error", "warning") and errors.append(m.text))
    tab.on("pageerror", lambda e: errors.append(str(e)))
    page, _, query = path.partition("?")
    tab.goto((site / page).as_uri() + (f"?{query}" if query else ""))
    if page.startswith("search/"):
        tab.wait_for_selector("body[data-search-ready]", state="attached")
    tab.wait_for_load_state("load")
    return tab, errors


@pytest.mark.parametrize("name", PAGE_TYPES)
def test_every_page_kind_opened_from_disk_works_under_its_own_policy(disk_context, real_site, name):
    tab, errors = open_from_disk(disk_context, real_site, PAGE_TYPES[name])
    try:
        policy = tab.locator('meta[http-equiv="Content-Security-Policy"]')
        assert policy.count() == 1
        assert policy.get_attribute("content") == STRICT_CSP
        assert tab.locator("h1").count() == 1
        assert tab.evaluate("window.__violations") == []
        assert errors == []
    finally:
        tab.close()


def test_search_from_disk_finds_its_results_under_the_policy(disk_context, real_site):
    tab, errors = open_from_disk(disk_context, real_site, "search/index.html?q=ANPR")
    try:
        assert tab.locator("main a[href*='meetings/']").count() > 0
        assert tab.evaluate("window.__violations") == [] and errors == []
    finally:
        tab.close()


def test_the_policy_is_in_force_from_disk(disk_context, real_site):
    """What a host's header would stop, the page's own policy stops: a script written into the page does not run."""
    tab, _ = open_from_disk(disk_context, real_site, "index.html")
    try:
        tab.evaluate("""() => {
            window.ran = false;
            const script = document.createElement("script");
            script.textContent = "window.ran = true";
            document.body.appendChild(script);
        }""")
        tab.wait_for_function("window.__violations.length > 0")
        assert tab.evaluate("window.ran") is False
        assert any(v.startswith("script-src") for v in tab.evaluate("window.__violations"))
    finally:
        tab.close()
