"""Rendering on several cores gives the same site as rendering on one."""
from minutebook import pipeline
from minutebook.pipeline import Paths, build
from tests.conftest import FIXTURES
from tests.rebuild.test_incremental import snapshot


def test_parallel_rendering_matches_serial_rendering(tmp_path, monkeypatch):
    paths = Paths(content=FIXTURES / "small")
    build(paths, tmp_path / "serial")
    monkeypatch.setattr(pipeline, "PARALLEL_FROM", 0)
    monkeypatch.setattr(pipeline.os, "cpu_count", lambda: 2)
    build(paths, tmp_path / "parallel")
    assert snapshot(tmp_path / "parallel") == snapshot(tmp_path / "serial")
