"""The spare folder a build brings up to date: the site comes out exactly as if written afresh, and the live site
is never touched."""

import os
import shutil

from minutebook.pipeline import Paths, build
from minutebook.write import MARKER, marker, publish, spare_path
from tests.conftest import FIXTURES
from tests.rebuild.test_incremental import add_meeting, edit_meeting, rename_meeting, retitle_meeting, snapshot


def marked(files: dict[str, bytes]) -> dict[str, bytes]:
    """`files` as a site holds them: with the marker every build writes."""
    return {**files, MARKER: marker("")}


def test_build_after_build_gives_what_a_fresh_build_gives(tmp_path):
    content = shutil.copytree(FIXTURES / "small", tmp_path / "content")
    paths = Paths(content=content)
    site = tmp_path / "site"
    for n, change in enumerate([add_meeting, edit_meeting, retitle_meeting, rename_meeting]):
        build(paths, site)
        change(content, None)
        build(paths, site)
        build(paths, tmp_path / f"fresh-{n}")
        assert snapshot(site) == snapshot(tmp_path / f"fresh-{n}"), change.__name__
        assert spare_path(site).is_dir()


def test_a_first_build_leaves_a_spare_that_shares_every_file_with_the_site(tmp_path):
    site = tmp_path / "site"
    publish({"index.html": b"one", "a/page.html": b"two"}, site)
    spare = spare_path(site)
    assert snapshot(spare) == snapshot(site)
    assert all((spare / path).stat().st_ino == (site / path).stat().st_ino for path in snapshot(site))
    publish({"index.html": b"one", "a/page.html": b"new"}, site)
    assert snapshot(site) == marked({"index.html": b"one", "a/page.html": b"new"})
    assert snapshot(spare) == marked({"index.html": b"one", "a/page.html": b"two"})  # the first site, as it was shown


def test_whatever_the_spare_holds_the_site_comes_out_exact(tmp_path):
    site = tmp_path / "site"
    publish({"index.html": b"one", "a/page.html": b"two", "b/c/page.html": b"three"}, site)
    publish({"index.html": b"one", "a/page.html": b"two", "b/c/page.html": b"three"}, site)
    spare = spare_path(site)
    (spare / "a" / "page.html").unlink()
    (spare / "a" / "page.html").mkdir()  # a folder where a page goes
    (spare / "b" / "c" / "page.html").unlink()
    (spare / "b" / "c" / "page.html").write_bytes(b"stale")  # a page with other bytes
    (spare / "extra.html").write_bytes(b"left over")
    os.symlink("/etc", spare / "link")
    (spare / "x" / "y").mkdir(parents=True)
    wanted = {"index.html": b"one", "a/page.html": b"new", "b/c/page.html": b"three"}
    publish(wanted, site)
    assert snapshot(site) == marked(wanted)
    assert not (site / "x").exists() and not (site / "link").is_symlink()


def test_a_build_never_writes_into_a_file_the_live_site_shows(tmp_path):
    content = shutil.copytree(FIXTURES / "small", tmp_path / "content")
    paths = Paths(content=content)
    site = tmp_path / "site"
    build(paths, site)
    edit_meeting(content, None)
    build(paths, site)  # the spare now holds the first site, sharing most files with the live one
    live = snapshot(site)
    retitle_meeting(content, None)  # every list page changes
    build(paths, site)
    assert snapshot(spare_path(site)) == live  # the site the last build replaced, exactly as it was shown


def test_a_spare_that_is_a_link_is_not_followed(tmp_path):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "keep.txt").write_bytes(b"mine")
    site = tmp_path / "site"
    publish({"index.html": b"one"}, site)
    shutil.rmtree(spare_path(site))
    os.symlink(elsewhere, spare_path(site))
    publish({"index.html": b"two"}, site)
    assert (elsewhere / "keep.txt").read_bytes() == b"mine" and snapshot(site) == marked({"index.html": b"two"})
