"""The Hugo project the benchmark builds: the same meetings, with front matter Hugo can read."""

import datetime as dt
import tomllib

import yaml

from bench import hugo_project, mkdocs_project
from bench.generate import write_archive

MEETINGS = 3


def front_and_body(text):
    _, front, body = text.split("---\n", 2)
    return yaml.safe_load(front), body


def test_each_generated_meeting_becomes_a_page_with_its_title_and_date(tmp_path):
    content = write_archive(tmp_path / "content", MEETINGS, seed=1)
    files = hugo_project.project_files(content)
    for source in sorted((content / "meetings").glob("*.md")):
        original, _ = front_and_body(source.read_text(encoding="utf-8"))
        front, body = front_and_body(files[f"content/meetings/{source.name}"])
        assert front == {"title": original["title"], "date": original["date"]}
        assert isinstance(front["date"], dt.date)
        assert body.strip() == mkdocs_project.split_meeting(source.read_text(encoding="utf-8"))[1].strip()


def test_a_title_with_quotes_and_a_colon_survives_the_front_matter():
    title = 'Board: "special" meeting'
    front, _ = front_and_body(hugo_project.front_matter({"title": title, "date": "2020-01-02"}) + "body")
    assert front["title"] == title


def test_the_project_has_its_config_and_own_layouts_and_only_meetings_are_indexed(tmp_path):
    content = write_archive(tmp_path / "content", MEETINGS, seed=1)
    root = hugo_project.write_project(content, tmp_path / "hugo")
    config = tomllib.loads((root / "hugo.toml").read_text(encoding="utf-8"))
    assert config["title"].startswith("Benchshire PCC minutes") and "theme" not in config
    assert "data-pagefind-body" in (root / "layouts/_default/single.html").read_text()
    assert "data-pagefind-body" not in (root / "layouts/_default/list.html").read_text()
    assert len(list((root / "content/meetings").glob("*.md"))) == MEETINGS + 1  # and the section's _index.md


def test_mkdocs_is_written_with_its_default_search_and_with_the_index_prebuilt(tmp_path):
    content = write_archive(tmp_path / "content", MEETINGS, seed=1)
    prebuilt = yaml.safe_load(mkdocs_project.project_files(content, prebuild=True)["mkdocs.yml"])
    default = yaml.safe_load(mkdocs_project.project_files(content, prebuild=False)["mkdocs.yml"])
    assert prebuilt["plugins"] == [{"search": {"prebuild_index": "python"}}]
    assert default["plugins"] == ["search"]
