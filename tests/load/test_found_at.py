"""How messages name a content file: as the editor reaches it from the working folder."""

import os

from minutebook.content.load import found_at, shown
from minutebook.model import ContentError

PROBLEM = ContentError("content/meetings/2030-01-01-board.md", 3, "date", "is not a date")


def test_a_path_inside_the_working_folder_is_named_from_it(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert shown(tmp_path / "content" / "site.yml") == os.path.join("content", "site.yml")


def test_a_path_outside_the_working_folder_is_named_in_full_without_dot_dots(tmp_path, monkeypatch):
    (tmp_path / "here").mkdir()
    monkeypatch.chdir(tmp_path / "here")
    assert shown(tmp_path / "here" / ".." / "elsewhere" / "site.yml") == str(tmp_path / "elsewhere" / "site.yml")


def test_a_content_folder_in_the_working_folder_keeps_its_files_names(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert found_at(PROBLEM, tmp_path / "content") == PROBLEM


def test_a_content_folder_elsewhere_names_its_files_by_the_way_to_them(tmp_path, monkeypatch):
    (tmp_path / "repository").mkdir()
    monkeypatch.chdir(tmp_path / "repository")
    found = found_at(PROBLEM, tmp_path / "parish" / "content")
    assert str(found) == f"{tmp_path}/parish/content/meetings/2030-01-01-board.md:3: date: is not a date"


def test_a_content_folder_below_the_working_folder_is_named_from_it(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    found = found_at(PROBLEM, tmp_path / "bodies" / "parish" / "content")
    assert found.path == "bodies/parish/content/meetings/2030-01-01-board.md"


def test_the_working_folder_as_the_content_folder_names_its_files_from_it(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    unlabelled = ContentError("meetings/2030-01-01-board.md", 3, "date", "is not a date")
    assert found_at(unlabelled, tmp_path).path == "meetings/2030-01-01-board.md"


def test_a_file_outside_the_content_folder_is_named_as_it_was(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    template = ContentError("templates/page.html", 12, "", "unexpected end of template")
    assert found_at(template, tmp_path / "elsewhere" / "content") == template
