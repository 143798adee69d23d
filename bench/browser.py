"""Search as a visitor meets it: headless Chromium over a throttled network.

The site is served from 127.0.0.1 by a small server that gzips text as a
production web server would and logs every response it sends, so the bytes a
page fetched are counted on the wire, including what a Web Worker fetched.
Chromium is Debian's, launched with the tests' arguments; the network is
throttled through the DevTools protocol.
"""

from __future__ import annotations

import functools
import gzip
import http.server
import statistics
import sys
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

CHROMIUM = "/usr/bin/chromium"

# Fast 4G, as the issue asks: 20 ms added to each request's round trip, 9 Mbit/s down, 1.5 Mbit/s up.
NETWORK = {"offline": False, "latency": 20, "downloadThroughput": 9_000_000 / 8, "uploadThroughput": 1_500_000 / 8}
NETWORK_LABEL = "20 ms latency, 9 Mbit/s down, 1.5 Mbit/s up (Network.emulateNetworkConditions)"
COMPRESSIBLE = (".html", ".js", ".css", ".json", ".svg", ".xml", ".txt", ".csv")


def chromium_args() -> list[str]:
    from tests.conftest import CHROMIUM_ARGS  # one list of flags for tests and benchmarks

    return list(CHROMIUM_ARGS)


# ---------------------------------------------------------------- the server


@dataclass(frozen=True)
class Sent:
    at: float  # time.monotonic() when the request arrived
    path: str
    bytes: int  # status line, headers and body, as sent


class _Handler(http.server.SimpleHTTPRequestHandler):
    log: list[Sent]
    packed: dict  # path -> gzip bytes, so compression is paid once, not per measurement

    def send_head(self):
        arrived = time.monotonic()
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if not path.is_file():
            self.send_error(404)
            return None
        body = path.read_bytes()
        zipped = path.suffix in COMPRESSIBLE and "gzip" in self.headers.get("Accept-Encoding", "")
        if zipped:
            body = self.packed.setdefault(str(path), gzip.compress(body, compresslevel=6, mtime=0))
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        if zipped:
            self.send_header("Content-Encoding", "gzip")
        self.end_headers()
        self.log.append(Sent(arrived, self.path, len(body) + self._header_bytes))
        return _Body(body)

    def end_headers(self):
        self._header_bytes = sum(len(h) for h in getattr(self, "_headers_buffer", [])) + 2  # and the blank line
        super().end_headers()

    def log_message(self, *args):
        pass


class _Body:
    """What SimpleHTTPRequestHandler.copyfile reads the body from."""

    def __init__(self, data: bytes):
        self.data = data

    def read(self, *_):
        data, self.data = self.data, b""
        return data

    def close(self):
        pass


class _QuietServer(http.server.ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        # A page closed while files were still coming (the rest of a result page's texts) is expected.
        if not isinstance(sys.exc_info()[1], (BrokenPipeError, ConnectionResetError)):
            super().handle_error(request, client_address)


@contextmanager
def serve(directory: Path):
    """Serve `directory` on a free port of 127.0.0.1; yields (base URL, the log of responses)."""
    log: list[Sent] = []
    handler = type("Handler", (_Handler,), {"log": log, "packed": {}})
    server = _QuietServer(("127.0.0.1", 0), functools.partial(handler, directory=str(directory)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/", log
    finally:
        server.shutdown()
        server.server_close()


# ---------------------------------------------------------------- what is measured


@dataclass(frozen=True)
class SearchUI:
    """Where one search page keeps its parts."""

    name: str
    page: str  # path of the search page, from the site root
    results: str  # the element results are drawn into
    result: str  # one result, inside `results`
    input: str


@dataclass
class SearchTimes:
    first_result_ms: float | None  # median over tries; None when no result within the timeout
    first_result_bytes: int  # on the wire, requests made before the first result appeared
    first_result_requests: int
    typed_median_ms: float | None
    typed_measured: int  # queries that showed results in time
    engine_median_ms: float | None = None  # the page's own hook (Minutebook's data-search-ms), if it has one
    note: str = ""
    first_result_samples: list[float] = field(default_factory=list)  # every try's, in the order taken


# Records, from the very start of each document, when the first result appears: performance.now()
# counts from the start of navigation, so this is the time a visitor waits.
FIRST_RESULT_WATCH = """
(() => {
  const selector = %s;
  const check = () => {
    if (window.__benchFirstResult === undefined && document.querySelector(selector)) {
      window.__benchFirstResult = performance.now();
    }
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true, attributes: true });
})();
"""

# Types a query the way a visitor's browser reports it (an input event, then the key coming up)
# and resolves with the milliseconds until a new first result is drawn, or null.
TYPE_QUERY = """
async ([inputSelector, resultsSelector, resultSelector, query, timeout]) => {
  const input = document.querySelector(inputSelector);
  const results = () => document.querySelector(resultsSelector);
  const firstOf = () => { const r = results(); return r && r.querySelector(resultSelector); };
  const before = firstOf(), beforeText = before ? before.textContent : null;
  return await new Promise((resolve) => {
    let done = false;
    const began = performance.now();
    const finish = (value) => { if (!done) { done = true; observer.disconnect(); resolve(value); } };
    const observer = new MutationObserver(() => {
      const first = firstOf();
      if (first && (first !== before || first.textContent !== beforeText)) finish(performance.now() - began);
    });
    observer.observe(document.body, { childList: true, subtree: true, characterData: true });
    setTimeout(() => finish(null), timeout);
    input.focus();
    input.value = query;
    input.dispatchEvent(new Event("input", { bubbles: true }));
    input.dispatchEvent(new KeyboardEvent("keyup", { bubbles: true, key: "e" }));
  });
}
"""


def _throttled_page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    session = context.new_cdp_session(page)
    session.send("Network.enable")
    session.send("Network.setCacheDisabled", {"cacheDisabled": True})
    session.send("Network.emulateNetworkConditions", NETWORK)
    return context, page


def first_result(browser, base: str, log: list[Sent], ui: SearchUI, word: str, timeout_s: float):
    """(ms from navigation to the first result or None, bytes and requests fetched before it, the open page)."""
    context, page = _throttled_page(browser)
    page.add_init_script(FIRST_RESULT_WATCH % repr(f"{ui.results} {ui.result}"))
    log.clear()
    navigated = time.monotonic()
    page.goto(f"{base}{ui.page}?q={quote(word)}", wait_until="commit", timeout=timeout_s * 1000)
    # Polled from here, not with wait_for_function: that evaluates its test with eval, which a page's own
    # Content-Security-Policy forbids, and the policy stays on so each page loads as visitors get it.
    deadline, ms = navigated + timeout_s, None
    while ms is None and time.monotonic() < deadline:
        ms = page.evaluate("window.__benchFirstResult")
        if ms is None:
            page.wait_for_timeout(50)
    cutoff = navigated + (ms / 1000 if ms is not None else timeout_s)
    fetched = [s for s in list(log) if s.at <= cutoff]
    return ms, sum(s.bytes for s in fetched), len(fetched), context, page


# Loads of the search page whose median is the first-result time: on two shared cores one load can
# take half as long again as the next, and three left the median to chance.
FIRST_RESULT_TRIES = 9


@dataclass(frozen=True)
class Site:
    """One search page to time: a served site and where its parts are."""

    key: str
    base: str
    log: list[Sent]
    ui: SearchUI
    hook: str | None = None  # the page's own timing of its search, if it has one
    typed: bool = True  # False for a page that cannot search (the stub), which would only wait out each query


def measure(
    browser,
    base: str,
    log: list[Sent],
    ui: SearchUI,
    word: str,
    queries: list[str],
    tries: int = FIRST_RESULT_TRIES,
    timeout_s: float = 10.0,
    hook: str | None = None,
) -> SearchTimes:
    return measure_alternating(
        browser, [Site("one", base, log, ui, hook, typed=bool(queries))], word, queries, tries, timeout_s
    )["one"]


def measure_alternating(
    browser, sites: list[Site], word: str, queries: list[str], tries: int = FIRST_RESULT_TRIES, timeout_s: float = 10.0
) -> dict[str, SearchTimes]:
    """Each site's first result, `tries` times, taking turns (A B C, C B A, ...) so a slow spell on a shared
    machine falls on every site alike; the typed queries once per site, on its first loaded page."""
    from .schedule import rounds

    by_key = {site.key: site for site in sites}
    firsts: dict[str, list[float]] = {key: [] for key in by_key}
    fetched: dict[str, tuple[int, int]] = {}
    typed: dict[str, list[float]] = {key: [] for key in by_key}
    engine: dict[str, list[float]] = {key: [] for key in by_key}
    gave_up: dict[str, str] = {}
    for attempt, key in rounds(by_key, tries):
        if key in gave_up:
            continue
        site = by_key[key]
        ms, bytes_, count, context, page = first_result(browser, site.base, site.log, site.ui, word, timeout_s)
        try:
            if attempt == 0:
                fetched[key] = (bytes_, count)
            if ms is None and attempt == 0:
                gave_up[key] = f"no result within {timeout_s:g} s"
                continue
            if ms is None:  # a later try that timed out: the median is of the tries that finished
                continue
            firsts[key].append(ms)
            if attempt == 0 and site.typed:  # the typed queries run once, on the page that is already loaded
                for query in queries:
                    took = page.evaluate(
                        TYPE_QUERY, [site.ui.input, site.ui.results, site.ui.result, query, timeout_s * 1000]
                    )
                    if took is not None:
                        typed[key].append(took)
                        if site.hook:
                            engine[key].append(float(page.evaluate(site.hook)))
        finally:
            context.close()
    return {
        key: SearchTimes(
            statistics.median(firsts[key]) if firsts[key] else None,
            *fetched.get(key, (0, 0)),
            statistics.median(typed[key]) if typed[key] else None,
            len(typed[key]),
            statistics.median(engine[key]) if engine[key] else None,
            note=gave_up.get(key, ""),
            first_result_samples=firsts[key],
        )
        for key in by_key
    }


@contextmanager
def chromium():
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        raise FileNotFoundError(f"{CHROMIUM} is missing; 'make bench' installs Debian's chromium")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=chromium_args())
        try:
            yield browser
        finally:
            browser.close()
