"""`build.py new`: start a meeting file, pre-filled from the archive, without touching any other."""

from __future__ import annotations

import sys
from pathlib import Path

from minutebook.commands.check import report_invalid
from minutebook.content import unfinished
from minutebook.content.load import SLUG, TIME, SourceFile, parse_date, shown, type_slug
from minutebook.model import InvalidContent
from minutebook.pipeline import Paths, load_archive
from minutebook.skeleton import CannotStart, default_type, describe, file_name, make_skeleton, unknown_type

HELP = (
    "start a new meeting file in content/meetings/, from its type's standing agenda in content/site.yml, "
    "pre-filled from the last meeting of the type"
)


def add_arguments(parser) -> None:
    parser.add_argument("--date", required=True, metavar="YYYY-MM-DD", help="the meeting's date")
    parser.add_argument(
        "--type",
        help="the meeting type (default: the type of the archive's latest meeting, or else the first of meeting_types "
        "in content/site.yml)",
    )
    parser.add_argument(
        "--time",
        default="",
        metavar="HH:MM",
        help="the start time, 24-hour (default: as the last meeting of the type announced or held it)",
    )
    parser.add_argument(
        "--venue", default="", help="where it is held (default: as the last meeting of the type announced or held it)"
    )
    parser.add_argument("--content", metavar="DIR", help="the content folder (default: content/)")


def run(args) -> int:
    problems = []
    day = parse_date(args.date.strip(), lambda message: problems.append(f"--date: {message}"))
    meeting_type = " ".join(args.type.split()) if args.type is not None else None
    if meeting_type is not None and not SLUG.match(type_slug(meeting_type)):
        problems.append(f"--type: '{args.type}' needs letters or digits, such as \"Full Council\"")
    if args.time and not TIME.match(args.time):
        problems.append(f"--time: '{args.time}' is not a time; expected 24-hour HH:MM, such as 14:30")
    venue = " ".join(args.venue.split())
    if problems:
        print("\n".join(problems), file=sys.stderr)
        return 1
    assert day is not None, "parse_date reports each date it cannot give, so problems would hold it"

    paths = Paths(content=Path(args.content)) if args.content else Paths()
    site_yml = shown(paths.content / "site.yml")  # as messages name it: the file this run reads
    if meeting_type is not None:
        target = paths.content / "meetings" / file_name(day, meeting_type)
        if target.exists():  # checked before loading too, so the editor hears it before any content errors
            return refuse(target)
    try:
        archive = load_archive(
            paths, allow_unfinished=True
        )  # another draft still being finished must not stop this one starting
    except InvalidContent as exc:
        # sys.stderr passed explicitly: the default was bound when check.py was imported
        return report_invalid(exc, paths.content, sys.stderr)
    if meeting_type is None:  # each body names its own meetings: take the type from its archive, not from code
        meeting_type = default_type(archive)
        if meeting_type is None:
            print(
                "--type is needed: the archive has no meeting yet to take the type from, and "
                f"{site_yml} declares no meeting_types.",
                file=sys.stderr,
            )
            return 1
    target = paths.content / "meetings" / file_name(day, meeting_type)
    if target.exists():
        return refuse(target)
    unknown = unknown_type(archive, meeting_type, site_yml)
    if unknown:
        print(f"--type: {unknown}.", file=sys.stderr)
        return 1
    try:
        skeleton = make_skeleton(
            archive,
            day,
            meeting_type,
            time=args.time,
            venue=venue,
            people_yml=shown(paths.content / "people.yml"),
        )
    except CannotStart as exc:
        print(f"Cannot start the meeting file: {exc}.", file=sys.stderr)
        return 1
    try:
        write_new(target, skeleton.text)
    except FileExistsError:
        return refuse(target)
    print(f"Wrote {shown(target)}")
    print(describe(skeleton, site_yml))
    marked = len(unfinished.markers([SourceFile.of_text(str(target), skeleton.text)]))
    print(
        f"Replace or check everything marked TO DO in it ({marked} place{'s' if marked != 1 else ''}), "
        "then run 'python build.py check'."
    )
    print(
        "It cannot be published until then: 'python build.py' and 'python build.py check' refuse it "
        "while any TO DO is left. Meanwhile 'python build.py serve' previews it."
    )
    return 0


def refuse(target: Path) -> int:
    print(
        f"{shown(target)} already exists; nothing was written. Edit that file, or choose another --date or --type.",
        file=sys.stderr,
    )
    return 1


def write_new(path: Path, text: str) -> None:
    """Create `path` with `text`; never replaces a file, and leaves nothing half-written."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(
        path, "x", encoding="utf-8", newline="\n"
    ) as stream:  # 'x': fails if the file exists, even one made a moment ago
        try:
            stream.write(text)
        except BaseException:
            stream.close()
            path.unlink()
            raise
