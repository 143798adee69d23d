"""Addresses: where each page is written, how one page links to another, and the permalinks and
stable identifiers of the files other programs read.

Pages link to each other relatively, so the site works at any sub-path and from disk.

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


def url(path: str) -> str:
    """The permalink of an output path: folders end in '/', as a server shows them."""
    return path[: -len("index.html")] if path.endswith("index.html") else path


def meeting_path(meeting_id: str) -> str:
    return f"meetings/{meeting_id}/index.html"


def action_path(action_id: str) -> str:
    return f"actions/{action_id}/index.html"


def theme_path(slug: str) -> str:
    return f"themes/{slug}/index.html"


def person_path(slug: str) -> str:
    return f"people/{slug}/index.html"


def committee_path(slug: str) -> str:
    return f"committees/{slug}/index.html"


def committee_feed_path(slug: str) -> str:
    return f"committees/{slug}/feed.xml"


def committee_calendar_path(slug: str) -> str:
    return f"committees/{slug}/calendar.ics"


def year_path(year: int) -> str:
    return f"years/{year}/index.html"


def item_link(meeting_id: str, anchor: str) -> str:
    return f"{meeting_path(meeting_id)}#{anchor}"


def relative_path(path: str, folder: str) -> str:
    """posixpath.relpath(path, folder or ".") for two paths inside the site, as plain text.

    relpath makes both absolute against the working folder first, which took a fifth of
    all rendering: a page has a hundred links and more."""
    into = folder.split("/") if folder else []
    parts = path.split("/")
    common = 0
    while common < len(into) and common < len(parts) and into[common] == parts[common]:
        common += 1
    return "/".join([".."] * (len(into) - common) + parts[common:]) or "."


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
    path = relative_path(target.rstrip("/"), "" if here == "." else here)
    return (path + "/" if target.endswith("/") else path) + anchor


def link(path: str, from_file: str, base_url: str) -> str:
    """Absolute when the site's address is known, otherwise relative to `from_file`."""
    return absolute(path, base_url) or relative(path, from_file)


# Kept for the ids asked for again and again: each person's, at every meeting they are listed at (civicdata.py).
@functools.lru_cache(maxsize=8192)
def stable_id(organisation: str, kind: str, key: str) -> str:
    """A URN that names one thing for good: `urn:uuid:` of the organisation, the kind and the key."""
    import uuid

    name = "\n".join((organisation, kind, key))
    return f"urn:uuid:{uuid.uuid5(_namespace(), name)}"
