"""The fixture archives of other bodies, built as an editor builds them: with the command line."""

from __future__ import annotations

import contextlib
import io
import re
import shutil
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


# A city council meeting at which a motion was lost: the council's other minutes record none.
LOST_MOTION_MEETING = "2020-01-21-city-council"
LOST_MOTION = """\
---
title: City Council Regular Meeting January 21, 2020
date: 2020-01-21
time: "19:00"
type: City Council
venue: Council Chambers, Fernhollow City Hall
chair: dana-whitcomb
minute_taker:
  person: janet-alvarez
  role: City Clerk
attendees:
  - person: dana-whitcomb
    role: Mayor
  - person: luis-ortega
    role: Councilmember
  - person: grace-kim
    role: Councilmember
  - person: samuel-price
    role: Councilmember
  - person: teresa-boyd
    role: Councilmember
  - person: martin-yoder
    role: Councilmember
agenda:
  - title: CALL TO ORDER
  - title: NEW BUSINESS
  - number: "C"
    title: Fenced dog park at Alder Field
    level: 2
    themes: [parks]
  - title: ADJOURNMENT
decisions:
  - item: "C"
    kind: motion
    number: 2020/07
    text: To build a fenced dog park at Alder Field, funded from the parks reserve.
    moved: martin-yoder
    seconded: luis-ortega
    result: lost
    counts:
      for: 2
      against: 4
source:
  title: Minutes of the Fernhollow City Council Regular Meeting, January 21, 2020
---

## CALL TO ORDER

Mayor Whitcomb called the regular meeting to order at 7:00 p.m.

## NEW BUSINESS

## C Fenced dog park at Alder Field

Moved by Councilmember Yoder, seconded by Councilmember Ortega, to build a fenced dog park at Alder Field,
funded from the parks reserve. Motion 2020/07 failed 2-4.

## ADJOURNMENT

The meeting adjourned at 7:40 p.m.
"""


def city_with_a_lost_motion(target: Path) -> Path:
    """The city council's content copied to `target`, with one more meeting, at which a motion was lost."""
    shutil.copytree(CITY, target)
    (target / "meetings" / f"{LOST_MOTION_MEETING}.md").write_text(LOST_MOTION, encoding="utf-8")
    return target


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
