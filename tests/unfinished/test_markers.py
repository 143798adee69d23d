"""Places a draft still marks for the editor (TO DO from `new`, CHECK from `import`) are listed, never published unnoticed."""
from minutebook.cli import main
from minutebook.load import SourceFile
from minutebook.unfinished import markers
from tests.conftest import ROOT


def test_a_to_do_in_a_value_is_listed_with_its_file_and_line():
    text = '---\ntitle: Monthly Assurance Meeting June 2019\nagenda:\n  - number: "2"\n    title: "TO DO: title of the first item"\n'
    (found,) = markers([SourceFile.of_text("content/meetings/2019-06-25-monthly-assurance.md", text)])
    assert str(found) == "content/meetings/2019-06-25-monthly-assurance.md:5: still marked for the editor: TO DO: title of the first item"


def test_a_check_comment_and_a_check_note_in_the_text_are_listed():
    text = "venue: Room 1.38  # CHECK: read from a cut column\n\nThe Chief Constable said so. [CHECK: a line may be missing]\n"
    found = markers([SourceFile.of_text("content/meetings/a.md", text)])
    assert [(f.line, f.message) for f in found] == [
        (1, "still marked for the editor: CHECK: read from a cut column"),
        (3, "still marked for the editor: CHECK: a line may be missing"),
    ]


def test_the_header_comment_that_explains_the_markers_is_not_itself_a_marker():
    text = "# Replace or check everything marked TO DO, then run 'python build.py check'.\n# Search for CHECK to find them.\n"
    assert markers([SourceFile.of_text("content/meetings/a.md", text)]) == []


def test_the_published_content_holds_no_markers():
    from minutebook.load import read_sources

    sources, _ = read_sources(ROOT / "content")
    assert markers(sources) == []


def test_check_lists_what_a_new_meeting_leaves_marked_but_still_passes(small_content, capsys):
    assert main(["new", "--date", "2019-06-25", "--content", str(small_content)]) == 0
    capsys.readouterr()
    assert main(["check", "--content", str(small_content)]) == 0
    err = capsys.readouterr().err
    assert "2019-06-25-monthly-assurance.md:" in err and "still marked for the editor: TO DO:" in err
    assert "still marked TO DO or CHECK; settle them and delete the marker before the minutes are published." in err


def test_build_warns_of_the_same_places(small_content, tmp_path, capsys):
    assert main(["new", "--date", "2019-06-25", "--content", str(small_content)]) == 0
    capsys.readouterr()
    assert main(["--content", str(small_content), "--out", str(tmp_path / "site"), "--quiet"]) == 0
    assert "still marked TO DO or CHECK" in capsys.readouterr().err


def test_finished_content_gets_no_warning(small_content, capsys):
    assert main(["check", "--content", str(small_content)]) == 0
    assert capsys.readouterr().err == ""
