"""content/about.md: optional; when present, a '# ' title line and then Markdown, or one clear error."""

from minutebook.content.load import load_content
from tests.load.refusals import problems


def test_without_about_md_the_archive_has_no_about_page(small_content):
    assert load_content(small_content).about is None


def test_the_first_heading_is_the_title_and_the_rest_the_text(small_content):
    (small_content / "about.md").write_text(
        "\n# About these meetings\n\nThe Commissioner holds them.\n\n## Who attends\n\nThe CC.\n"
    )
    about = load_content(small_content).about
    assert about.title == "About these meetings"
    assert about.markdown == "The Commissioner holds them.\n\n## Who attends\n\nThe CC."
    assert str(about.origin) == "content/about.md:2"


def test_a_file_that_does_not_start_with_a_title_is_refused_at_that_line(small_content):
    (small_content / "about.md").write_text("\nThe Commissioner holds them.\n")
    assert problems(small_content) == [
        "content/about.md:2: title: the first line is not a '# ' heading; start the file with the page's title, "
        "such as '# About these meetings'"
    ]


def test_a_lower_heading_first_is_not_a_title(small_content):
    (small_content / "about.md").write_text("## About\n\nText.\n")
    assert [p.split(": ")[0:2] for p in problems(small_content)] == [["content/about.md:1", "title"]]


def test_an_empty_file_is_refused(small_content):
    (small_content / "about.md").write_text("\n  \n")
    assert problems(small_content) == [
        "content/about.md:1: is empty; expected a '# ' heading with the page's title, then what the meetings are"
    ]


def test_a_file_that_is_not_utf8_is_refused(small_content):
    (small_content / "about.md").write_bytes("# About\n\nCaf\u00e9\n".encode("latin-1"))
    assert [p.split(": ")[0] for p in problems(small_content)] == ["content/about.md:3"]
