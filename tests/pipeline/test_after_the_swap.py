"""A build that fails after its new site is swapped in says so, and leaves nothing a later build could trust wrongly."""

import errno
import hashlib
import os
from pathlib import Path

import pytest

from minutebook.incremental import kept, plan
from minutebook.pipeline import Paths, build
from minutebook.write import PublishedIncompletely

APRIL = "meetings/2019-04-30-monthly-assurance.md"


def fingerprint(site: Path) -> dict[str, str]:
    return {
        p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(site.rglob("*"))
        if p.is_file()
    }


def disk_full(*args, **kwargs):
    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


def edit(content: Path, old: str, new: str) -> None:
    path = content / APRIL
    path.write_text(path.read_text().replace(old, new))


@pytest.mark.parametrize("step", ["write_manifest", "keep", "write_set"])
def test_after_a_full_disk_past_the_swap_the_next_build_is_byte_for_byte_a_full_build(
    small_content, tmp_path, monkeypatch, step
):
    out = tmp_path / "site"
    build(Paths(content=small_content), out)
    edit(small_content, "None were discussed.", "None were discussed at all.")
    monkeypatch.setattr(plan if step == "keep" else kept, step, disk_full)
    with pytest.raises(PublishedIncompletely, match="the site did change.*the disk is full"):
        build(Paths(content=small_content), out)
    monkeypatch.undo()
    assert "None were discussed at all." in (out / "meetings/2019-04-30-monthly-assurance/index.html").read_text()
    edit(small_content, "None were discussed at all.", "Nothing was discussed.")
    build(Paths(content=small_content), out)
    build(Paths(content=small_content), tmp_path / "whole")
    assert fingerprint(out) == fingerprint(tmp_path / "whole")
