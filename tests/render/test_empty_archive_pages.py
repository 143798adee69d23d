"""The pages of a new archive, before it lists any theme or abbreviation, say so rather than describe a list."""

import pytest

from minutebook.cli import main


@pytest.fixture(scope="module")
def fresh_site(tmp_path_factory):
    """The site of an archive just made by `init`, built for a look as the editor first sees it."""
    root = tmp_path_factory.mktemp("fresh")
    assert main(["init", str(root), "--organisation", "Anytown Town Council"]) == 0
    assert main(["--content", str(root / "content"), "--out", str(root / "draft-site"), "--allow-unfinished"]) == 0
    return root / "draft-site"


def text(site, page: str) -> str:
    return (site / page / "index.html").read_text(encoding="utf-8")


def test_the_glossary_says_no_abbreviation_is_listed_yet(fresh_site):
    page = text(fresh_site, "glossary")
    assert "<p>No abbreviations are listed yet.</p>" in page
    assert "use many abbreviations" not in page and "<dl" not in page


def test_the_themes_page_says_no_theme_is_listed_yet(fresh_site):
    page = text(fresh_site, "themes")
    assert "<p>No themes are listed yet.</p>" in page
    assert "Choose a theme" not in page and 'class="card-list"' not in page
