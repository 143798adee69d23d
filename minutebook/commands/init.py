"""`build.py init DIR`: start a new body's archive, DIR/content/, for its editor to fill in.

What it writes loads as valid content from the start, so `check` lists what is left to do and
`serve` previews it; every setting the editor must supply is marked TO DO, as `new` marks a draft,
so nothing is published until each is settled. It never writes into a content folder that exists.
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

from minutebook.content import schema
from minutebook.content.load import SLUG, shown, type_slug
from minutebook.model import StandingItem
from minutebook.skeleton import GENERAL_AGENDA, TO_DO, scalar

HELP = "start a new body's archive: write DIR/content/ with its settings, an About page and a meeting type"
SHORT_NAME_EXAMPLE = "# short_name: a short form of the name, such as Anytown TC; calendar entries start with it"
EXAMPLE_TYPE = "Ordinary Meeting"  # a name that reads as a placeholder for any body, and is marked TO DO


def add_arguments(parser) -> None:
    parser.add_argument(
        "dir", metavar="DIR", help="the folder to start it in (made if need be); DIR/content/ is written"
    )
    parser.add_argument("--organisation", default="", metavar="NAME", help="the organisation that holds the meetings")
    parser.add_argument(
        "--short-name", default="", metavar="NAME", help="a short form of its name, such as 'Anytown TC'"
    )
    parser.add_argument(
        "--meeting-type",
        default="",
        metavar="NAME",
        help=f"the name of a kind of meeting it holds, such as 'Full Council' "
        f"(default: '{EXAMPLE_TYPE}', marked TO DO)",
    )


def run(args) -> int:
    organisation, short_name, meeting_type = (
        " ".join(value.split()) for value in (args.organisation, args.short_name, args.meeting_type)
    )
    if meeting_type and not SLUG.match(type_slug(meeting_type)):
        print(
            f"--meeting-type: '{args.meeting_type}' needs letters or digits, such as \"Full Council\"", file=sys.stderr
        )
        return 1
    content = Path(args.dir) / "content"
    files = archive_files(organisation, short_name, meeting_type)
    if content.parent.exists() and not content.parent.is_dir():
        print(f"{shown(content.parent)} is a file, not a folder; nothing was written.", file=sys.stderr)
        return 1
    try:
        content.parent.mkdir(parents=True, exist_ok=True)
        content.mkdir()  # fails if it exists, even made a moment ago: an archive is never written over
    except FileExistsError:
        print(
            f"{shown(content)} already exists; nothing was written. Start the new archive in another "
            "folder, or move that one aside first.",
            file=sys.stderr,
        )
        return 1
    except OSError as exc:
        print(f"Cannot make {shown(content)}: {exc.strerror or exc}; nothing was written.", file=sys.stderr)
        return 1
    try:
        (content / "meetings").mkdir()
        for name, text in files.items():
            with open(content / name, "x", encoding="utf-8", newline="\n") as stream:
                stream.write(text)
    except BaseException:
        shutil.rmtree(content, ignore_errors=True)  # all of it or nothing: it was made just now, and is ours
        raise
    print(next_steps(content, organisation, meeting_type))
    return 0


def next_steps(content: Path, organisation: str, meeting_type: str) -> str:
    where = shown(content)
    option = "" if os.path.abspath(content) == os.path.abspath("content") else f" --content {_shell(where)}"
    settings = "the settings" if organisation else "the organisation, the site's title and description"
    return "\n".join(
        [
            f"Wrote {where}/: site.yml, people.yml, themes.yml, glossary.yml, about.md and an empty meetings/ folder.",
            "Next:",
            f"  1. In {where}/site.yml, fill in {settings}, and set out the kinds of meeting the body holds under "
            f"meeting_types, each with its standing agenda{'' if meeting_type else ' (one example is there)'}.",
            f"  2. In {where}/people.yml, add at least the person who chairs the meetings; "
            f"in {where}/about.md, say what the meetings are.",
            f"     Replace everything marked {TO_DO} and delete the marker; 'python build.py check{option}' lists "
            "what is left.",
            f"  3. python build.py new --date YYYY-MM-DD{option}    start a meeting's minutes from its type",
            f"  4. python build.py serve{option}    preview the site while you work",
            f"  5. python build.py{option}    build the site into site/ once nothing is marked {TO_DO}",
            "The guide docs/new-body.md walks through each step, to a published site.",
        ]
    )


def _shell(path: str) -> str:
    return path if all(c.isalnum() or c in "/._-" for c in path) else "'" + path.replace("'", "'\\''") + "'"


# ---------------------------------------------------------------- the files


def archive_files(organisation: str, short_name: str, meeting_type: str) -> dict[str, str]:
    """Each file of the new content folder, by name: valid content, marked TO DO where the editor must write."""
    return {
        "site.yml": site_settings(organisation, short_name, meeting_type),
        "people.yml": PEOPLE,
        "themes.yml": THEMES,
        "glossary.yml": GLOSSARY,
        "about.md": about_page(organisation),
    }


def site_settings(organisation: str, short_name: str, meeting_type: str) -> str:
    name = organisation or f"{TO_DO}: the organisation that holds the meetings, such as Anytown Town Council"
    title = (
        f"{short_name or organisation} meeting minutes"
        if organisation
        else f"{TO_DO}: the site's title, such as Anytown Town Council meeting minutes"
    )
    type_line = (
        f"  - name: {scalar(meeting_type)}"
        if meeting_type
        else f"  - name: {EXAMPLE_TYPE}  # {TO_DO}: the name of a kind of meeting the body holds, such as Full Council"
    )
    placeholders = ", ".join(f"{{{p}}}" for p in schema.TITLE_PLACEHOLDERS)
    lines = [
        "# The archive's settings; docs/content-format.md describes each one (site.yml).",
        f"# Replace everything marked {TO_DO} and delete the marker, then run 'python build.py check'.",
        f"organisation: {scalar(name)}",
        f"short_name: {scalar(short_name)}" if short_name else SHORT_NAME_EXAMPLE,
        f"title: {scalar(title)}",
        f"description: {scalar(f'{TO_DO}: what the archive is, in a sentence or two')}",
        "# contact_url: https://www.example.gov.uk/contact/  (the organisation's contact page)",
        "# logo: assets/logo.svg  (the organisation's logo, an image file inside this folder)",
        "# base_url: https://www.example.gov.uk/minutes/  (the site's public address, once it has one)",
        "# The language, clock and time zone, and the body's own words; left out, British English in London time.",
        "# For a US city council, for example (to use it, delete the '# ' at the start of each line):",
        "# locale:",
        "#   language: en-US  # dates written June 18, 2019; every page's language",
        "#   time_zone: America/Los_Angeles  # where the meetings' times are counted from",
        '#   clock: 12  # times shown as 7:00 PM; the minutes still write them 24-hour, "19:00"',
        "#   words:",
        "#     apologies: Absent  # the heading over those not there",
        "",
        "# The kinds of meeting the body holds. 'python build.py new' starts each meeting's minutes from its",
        "# type's title and standing agenda. Give each kind its own entry, with the items its agendas always have.",
        "meeting_types:",
        type_line,
        f'    title: "{schema.MEETING_TYPE["title"].default}"  # placeholders: {placeholders}',
        "    standing_agenda:",
        *(line for item in GENERAL_AGENDA for line in _standing_item(item)),
    ]
    return "\n".join(lines) + "\n"


def _standing_item(item: StandingItem) -> list[str]:
    lines = [f"      - number: {scalar(item.number, quote=True)}" if item.number else '      - title: ""']
    if not item.title:
        lines[0] += "  # no title: where each meeting's own business goes"
    elif item.number:
        lines.append(f"        title: {scalar(item.title)}")
    if item.open_actions:
        lines.append("        open_actions: yes  # lists the actions still open from this type's meetings")
    if item.hint:
        lines.append(f"        hint: {scalar(item.hint)}")
    return lines


def about_page(organisation: str) -> str:
    holds = f"{organisation} holds" if organisation else "the body holds"
    return (
        "# About these meetings\n"
        "\n"
        f"{TO_DO}: say which meetings {holds}, what they are for, who chairs and attends them, and how often they "
        "meet. This is the site's About page: write it for a member of the public.\n"
    )


PEOPLE = f"""\
# Everyone the minutes name, once each: their slug (a permanent id, in lower-case letters, digits and
# hyphens; meeting files name them by it) and their name as the site shows it. Roles are not kept here:
# each meeting records the role each person held that day. For example:
#
# - slug: jane-smith
#   name: Jane Smith
#
# {TO_DO}: add at least the person who chairs the meetings: 'python build.py new' needs someone to start from.
"""

THEMES = """\
# The themes agenda items are tagged with, once each; each theme has a page listing its items.
# Optional: leave this file as it is until you want them. For example:
#
# - slug: budget
#   name: Budget
#   description: The budget, spending and savings.
"""

GLOSSARY = """\
# Every abbreviation the minutes use and what it stands for: the site explains each where it appears.
# Optional: leave this file as it is until you want them. For example:
#
# - abbreviation: AOB
#   expansion: Any other business
"""
