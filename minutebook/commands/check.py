"""`build.py check`: validate content/ and report every problem at once."""

from __future__ import annotations

import sys
from pathlib import Path

from minutebook.characters import printable
from minutebook.content import unfinished
from minutebook.content.load import READING, counted, found_at, path_found_at
from minutebook.model import InvalidContent
from minutebook.pipeline import BuildReport, Paths, load_archive

HELP = (
    "check every content file and report every problem, and every place still marked TO DO or CHECK, "
    "as path:line: field: message"
)


def add_arguments(parser) -> None:
    parser.add_argument("--content", metavar="DIR", help="the content folder (default: content/)")


def report_invalid(exc: InvalidContent, content: Path, stream=None) -> int:
    """Every problem in the `content` folder, each naming its file from the working folder."""
    stream = stream or sys.stderr  # looked up now: sys.stderr may have been replaced since import
    for error in exc.errors:
        print(found_at(error, content), file=stream)
    marked = [found_at(m, content) for m in exc.markers] if isinstance(exc, unfinished.Unfinished) else []
    count = len(exc.errors) - len(marked)
    if count:
        print(f"{count} problem{'s' if count != 1 else ''} found; nothing was built.", file=stream)
    if marked:
        print(unfinished.refusal(marked), file=stream)
    return 1


def report_unexpected(exc: Exception, outcome: str, content: Path, stream=None) -> int:
    """Any other failure, as one line naming the file it met in `content` (when known) rather than a
    traceback; `outcome` says what became of the site."""
    stream = stream or sys.stderr
    where = next((note.removeprefix(READING) for note in getattr(exc, "__notes__", ()) if note.startswith(READING)), "")
    where = path_found_at(where, content) if where else ""
    reason = f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
    at, file = (f"{where}: ", ", with this file") if where else ("", "")
    print(
        printable(
            f"{at}Minutebook stopped on an error it did not expect ({reason}); {outcome}. "
            f"This is a fault in Minutebook: please report it{file}."
        ),
        file=stream,
    )
    return 1


def run(args) -> int:
    paths = Paths(content=args.content) if args.content else Paths()
    report = BuildReport()
    try:
        archive = load_archive(paths, report)
    except InvalidContent as exc:
        return report_invalid(exc, paths.content)
    except Exception as exc:  # noqa: BLE001 - the last resort: a message, never a traceback
        return report_unexpected(exc, "the content was not fully checked", paths.content)
    print(
        f"Content is valid: {counted(len(archive.meetings), 'meeting')}, {counted(len(archive.actions), 'action')}, "
        f"{counted(len(archive.themes), 'theme')}, {counted(len(archive.people), 'person', 'people')}."
    )
    # A notice, not a fault: the summary stays one line on stdout.
    for notice in undeclared_types(archive, paths.content):
        print(notice, file=sys.stderr)
    return 0


def undeclared_types(archive, content: Path) -> list[str]:
    """Where site.yml declares meeting types, each other type met: a misspelt type would otherwise quietly
    become a committee of its own, with its own page and feed. Files are named as problems name them."""
    declared = archive.site.meeting_types
    if not declared:
        return []
    known = ", ".join(t.name for t in declared)
    settings = path_found_at(declared[0].origin.path, content)

    def where(origin) -> str:
        return f"{path_found_at(origin.path, content)}:{origin.line}"

    return [
        f"{where(committee.meetings[0].origin)}: type: '{committee.name}' is not among meeting_types in {settings}, "
        f"so it is a committee of its own ({counted(len(committee.meetings), 'meeting')}); declare it there, "
        f"or correct the type to one of: {known}"
        for committee in archive.committees[len(declared) :]
    ]
