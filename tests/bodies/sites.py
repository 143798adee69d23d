"""The fixture archives of other bodies, built as an editor builds them: with the command line."""

from __future__ import annotations

import contextlib
import io
import re
import shutil
from html import unescape
from pathlib import Path

from minutebook.cli import main
from tests.conftest import FIXTURES, copy_content

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
PLANNING = "meetings/2019-07-09-planning-commission/index.html"  # in city_with_a_planning_commission only

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


def city_with_a_planning_commission(target: Path) -> Path:
    """The city council's archive with a second committee, the Planning Commission, whose one meeting
    lost a motion: two committees, two years, two themes, carried and lost."""
    content = copy_content(CITY, target)
    (content / "meetings" / "2019-07-09-planning-commission.md").write_text(PLANNING_COMMISSION, encoding="utf-8")
    return content


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
