"""Shared fixtures: built sites, a local server that sends a strict CSP, and Debian's Chromium."""

from __future__ import annotations

import functools
import http.server
import shutil
import threading
from contextlib import contextmanager
from pathlib import Path

import pytest

from minutebook.pipeline import Paths, build

pytest_plugins = ["tests.bodies.fixtures"]  # the other bodies' sites, built once a session

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
# A frozen copy of a real archive: five monthly assurance meetings, with their people, themes, glossary and
# about page, as the first body published them; and the source text each meeting was made from. The suite
# reads these, never the repository's own content/ or sources/, which belong to whichever body publishes
# from it (tests/archive/ alone checks those).
ASSURANCE = FIXTURES / "assurance"
ASSURANCE_SOURCES = FIXTURES / "assurance-sources"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
STRICT_CSP = "default-src 'self'; img-src 'self' data:"


@pytest.fixture(autouse=True, scope="session")
def compiled_apart(tmp_path_factory):
    """The session's builds, and the commands it runs, keep what they compile in a folder of its own
    (pipeline.compiled_store), not beside the code: they neither add to the developer's nor take from it."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("MINUTEBOOK_CACHE", str(tmp_path_factory.mktemp("compiled")))
        yield


def build_site(content: Path, out: Path, base_url: str = "") -> Path:
    build(Paths(content=content), out, base_url=base_url)
    return out


def copy_content(source: Path, target: Path) -> Path:
    shutil.copytree(source, target)
    return target


@pytest.fixture(scope="session")
def real_site(tmp_path_factory) -> Path:
    """The site built once from the real meetings of the assurance fixture, shared by every test that only reads it."""
    return build_site(ASSURANCE, tmp_path_factory.mktemp("real") / "site")


PUBLIC_ADDRESS = "https://minutes.example.gov.uk/pcc/"


@pytest.fixture(scope="session")
def addressed_site(tmp_path_factory) -> Path:
    """The assurance fixture built with --base-url, for what only a known address allows (sitemap, canonical links)."""
    return build_site(ASSURANCE, tmp_path_factory.mktemp("addressed") / "site", base_url=PUBLIC_ADDRESS)


@pytest.fixture(scope="session")
def small_site(tmp_path_factory) -> Path:
    return build_site(FIXTURES / "small", tmp_path_factory.mktemp("small") / "site")


@pytest.fixture
def small_content(tmp_path) -> Path:
    """A writable copy of the small fixture content."""
    return copy_content(FIXTURES / "small", tmp_path / "content")


class _Handler(http.server.SimpleHTTPRequestHandler):
    csp = STRICT_CSP

    def end_headers(self):
        if self.csp:
            self.send_header("Content-Security-Policy", self.csp)
        self.send_header("Cache-Control", "no-store")
        super().end_headers()

    def log_message(self, *args):  # keep test output quiet
        pass


@contextmanager
def serve(directory: Path, csp: str | None = STRICT_CSP):
    """Serve `directory` on 127.0.0.1 at a free port; yields the base URL."""
    handler = type("Handler", (_Handler,), {"csp": csp})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(directory)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def real_server(real_site):
    with serve(real_site) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium driven by Playwright; never a downloaded browser."""
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: run 'make test', which installs Debian's chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


class PageProblems:
    """Console errors, uncaught exceptions, CSP violations and dialogs seen by one page."""

    def __init__(self, page):
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        page.on(
            "console", lambda m: m.type in ("error", "warning") and self.errors.append(f"console {m.type}: {m.text}")
        )
        page.on("pageerror", lambda e: self.errors.append(f"uncaught: {e}"))
        page.on("dialog", self._dialog)

    def _dialog(self, dialog):
        self.dialogs.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()


@pytest.fixture
def page(browser):
    """A fresh browser page; `page.problems` collects everything that went wrong on it."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    tab.problems = PageProblems(tab)
    yield tab
    context.close()
