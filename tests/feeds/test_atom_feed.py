"""feed.xml: a valid Atom feed of the meetings, newest first, with stable ids."""

import feedparser
import pytest

from minutebook.outputs.feeds import atom_feed
from minutebook.pipeline import Paths, load_archive
from tests.conftest import ASSURANCE, PUBLIC_ADDRESS

FEED_HOME = "https://example.org/minutes/feed.xml"  # where a reader found the feed


@pytest.fixture(scope="module")
def archive():
    return load_archive(Paths(content=ASSURANCE))


def parse(text: str, location: str = FEED_HOME):
    return feedparser.parse(
        text, response_headers={"content-location": location, "content-type": "application/atom+xml"}
    )


def test_the_built_feed_is_well_formed_atom(real_site):
    feed = parse((real_site / "feed.xml").read_bytes())
    assert feed.bozo == 0, feed.get("bozo_exception")
    assert feed.version == "atom10"


def test_there_is_one_entry_per_meeting_newest_first(archive):
    entries = parse(atom_feed(archive)).entries
    assert [e.title for e in entries] == [m.title for m in sorted(archive.meetings, key=lambda m: m.date, reverse=True)]
    assert [e.updated_parsed for e in entries] == sorted((e.updated_parsed for e in entries), reverse=True)


def test_every_entry_has_a_link_id_updated_title_and_summary(archive):
    for entry in parse(atom_feed(archive)).entries:
        assert entry.link and entry.id and entry.updated and entry.title and entry.summary, entry


def test_without_a_base_url_links_resolve_against_the_feeds_own_address(archive):
    feed = parse(atom_feed(archive))
    newest = max(archive.meetings, key=lambda m: m.date)
    assert feed.entries[0].link == f"https://example.org/minutes/meetings/{newest.id}/"
    assert feed.feed.link == "https://example.org/minutes/"


def test_with_a_base_url_links_are_absolute(archive):
    text = atom_feed(archive, PUBLIC_ADDRESS)
    feed = parse(text, location="https://elsewhere.example.net/feed.xml")
    assert all(e.link.startswith(PUBLIC_ADDRESS + "meetings/") for e in feed.entries)
    assert 'href="https://minutes.example.gov.uk/pcc/feed.xml"' in text  # rel="self"


def test_ids_are_urns_that_do_not_change_with_the_address(archive):
    here = [e.id for e in parse(atom_feed(archive)).entries]
    there = [e.id for e in parse(atom_feed(archive, PUBLIC_ADDRESS)).entries]
    assert here == there
    assert all(i.startswith("urn:uuid:") for i in here) and len(set(here)) == len(here)


def test_an_entry_keeps_its_id_when_other_meetings_come_and_go(small_content):
    before = {e.title: e.id for e in parse(atom_feed(load_archive(Paths(content=small_content)))).entries}
    (small_content / "meetings/2019-05-28-performance.md").unlink()
    after = {e.title: e.id for e in parse(atom_feed(load_archive(Paths(content=small_content)))).entries}
    assert after == {"Monthly Assurance Meeting April 2019": before["Monthly Assurance Meeting April 2019"]}


def test_summaries_are_plain_text(archive):
    text = atom_feed(archive)
    for entry in parse(text).entries:
        assert entry.summary_detail.type == "text/plain"
        assert "<" not in entry.summary
