"""What a build keeps beside its site (the manifest, the parts) is trusted only beside that very site."""

import os
import shutil

from minutebook import pipeline
from minutebook.incremental import kept
from minutebook.pipeline import Paths, build
from minutebook.write import MARKER
from tests.conftest import FIXTURES
from tests.rebuild.test_incremental import edit_meeting, snapshot


def test_a_site_replaced_while_its_build_kept_its_parts_is_made_from_scratch_next_time(tmp_path, monkeypatch):
    original = Paths(content=shutil.copytree(FIXTURES / "small", tmp_path / "original"))
    edited = Paths(content=shutil.copytree(FIXTURES / "small", tmp_path / "edited"))
    edit_meeting(edited.content, None)
    other = tmp_path / "other" / "site"
    build(original, other)  # a whole site of other content, as another build left it
    site = tmp_path / "site"
    build(original, site)
    publish = pipeline.publish

    def publish_then_replace(files, out_dir, *args, **kwargs):
        publish(files, out_dir, *args, **kwargs)
        os.rename(out_dir, tmp_path / "set-aside")  # replaced by hand, files and all, before the manifest is written
        os.rename(other, out_dir)

    monkeypatch.setattr(pipeline, "publish", publish_then_replace)
    build(edited, site)
    monkeypatch.undo()
    build(edited, site)  # the next ordinary build
    build(edited, tmp_path / "fresh")
    assert snapshot(site) == snapshot(tmp_path / "fresh")


def test_a_manifest_that_does_not_name_the_site_beside_it_is_not_trusted(tmp_path):
    paths = Paths(content=FIXTURES / "small")
    site = tmp_path / "site"
    build(paths, site)
    marker = site / MARKER
    marker.write_text(marker.read_text().replace("site: ", "site: another "))
    report = build(paths, site)
    assert report.rendered == report.pages  # every page made again, none carried over


def test_kept_parts_are_set_aside_with_a_manifest_that_does_not_name_the_site(tmp_path, monkeypatch):
    paths = Paths(content=FIXTURES / "small")
    site = tmp_path / "site"
    build(paths, site)
    (site / MARKER).write_text("site: another\n")  # as another build's site would say
    read = []
    reading = kept.read_set
    monkeypatch.setattr(
        kept, "read_set", lambda out_dir, name, code: read.append(reading(out_dir, name, code)) or read[-1]
    )
    build(paths, site)
    assert read and not any(read)  # every kept part read came back empty: none was trusted
    assert kept.read_manifest(site) is not None  # and the build left a manifest naming its own site
