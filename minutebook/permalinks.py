"""Permalinks and stable identifiers for the files other programs read.

Feeds, the calendar and the open data name pages by address. With a base URL
(`--base-url`, or `base_url` in site.yml) an address is absolute; without one
it is relative to the file that carries it, so ordinary URL resolution
against that file's own address finds the page.

Identifiers (Atom ids, calendar UIDs) must never change, even when the site
moves to another address, so they are made from the organisation's name and
the thing's own id, never from the URL.
"""
from __future__ import annotations

import functools
import posixpath

from .render import url


@functools.cache
def _namespace():
    """A fixed namespace: the same organisation and id give the same UUID on every build, anywhere."""
    import uuid  # here, not at the top: only the feeds name things for good, and most builds leave them as they are

    return uuid.uuid5(uuid.NAMESPACE_URL, "urn:minutebook")


def normal_base(base_url: str) -> str:
    """The base URL ending in exactly one '/', or '' for none."""
    return base_url.rstrip("/") + "/" if base_url else ""


def _split(path: str) -> tuple[str, str]:
    page, _, anchor = path.partition("#")
    return url(page), f"#{anchor}" if anchor else ""


def absolute(path: str, base_url: str) -> str:
    """The public address of an output path (which may end in #anchor), or '' without a base URL."""
    target, anchor = _split(path)
    return normal_base(base_url) + target + anchor if base_url else ""


def relative(path: str, from_file: str) -> str:
    """The address of an output path as seen from the file `from_file` (both site-root paths)."""
    target, anchor = _split(path)
    here = posixpath.dirname(from_file) or "."
    if not target:  # the home page
        return (posixpath.relpath(".", here) + "/" if here != "." else "./") + anchor
    relative_path = posixpath.relpath(target, here)
    return (relative_path + "/" if target.endswith("/") else relative_path) + anchor


def link(path: str, from_file: str, base_url: str) -> str:
    """Absolute when the site's address is known, otherwise relative to `from_file`."""
    return absolute(path, base_url) or relative(path, from_file)


def stable_id(organisation: str, kind: str, key: str) -> str:
    """A URN that names one thing for good: `urn:uuid:` of the organisation, the kind and the key."""
    import uuid

    name = "\n".join((organisation, kind, key))
    return f"urn:uuid:{uuid.uuid5(_namespace(), name)}"
