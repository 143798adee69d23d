"""Each way of writing an abbreviation leads to one glossary entry; a second is named with its file and line."""

import pytest

from minutebook.content.load import load_content
from minutebook.link import link
from minutebook.model import InvalidContent

KSI = "- abbreviation: KSI\n  expansion: Killed and seriously injured\n"


def problems(content, glossary: str) -> list[str]:
    (content / "glossary.yml").write_text(glossary, encoding="utf-8")
    with pytest.raises(InvalidContent) as raised:
        link(load_content(content))
    return [str(e) for e in raised.value.errors]


def test_an_abbreviation_given_twice_is_named_with_file_and_line(small_content):
    assert problems(small_content, KSI + KSI) == [
        "content/glossary.yml:3: abbreviation: abbreviation 'KSI' is defined twice "
        "(first at content/glossary.yml:1); keep one"
    ]


def test_a_plural_given_an_entry_of_its_own_is_named(small_content):
    plural = "- abbreviation: KSIs\n  expansion: Killed and seriously injured\n"
    assert problems(small_content, plural + KSI + "  plural: KSIs\n") == [
        "content/glossary.yml:3: plural: 'KSIs' is already in the glossary at content/glossary.yml:1; "
        "keep one entry for it, with its plural under plural:"
    ]


def test_a_plural_that_is_the_abbreviation_itself_is_named(small_content):
    assert problems(small_content, KSI + "  plural: KSI\n") == [
        "content/glossary.yml:1: plural: 'KSI' is already written in this entry; list each form once"
    ]


def test_letter_case_tells_two_abbreviations_apart(small_content):
    (small_content / "glossary.yml").write_text(
        "- abbreviation: CEX\n  expansion: Chief Executive Officer\n- abbreviation: CEx\n"
        "  expansion: Chief Executive\n",
        encoding="utf-8",
    )
    assert [e.anchor for e in link(load_content(small_content)).content.glossary] == ["abbr-CEX", "abbr-CEx"]


def test_two_abbreviations_that_would_share_an_id_on_the_glossary_page_are_named(small_content):
    glossary = (
        "- abbreviation: LGBT\n  expansion: Lesbian, gay, bisexual and transgender\n- abbreviation: LGBT+\n"
        "  expansion: Lesbian, gay, bisexual and transgender, and more\n"
    )
    assert problems(small_content, glossary) == [
        "content/glossary.yml:3: abbreviation: 'LGBT+' would share the glossary's address #abbr-LGBT with 'LGBT' at "
        "content/glossary.yml:1; make them differ in more than punctuation"
    ]
