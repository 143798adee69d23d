"""The preview behind `build.py serve`: a private build, a local server, a watcher.

The site is built into a folder of its own with the ordinary incremental
build, so what is previewed is what `build.py` publishes, byte for byte. The
reload code exists only on the way out: the server adds one external script to
each HTML page it sends, and that script asks the server which build it is
showing and reloads the page when the answer changes. While the content cannot
be built, pages are answered with the list of problems instead.
"""

from __future__ import annotations

import gc
import html
import http.server
import os
import secrets
import sys
import threading
import traceback
import urllib.parse
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import jinja2

from minutebook.content.load import found_at
from minutebook.model import InvalidContent
from minutebook.pipeline import BuildReport, Paths, build, running_code

RELOAD_SCRIPT = "/__minutebook/reload.js"
VERSION = "/__minutebook/version"
PROBLEMS_STYLE = "/__minutebook/problems.css"
STRICT_CSP = "default-src 'self'; img-src 'self' data:"  # as strict as any host may be: a violation shows here first
IDLE_SECONDS = 10  # a connection that sends nothing for this long is closed, so idle ones cannot pile up
LISTEN_BACKLOG = 128  # connections waiting to be accepted; the standard library's 5 drops a browser's burst

# Asks which build the server is showing; the page's own build comes from its script tag.
RELOAD_JS = b"""// Minutebook preview: reload this page when the site has been rebuilt.
(function () {
  "use strict";
  var shown = document.currentScript && document.currentScript.dataset.version;
  function check() {
    fetch("/__minutebook/version", { cache: "no-store" })
      .then(function (answer) { return answer.ok ? answer.text() : shown; })
      .then(function (version) {
        if (version !== shown) { location.reload(); } else { setTimeout(check, 500); }
      })
      .catch(function () { setTimeout(check, 2000); }); // the server has stopped; it may come back
  }
  check();
})();
"""

PROBLEMS_CSS = b"""body { font-family: system-ui, sans-serif; line-height: 1.5; margin: 0 auto; max-width: 60rem; \
padding: 1rem 1.5rem; color: #1b1b1b; background: #fff; }
h1 { color: #a4000f; }
.problems li { font-family: ui-monospace, monospace; margin-bottom: 0.5rem; overflow-wrap: anywhere; }
"""


@dataclass(frozen=True)
class Showing:
    """What the server shows: a build's version, and the problems if that build failed."""

    version: str
    problems: tuple[str, ...] = ()


# ---------------------------------------------------------------- pure parts


def reload_tag(version: str) -> bytes:
    return f'<script src="{RELOAD_SCRIPT}" data-version="{html.escape(version)}" defer></script>\n'.encode()


def insert_before(page: bytes, marker: bytes, addition: bytes) -> bytes:
    """`addition` just before the first `marker` (any case), or at the end if there is none."""
    at = page.lower().find(marker)
    return page + addition if at == -1 else page[:at] + addition + page[at:]


def with_reload(page: bytes, version: str) -> bytes:
    return insert_before(page, b"</head>", reload_tag(version))


def with_root_base(page: bytes) -> bytes:
    """The 404 page's relative links are written from the site's root; a base keeps them there at any depth."""
    return insert_before(page, b"<meta", b'<base href="/">\n')


def is_page(url_path: str) -> bool:
    """Whether an address asks for a page (rather than a stylesheet, script or data file)."""
    name = url_path.rsplit("/", 1)[-1]
    return "." not in name or name.endswith((".html", ".htm"))


def same_origin_request(fetch_site: str | None) -> bool:
    """Whether the browser says the request comes from the preview's own pages or from the editor
    (typing the address, a bookmark). Another website can include the preview's files as scripts
    (search/index.js, search/text/*.js hold the draft minutes) and read them: the Host header is
    127.0.0.1 all the same, but browsers send Sec-Fetch-Site. Without the header (an older browser,
    a command-line client) the request is answered, as nothing but a browser page can be misled."""
    return fetch_site in (None, "same-origin", "none")


def trusted_host(host: str | None, port: int) -> bool:
    """Only this computer's own names: a page elsewhere that points its own name at
    127.0.0.1 (DNS rebinding) must not read minutes that are not yet published."""
    return host in (f"127.0.0.1:{port}", f"localhost:{port}")


def problems_page(showing: Showing) -> bytes:
    """An accessible page listing what stops the build; every problem is escaped."""
    count = len(showing.problems)
    noun = "problem" if count == 1 else "problems"
    items = "\n".join(f"<li>{html.escape(problem)}</li>" for problem in showing.problems)
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en-GB">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{count} {noun} to fix – Minutebook preview</title>\n"
        f'<link rel="stylesheet" href="{PROBLEMS_STYLE}">\n'
        '<link rel="icon" href="data:,">\n'  # no icon, rather than a request for one that is not there
        f"{reload_tag(showing.version).decode()}"
        "</head>\n<body>\n<main>\n"
        "<h1>The site cannot be built</h1>\n"
        f"<p>Minutebook found {count} {noun}. Each names the file and line, then the field. "
        "Fix them and save: this page reloads by itself, and shows the site again once nothing is wrong.</p>\n"
        f'<ul class="problems">\n{items}\n</ul>\n'
        "</main>\n</body>\n</html>\n"
    ).encode()


def describe(failure: BaseException, paths: Paths) -> tuple[str, ...]:
    """A failed build as lines for the terminal and the page: content problems as `check` gives them."""
    if isinstance(failure, InvalidContent):
        return tuple(str(found_at(error, paths.content)) for error in failure.errors)
    message = str(failure) or type(failure).__name__
    where = _template_line(failure, paths.templates)
    return (f"{where}: {message}" if where else f"Build failed: {message}",)


def _template_line(failure: BaseException, templates: Path) -> str:
    """`templates/page.html:12` for an error in a template, else ''."""
    templates = templates.resolve()
    places: list[tuple[str, int | None]]  # a frame may have no line number
    if isinstance(failure, jinja2.TemplateSyntaxError) and failure.filename:
        places = [(failure.filename, failure.lineno)]
    else:  # Jinja puts each template's own file and line into the traceback
        places = [(frame.filename, frame.lineno) for frame in traceback.extract_tb(failure.__traceback__)]
    for filename, line in reversed(places):
        path = Path(filename).resolve()
        if path.is_relative_to(templates):
            return f"{path.relative_to(templates.parent)}:{line}"
    return ""


# ---------------------------------------------------------------- watching


def is_watched(name: str) -> bool:
    """Whether a change to `name`, a path below a watched folder, calls for a rebuild: editors' swap, lock
    and backup files come and go while an editor is open, and hidden files and folders are not the site's."""
    return not any(part.startswith((".", "#")) or part.endswith("~") for part in Path(name).parts)


def _below(roots: list[str], path: str) -> str:
    """`path` as seen from the watched folder it is in."""
    for root in roots:
        if path.startswith(root + os.sep):
            return path[len(root) + 1 :]
    return os.path.basename(path)


def watch(
    roots: list[Path],
    on_change: Callable[[], None],
    stop: threading.Event,
    ready: threading.Event | None = None,
    settle_ms: int = 200,
    force_polling: bool | None = None,
) -> None:
    """Call `on_change` once for each burst of edits under `roots`, until `stop` is set; `ready` is set
    once changes are being watched, so an edit made from then on is never missed.

    watchfiles is told of changes by the system (inotify) where it can be, and polls where it cannot;
    polling is forced with `force_polling`, or by setting WATCHFILES_FORCE_POLLING, for network and
    virtual-machine shares, where notifications of another machine's edits never arrive. A save, or a
    git checkout, is several writes: changes are gathered until none has come for `settle_ms`."""
    folders = [os.path.abspath(root) for root in roots if Path(root).is_dir()]
    if not folders:  # nothing to watch: the build says what is missing
        if ready is not None:
            ready.set()
        stop.wait()
        return
    try:
        _watch(folders, on_change, stop, ready, settle_ms, force_polling)
    except (OSError, RuntimeError):  # no notifications to be had here (the system's limit on watches reached)
        if force_polling or stop.is_set():
            raise
        _watch(folders, on_change, stop, ready, settle_ms, True)
    finally:
        if ready is not None:
            ready.set()  # whatever happened, nobody waits for it for ever


def _watch(roots, on_change, stop, ready, settle_ms, force_polling) -> None:
    import watchfiles  # here: only the preview watches

    changes = watchfiles.watch(
        *roots,
        watch_filter=lambda change, path: is_watched(_below(roots, path)),
        step=settle_ms,
        debounce=10 * settle_ms,
        stop_event=stop,
        rust_timeout=100,
        yield_on_timeout=True,
        force_polling=force_polling,
        raise_interrupt=False,
        ignore_permission_denied=True,
    )
    for changed in changes:  # an empty set when nothing changed for a tenth of a second
        if ready is not None:
            ready.set()
        if changed and not stop.is_set():
            on_change()


# ---------------------------------------------------------------- building


def settle() -> None:
    """After a build in the preview's long-lived process. What is alive now (the meetings the build read,
    the compiled templates, the modules) lives at least until the next build, and the collector's passes
    over it would cost that build a fifth of its time: it is collected once here, between builds, then
    frozen, so the next build's passes look only at what that build makes."""
    gc.unfreeze()  # what the last build froze and has since let go of is collected too
    gc.collect()
    gc.freeze()


class Preview:
    """The preview folder and what the server shows from it."""

    def __init__(self, paths: Paths, site: Path):
        self.paths, self.site = paths, site
        self.session = secrets.token_hex(4)  # a restarted server never repeats a version a page has seen
        self.builds = 0
        self.showing = Showing(f"{self.session}-0")
        self.read: dict = {}  # the meetings the last good build read, so the next need not read them again
        self.code_run = running_code()  # the code as this server started, for each build to compare (build())
        self.building = threading.Lock()  # one build at a time: the first, and the watcher's

    def watched(self) -> list[Path]:
        return [self.paths.content, self.paths.templates, self.paths.assets]

    def rebuild(self, progress=None) -> BuildReport | None:
        """Build into the preview folder; on failure keep the last good files and show the problems."""
        with self.building:
            report: BuildReport | None = None
            problems: tuple[str, ...] = ()
            try:
                # A draft still marked TO DO or CHECK is previewed, markers and all: that is how the editor finishes it.
                report = build(
                    self.paths,
                    self.site,
                    progress=progress,
                    remembered=self.read,
                    allow_unfinished=True,
                    code_run=self.code_run,
                )
                self.read = report.read
            except Exception as failure:  # whatever stops a build, the server stays up to show it
                problems = describe(failure, self.paths)
            self.builds += 1
            self.showing = Showing(f"{self.session}-{self.builds}", problems)  # one assignment: handlers see old or new
            settle()  # after the page is told to reload: the editor does not wait for it
            return report


# ---------------------------------------------------------------- serving


class Handler(http.server.SimpleHTTPRequestHandler):
    """Files from the preview folder, with the reload script added to every page."""

    preview: Preview  # set on the subclass made for each server

    def __init__(self, *args, **kwargs):
        super().__init__(*args, directory=str(self.preview.site), **kwargs)

    def do_GET(self):
        self._answer(send_body=True)

    def do_HEAD(self):
        self._answer(send_body=False)

    def _answer(self, send_body: bool) -> None:
        address = self.server.server_address
        assert isinstance(address, tuple), "the preview listens on a TCP port: its address is (host, port)"
        if not trusted_host(self.headers.get("Host"), address[1]):
            return self._send(
                403, "text/plain; charset=utf-8", b"This preview answers only to 127.0.0.1 and localhost.\n", send_body
            )
        if not same_origin_request(self.headers.get("Sec-Fetch-Site")):
            return self._send(
                403,
                "text/plain; charset=utf-8",
                b"This preview answers only its own pages, not other websites.\n",
                send_body,
            )
        try:
            self._answer_trusted(send_body)
        except ValueError:  # an address no file can have, such as one with a NUL byte ("/%00")
            self._send(400, "text/plain; charset=utf-8", b"This address cannot name a file.\n", send_body)

    def _answer_trusted(self, send_body: bool) -> None:
        path = urllib.parse.urlsplit(self.path).path
        showing = self.preview.showing
        if path == RELOAD_SCRIPT:
            return self._send(200, "text/javascript; charset=utf-8", RELOAD_JS, send_body)
        if path == VERSION:
            return self._send(200, "text/plain; charset=utf-8", showing.version.encode(), send_body)
        if path == PROBLEMS_STYLE:
            return self._send(200, "text/css; charset=utf-8", PROBLEMS_CSS, send_body)
        if showing.problems and is_page(path):
            return self._send(500, "text/html; charset=utf-8", problems_page(showing), send_body)
        page = self._page_file(path)
        if page is not None:
            try:
                return self._send(
                    200, "text/html; charset=utf-8", with_reload(page.read_bytes(), showing.version), send_body
                )
            except OSError:  # replaced by a rebuild between looking and reading
                pass
        super().do_GET() if send_body else super().do_HEAD()

    def _page_file(self, path: str) -> Path | None:
        target = Path(self.translate_path(self.path))
        if target.is_dir():
            if not path.endswith("/"):
                return None  # the standard handler redirects to the address with a slash
            target = target / "index.html"
        return target if target.suffix == ".html" and target.is_file() else None

    def send_error(self, code, message=None, explain=None):
        not_found = self.preview.site / "404.html"
        if code != 404 or not not_found.is_file():
            return super().send_error(code, message, explain)
        page = with_reload(with_root_base(not_found.read_bytes()), self.preview.showing.version)
        self._send(404, "text/html; charset=utf-8", page, self.command != "HEAD")

    def list_directory(self, path):
        self.send_error(404)  # a published site lists no folders either
        return None

    def end_headers(self):
        self.send_header("Cache-Control", "no-store")  # a reload must fetch the new build
        self.send_header("Content-Security-Policy", STRICT_CSP)
        # Browsers that send no Sec-Fetch-Site still refuse to hand these files to another site's page.
        self.send_header("Cross-Origin-Resource-Policy", "same-origin")
        super().end_headers()

    def _send(self, status: int, content_type: str, body: bytes, send_body: bool) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if send_body:
            self.wfile.write(body)

    def log_message(self, format, *args):  # one line per request would bury the build messages
        pass


class Server(http.server.ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = LISTEN_BACKLOG

    def handle_error(self, request, client_address):
        if isinstance(sys.exc_info()[1], ConnectionError):
            return  # the browser left mid-answer, as it does when it reloads
        super().handle_error(request, client_address)


def make_server(preview: Preview, port: int, idle_seconds: float = IDLE_SECONDS) -> Server:
    """Listen on 127.0.0.1 only: the preview is for this computer, not the network."""
    handler = type("PreviewHandler", (Handler,), {"preview": preview, "timeout": idle_seconds})
    return Server(("127.0.0.1", port), handler)
