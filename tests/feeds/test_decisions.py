"""feed.xml: each meeting's entry says what the meeting decided, counted by kind and result."""

import feedparser
import pytest

from minutebook.outputs.feeds import atom_feed
from minutebook.pipeline import Paths, load_archive
from tests.bodies.sites import city_with_a_lost_motion
from tests.conftest import ASSURANCE


def summaries(content) -> dict[str, str]:
    """Each entry's summary, by the entry's title."""
    feed = feedparser.parse(atom_feed(load_archive(Paths(content=content))))
    return {e.title: e.summary for e in feed.entries}


@pytest.fixture(scope="module")
def city(tmp_path_factory):
    return summaries(city_with_a_lost_motion(tmp_path_factory.mktemp("city") / "content"))


def test_an_entry_counts_the_decisions_by_kind_and_result(city):
    summary = city["City Council Regular Meeting June 18, 2019"]
    assert summary.endswith("Decided: 2 motions carried, 1 resolution carried.")


def test_an_entry_says_a_motion_was_lost(city):
    summary = city["City Council Regular Meeting January 21, 2020"]
    assert summary.endswith(
        "Agenda: CALL TO ORDER; NEW BUSINESS; C Fenced dog park at Alder Field; ADJOURNMENT. Decided: 1 motion lost."
    )


def test_a_meeting_that_decided_nothing_says_nothing_of_decisions():
    assert not any("Decided" in summary for summary in summaries(ASSURANCE).values())
