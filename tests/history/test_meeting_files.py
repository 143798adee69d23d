"""Which file is which meeting, by the path `git log --relative` gives it from the content folder."""

from minutebook.content.history import meeting_files


def test_each_meeting_file_is_named_by_its_path_from_the_content_folder_even_in_a_subfolder(tmp_path):
    (tmp_path / "meetings" / "2019").mkdir(parents=True)
    (tmp_path / "meetings" / "2018-05-01-board.md").write_text("---\n")
    (tmp_path / "meetings" / "2019" / "2019-06-04-board.md").write_text("---\n")
    (tmp_path / "meetings" / "notes.txt").write_text("not a meeting")
    assert meeting_files(tmp_path) == {
        "meetings/2018-05-01-board.md": "2018-05-01-board",
        "meetings/2019/2019-06-04-board.md": "2019-06-04-board",
    }


def test_a_content_folder_without_meetings_has_no_meeting_files(tmp_path):
    assert meeting_files(tmp_path) == {}
