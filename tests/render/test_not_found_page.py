"""404.html helps a lost visitor, from whatever depth the server shows it at."""

from tests.conftest import PUBLIC_ADDRESS
from tests.render.pages import outline


def test_it_offers_a_search_box_and_ways_to_browse(real_site):
    page = outline(real_site / "404.html")
    assert "search/index.html" in page.urls
    assert {"meetings/index.html", "themes/index.html", "years/index.html", "actions/index.html"} <= set(page.urls)
    assert page.meta.get("robots") == "noindex"


def test_with_a_base_url_every_link_and_asset_is_absolute(addressed_site):
    page = outline(addressed_site / "404.html")
    relative = [
        u
        for u in page.urls
        if not u.startswith(PUBLIC_ADDRESS) and not u.startswith(("#", "https://www.westmercia-pcc.gov.uk/"))
    ]
    assert relative == []
