"""`build.py check`: validate content/ and report every problem at once."""
from __future__ import annotations

import sys

from ..model import InvalidContent
from ..pipeline import Paths, load_archive

HELP = "check every content file and report all problems as path:line: field: message"


def add_arguments(parser) -> None:
    parser.add_argument("--content", metavar="DIR", help="the content folder (default: content/)")


def report_invalid(exc: InvalidContent, stream=None) -> int:
    stream = stream or sys.stderr  # looked up now: sys.stderr may have been replaced since import
    for error in exc.errors:
        print(error, file=stream)
    count = len(exc.errors)
    print(f"{count} problem{'s' if count != 1 else ''} found; nothing was built.", file=stream)
    return 1


def run(args) -> int:
    paths = Paths(content=args.content) if args.content else Paths()
    try:
        archive = load_archive(paths)
    except InvalidContent as exc:
        return report_invalid(exc)
    print(
        f"Content is valid: {len(archive.meetings)} meetings, {len(archive.actions)} actions, "
        f"{len(archive.themes)} themes, {len(archive.people)} people."
    )
    return 0
