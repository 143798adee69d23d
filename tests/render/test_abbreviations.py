"""An abbreviation's first use on a meeting page links to its glossary entry; the minutes' words stay as written."""

import re

import lxml.html
import pytest

from minutebook.content.load import load_content
from minutebook.link import link
from tests.conftest import ASSURANCE, FIXTURES, build_site, copy_content

APRIL = "meetings/2019-04-30-monthly-assurance/index.html"
MAY = "meetings/2019-05-28-performance/index.html"
MAY_FILE = "meetings/2019-05-28-performance.md"
# Added to the May meeting's one item: a heading, a plural and an abbreviation inside a link.
MAY_TEXT = (
    "\n### KSIs and the PCC\n\n"
    "The PCC said that KSIs had risen, and that the [ANPR review](https://example.org/anpr) would report on the KSI "
    "target to the PCC.\n"
)


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    content = copy_content(FIXTURES / "small", tmp_path_factory.mktemp("abbreviations") / "content")
    with open(content / "glossary.yml", "a", encoding="utf-8") as glossary:
        glossary.write("- abbreviation: KSI\n  expansion: Killed and seriously injured\n  plural: KSIs\n")
    with open(content / MAY_FILE, "a", encoding="utf-8") as may:
        may.write(MAY_TEXT)
    return build_site(content, content.parent / "site")


def minutes(site, page: str):
    """The minutes' text of a meeting page: every item's, not the page's furniture."""
    tree = lxml.html.fromstring((site / page).read_text(encoding="utf-8"))
    return tree.find_class("item-text")


def links(site, page: str) -> list:
    return [a for text in minutes(site, page) for a in text.iter("a") if "abbreviation" in a.classes]


def test_the_first_use_of_an_abbreviation_links_to_its_entry_on_the_glossary_page(site):
    first = links(site, APRIL)[0]
    assert (first.text_content(), first.get("href")) == ("PCC", "../../glossary/index.html#abbr-PCC")
    glossary = lxml.html.fromstring((site / "glossary/index.html").read_text(encoding="utf-8"))
    assert glossary.get_element_by_id("abbr-PCC").text_content() == "PCCPolice and Crime Commissioner"


def test_the_link_is_named_with_what_the_abbreviation_stands_for(site):
    first = links(site, APRIL)[0]
    assert first.get("aria-label") == "PCC (Police and Crime Commissioner)"
    assert first.find("abbr").get("title") == "Police and Crime Commissioner"


def test_later_uses_on_the_page_are_left_as_plain_text(site):
    text = " ".join(t.text_content() for t in minutes(site, APRIL))
    assert text.count("ANPR") == 3
    assert [a.text_content() for a in links(site, APRIL)] == ["PCC", "ANPR", "DCC"]


def test_each_page_links_its_own_first_use(site):
    assert "PCC" in [a.text_content() for a in links(site, MAY)]


def test_a_plural_links_to_its_singulars_entry_and_counts_as_its_use(site):
    (plural,) = [a for a in links(site, MAY) if "KSI" in a.text_content()]
    assert (plural.text_content(), plural.get("href")) == ("KSIs", "../../glossary/index.html#abbr-KSI")
    assert plural.get("aria-label") == "KSIs (Killed and seriously injured)"


def test_an_abbreviation_in_a_heading_is_marked_but_never_a_link(site):
    (heading,) = [h for text in minutes(site, MAY) for h in text.iter("h3")]
    assert [(abbr.text, abbr.get("title")) for abbr in heading.iter("abbr")] == [
        ("KSIs", "Killed and seriously injured"),
        ("PCC", "Police and Crime Commissioner"),
    ]
    assert list(heading.iter("a")) == []


def test_an_abbreviation_inside_a_link_of_the_minutes_is_left_as_it_is(site):
    (review,) = [
        a for text in minutes(site, MAY) for a in text.iter("a") if a.get("href") == "https://example.org/anpr"
    ]
    assert (review.text_content(), list(review.iterdescendants())) == ("ANPR review", [])
    assert "ANPR" not in [a.text_content() for a in links(site, MAY)]


def test_the_minutes_read_word_for_word_as_written(site):
    (item,) = minutes(site, MAY)
    words = re.sub(r"\s+", " ", item.text_content()).strip()
    assert words == (
        "The latest confidence data shows a deterioration in performance compared to the previous quarter. "
        "KSIs and the PCC "
        "The PCC said that KSIs had risen, and that the ANPR review would report on the KSI target to the PCC."
    )


def test_the_glossary_has_one_entry_per_abbreviation_with_its_plural_beside_it(real_site):
    glossary = lxml.html.fromstring((real_site / "glossary/index.html").read_text(encoding="utf-8"))
    entries = {dt.text_content(): dt.getnext().text_content() for dt in glossary.iter("dt")}
    abbreviations = [e.abbreviation for e in link(load_content(ASSURANCE)).content.glossary]
    assert sorted(entries) == sorted(abbreviations)
    assert "KSIs" not in entries and "4P's" not in entries
    assert entries["KSI"] == "Killed and seriously injured (also written KSIs)"
    assert entries["4Ps"] == "Pursue, Prevent, Protect and Prepare (also written 4P's)"
