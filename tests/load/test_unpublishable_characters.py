"""A character no output can carry (a control character, from the file or from a YAML escape) is
refused by `check` with path:line: field; what `check` accepts builds a well-formed feed."""

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from minutebook.characters import first_unpublishable
from minutebook.content.load import load_content
from minutebook.pipeline import Paths, build
from tests.conftest import ROOT
from tests.load.refusals import problems

APRIL = "meetings/2019-04-30-monthly-assurance.md"
ATOM = "{http://www.w3.org/2005/Atom}"


def rewrite(content: Path, name: str, old: str, new: str) -> int:
    """Replace `old` with `new`, and give the line `new` starts on."""
    path = content / name
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return text[: text.index(old)].count("\n") + 1


def test_check_refuses_a_control_character_from_a_yaml_escape_in_a_title_and_prints_it_escaped(small_content):
    rewrite(
        small_content, APRIL, "title: Monthly Assurance Meeting April 2019", 'title: "Monthly\\x01 Assurance Meeting"'
    )
    run = subprocess.run(
        [sys.executable, "build.py", "check", "--content", str(small_content)], cwd=ROOT, capture_output=True, text=True
    )
    assert run.returncode == 1 and "\x01" not in run.stderr and "Traceback" not in run.stderr
    assert run.stderr.splitlines()[0].endswith(
        f"content/{APRIL}:2: title: holds an invisible control character (U+0001), which cannot be published; "
        "expected plain text (in quotes, an escape such as \\x01 makes one)"
    )


# (file, text replaced, its replacement holding an escape, field)
FIELDS = [
    (APRIL, "venue: Meeting Room 1.38 Hindlip", 'venue: "Room\\x1b[31m 1"', "venue"),
    (APRIL, "    title: Roads policing", '    title: "Roads\\u2028policing"', "agenda[2].title"),
    (APRIL, "    role: Chief Constable", '    role: "Chief\\x7fConstable"', "attendees[2].role"),
    (
        APRIL,
        "  as_minuted: Performance, Tuesday 28 May 2019, 10:00am Room 1.38",
        '  as_minuted: "Performance\\x85"',
        "next_meeting.as_minuted",
    ),
    (APRIL, "  title: Monthly Assurance Meeting April 2019 – Meeting Notes", '  title: "Notes\\0"', "source.title"),
    ("site.yml", "title: Testshire PCC minutes", 'title: "Testshire\\b minutes"', "title"),
    ("people.yml", "  name: John Campion", '  name: "John\\ud800 Campion"', "[1].name"),
    ("glossary.yml", "  expansion: Chief Constable", '  expansion: "Chief\\x0cConstable"', "[2].expansion"),
]


@pytest.mark.parametrize("name, old, new, field", FIELDS, ids=[f[3] for f in FIELDS])
def test_every_kind_of_text_value_refuses_a_control_character_naming_its_field(small_content, name, old, new, field):
    line = rewrite(small_content, name, old, new)
    found = problems(small_content, linked=True)
    assert any(
        p.startswith(f"content/{name}:{line}: {field}: holds an invisible control character (U+") for p in found
    ), found


def test_an_item_of_a_list_of_texts_is_named_with_its_place(small_content):
    line = (
        rewrite(small_content, APRIL, "source:\n", 'editorial_notes:\n  - Fine.\n  - "Not\\x02 fine."\nsource:\n') + 2
    )
    found = problems(small_content, linked=True)
    assert any(
        p.startswith(f"content/{APRIL}:{line}: editorial_notes[2]: holds an invisible control character (U+0002)")
        for p in found
    ), found


def test_a_control_character_in_the_minutes_is_named_with_its_line_and_column(small_content):
    line = rewrite(small_content, APRIL, "None were discussed.", "None were\x0b discussed.")
    assert problems(small_content, linked=True) == [
        f"content/{APRIL}:{line}: body: holds an invisible control character (U+000B) at column 10, "
        "which cannot be published; delete it"
    ]


def test_a_control_character_typed_into_the_front_matter_is_named_with_its_line(small_content):
    line = rewrite(small_content, APRIL, "venue: Meeting Room 1.38 Hindlip", "venue: Meeting Room\x1b 1.38 Hindlip")
    assert problems(small_content, linked=True) == [
        f"content/{APRIL}:{line}: holds an invisible control character (U+001B), which cannot be published; delete it"
    ]


def test_a_control_character_in_the_about_page_is_named_with_its_line(small_content):
    (small_content / "about.md").write_text("# About\n\nThe \x07meetings.\n")
    assert problems(small_content, linked=True) == [
        "content/about.md:3: holds an invisible control character (U+0007) at column 5, "
        "which cannot be published; delete it"
    ]


# Odd but printable (a noncharacter is not: tests/properties/test_checks_of_the_checks.py): what check accepts
# here must reach the feed intact and well-formed.
ACCEPTED = [
    "Tab\there",
    "No-break\u00a0space",
    "Zero\u200bwidth",
    "Emoji 😀",
    "Private \ue000 use",
    "Mark\ufeffinside",
    "<b>&amp;</b> \"quotes\" 'and' ]]>",
]


@pytest.mark.parametrize("title", ACCEPTED, ids=range(len(ACCEPTED)))
def test_a_title_that_check_accepts_builds_a_well_formed_feed_holding_it(small_content, tmp_path, title):
    escaped = title.encode("unicode_escape").decode("ascii").replace('"', '\\"')
    rewrite(small_content, APRIL, "title: Monthly Assurance Meeting April 2019", f'title: "{escaped}"')
    build(Paths(content=small_content), tmp_path / "site")
    feed = ET.parse(tmp_path / "site/feed.xml").getroot()  # raises on a feed that is not well-formed
    assert title in [entry.findtext(f"{ATOM}title") for entry in feed.iter(f"{ATOM}entry")]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Rates \U0001f4b7 set", None),  # an emoji: beyond the Basic Multilingual Plane, and published
        ("a \U0001fffe b", "\U0001fffe"),
        ("a \U0010ffff b", "\U0010ffff"),
        ("\U0001f4b7\x01", "\x01"),
        ("\ufdd0", "\ufdd0"),
        ("caf\u00e9 \u2019quoted\u2019", None),
    ],
)
def test_the_first_unpublishable_character_is_found_within_the_plane_and_beyond_it(text, found):
    match = first_unpublishable(text)
    assert (match.group() if match else None) == found


def test_an_html_comment_in_the_minutes_is_refused_as_it_would_be_published_not_hidden(small_content):
    # Raw HTML is shown as text: a note an editor hides this way would be on the page, in the feed and the data.
    line = rewrite(small_content, APRIL, "## 2.1 ", "<!-- ask the clerk about the figures -->\n\n## 2.1 ")
    assert problems(small_content) == [
        f"content/{APRIL}:{line}: body: holds an HTML comment ('<!--') at column 1, which the site would publish as "
        "text, not hide; delete it, and keep notes that are not minutes outside content/"
    ]


def test_an_html_comment_on_the_about_page_is_refused_too(small_content):
    (small_content / "about.md").write_text("# About\n\nSee the clerk. <!-- draft -->\n", encoding="utf-8")
    assert any(
        p.startswith("content/about.md:3: ") and "holds an HTML comment ('<!--') at column 16" in p
        for p in problems(small_content)
    )


def test_an_html_comment_shown_as_code_is_not_refused(small_content):
    rewrite(
        small_content,
        APRIL,
        "## 2.1 ",
        "The website's pages carry `<!-- analytics -->` tags.\n\n```\n<!-- as printed -->\n```\n\n## 2.1 ",
    )
    assert [m.id for m in load_content(small_content).meetings]
