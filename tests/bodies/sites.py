"""The fixture archives of other bodies, built as an editor builds them: with the command line."""

from __future__ import annotations

import contextlib
import io
import re
from html import unescape
from pathlib import Path

from minutebook.cli import main
from tests.conftest import FIXTURES, copy_content

PARISH = FIXTURES / "parish"
PANEL = FIXTURES / "panel"
CITY = FIXTURES / "citycouncil"
NOVEMBER = "meetings/2017-11-14-parish-council/index.html"
DECEMBER = "meetings/2017-12-12-parish-council/index.html"
SEPTEMBER = "meetings/2020-09-21-police-and-crime-panel/index.html"
JUNE = "meetings/2019-06-18-city-council/index.html"  # summer time: UTC-7
JANUARY = "meetings/2020-01-07-city-council/index.html"  # standard time: UTC-8
PLANNING = "meetings/2019-07-09-planning-commission/index.html"  # in city_with_a_lost_motion only

# A second committee for the city council: its one meeting lost a motion and agreed an action.
PLANNING_COMMISSION = """---
title: Planning Commission Meeting July 9, 2019
date: 2019-07-09
time: "18:30"
type: Planning Commission
venue: Council Chambers, Fernhollow City Hall
chair: grace-kim
attendees:
  - person: grace-kim
    role: Commission Chair
  - person: luis-ortega
    role: Commissioner
  - person: martin-yoder
    role: Commissioner
agenda:
  - number: "1"
    title: Birch Street sidewalk variance
    themes: [streets]
actions:
  - id: 2019-07-09-1
    item: "1"
    owner: luis-ortega
    text: Staff to report on the cost of a narrower sidewalk on Birch Street.
    status: open
decisions:
  - item: "1"
    kind: motion
    text: To grant the variance for Birch Street.
    moved: martin-yoder
    seconded: luis-ortega
    result: lost
    counts:
      for: 1
      against: 2
source:
  title: Minutes of the Fernhollow Planning Commission, July 9, 2019
---

## 1 Birch Street sidewalk variance

Moved by Commissioner Yoder, seconded by Commissioner Ortega, to grant the variance for Birch Street.
Motion failed 1-2.
"""


def city_with_a_lost_motion(target: Path) -> Path:
    """The city council's archive with a second committee, the Planning Commission, whose one meeting
    lost a motion: two committees, two years, two themes, carried and lost."""
    content = copy_content(CITY, target)
    (content / "meetings" / "2019-07-09-planning-commission.md").write_text(PLANNING_COMMISSION, encoding="utf-8")
    return content


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
