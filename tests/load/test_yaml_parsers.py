"""The same YAML means the same with PyYAML's C library (libyaml) and without it: every value below
is read through both parsers, forced in turn, and must come out as the table says."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from minutebook.content import yamltext
from minutebook.content.load import load_content
from minutebook.link import link
from minutebook.model import InvalidContent

APRIL = "meetings/2019-04-30-monthly-assurance.md"


def parser_param(name):
    return pytest.param(
        name, marks=pytest.mark.skipif(name not in yamltext.PARSERS, reason=f"PyYAML was built without {name}")
    )


PARSERS = [parser_param("libyaml"), parser_param("python")]

# (how it is written, what it means); nothing is type-guessed, and only a plain ~, null or nothing is "no value".
VALUES = [
    ("a: null", None),
    ("a: Null", None),
    ("a: NULL", None),
    ("a: ~", None),
    ("a:", None),
    ("a:   # nothing but a comment", None),
    ('a: ""', ""),
    ("a: ''", ""),
    ('a: "null"', "null"),
    ("a: '~'", "~"),
    ("a: !!str", ""),
    ("a: nULL", "nULL"),
    ("a: none", "none"),
    ("a: yes", "yes"),
    ("a: No", "No"),
    ("a: true", "true"),
    ("a: off", "off"),
    ("a: 1_000", "1_000"),
    ("a: 0x1F", "0x1F"),
    ("a: 0o17", "0o17"),
    ("a: 1e3", "1e3"),
    ("a: .inf", ".inf"),
    ("a: .NaN", ".NaN"),
    ("a: 007", "007"),
    ("a: 10:30", "10:30"),
    ("a: 2019-04-30", "2019-04-30"),
    ("a: 2019-04-30 10:00:00", "2019-04-30 10:00:00"),
    ('a: "x\ty"', "x\ty"),
    ('a: "\\t"', "\t"),
    ("a: |\n  one\ttwo\n", "one\ttwo\n"),
    ("a: >-\n  one\n  two\n", "one two"),
    ("a: one\n  two", "one two"),
    ('a: "\\u00e9\\N"', "é\x85"),
]


@pytest.mark.parametrize("parser", PARSERS)
@pytest.mark.parametrize("text, meaning", VALUES, ids=[v[0] for v in VALUES])
def test_each_value_means_the_same_through_each_parser(parser, text, meaning):
    assert yamltext.parse(text, parser=parser) == {"a": meaning}


@pytest.mark.parametrize("parser", PARSERS)
def test_an_empty_item_in_a_list_is_no_value_through_each_parser(parser):
    assert yamltext.parse("- \n- ~\n- ''", parser=parser) == [None, None, ""]


# (how it is written, the line named, words of the message): each refused alike by both parsers.
REFUSED = [
    ("a: x\ty", 1, "a tab where YAML expects spaces"),
    ("a: b\t", 1, "a tab where YAML expects spaces"),
    ("a:\n\t- b", 2, "a tab where YAML expects spaces"),
    ("a: |#\n  b", 1, "YAML syntax error"),
    ("a: \x01", 1, "control character (U+0001)"),
    ("a: b\nc: x\x85y", 2, "control character (U+0085)"),
    ("a: x\u2028y", 1, "control character (U+2028)"),
    ("a: b\n\ufeffc: d", 2, "control character (U+FEFF)"),
    ("%YAML 1.3\n---\na: b", 1, "%YAML 1.3 is not a YAML version"),
    ("a: [b", 1, "YAML syntax error"),
    ("a: b\nc", 2, "YAML syntax error"),
    ("a: b\n  c: d", 2, "YAML syntax error"),
    # The commonest slips, each with what to do about it.
    ("title: Meeting: January", 1, 'a value holding a colon and a space must be in quotes, such as title: "Meeting'),
    ("date: 2020-01-01\n title: x", 2, "this line is indented differently from the field above it"),
    ('title: "Full Council": March', 1, "a value holding a colon and a space must be in quotes"),
    ("venue: Village Hall,\n  Room 2: upstairs", 2, "goes on from the line above holds a colon and a space: put the"),
    ("title: 'Bob's meeting'", 1, "write an apostrophe in it twice ('Bob''s') or put the value in double quotes"),
    ('title: "He said "hi" to"', 1, 'a value in double quotes ends at the next ", so write a double quote'),
    ("a: " + "[" * 1000 + "]" * 1000, 1, "nested more than 50 deep"),
    ("a:\n" + "".join("  " * depth + "- \n" for depth in range(1, 1001)), 52, "nested more than 50 deep"),
    ("a:\n" + "".join("  " * depth + "b:\n" for depth in range(1, 1001)), 51, "nested more than 50 deep"),
]


@pytest.mark.parametrize("parser", PARSERS)
@pytest.mark.parametrize("text, line, words", REFUSED, ids=[repr(r[0])[:30] for r in REFUSED])
def test_each_refusal_is_the_same_through_each_parser(parser, text, line, words):
    with pytest.raises(yamltext.YamlProblem) as raised:
        yamltext.parse(text, parser=parser)
    assert raised.value.line == line and words in raised.value.message, raised.value.message


def outcome(text: str, parser: str):
    try:
        value = yamltext.parse(text, parser=parser)
    except yamltext.YamlProblem as exc:
        return "refused", exc.line, exc.message
    return "read", value, _lines(value)


def _lines(value):
    """Where each entry is, all the way down: part of what a text means to the loader."""
    if isinstance(value, dict):
        return value.line, value.lines, {k: _lines(v) for k, v in value.items()}
    if isinstance(value, list):
        return value.line, value.lines, [_lines(v) for v in value]
    return None


PIECES = [
    "key",
    "x y",
    ": ",
    ":",
    " ",
    "  ",
    "\n",
    "\n  ",
    "\n- ",
    "- ",
    "[",
    "]",
    "{",
    "}",
    ", ",
    '"a\\"b"',
    "'it''s'",
    '"\\x01"',
    '"\\ud800"',
    "# note",
    "!!str ",
    "!x ",
    "? ",
    "|",
    ">-",
    "|#",
    "~",
    "null",
    "---\n",
    "...\n",
    "%YAML 1.3\n",
    "\t",
    "é",
    "\ufeff",
    "\u2028",
    "10:00",
    "&a ",
    "*a",
    "0x1F",
    "<<: ",
]


@pytest.mark.skipif("libyaml" not in yamltext.PARSERS, reason="PyYAML was built without libyaml")
@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=16).map("".join))
def test_any_text_is_read_or_refused_alike_by_both_parsers(text):
    assert outcome(text, "libyaml") == outcome(text, "python")


@pytest.mark.parametrize("parser", PARSERS)
@pytest.mark.parametrize("written", ["title: ~", "title: null", "title:", 'title: ""'])
def test_a_required_field_left_empty_is_named_alike_however_it_is_written(small_content, monkeypatch, parser, written):
    monkeypatch.setattr(yamltext, "PREFERRED", parser)
    path = small_content / APRIL
    path.write_text(path.read_text().replace("title: Monthly Assurance Meeting April 2019", written, 1))
    with pytest.raises(InvalidContent) as raised:
        link(load_content(small_content))
    assert [str(e) for e in raised.value.errors] == [f"content/{APRIL}:2: title: is empty; it is required (text)"]


@pytest.mark.parametrize("parser", PARSERS)
def test_an_optional_list_left_empty_means_none_through_each_parser(small_content, monkeypatch, parser):
    monkeypatch.setattr(yamltext, "PREFERRED", parser)
    path = small_content / "meetings/2019-05-28-performance.md"
    path.write_text(path.read_text().replace("---\n", "---\nactions:\neditorial_notes: ~\n", 1))
    meeting = next(m for m in load_content(small_content).meetings if m.id == path.stem)
    assert meeting.actions == () and meeting.editorial_notes == ()
