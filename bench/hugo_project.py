"""The same minutes as a Hugo project, for Hugo then Pagefind over its output.

Each meeting becomes one page under content/meetings/ with its title and date
as front matter and its body exactly as written; the home page and the
meetings section list them. The layouts are the smallest a site maker would
write (no theme is downloaded): a page per meeting and a list. Only a meeting's
main element carries `data-pagefind-body`, so Pagefind indexes the meetings and
leaves the lists out, as its documentation advises for a site like this.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from .mkdocs_project import split_meeting

CONFIG = """\
baseURL = "/"
title = {title}
languageCode = "en-gb"
disableKinds = ["taxonomy", "term"]
"""

BASEOF = """\
<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ .Title }} | {{ .Site.Title }}</title></head>
<body><header><a href="{{ "/" | relURL }}">{{ .Site.Title }}</a> \
<a href="{{ "/pagefind-search.html" | relURL }}">Search</a></header>
{{ block "main" . }}{{ end }}
</body></html>
"""

SINGLE = """\
{{ define "main" }}<main data-pagefind-body>
<h1>{{ .Title }}</h1>
<p><time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date.Format "2 January 2006" }}</time></p>
{{ .Content }}
</main>{{ end }}
"""

LIST = """\
{{ define "main" }}<main>
<h1>{{ .Title }}</h1>
<ul>{{ range .RegularPagesRecursive.ByDate.Reverse }}
<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}
</ul>
</main>{{ end }}
"""


def front_matter(fields: dict[str, str]) -> str:
    """YAML front matter: the title as a JSON string (which YAML reads as it is), the date bare."""
    return f"---\ntitle: {json.dumps(fields['title'], ensure_ascii=False)}\ndate: {fields['date']}\n---\n"


def project_files(content: Path) -> dict[str, str]:
    """Pure apart from reading `content`: every file of the Hugo project, path -> text."""
    site_title = next(
        line.split(": ", 1)[1]
        for line in (content / "site.yml").read_text(encoding="utf-8").splitlines()
        if line.startswith("title: ")
    )
    files = {
        "hugo.toml": CONFIG.format(title=json.dumps(site_title, ensure_ascii=False)),
        "layouts/_default/baseof.html": BASEOF,
        "layouts/_default/single.html": SINGLE,
        "layouts/_default/list.html": LIST,
        "content/meetings/_index.md": '---\ntitle: "Meetings"\n---\n',
    }
    for path in sorted((content / "meetings").glob("*.md")):
        fields, body = split_meeting(path.read_text(encoding="utf-8"))
        files[f"content/meetings/{path.name}"] = front_matter(fields) + "\n" + body
    return files


def write_project(content: Path, root: Path) -> Path:
    """Write the project into `root` (emptied first); returns `root`."""
    if root.exists():
        shutil.rmtree(root)
    for relative, text in project_files(content).items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root
