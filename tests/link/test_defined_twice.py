"""An entry defined twice in a reference file is named at both places, so the editor can choose which to keep."""

import pytest

from minutebook.content.load import load_content
from minutebook.link import link
from minutebook.model import InvalidContent


def problems(content) -> list[str]:
    with pytest.raises(InvalidContent) as raised:
        link(load_content(content))
    return [str(e) for e in raised.value.errors]


def test_a_glossary_abbreviation_given_twice_is_named_with_both_places(small_content):
    glossary = small_content / "glossary.yml"
    lines = glossary.read_text().count("\n")
    glossary.write_text(glossary.read_text() + "- abbreviation: PCC\n  expansion: Police Community Cohesion\n")
    assert problems(small_content) == [
        f"content/glossary.yml:{lines + 1}: abbreviation: abbreviation 'PCC' is defined twice "
        "(first at content/glossary.yml:1); keep one"
    ]


def test_a_person_given_twice_is_named_with_both_places(small_content):
    people = small_content / "people.yml"
    lines = people.read_text().count("\n")
    people.write_text(people.read_text() + "- slug: john-campion\n  name: John Campion\n")
    assert problems(small_content) == [
        f"content/people.yml:{lines + 1}: slug: person 'john-campion' is defined twice "
        "(first at content/people.yml:1); keep one"
    ]
