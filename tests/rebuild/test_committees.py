"""An incremental build of an archive with committees gives byte for byte what a full build gives, after an
edit that changes what a committee's page, a committee's feed or calendar, or a person's attendance shows:
the city council and its planning commission (tests/fixtures/committees)."""

import shutil
from pathlib import Path

import pytest

from minutebook.pipeline import Paths, build
from tests.bodies.sites import CITY, COMMITTEES
from tests.rebuild.test_incremental import snapshot

SEPTEMBER = "meetings/2019-09-10-planning-commission.md"
JANUARY = "meetings/2020-01-07-city-council.md"
FEBRUARY = "meetings/2020-02-11-planning-commission.md"
GRACE = "people/grace-kim/index.html"


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def send_apologies(content: Path) -> None:
    edit(content / FEBRUARY, "  - person: samuel-price\n    role: Commissioner\n", "")
    edit(content / FEBRUARY, "source:\n", "apologies:\n  - person: samuel-price\n    role: Commissioner\nsource:\n")


def close_the_action(content: Path) -> None:
    edit(content / FEBRUARY, "source:\n", "action_updates:\n  - action: 2019-09-10-1\n    status: completed\nsource:\n")


def decide_again(content: Path) -> None:
    edit(content / SEPTEMBER, "result: carried", "result: lost")


def name_no_next_meeting(content: Path) -> None:
    text = (content / SEPTEMBER).read_text(encoding="utf-8")
    edit(content / SEPTEMBER, text[text.index("next_meeting:") : text.index("source:")], "")


def hold_a_meeting_without_her(content: Path) -> None:
    """A council meeting in 2019, between her first and last, that does not list Grace Kim: her page
    counts it all the same."""
    text = (content / JANUARY).read_text(encoding="utf-8").replace("2020-01-07", "2019-10-01")
    text = text.replace("January 7, 2020", "October 1, 2019")
    text = text.replace("  - person: grace-kim\n    role: Councilmember\n", "")
    text = text.replace("      - person: grace-kim\n        vote: for\n", "").replace("for: 6", "for: 5")
    (content / "meetings/2019-10-01-city-council.md").write_text(text, encoding="utf-8")


def retire_the_commission(content: Path) -> None:
    for name in (SEPTEMBER, FEBRUARY):
        (content / name).unlink()


CHANGES = [
    send_apologies,
    close_the_action,
    decide_again,
    name_no_next_meeting,
    hold_a_meeting_without_her,
    retire_the_commission,
]


@pytest.mark.parametrize("change", CHANGES)
def test_an_incremental_build_after_the_change_matches_a_full_build(tmp_path, change):
    content = shutil.copytree(COMMITTEES, tmp_path / "content")
    paths = Paths(content=content)
    build(paths, tmp_path / "incremental")
    change(content)
    report = build(paths, tmp_path / "incremental")
    build(paths, tmp_path / "full")
    assert snapshot(tmp_path / "incremental") == snapshot(tmp_path / "full")
    assert report.rendered > 0


def test_a_committee_meeting_that_does_not_list_a_person_remakes_their_page(tmp_path):
    content = shutil.copytree(COMMITTEES, tmp_path / "content")
    paths = Paths(content=content)
    site = tmp_path / "site"
    build(paths, site)
    before = (site / GRACE).read_bytes()
    hold_a_meeting_without_her(content)
    build(paths, site)
    assert (site / GRACE).read_bytes() != before
    build(paths, tmp_path / "full")
    assert snapshot(site) == snapshot(tmp_path / "full")


def test_the_first_meeting_of_a_second_committee_gives_every_page_the_committees(tmp_path):
    content = shutil.copytree(CITY, tmp_path / "content")
    paths = Paths(content=content)
    build(paths, tmp_path / "incremental")
    shutil.copy(COMMITTEES / "people.yml", content / "people.yml")
    shutil.copy(COMMITTEES / SEPTEMBER, content / SEPTEMBER)
    build(paths, tmp_path / "incremental")
    build(paths, tmp_path / "full")
    assert snapshot(tmp_path / "incremental") == snapshot(tmp_path / "full")
    assert (tmp_path / "incremental/committees/planning-commission/feed.xml").is_file()
