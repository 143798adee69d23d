"""render.grouped: a page's entries by one attribute, as a search of them all for each value would find them."""

from minutebook.content.load import load_content
from minutebook.link import link
from minutebook.site.render import grouped
from tests.conftest import FIXTURES


def test_each_group_holds_what_a_search_for_its_value_finds_in_the_same_order():
    archive = link(load_content(FIXTURES / "citycouncil"))
    by_status = grouped(archive.actions, "status")
    for status in {t.status for t in archive.actions}:
        assert by_status[status] == [t for t in archive.actions if t.status == status]
    for meeting in archive.meetings:
        arising = archive.actions_of(meeting.id)
        at_item = grouped(arising, "action.item")
        for item in meeting.agenda:
            assert at_item.get(item.reference, []) == [t for t in arising if t.action.item == item.reference]
        assert sum(map(len, at_item.values())) == len(arising)
