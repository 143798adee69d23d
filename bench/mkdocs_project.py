"""The same minutes as an MkDocs 1.6 project, for a side-by-side build and search.

Each meeting becomes one page: its title as a heading, then its body exactly
as written. Only the home page and one page per year are in the navigation:
MkDocs's default theme repeats the whole navigation on every page, and listing
thousands of meetings there would measure that rather than the build. The
project is written in two configurations: the search plugin's defaults (the
browser builds the lunr index from the documents when search is first used),
and `prebuild_index: python`, where the build makes the lunr index, as
Minutebook does, at the cost of most of MkDocs's build time.
"""

from __future__ import annotations

import json
import shutil
from collections import defaultdict
from pathlib import Path

CONFIG = """\
site_name: {title}
docs_dir: docs
theme:
  name: mkdocs
nav:
{nav}
plugins:
{search}"""

SEARCH_DEFAULT = "  - search\n"
SEARCH_PREBUILT = "  - search:\n      prebuild_index: python\n"


def split_meeting(text: str) -> tuple[dict[str, str], str]:
    """(title and date from the front matter, body): only the two fields a page needs are read."""
    _, front, body = text.split("---\n", 2)
    fields = {}
    for line in front.splitlines():
        key, _, value = line.partition(": ")
        if key in ("title", "date"):
            fields[key] = json.loads(value) if value.startswith('"') else value
    return fields, body.lstrip("\n")


def project_files(content: Path, prebuild: bool = True) -> dict[str, str]:
    """Pure apart from reading `content`: every file of the MkDocs project, path -> text."""
    site_title = next(
        line.split(": ", 1)[1]
        for line in (content / "site.yml").read_text(encoding="utf-8").splitlines()
        if line.startswith("title: ")
    )
    files: dict[str, str] = {}
    by_year: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for path in sorted((content / "meetings").glob("*.md")):
        fields, body = split_meeting(path.read_text(encoding="utf-8"))
        files[f"docs/meetings/{path.name}"] = f"# {fields['title']}\n\n{body}"
        by_year[fields["date"][:4]].append((path.stem, fields["title"]))
    for year, meetings in by_year.items():
        links = "".join(f"- [{title}](meetings/{stem}.md)\n" for stem, title in meetings)
        files[f"docs/{year}.md"] = f"# Meetings in {year}\n\n{links}"
    files["docs/index.md"] = f"# {site_title}\n\n" + "".join(f"- [{year}]({year}.md)\n" for year in sorted(by_year))
    nav = "  - Home: index.md\n" + "".join(f"  - '{year}': {year}.md\n" for year in sorted(by_year))
    files["mkdocs.yml"] = CONFIG.format(
        title=json.dumps(site_title), nav=nav, search=SEARCH_PREBUILT if prebuild else SEARCH_DEFAULT
    )
    return files


def write_project(content: Path, root: Path, prebuild: bool = True) -> Path:
    if root.exists():
        shutil.rmtree(root)
    for relative, text in project_files(content, prebuild).items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root / "mkdocs.yml"
