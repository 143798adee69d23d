"""The logo is published under a name made from its bytes, in a folder of its own, and shown on every page.
No content file can take the place of one of the site's own files, whatever it is called."""

import posixpath
from pathlib import Path

import pytest

from minutebook.outputs.minify import Minifier
from minutebook.pipeline import shipped_asset
from tests.conftest import ROOT, build_site
from tests.images import png
from tests.render.pages import every_page


def with_logo(content: Path, name: str, data: bytes) -> None:
    (content / name).parent.mkdir(parents=True, exist_ok=True)
    (content / name).write_bytes(data)
    settings = content / "site.yml"
    settings.write_text(settings.read_text() + f"logo: {name}\n")


def logo_sources(site: Path) -> set[str]:
    """Where the header's image points, from every page, as a path within the site."""
    found = set()
    for path, page in every_page(site).items():
        images = [url for url in page.urls if "logo/" in url]
        assert len(images) == 1, (path, images)
        found.add(posixpath.normpath(posixpath.join(posixpath.dirname(path), images[0])))
    return found


def test_a_png_logo_is_published_under_its_own_name_and_shown_on_every_page(small_content, tmp_path):
    with_logo(small_content, "assets/crest.png", png())
    site = build_site(small_content, tmp_path / "site")
    (published,) = logo_sources(site)
    assert published.startswith("logo/") and published.endswith(".png")
    assert (site / published).read_bytes() == png()
    assert not list(site.rglob("crest.png"))


@pytest.mark.parametrize(
    "name", ["search.js", "assets/search.js", "lunr.min.js", "style.css", "assets/style.css", "favicon.svg"]
)
def test_an_image_named_like_one_of_the_sites_own_files_never_replaces_it(small_content, tmp_path, name):
    with_logo(small_content, name, png())
    site = build_site(small_content, tmp_path / "site")
    (published,) = logo_sources(site)
    assert (site / published).read_bytes() == png()
    for asset in ("search.js", "search-ahead.js", "style.css", "favicon.svg"):
        assert (site / "assets" / asset).read_bytes() != png()
    assert (site / "assets/style.css").read_bytes() == shipped_asset(
        "style.css", (ROOT / "assets/style.css").read_bytes(), Minifier.installed(ROOT / "node_modules")
    )
    assert (site / "assets/lunr.min.js").read_bytes() == (ROOT / "node_modules/lunr/lunr.min.js").read_bytes()


def test_without_a_logo_the_pages_show_none(small_site):
    for path, page in every_page(small_site).items():
        assert not [url for url in page.urls if "logo/" in url], path
    assert not (small_site / "logo").exists()
