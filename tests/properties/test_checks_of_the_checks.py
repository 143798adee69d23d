"""Plain examples of what the properties found: each failed before its fix."""

import xml.etree.ElementTree as ET

from tests.properties.published import APRIL, Archive, everywhere, outcome, renamed, small


def test_check_refuses_a_noncharacter_in_a_title_where_it_is():
    refused = outcome(small().replace(APRIL, "title: Monthly Assurance Meeting April 2019", 'title: "April \\ufdd0"'))
    assert refused.problems == [
        f"content/{APRIL}:2: title: holds a noncharacter (U+FDD0), which cannot be published; "
        "expected plain text (in quotes, an escape such as \\x01 makes one)"
    ]


def test_check_refuses_a_noncharacter_beyond_the_first_plane_in_the_minutes():
    refused = outcome(small().replace(APRIL, "None were discussed.", "None were discussed.\U0010ffff"))
    assert refused.problems == [
        f"content/{APRIL}:45: body: holds a noncharacter (U+10FFFF) at column 21, which cannot be published; delete it"
    ]


def test_a_meeting_before_london_kept_greenwich_time_is_in_the_feed_in_utc():
    archive = small().replace(APRIL, "date: 2019-04-30", "date: 1846-04-30")
    published = outcome(renamed(archive, APRIL, "meetings/1846-04-30-monthly-assurance.md"))
    atom = "{http://www.w3.org/2005/Atom}"
    entry = next(
        e
        for e in ET.fromstring(published.site["feed.xml"]).iter(f"{atom}entry")
        if "1846" in e.findtext(f"{atom}published")
    )
    assert entry.findtext(f"{atom}published") == "1846-04-30T10:01:15Z"  # 10:00 London mean time


def test_check_refuses_an_action_id_too_long_to_name_its_page():
    long_id = "a" * 101
    refused = outcome(everywhere(small(), "2019-04-30-1", long_id, APRIL))
    assert (
        f"content/{APRIL}:28: actions[1].id: '{'a' * 59}…' is 101 characters long; "
        "an action id may have at most 100, as it names a page" in refused.problems
    )


def test_an_action_id_of_a_hundred_characters_is_published():
    assert "actions/" + "a" * 100 + "/index.html" in outcome(everywhere(small(), "2019-04-30-1", "a" * 100, APRIL)).site


def test_check_refuses_item_numbers_differing_only_in_case_naming_both():
    archive = (
        small()
        .replace(APRIL, '  - number: "1.1"', '  - number: "2.1A"')
        .replace(APRIL, "## 1.1 Outstanding", "## 2.1A Outstanding")
    )
    archive = archive.replace(APRIL, '  - number: "2.1"', '  - number: "2.1a"').replace(
        APRIL, '    item: "2.1"', '    item: "2.1a"'
    )
    refused = outcome(archive.replace(APRIL, "## 2.1 Roads", "## 2.1a Roads"))
    assert (
        f"content/{APRIL}:24: agenda[2].number: '2.1a' differs from '2.1A' (line 22) only in case, "
        "and a reader would take them for one item; item numbers must differ in more than case" in refused.problems
    )


def test_a_long_line_of_spaces_after_a_heading_is_checked():
    # Before, the heading pattern backtracked on such a line for longer than anyone would wait.
    refused = outcome(
        small().replace(APRIL, "## 1.1 Outstanding matters / items brought forward", "## 1.1" + " " * 20_000 + "x")
    )
    assert refused.problems[0].startswith(f"content/{APRIL}:43: body: heading '1.1")


def test_check_refuses_a_source_address_holding_a_space_as_the_site_addresses_are():
    refused = outcome(
        small().replace(
            APRIL,
            "  title: Monthly Assurance Meeting April 2019 – Meeting Notes",
            "  title: Notes\n  url: https://example.org/a b",
        )
    )
    assert refused.problems == [
        f"content/{APRIL}:41: source.url: holds a space, which no web address can; expected an address such as https://www.example.gov.uk/contact/"
    ]


def test_a_long_line_of_spaces_in_the_about_pages_title_is_checked():
    # Before, the about page's heading pattern backtracked on such a line for longer than anyone would wait.
    archive = Archive({**small().files, "about.md": "# About" + " " * 20_000 + "x ##\n\nThe meetings.\n"}, "about.md")
    assert "About" + " " * 20_000 + "x" in outcome(archive).site["about/index.html"].decode()
