"""Declarations of interest, as a reader finds them: listed on the meeting page and noted at the
item they concern, and on the declaring member's page. The parish fixture minutes two at its
November meeting (one for the whole meeting, one in a planning item); the assurance archive none."""

import re
import shutil

from tests.bodies.sites import DECEMBER, NOVEMBER, PARISH, build, main_of
from tests.bodies.sites import text as spaced

INLINE = re.compile(r"</?(a|strong|abbr|span|time)\b[^>]*>")


def text(html: str) -> str:
    """What a reader sees, a link or emphasis inside a sentence adding no space."""
    return spaced(INLINE.sub("", html))


def _section(html: str, heading_id: str) -> str:
    start = html.index(f'<h2 id="{heading_id}">')
    return html[start : html.index("</ul>", start)]


def test_the_meeting_page_lists_each_declaration_with_its_person_item_kind_and_interest(parish_site):
    listed = text(_section(main_of(parish_site, NOVEMBER), "declarations"))
    assert listed.startswith("Declarations of interest")
    assert (
        "Tom Avery, in item a, 17/01234/FUL Land at Mill Lane (pecuniary): "
        "Owns the field adjoining the application site." in listed
    )
    assert (
        "Priya Shah, for the whole meeting (non-pecuniary): "
        "A member of the Testshire Rural Society, for all planning matters." in listed
    )


def test_the_declarations_are_a_list_whose_entries_can_be_linked_to(parish_site):
    section = _section(main_of(parish_site, NOVEMBER), "declarations")
    assert '<ul class="declarations">' in section
    assert '<li id="declaration-1">' in section and '<li id="declaration-2">' in section
    assert main_of(parish_site, NOVEMBER).count('id="declarations"') == 1


def test_a_declaration_links_to_its_item_and_its_member(parish_site):
    section = _section(main_of(parish_site, NOVEMBER), "declarations")
    assert '<a href="../../people/tom-avery/index.html">Tom Avery</a>' in section
    assert '<a href="#item-a">item a, 17/01234/FUL Land at Mill Lane</a>' in section


def test_the_item_notes_the_interest_declared_in_it_and_other_items_do_not(parish_site):
    html = main_of(parish_site, NOVEMBER)
    item_a = html[html.index('id="item-a"') : html.index('id="item-b"')]
    assert 'Interest declared in this item: <a href="#declaration-2">Tom Avery (pecuniary)</a>.' in item_a
    assert html.count('class="item-declarations') == 1


def test_the_minutes_record_the_declarations_the_fixture_gives(parish_site):
    """The fixture is faithful to its text: the body minutes each declaration."""
    shown = text(main_of(parish_site, NOVEMBER))
    assert "Councillor Shah declared a non-pecuniary interest in all planning matters" in shown
    assert "Councillor Avery declared a pecuniary interest as the owner of the field adjoining the site" in shown


def test_a_meeting_without_declarations_has_no_such_section(parish_site):
    html = main_of(parish_site, DECEMBER)
    assert 'id="declarations"' not in html and "Declarations of interest" not in html


def test_a_members_page_lists_the_interests_they_declared(parish_site):
    html = main_of(parish_site, "people/tom-avery/index.html")
    listed = text(_section(html, "declared"))
    assert html.count('id="declared"') == 1
    assert listed.startswith("Interests declared (1)")
    assert (
        "Parish Council Meeting November 2017, 14 November 2017, in item a, 17/01234/FUL Land at Mill Lane "
        "(pecuniary): Owns the field adjoining the application site." in listed
    )
    assert '<a href="../../meetings/2017-11-14-parish-council/index.html#declaration-2">' in html


def test_a_member_who_declared_nothing_has_no_such_section(parish_site):
    html = main_of(parish_site, "people/margaret-hale/index.html")
    assert 'id="declared"' not in html and "Interests declared" not in html


def test_an_archive_without_declarations_shows_none_anywhere(real_site):
    for page in sorted(real_site.rglob("*.html")):
        html = page.read_text(encoding="utf-8")
        assert "Declarations of interest" not in html and "Interests declared" not in html, page
        assert 'class="declarations"' not in html and "item-declarations" not in html, page


def test_an_item_with_several_declarations_notes_each(tmp_path):
    content = shutil.copytree(PARISH, tmp_path / "content")
    path = content / "meetings/2017-11-14-parish-council.md"
    path.write_text(
        path.read_text(encoding="utf-8").replace(
            "    kind: non-pecuniary\n", '    item: "a"\n    kind: non-pecuniary\n', 1
        ),
        encoding="utf-8",
    )
    html = main_of(build(content, tmp_path / "site"), NOVEMBER)
    assert (
        'Interests declared in this item: <a href="#declaration-1">Priya Shah (non-pecuniary)</a>; '
        '<a href="#declaration-2">Tom Avery (pecuniary)</a>.' in html
    )
