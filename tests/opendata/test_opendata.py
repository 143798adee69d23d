"""data/: meetings and actions as JSON and CSV, plain text, each record with its permalink."""

import csv
import io
import json
import posixpath
import re

import pytest

from minutebook.outputs.opendata import (
    ACTION_FIELDS,
    CSV_FIELDS,
    DATASETS,
    MEETING_FIELDS,
    actions_csv,
    data_files,
    datasets,
    record_text,
    safe_cell,
)
from minutebook.pipeline import Paths, load_archive
from minutebook.site.markup import Abbreviations, make_parser, render_items
from tests.conftest import ASSURANCE, PUBLIC_ADDRESS, ROOT

TAG = re.compile(r"<[a-zA-Z/][^>]*>")


def load(site, name):
    return json.loads((site / "data" / name).read_text(encoding="utf-8"))


def rows(site):
    return list(csv.DictReader(io.StringIO((site / "data/actions.csv").read_text(encoding="utf-8"), newline="")))


def texts_of(archive):
    md, abbreviations = make_parser(), Abbreviations(archive.content.glossary, "../../glossary/index.html")
    return lambda meeting: render_items(md, meeting, abbreviations)


def test_there_is_one_record_per_meeting_and_per_action(real_site):
    archive = load_archive(Paths(content=ASSURANCE))
    assert [m["id"] for m in load(real_site, "meetings.json")["meetings"]] == [m.id for m in archive.meetings]
    assert [a["id"] for a in load(real_site, "actions.json")["actions"]] == [t.action.id for t in archive.actions]
    assert [r["id"] for r in rows(real_site)] == [t.action.id for t in archive.actions]


def test_records_have_exactly_the_documented_fields(real_site):
    assert all(list(m) == [f.name for f in MEETING_FIELDS] for m in load(real_site, "meetings.json")["meetings"])
    assert all(list(a) == [f.name for f in ACTION_FIELDS] for a in load(real_site, "actions.json")["actions"])
    assert list(rows(real_site)[0]) == [f.name for f in CSV_FIELDS]


def test_every_field_is_described_in_the_open_data_docs():
    docs = (ROOT / "docs/open-data.md").read_text(encoding="utf-8")
    for dataset in DATASETS:
        assert dataset.path in docs
        for field in dataset.fields:
            assert f"`{field.name}`" in docs, f"{dataset.path}: {field.name} is not in docs/open-data.md"


def test_every_permalink_resolves_from_the_data_folder_to_a_built_page(real_site):
    links = [m["url"] for m in load(real_site, "meetings.json")["meetings"]]
    links += [i["url"].split("#")[0] for m in load(real_site, "meetings.json")["meetings"] for i in m["agenda"]]
    links += [a["url"] for a in load(real_site, "actions.json")["actions"]] + [r["url"] for r in rows(real_site)]
    for link in links:
        assert (real_site / posixpath.normpath(posixpath.join("data", link)) / "index.html").is_file(), link


def test_absolute_permalinks_only_with_a_base_url(real_site, addressed_site):
    assert all(m["absolute_url"] is None for m in load(real_site, "meetings.json")["meetings"])
    meetings = load(addressed_site, "meetings.json")["meetings"]
    assert all(m["absolute_url"] == f"{PUBLIC_ADDRESS}meetings/{m['id']}/" for m in meetings)
    assert all(r["absolute_url"] == f"{PUBLIC_ADDRESS}actions/{r['id']}/" for r in rows(addressed_site))


def test_text_is_carried_as_plain_text_never_html(real_site):
    for name in ("meetings.json", "actions.json"):
        raw = (real_site / "data" / name).read_text(encoding="utf-8")
        assert not TAG.search(raw), TAG.search(raw)
    item = load(real_site, "meetings.json")["meetings"][2]["agenda"][2]
    assert "ANPR" in item["text"] and "&amp;" not in item["text"]


def test_markdown_formatting_is_taken_out_of_item_text(small_content):
    path = small_content / "meetings/2019-04-30-monthly-assurance.md"
    path.write_text(
        path.read_text().replace(
            "None were discussed.", "None were **discussed** at <b>all</b> & [more](https://example.org)."
        )
    )
    archive = load_archive(Paths(content=small_content))
    meetings = json.loads(data_files(archive, texts_of(archive))["data/meetings.json"])["meetings"]
    assert meetings[0]["agenda"][0]["text"] == "None were discussed at <b>all</b> & more."


@pytest.mark.parametrize("start", ["=", "+", "-", "@"])
def test_a_cell_that_a_spreadsheet_would_run_as_a_formula_is_made_text(start):
    assert safe_cell(f'{start}HYPERLINK("http://evil.example")') == f'\'{start}HYPERLINK("http://evil.example")'
    assert safe_cell("Chief Constable") == "Chief Constable"


def test_hostile_action_text_is_quoted_and_defused_in_the_csv(small_content):
    path = small_content / "meetings/2019-04-30-monthly-assurance.md"
    hostile = "=cmd|' /C calc'!A0, \"quoted\", and\\nmore"
    text = path.read_text().replace(
        "text: The DCC to review the success criteria in the ANPR business case to see if they have been achieved.",
        "text: " + json.dumps(hostile.replace("\\n", "\n")),
    )
    path.write_text(text)
    archive = load_archive(Paths(content=small_content))
    records = json.loads(data_files(archive, texts_of(archive))["data/actions.json"])["actions"]
    parsed = list(csv.DictReader(io.StringIO(actions_csv(records).decode("utf-8"), newline="")))
    assert parsed[0]["text"] == "'" + hostile.replace("\\n", "\n")


def test_the_data_page_links_to_every_file_and_is_linked_from_home_and_footer(real_site):
    page = (real_site / "data/index.html").read_text(encoding="utf-8")
    for dataset in datasets(load_archive(Paths(content=ASSURANCE))):
        assert f'href="{dataset.path.split("/")[-1]}"' in page
    assert 'href="data/index.html"' in (real_site / "index.html").read_text(encoding="utf-8")
    assert 'href="../../data/index.html"' in (real_site / "meetings/2019-04-30-monthly-assurance/index.html").read_text(
        encoding="utf-8"
    )


@pytest.mark.parametrize("name, key", [("meetings.json", "meetings"), ("actions.json", "actions")])
def test_a_file_joined_from_kept_records_is_what_one_json_dumps_would_write(name, key):
    # The build keeps each meeting's record between builds and joins them; the result must not show it.
    archive = load_archive(Paths(content=ASSURANCE))
    written = data_files(archive, texts_of(archive), PUBLIC_ADDRESS)[f"data/{name}"].decode("utf-8")
    payload = {"title": archive.site.title, "publisher": archive.site.organisation, key: json.loads(written)[key]}
    assert written == json.dumps(payload, ensure_ascii=False, indent=2) + "\n"


def test_a_data_file_is_written_as_the_standard_library_would_indent_it(real_site):
    # The records are written by orjson, for speed; a reader of the files sees json.dumps(..., indent=2)'s bytes.
    files = sorted((real_site / "data").glob("*.json"))
    assert {"meetings.json", "actions.json", "ocd-events.json", "popolo.json"} <= {f.name for f in files}
    for file in files:
        written = file.read_text(encoding="utf-8")
        assert written == json.dumps(json.loads(written), ensure_ascii=False, indent=2) + "\n", file.name


@pytest.mark.parametrize(
    "value",
    [
        "Café, naïve, 😀 and a line\u2028separator",
        'a "quoted" back\\slash/and\ttab\nnew line',
        "\x1f\x7f\ufeff",
        [],
        {},
        [{"nested": [], "empty": {}}, None, True, False, 0, -12, 10**15],
    ],
)
def test_a_record_is_indented_for_its_place_in_its_file(value):
    record = {"id": "2019-06-18", "value": value}
    expected = "    " + json.dumps(record, ensure_ascii=False, indent=2).replace("\n", "\n    ")
    assert record_text(record) == expected.encode("utf-8")
