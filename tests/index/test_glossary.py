"""What the search is told of the glossary: each abbreviation with its expansion, and any plural it cannot tell
by rule."""

from minutebook.model import GlossaryEntry
from minutebook.outputs.search.files import glossary_pairs

KSI = GlossaryEntry("KSI", "Killed and seriously injured", ("KSIs",))
FOUR_PS = GlossaryEntry("4Ps", "Pursue, Prevent, Protect and Prepare", ("4P's",))


def test_a_plural_made_by_adding_s_is_left_to_the_search_to_recognise():
    assert glossary_pairs((KSI,)) == [["KSI", "Killed and seriously injured"]]


def test_any_other_plural_is_given_to_the_search_with_its_entrys_expansion():
    assert glossary_pairs((FOUR_PS,)) == [
        ["4Ps", "Pursue, Prevent, Protect and Prepare"],
        ["4P's", "Pursue, Prevent, Protect and Prepare"],
    ]
