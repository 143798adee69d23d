"""The glossary: one entry per abbreviation, with the plural the minutes write beside it."""

import pytest

from minutebook.content.load import load_content
from minutebook.link import link
from minutebook.model import InvalidContent
from tests.conftest import ASSURANCE

KSI = "- abbreviation: KSI\n  expansion: Killed and seriously injured\n"


def glossary_of(content, text: str):
    (content / "glossary.yml").write_text(text, encoding="utf-8")
    return load_content(content).glossary


def test_an_entry_names_its_plural(small_content):
    (entry,) = glossary_of(small_content, KSI + "  plural: KSIs\n")
    assert (entry.abbreviation, entry.plurals, entry.forms) == ("KSI", ("KSIs",), ("KSI", "KSIs"))


def test_an_entry_names_each_way_the_minutes_write_its_plural(small_content):
    (entry,) = glossary_of(
        small_content, "- abbreviation: LPA\n  expansion: Local policing area\n  plural: [LPAs, LPA's]\n"
    )
    assert entry.plurals == ("LPAs", "LPA's")


def test_an_entry_without_a_plural_has_only_its_abbreviation(small_content):
    (entry,) = glossary_of(small_content, KSI)
    assert entry.forms == ("KSI",)


def test_a_plural_that_is_not_text_is_named_with_file_line_and_field(small_content):
    with pytest.raises(InvalidContent) as raised:
        glossary_of(small_content, KSI + "  plural:\n    many: KSIs\n")
    assert [str(e) for e in raised.value.errors] == [
        "content/glossary.yml:3: [1].plural: is a mapping; expected the plural as the minutes write it, "
        "such as KSIs, or a list of them"
    ]


def test_each_plural_the_real_glossary_once_listed_as_an_entry_is_now_its_singulars():
    glossary = link(load_content(ASSURANCE)).content.glossary
    entry_of = {form: entry.abbreviation for entry in glossary for form in entry.forms}
    assert {
        p: entry_of[p] for p in ("KSIs", "AFOs", "ARVs", "4P's", "SNTs", "LPAs", "RTCs", "LROs", "OCGs", "SOCJAGs")
    } == {
        "KSIs": "KSI",
        "AFOs": "AFO",
        "ARVs": "ARV",
        "4P's": "4Ps",
        "SNTs": "SNT",
        "LPAs": "LPA",
        "RTCs": "RTC",
        "LROs": "LRO",
        "OCGs": "OCG",
        "SOCJAGs": "SOCJAG",
    }
