"""A new logo, or the same file name with a new image in it, rebuilds every page that shows it:
the incremental build is byte for byte the full one."""

import shutil

import pytest

from minutebook.pipeline import Paths, build
from tests.conftest import FIXTURES
from tests.images import png


def snapshot(site):
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def set_logo(content, data: bytes) -> None:
    (content / "logo.png").write_bytes(data)
    settings = content / "site.yml"
    if "logo:" not in settings.read_text():
        settings.write_text(settings.read_text() + "logo: logo.png\n")


@pytest.mark.parametrize("before", [None, png()], ids=["a logo added", "the logo's image replaced"])
def test_a_changed_logo_gives_what_a_full_build_gives(tmp_path, before):
    content = shutil.copytree(FIXTURES / "small", tmp_path / "content")
    if before:
        set_logo(content, before)
    paths = Paths(content=content)
    build(paths, tmp_path / "incremental")
    set_logo(content, png(red=200))
    report = build(paths, tmp_path / "incremental")
    build(paths, tmp_path / "full")
    assert snapshot(tmp_path / "incremental") == snapshot(tmp_path / "full")
    assert report.rendered == report.pages
