"""`build.py import FILE`: a draft meeting file from old minutes in plain text, Word or PDF.

The file and the content folder are read here, and the draft written here; the
reading of the minutes is `minutebook.importer`, which is pure. The import ends by
checking the content folder with the draft in it, and prints what check finds. It
exits 0 whenever the draft was written, problems or not, because the draft is
meant to be finished by an editor; it exits 1 only when nothing was written.
"""

from __future__ import annotations

import sys
from pathlib import Path

from minutebook.characters import printable
from minutebook.commands.new import write_new
from minutebook.content.load import SourceFile, counted, file_reader, found_at, parse_content, read_sources, shown
from minutebook.importer import draft as drafting
from minutebook.importer.found import Reference
from minutebook.importer.parse import parse
from minutebook.importer.read import CannotRead, read_lines
from minutebook.link import link
from minutebook.model import ContentError, InvalidContent
from minutebook.pipeline import Paths

HELP = "make a draft meeting file from old minutes (.txt, .docx or .pdf) for an editor to finish"


def add_arguments(parser) -> None:
    parser.add_argument("file", metavar="FILE", help="the minutes to import: a .txt, .docx (Word) or .pdf file")
    parser.add_argument(
        "--out",
        metavar="PATH",
        help="where to write the draft (default: content/meetings/<date>-<type>.md, named from what the minutes say)",
    )
    parser.add_argument(
        "--content",
        metavar="DIR",
        help="the content folder: its people.yml names people, and it is checked with the draft (default: content/)",
    )


def run(args) -> int:
    paths = Paths(content=Path(args.content)) if args.content else Paths()
    source = Path(args.file)
    if not paths.content.is_dir():  # a mistyped --content would otherwise become a new, empty archive
        print(f"Cannot import: the content folder {paths.content} does not exist.", file=sys.stderr)
        return 1
    if args.out and Path(args.out).exists():  # before any work, so the editor hears it first
        return refuse(Path(args.out))
    try:
        lines = read_lines(source)
    except CannotRead as exc:
        print(f"Cannot import: {exc}", file=sys.stderr)
        return 1

    draft = parse(lines, reference(paths.content))
    target = Path(args.out) if args.out else default_target(paths.content, draft)
    if target is None:
        print(
            printable(f"Found in {source.name}:"), *map(printable, drafting.report(draft)), sep="\n"
        )  # the document's text, shown, never obeyed
        print(
            "Cannot name the draft: its date or meeting type was not found. Give --out PATH to write it anyway.",
            file=sys.stderr,
        )
        return 1
    if target.exists():
        return refuse(target)
    text = drafting.render(draft, source.name)
    try:
        write_new(target, text)
    except FileExistsError:
        return refuse(target)
    except OSError as exc:
        print(f"Cannot write {target}: {exc.strerror}", file=sys.stderr)
        return 1

    print(
        printable(f"Found in {source.name}:"), *map(printable, drafting.report(draft)), sep="\n"
    )  # the document's text, shown, never obeyed
    for slug, name in drafting.new_people(draft):
        name = printable(name)
        print(
            f"Not in people.yml: {name}. If the name is right, add to {paths.content / 'people.yml'}:\n"
            f"- slug: {slug}\n  name: {name}"
        )
    marked = drafting.check_count(text)
    print(f"Wrote {shown(target)}, a draft with {counted(marked, 'place')} marked CHECK.")
    problems = check_with_draft(paths.content, target, text)
    print(f"Checking {shown(paths.content)}/ with the draft in it:")
    print("\n".join(f"  {found_at(p, paths.content)}" for p in problems) if problems else "  no problems found.")
    print(drafting.verdict(marked, len(problems)))
    return 0


def refuse(target: Path) -> int:
    print(
        f"{shown(target)} already exists; nothing was written. Give another --out PATH, or edit that file.",
        file=sys.stderr,
    )
    return 1


def default_target(content: Path, draft) -> Path | None:
    if not draft.date.value or not draft.meeting_type.value:
        return None
    return content / "meetings" / drafting.file_name(draft)


def reference(content: Path) -> Reference:
    """The people, agenda titles and meeting types the archive already has; whatever of it loads is used."""
    sources, _ = read_sources(content)
    loaded, _ = parse_content(sources)
    return Reference(
        tuple((p.slug, p.name) for p in loaded.people),
        tuple(dict.fromkeys(i.title for m in loaded.meetings for i in m.agenda)),
        tuple(t.name for t in loaded.site.meeting_types),
    )


def check_with_draft(content: Path, target: Path, text: str) -> list[ContentError]:
    """What `check` reports for the content folder with the draft in it. A draft written
    elsewhere (--out) is checked as if it were in content/meetings/ under its own name."""
    sources, errors = read_sources(content)
    inside = target.resolve().is_relative_to(content.resolve())
    if not inside:
        sources.append(SourceFile.of_text(f"{content.name}/meetings/{target.name}", text))
    loaded, more = parse_content(sources, read_file=file_reader(content))
    errors += more
    broken = {e.path for e in errors}
    try:
        link(loaded)
    except InvalidContent as exc:  # people and themes named by the files that did load
        errors += [e for e in exc.errors if e.path not in broken]
    return sorted(set(errors))
