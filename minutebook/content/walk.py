"""Walking a folder: every entry under it, named by its path from it. The content, the spare site
folder and the templates are walked this way.

Strings and os.scandir rather than pathlib: an archive or a site has thousands of
entries, and a Path object for each costs more than the walk itself.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator


def entries(
    top: str | os.PathLike, unreadable: Callable[[str, OSError], None] | None = None
) -> Iterator[tuple[str, os.DirEntry]]:
    """Every entry under the folder `top`, as (its path from `top`, joined with "/"; its os.DirEntry).
    A folder comes before what it holds; a linked folder is listed but not entered.

    A folder that cannot be listed raises OSError, or with `unreadable` is passed to it, by its path
    from `top` ("" for `top` itself), and left out."""
    top = os.fspath(top)
    pending = [""]
    while pending:
        here = pending.pop()
        prefix = f"{here}/" if here else ""
        try:
            listing = os.scandir(f"{top}/{here}" if here else top)
        except OSError as exc:
            if unreadable is None:
                raise
            unreadable(here, exc)
            continue
        with listing:
            for entry in listing:
                path = prefix + entry.name
                yield path, entry
                if entry.is_dir(follow_symlinks=False):
                    pending.append(path)


def path_order(path: str) -> list[str]:
    """A sort key putting paths from `entries` in the order pathlib sorts them: part by part, so
    "a/z.md" comes before "a-b/y.md" ("/" would sort after "-" compared as one string)."""
    return path.split("/")
