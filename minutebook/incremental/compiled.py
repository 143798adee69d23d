"""What a build makes of the templates and scripts, whatever the content: the templates compiled and
the scripts minified.

They are kept beside the code (Paths.compiled: `.minutebook_cache/` in Minutebook's folder, unless
MINUTEBOOK_CACHE names another), as Python keeps its compiled modules in `__pycache__`, for every build
on this computer, whatever folder it builds into. Kept only beside the site, a build into a new folder
(a first `make site`, a look with `--out`, every test) compiled each template and minified each script
again: at 50 meetings an eighth of the build.

Each version of the code, with the Jinja2 it compiles for, has a folder of its own there; the few used
last are kept, the rest dropped. Each template is kept under its file's name and a checksum of its
source, each script under a digest of its source and the minifier (cache.minified). Where the folder
cannot be made or written (Minutebook installed read-only), or the process runs code that has changed
on disk since it started (the preview server), they are kept beside the site, as the rest of the build
cache is. Nothing here is relied on: a file missing, damaged, or dropped by another build meanwhile is
simply made again.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
from pathlib import Path

import jinja2

from minutebook.incremental import kept

KEEP = 4  # versions of the code whose compiled files stay: a few branches switched between
SCRIPTS = "scripts"  # name -> (digest of what it was made from, the script or stylesheet as served)


def version(code: str) -> str:
    """The name of the folder for this code's compiled files: the compiled form of a template follows the
    Jinja2 settings in Minutebook's code and the Jinja2 installed, as well as the template."""
    return hashlib.sha256(f"{code}\0jinja2 {jinja2.__version__}".encode()).hexdigest()[:16]


def folder_for(store: Path | None, out_dir: Path, code: str) -> tuple[Path, bool]:
    """The folder for this code's compiled files, and whether it is in `store` (beside the code) rather
    than beside the site in `out_dir`. Using it marks it as used now; the store's others beyond the
    KEEP used last are dropped."""
    name = version(code)
    if store is not None:
        here = store / name
        try:
            here.mkdir(parents=True, exist_ok=True)
            os.utime(here)
        except OSError:
            pass
        else:
            if os.access(here, os.W_OK | os.X_OK):
                _drop_all_but_the_latest(store, here)
                return here, True
    return kept.folder(out_dir) / f"code-{name}", False


def _drop_all_but_the_latest(store: Path, using: Path) -> None:
    """Drop the store's folders beyond the KEEP used last. Another build may be using one of them: it then
    finds its files gone and makes them again, and what it writes there is lost (`write_scripts`,
    site/render.KeptTemplates)."""
    try:
        others = [(entry.stat().st_mtime, entry) for entry in store.iterdir() if entry.is_dir() and entry != using]
    except OSError:
        return
    for _, entry in sorted(others, key=lambda pair: pair[0], reverse=True)[KEEP - 1 :]:
        shutil.rmtree(entry, ignore_errors=True)


def templates(folder: Path) -> Path:
    return folder / "templates"


def read_scripts(folder: Path, code: str) -> dict[str, tuple[str, bytes]]:
    """The scripts as this code last served them; empty where none were kept, or they are damaged."""
    entries = kept.read_file(folder / f"{SCRIPTS}.pickle", code)
    return entries if isinstance(entries, dict) else {}


def write_scripts(folder: Path, code: str, entries: dict[str, tuple[str, bytes]]) -> None:
    """Keep the scripts as served. A store another build has just tidied away is no failure of this build:
    the next one minifies them again."""
    with contextlib.suppress(OSError):
        folder.mkdir(parents=True, exist_ok=True)
        kept.write_file(folder / f"{SCRIPTS}.pickle", code, entries)
