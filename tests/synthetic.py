"""Many meetings made from the small fixture, for tests that need a build to take a while."""

import datetime as dt
import shutil
from pathlib import Path

from tests.conftest import FIXTURES

TEMPLATE = FIXTURES / "small" / "meetings" / "2019-04-30-monthly-assurance.md"


def many_meetings(target: Path, count: int, words_per_item: int = 300) -> Path:
    shutil.copytree(FIXTURES / "small", target)
    for path in (target / "meetings").iterdir():
        path.unlink()
    text = TEMPLATE.read_text(encoding="utf-8")
    filler = " ".join(
        ("the force reviewed roads policing partnership data and training " * (words_per_item // 9)).split()
    )
    start = dt.date(1990, 1, 2)
    for n in range(count):
        day = start + dt.timedelta(days=7 * n)
        body = text.replace("2019-04-30", day.isoformat()).replace(
            "2019-05-28", (day + dt.timedelta(days=3)).isoformat()
        )
        body = body.replace("None were discussed.", f"Meeting {n}. {filler}")
        (target / "meetings" / f"{day.isoformat()}-monthly-assurance.md").write_text(body, encoding="utf-8")
    return target
