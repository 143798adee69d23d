"""The fixture archives of other bodies, built as an editor builds them: with the command line."""

from __future__ import annotations

import contextlib
import io
import re
from html import unescape
from pathlib import Path

from minutebook.cli import main
from tests.conftest import FIXTURES

PARISH = FIXTURES / "parish"
PANEL = FIXTURES / "panel"
CITY = FIXTURES / "citycouncil"
# The city council with a second committee, its planning commission: committees get pages of their own.
COMMITTEES = FIXTURES / "committees"
NOVEMBER = "meetings/2017-11-14-parish-council/index.html"
DECEMBER = "meetings/2017-12-12-parish-council/index.html"
SEPTEMBER = "meetings/2020-09-21-police-and-crime-panel/index.html"
JUNE = "meetings/2019-06-18-city-council/index.html"  # summer time: UTC-7
JANUARY = "meetings/2020-01-07-city-council/index.html"  # standard time: UTC-8


def run(*argv: str) -> tuple[int, str]:
    """`python build.py ARGV`: its exit code and everything it printed."""
    said = io.StringIO()
    with contextlib.redirect_stdout(said), contextlib.redirect_stderr(said):
        code = main(list(argv))
    return code, said.getvalue()


def build(content: Path, out: Path) -> Path:
    code, said = run("--content", str(content), "--out", str(out), "--quiet")
    assert code == 0, said
    return out


def text(html: str) -> str:
    """What a reader sees of `html`: its words, tags gone, spaces made single."""
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())


def main_of(site: Path, page: str) -> str:
    """The <main> of a built page, as HTML."""
    html = (site / page).read_text(encoding="utf-8")
    return html[html.index("<main") : html.index("</main>")]
