"""Plain examples of what the properties found: each failed before its fix."""
from tests.properties.published import APRIL, outcome, small


def test_check_refuses_a_noncharacter_in_a_title_where_it_is():
    refused = outcome(small().replace(APRIL, "title: Monthly Assurance Meeting April 2019", 'title: "April \\ufdd0"'))
    assert refused.problems == [f"content/{APRIL}:2: title: holds a noncharacter (U+FDD0), which cannot be published; "
                                "expected plain text (in quotes, an escape such as \\x01 makes one)"]


def test_check_refuses_a_noncharacter_beyond_the_first_plane_in_the_minutes():
    refused = outcome(small().replace(APRIL, "None were discussed.", "None were discussed.\U0010ffff"))
    assert refused.problems == [f"content/{APRIL}:45: body: holds a noncharacter (U+10FFFF) at column 21, which cannot be published; delete it"]
