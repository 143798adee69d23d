"""The site's address comes from --base-url, or else from site.yml."""

from tests.conftest import build_site


def test_site_yml_gives_the_address_when_the_command_line_does_not(small_content, tmp_path):
    settings = small_content / "site.yml"
    settings.write_text(settings.read_text() + "base_url: https://minutes.example.org/testshire\n")
    site = build_site(small_content, tmp_path / "site")
    assert "<loc>https://minutes.example.org/testshire/meetings/</loc>" in (site / "sitemap.xml").read_text()


def test_the_command_line_address_wins_over_site_yml(small_content, tmp_path):
    settings = small_content / "site.yml"
    settings.write_text(settings.read_text() + "base_url: https://old.example.org/\n")
    site = build_site(small_content, tmp_path / "site", base_url="https://new.example.org/")
    assert 'href="https://new.example.org/"' in (site / "index.html").read_text()
