"""Snippets of the source texts (sources/) parsed with a small people.yml, shared by the importer's unit tests."""

from pathlib import Path

from minutebook.importer.found import Reference
from minutebook.importer.parse import parse
from minutebook.importer.read import text_lines

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "import"
PEOPLE = Reference(
    people=(
        ("john-campion", "John Campion"),
        ("tracey-onslow", "Tracey Onslow"),
        ("anthony-bangham", "Anthony Bangham"),
        ("amanda-blakeman", "Amanda Blakeman"),
        ("andy-champness", "Andy Champness"),
        ("martin-evans", "Martin Evans"),
        ("jackie-irvin", "Jackie Irvin"),
        ("chris-singer", "Chris Singer"),
        ("pippa-mills", "Pippa Mills"),
        ("julian-moss", "Julian Moss"),
        ("beth-bridges", "Beth Bridges"),
    )
)


def fixture(name: str, reference: Reference = PEOPLE):
    """An extract in tests/fixtures/import/, parsed."""
    return parse(text_lines((FIXTURES / name).read_text(encoding="utf-8")), reference)


def document(*lines: str, reference: Reference = PEOPLE):
    """Lines quoted from a seed, parsed."""
    return parse(list(lines), reference)
