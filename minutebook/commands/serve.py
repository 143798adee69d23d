"""`build.py serve`: preview the site on this computer, rebuilt and reloaded on every change."""

from __future__ import annotations

import argparse
import signal
import sys
import tempfile
import threading
import time
from contextlib import contextmanager
from pathlib import Path

from minutebook.content import unfinished
from minutebook.content.load import counted, found_at
from minutebook.pipeline import Paths, Progress
from minutebook.preview import Preview, make_server, watch

HELP = "build the site and preview it at http://127.0.0.1:8000/, rebuilding and reloading the page on every change"


def port_number(text: str) -> int:
    port = int(text)
    if not 0 <= port <= 65535:
        raise argparse.ArgumentTypeError(f"{port} is not a port number (0 to 65535)")
    return port


def add_arguments(parser) -> None:
    parser.add_argument(
        "--port", type=port_number, default=8000, help="the port to serve on (default: 8000; 0 picks any free port)"
    )
    parser.add_argument("--content", metavar="DIR", help="the content folder (default: content/)")


def say(line: str, stream=None) -> None:
    # Flushed at once: a log or a test reading a pipe must see each line as it happens.
    print(line, file=stream or sys.stdout, flush=True)


def tell(preview: Preview, report, first: bool) -> None:
    """The outcome of a build, in the terminal: problems as `check` lists them."""
    stamp = "" if first else time.strftime("%H:%M:%S ")
    if report is None:
        for problem in preview.showing.problems:
            say(problem, sys.stderr)
        count = len(preview.showing.problems)
        say(
            f"{stamp}{count} problem{'s' if count != 1 else ''} found; the preview shows them until they are fixed.",
            sys.stderr,
        )
    elif first:
        took = sum(report.seconds.values())
        say(f"Built {report.pages} pages from {counted(report.meetings, 'meeting')} in {took:.1f}s.")
    else:
        say(
            f"{stamp}Rebuilt in {sum(report.seconds.values()):.1f}s "
            f"({report.rendered} of {report.pages} pages changed); the page reloads."
        )
    if report is not None and report.unfinished:
        for place in report.unfinished:
            say(str(found_at(place, preview.paths.content)), sys.stderr)
        say(unfinished.summary(report.unfinished), sys.stderr)


# Closing the terminal (SIGHUP) stops it as cleanly as Ctrl+C does.
STOP_SIGNALS = {signal.SIGINT, signal.SIGTERM, signal.SIGHUP}


@contextmanager
def stop_signals_held():
    """Block the stop signals until the main thread takes one with sigwait.

    Blocked before any thread starts, so every thread and forked renderer
    inherits the block: a signal is never run by a thread that cannot act on
    it, nor lost while one is busy, and no build is interrupted half-way."""
    previous = {
        number: signal.signal(number, signal.SIG_DFL) for number in STOP_SIGNALS
    }  # an ignored signal is never pending
    mask = signal.pthread_sigmask(signal.SIG_BLOCK, STOP_SIGNALS)
    try:
        yield
    finally:
        while STOP_SIGNALS & signal.sigpending():  # a second Ctrl+C must not surface later as a KeyboardInterrupt
            signal.sigwait(STOP_SIGNALS)
        signal.pthread_sigmask(signal.SIG_SETMASK, mask)
        for number, handler in previous.items():
            signal.signal(number, handler)


def run(args) -> int:
    paths = Paths(content=Path(args.content)) if args.content else Paths()
    # A private folder per session: never site/, and two previews never share one.
    with tempfile.TemporaryDirectory(prefix="minutebook-preview-") as folder, stop_signals_held():
        preview = Preview(paths, Path(folder) / "site")
        try:
            server = make_server(preview, args.port)
        except OSError as exc:
            say(
                f"Cannot serve on port {args.port}: {exc.strerror}. Choose another with --port, "
                "or --port 0 for any free port.",
                sys.stderr,
            )
            return 1
        with server:
            stop, watching = threading.Event(), threading.Event()
            threads = [
                threading.Thread(
                    target=watch,
                    args=(preview.watched(), lambda: tell(preview, preview.rebuild(), first=False), stop, watching),
                    name="watch",
                ),
                threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.2}, name="serve"),
            ]
            threads[0].start()  # first, so an edit made during the first build is not missed: it is built next
            watching.wait()
            progress = Progress()
            tell(preview, preview.rebuild(progress), first=True)
            progress.done()
            if STOP_SIGNALS & signal.sigpending():  # Ctrl+C during the first build
                stop.set()
                threads[0].join()
                say("Stopped.")
                return 0
            threads[1].start()
            say(f"Serving http://127.0.0.1:{server.server_address[1]}/ — press Ctrl+C to stop")
            try:
                signal.sigwait(STOP_SIGNALS)
            finally:
                stop.set()
                server.shutdown()
                for thread in threads:
                    thread.join()  # a build under way finishes, so the preview folder is never half-written
    say("Stopped.")
    return 0
