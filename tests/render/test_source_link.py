"""A meeting page's "Source" names the original document and, when its address is given, links to it."""

import re
import shutil

from tests.conftest import FIXTURES, build_site

APRIL = "meetings/2019-04-30-monthly-assurance"
ORIGINAL = "https://www.example.gov.uk/documents/monthly-assurance-april-2019.pdf"


def source_line(site, meeting: str) -> str:
    html = (site / meeting / "index.html").read_text(encoding="utf-8")
    return re.search(r"<div><dt>Source</dt><dd>(.*?)</dd></div>", html).group(1)


def test_the_source_links_to_the_original_document_when_its_address_is_given(tmp_path):
    content = shutil.copytree(FIXTURES / "small", tmp_path / "content")
    april = content / f"{APRIL}.md"
    text = april.read_text(encoding="utf-8")
    april.write_text(
        text.replace(
            "  title: Monthly Assurance Meeting April 2019 – Meeting Notes\n",
            f"  title: Monthly Assurance Meeting April 2019 – Meeting Notes\n  url: {ORIGINAL}\n",
        ),
        encoding="utf-8",
    )
    site = build_site(content, tmp_path / "site")
    assert source_line(site, APRIL) == f'<a href="{ORIGINAL}">Monthly Assurance Meeting April 2019 – Meeting Notes</a>'


def test_without_an_address_the_source_is_named_but_not_linked(small_site):
    assert source_line(small_site, APRIL) == "Monthly Assurance Meeting April 2019 – Meeting Notes"
