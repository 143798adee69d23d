"""The stubbed copy of a site that the benchmark times the search page on, with no searching."""

from bench import run


def test_the_stubbed_copy_replaces_the_search_code_and_leaves_the_site_as_it_was(tmp_path):
    site = tmp_path / "site"
    (site / "assets").mkdir(parents=True)
    (site / "assets" / "search.js").write_text("the real search code")
    (site / "search").mkdir()
    (site / "search" / "index.js").write_text("the index")

    copy = run.stubbed(site, tmp_path / "work")

    assert (copy / "assets" / "search.js").read_text() == (run.BENCH / "stub_search.js").read_text()
    assert (site / "assets" / "search.js").read_text() == "the real search code"
    assert (copy / "search" / "index.js").read_text() == "the index"
