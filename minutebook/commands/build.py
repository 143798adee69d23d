"""`build.py build` (the default): validate, then write the whole site atomically."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from minutebook.characters import printable
from minutebook.commands.check import report_invalid, report_unexpected
from minutebook.content import unfinished
from minutebook.content.load import counted, found_at, web_address
from minutebook.model import InvalidContent
from minutebook.pipeline import Paths, Progress, build
from minutebook.write import PublishedIncompletely, PublishError, shown

HELP = "build the site into site/ (the default command); minutes still marked TO DO or CHECK are refused"


DEFAULT_OUT = "site"


def site_address(text: str) -> str:
    """--base-url, checked as site.yml's base_url is."""
    try:
        return web_address(text, base=True) if text else ""
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = -1.0
    if not 0 <= value < float("inf"):
        raise argparse.ArgumentTypeError(f"'{text}' is not a number of seconds (0 or more)")
    return value


def add_arguments(parser) -> None:
    parser.add_argument(
        "--out",
        metavar="DIR",
        default=DEFAULT_OUT,
        help="the folder to build into (default: site/): a new or empty folder, or one an earlier build made; "
        "a folder holding anything else is refused, never emptied",
    )
    parser.add_argument(
        "--wait",
        metavar="SECONDS",
        type=seconds,
        help=(
            "if another build is writing the same folder, wait at most this long for it, then stop "
            "(default: wait until it finishes)"
        ),
    )
    parser.add_argument(
        "--base-url",
        metavar="URL",
        default="",
        type=site_address,
        help="the site's public address (https:// or http://), for feeds, sitemap and canonical links",
    )
    parser.add_argument("--content", metavar="DIR", help="the content folder (default: content/)")
    parser.add_argument("--quiet", action="store_true", help="print only errors and warnings")
    parser.add_argument(
        "--allow-unfinished",
        action="store_true",
        help=(
            "build even though places are still marked TO DO or CHECK, for a look on this computer only, "
            "into a folder named by --out other than site/; such a site must not be published"
        ),
    )


def run(args) -> int:
    paths = Paths(content=Path(args.content)) if args.content else Paths()
    out = Path(args.out)
    progress = Progress(quiet=args.quiet)
    # site/, here or beside the content, is the folder that is published: a draft there could go out with it.
    published = {os.path.realpath(DEFAULT_OUT), os.path.realpath(paths.content.parent / DEFAULT_OUT)}
    if args.allow_unfinished and os.path.realpath(out) in published:
        print(
            f"--allow-unfinished builds only into a folder of its own, never into {DEFAULT_OUT}/, the folder "
            "that is published; add --out with another folder, such as --out draft-site. Nothing was built.",
            file=sys.stderr,
        )
        return 2

    def waiting() -> None:  # even when quiet: a build that seems to hang must say why
        print(
            f"Another build is writing {shown(Path(os.path.abspath(out)))}; waiting for it to finish…",
            file=sys.stderr,
            flush=True,
        )

    try:
        report = build(
            paths,
            out,
            base_url=args.base_url,
            progress=progress,
            allow_unfinished=args.allow_unfinished,
            wait=args.wait,
            waiting=waiting,
        )
    except InvalidContent as exc:
        return report_invalid(exc, paths.content)
    except PublishedIncompletely as exc:
        print(printable(f"Built, with a problem: {exc}"), file=sys.stderr)
        return 1
    except (PublishError, FileNotFoundError) as exc:
        print(printable(f"Build failed: {exc}"), file=sys.stderr)
        return 1
    except Exception as exc:  # noqa: BLE001 - the last resort: a message, never a traceback
        return report_unexpected(exc, "nothing was built and the previous site is unchanged", paths.content)
    progress.done()
    if not args.quiet:
        took = sum(report.seconds.values())
        print(
            f"Built {report.pages} pages ({report.files} files) from {counted(report.meetings, 'meeting')} "
            f"in {took:.1f}s into {shown(out)}"
        )
        if not report.unfinished:
            print(f"Open {shown(out)}index.html in a browser, or run 'python build.py serve' to preview.")
    if report.unfinished:  # only with --allow-unfinished: last, and even when quiet, so it cannot be missed
        for place in report.unfinished:
            print(found_at(place, paths.content), file=sys.stderr)
        print(unfinished.not_for_publication(report.unfinished), file=sys.stderr)
    return 0
