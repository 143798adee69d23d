"""The search's browser code: the modules of assets/search/, joined into the scripts the site serves.

Each served script is its modules, in the order SCRIPTS declares, inside one
function in strict mode: a module's top-level functions and variables are
seen by the modules after it, and by none outside the script. A module is a
plain script, not an ES module: pages load search.js and search-ahead.js from
disk (file://), where browsers refuse to load modules, and under a strict CSP,
so the build joins them, as the tests do, and the asset step then minifies the
result as it does every script (pipeline.shipped_asset). The last module of a
script is the one that starts it (page.js, ahead.js); under node, for the
tests, it exports instead.
"""

from __future__ import annotations

from pathlib import Path

FOLDER = "search"  # under assets/

# The served scripts, by name under assets/, and their modules in assets/search/, in order.
SCRIPTS = {
    "search-ahead.js": ("ahead.js",),
    "search.js": (
        "postings.js",
        "scorer.js",
        "stems.js",
        "words.js",
        "results.js",
        "people.js",
        "engine.js",
        "page.js",
    ),
}


def joined(folder: Path, modules: tuple[str, ...]) -> str:
    """`modules` of `folder`, in order, as one script."""
    parts = [
        f"// ---------------------------------------------------------------- {name}\n\n"
        + (folder / name).read_text(encoding="utf-8")
        for name in modules
    ]
    return '(function () {\n"use strict";\n\n' + "\n".join(parts) + "})();\n"


def scripts(assets: Path) -> dict[str, bytes]:
    """Each served script of the search, by name under assets/, as joined from assets/search/ (not yet minified)."""
    folder = assets / FOLDER
    listed = {name for modules in SCRIPTS.values() for name in modules}
    unlisted = sorted(p.name for p in folder.glob("*.js") if p.name not in listed)
    if unlisted:
        raise ValueError(
            f"assets/{FOLDER}/ has {', '.join(unlisted)}, which no script lists (minutebook/outputs/search/scripts.py)"
        )
    return {name: joined(folder, modules).encode("utf-8") for name, modules in SCRIPTS.items()}
