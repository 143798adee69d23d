"""Reading the content folder: every Markdown and YAML file, once, in a stable order."""

from minutebook.content.load import load_content, read_sources


def test_a_link_to_a_file_inside_the_content_folder_is_read(small_content):
    link = small_content / "meetings/2019-04-30-monthly-assurance.md"
    kept = small_content / "kept-april.txt"
    link.rename(kept)
    link.symlink_to(kept)
    meetings = load_content(small_content).meetings
    assert "2019-04-30-monthly-assurance" in [m.id for m in meetings]


def test_content_files_are_read_once_each_in_the_order_of_their_folders_then_names(tmp_path):
    for name in ("a/z.md", "a-b/y.md", "a.yml", "a/notes.txt"):
        (tmp_path / "content" / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / "content" / name).write_text(name)
    sources, errors = read_sources(tmp_path / "content")
    assert errors == [] and [(s.path, s.text) for s in sources] == [
        ("content/a/z.md", "a/z.md"),
        ("content/a-b/y.md", "a-b/y.md"),
        ("content/a.yml", "a.yml"),
    ]
