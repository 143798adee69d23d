"""The loader reads each record as minutebook/content/schema.py declares it: the fields it allows,
those it requires, and what its messages say was expected.

The complete fixture is the small one with every declared field given somewhere: a value put
wrong in any of them is reported under its name, which shows the loader reads every field the
schema declares; and as reading an undeclared field is a fault, the loader reads no other.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from minutebook.content import schema
from minutebook.content.load import Fields, load_content
from minutebook.link import link
from minutebook.model import InvalidContent
from tests.conftest import FIXTURES, copy_content

COMPLETE = FIXTURES / "complete"
FILES = {  # each reference file: the record each of its entries is
    "site.yml": schema.SITE,
    "themes.yml": schema.THEME,
    "people.yml": schema.PERSON_RECORD,
    "glossary.yml": schema.GLOSSARY_ENTRY,
    "action-updates.yml": schema.UPDATE_BETWEEN_MEETINGS,
}


def read(path: Path) -> tuple[object, str]:
    """A content file's YAML, every value as text, and the meeting body after it (if any)."""
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".md":
        _, front, body = text.split("---\n", 2)
        return yaml.load(front, Loader=yaml.BaseLoader), body
    return yaml.load(text, Loader=yaml.BaseLoader), ""


def write(path: Path, data, body: str) -> None:
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000)
    path.write_text(f"---\n{text}---\n{body}" if path.suffix == ".md" else text, encoding="utf-8")


def records(content: Path):
    """Every record in the content: (file, its place in the file's YAML, its field label, the record, its data)."""

    def within(data, place, label, record):
        yield place, label, record, data
        for field in record.fields:
            kind, value = field.kind, data.get(field.name)
            if kind.record and isinstance(value, dict):
                yield from within(value, (*place, field.name), f"{label}{field.name}.", kind.record)
            elif kind.record and isinstance(value, list):
                for index, entry in enumerate(value):
                    yield from within(
                        entry, (*place, field.name, index), f"{label}{field.name}[{index + 1}].", kind.record
                    )

    for path in sorted(content.rglob("*.yml")) + sorted(content.rglob("*.md")):
        name = path.relative_to(content).as_posix()
        data, _ = read(path)
        record = FILES.get(name, schema.MEETING)
        entries = (
            [((index,), f"[{index + 1}].", entry) for index, entry in enumerate(data)]
            if isinstance(data, list)
            else [((), "", data)]
        )
        for place, label, entry in entries:
            for found in within(entry, place, label, record):
                yield (name, *found)


def first_use(content: Path, record: schema.Record, field: str):
    """(file, place, label) of the first record of its kind that gives `field`."""
    return next(
        (name, place, label) for name, place, label, r, data in records(content) if r is record and field in data
    )


def at(data, place):
    for step in place:
        data = data[step]
    return data


def change(content: Path, name: str, place, how) -> None:
    data, body = read(content / name)
    how(at(data, place))
    write(content / name, data, body)


def problems(content: Path) -> list[str]:
    """What the loader finds wrong; not what linking would, such as an update to an action no meeting holds."""
    try:
        load_content(content)
    except InvalidContent as invalid:
        return [str(e) for e in invalid.errors]
    return []


DECLARED = [(record, field) for record in schema.RECORDS for field in record.fields]
REQUIRED = [(record, field) for record, field in DECLARED if field.required]
OPTIONAL = [(record, field) for record, field in DECLARED if not field.required]


def ids(pair) -> str:
    return f"{pair[0].name}.{pair[1].name}" if isinstance(pair, tuple) else ""


@pytest.fixture
def complete(tmp_path) -> Path:
    return copy_content(COMPLETE, tmp_path / "content")


def test_the_complete_fixture_gives_every_declared_field_and_loads_without_a_problem():
    given = {(record.name, name) for _, _, _, record, data in records(COMPLETE) for name in data}
    assert given == {(record.name, field.name) for record, field in DECLARED}
    assert link(load_content(COMPLETE)).meetings


@pytest.mark.parametrize("record, field", DECLARED, ids=[ids(pair) for pair in DECLARED])
def test_every_declared_field_is_read_so_a_wrong_value_in_it_is_named(complete, record, field):
    name, place, label = first_use(complete, record, field.name)
    wrong, words = (
        (["wrong"], "is a list;")
        if field.kind.record and not field.kind.name.startswith("a list")
        else ({"wrong": "x"}, "is a mapping;")
    )
    change(complete, name, place, lambda data: data.__setitem__(field.name, wrong))
    found = problems(complete)
    assert any(p.startswith(f"content/{name}:") and f": {label}{field.name}: {words}" in p for p in found), found


@pytest.mark.parametrize("record, field", REQUIRED, ids=[ids(pair) for pair in REQUIRED])
def test_a_required_field_left_out_is_named_with_what_the_schema_expects(complete, record, field):
    name, place, label = first_use(complete, record, field.name)
    change(complete, name, place, lambda data: data.pop(field.name))
    found = problems(complete)
    missing = f": {label}{field.name}: is missing; it is required ({field.kind.expected})"
    assert any(p.startswith(f"content/{name}:") and p.endswith(missing) for p in found), found


@pytest.mark.parametrize("record, field", OPTIONAL, ids=[ids(pair) for pair in OPTIONAL])
def test_an_optional_field_may_be_left_out(complete, record, field):
    name, place, _ = first_use(complete, record, field.name)
    number = at(read(complete / name)[0], place).get("number") if field is schema.AGENDA_ITEM["number"] else None
    change(complete, name, place, lambda data: data.pop(field.name))
    if number:  # an item without a number is headed by its title alone
        path = complete / name
        path.write_text(path.read_text(encoding="utf-8").replace(f"\n## {number} ", "\n## ", 1), encoding="utf-8")
    assert problems(complete) == []


@pytest.mark.parametrize("record", schema.RECORDS, ids=[r.name for r in schema.RECORDS])
def test_an_unknown_field_is_refused_with_the_fields_the_schema_declares(complete, record):
    name, place, label = first_use(complete, record, record.fields[0].name)
    change(complete, name, place, lambda data: data.__setitem__("colour", "red"))
    expected = f": {label}colour: is not a known field; expected one of: {', '.join(record.names)}"
    found = problems(complete)
    assert any(p.startswith(f"content/{name}:") and p.endswith(expected) for p in found), found


def test_a_cancelled_meeting_may_leave_out_just_the_fields_declared_required_unless_cancelled():
    declared = [f.name for f in schema.MEETING.fields if f.unless_cancelled]
    assert declared == ["attendees", "agenda"]
    june, _ = read(FIXTURES / "status/meetings/2019-06-25-monthly-assurance.md")
    assert june["status"] == "cancelled" and not set(declared) & set(june)
    assert load_content(FIXTURES / "status").meetings[-1].status == "cancelled"


def test_reading_a_field_the_schema_does_not_declare_is_a_fault_in_minutebook():
    errors = []
    person = Fields(
        schema.PERSON_RECORD, {"slug": "john-campion", "name": "John Campion"}, "content/people.yml", "[1]", errors, 1
    )
    with pytest.raises(KeyError, match="declares no field 'role'"):
        person.text("role")
