"""How the commands' messages name a path: as the editor would type it from where they are."""

import os

from minutebook.commands import shown


def test_a_path_inside_the_working_folder_is_named_from_it(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert shown(tmp_path / "content" / "site.yml") == os.path.join("content", "site.yml")


def test_a_path_outside_the_working_folder_is_named_in_full_without_dot_dots(tmp_path, monkeypatch):
    (tmp_path / "here").mkdir()
    monkeypatch.chdir(tmp_path / "here")
    assert shown(tmp_path / "here" / ".." / "elsewhere" / "site.yml") == str(tmp_path / "elsewhere" / "site.yml")
