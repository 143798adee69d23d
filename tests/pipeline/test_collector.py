"""What a build reads and keeps for its whole length (the archive) is left out of the cycle collector's
passes while it runs, and given back to the collector when it ends, whether it succeeds or fails."""

import gc

import pytest

from minutebook import pipeline
from minutebook.model import InvalidContent
from minutebook.pipeline import Paths, build


def is_frozen(thing) -> bool:
    """Frozen objects are in the collector's permanent generation, which gc.get_objects leaves out."""
    return gc.is_tracked(thing) and not any(o is thing for o in gc.get_objects())


def test_the_archive_is_frozen_and_the_collector_on_while_the_pages_render(small_content, tmp_path, monkeypatch):
    seen = {}
    render = pipeline.render_site

    def watched(archive, *args, **kwargs):
        seen["archive frozen"], seen["collector on"] = is_frozen(archive), gc.isenabled()
        return render(archive, *args, **kwargs)

    monkeypatch.setattr(pipeline, "render_site", watched)
    build(Paths(content=small_content), tmp_path / "site")
    assert seen == {"archive frozen": True, "collector on": True}


def test_a_build_gives_everything_back_to_the_collector_when_it_ends(small_content, tmp_path):
    build(Paths(content=small_content), tmp_path / "site")
    assert gc.get_freeze_count() == 0 and gc.isenabled()


def test_a_refused_build_gives_everything_back_to_the_collector_too(small_content, tmp_path):
    (small_content / "themes.yml").write_text("- slug: [not, a, slug]\n")
    with pytest.raises(InvalidContent):
        build(Paths(content=small_content), tmp_path / "site")
    assert gc.get_freeze_count() == 0 and gc.isenabled()
