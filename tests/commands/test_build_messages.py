"""`build.py` (build) ends every run in a message saying what became of the site, never a traceback."""

import errno
import hashlib
import os
from pathlib import Path

from minutebook import pipeline
from minutebook.cli import main
from minutebook.incremental import kept

APRIL = "meetings/2019-04-30-monthly-assurance.md"


def fingerprint(site: Path) -> dict[str, str]:
    return {
        p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(site.rglob("*"))
        if p.is_file()
    }


def retitle(content: Path) -> None:
    path = content / APRIL
    path.write_text(
        path.read_text().replace("title: Monthly Assurance Meeting April 2019", "title: Assurance Meeting April 2019")
    )


def test_an_error_minutebook_did_not_expect_says_the_previous_site_is_unchanged(
    small_content, tmp_path, monkeypatch, capsys
):
    out = tmp_path / "site"
    assert main(["--content", str(small_content), "--out", str(out), "--quiet"]) == 0
    before = fingerprint(out)
    retitle(small_content)

    def failing(paths, archive, minify):
        raise ValueError("an asset no test foresaw")

    monkeypatch.setattr(pipeline, "static_assets", failing)
    assert main(["--content", str(small_content), "--out", str(out), "--quiet"]) == 1
    assert capsys.readouterr().err == (
        "Minutebook stopped on an error it did not expect (ValueError: an asset no test foresaw); "
        "nothing was built and the previous site is unchanged. This is a fault in Minutebook: please report it.\n"
    )
    assert fingerprint(out) == before


def test_a_full_disk_after_the_swap_says_the_site_did_change(small_content, tmp_path, monkeypatch, capsys):
    out = tmp_path / "site"
    assert main(["--content", str(small_content), "--out", str(out), "--quiet"]) == 0
    capsys.readouterr()
    retitle(small_content)

    def full(out_dir, *what):  # the manifest is written last: every part before it has been kept
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(kept, "write_manifest", full)
    assert main(["--content", str(small_content), "--out", str(out), "--quiet"]) == 1
    assert capsys.readouterr().err == (
        f"Built, with a problem: {out}: the new site is in place (the site did change), but what the next build reuses "
        "could not be saved beside it: the disk is full. Fix that and build again; "
        "the next build makes every page anew.\n"
    )
    assert "Assurance Meeting April 2019" in (out / "meetings/2019-04-30-monthly-assurance/index.html").read_text()


def test_an_archive_of_one_meeting_is_counted_as_one_in_the_summary_and_on_the_home_page(
    small_content, tmp_path, capsys
):
    (small_content / "meetings/2019-05-28-performance.md").unlink()
    assert main(["--content", str(small_content), "--out", str(tmp_path / "site")]) == 0
    assert " files) from 1 meeting in " in capsys.readouterr().out
    home = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert "This archive holds the minutes of 1 meeting," in home
    assert "All 1 meetings" not in home


def test_the_summary_names_a_site_outside_the_working_folder_in_full(small_content, tmp_path, monkeypatch, capsys):
    (tmp_path / "elsewhere").mkdir()
    monkeypatch.chdir(tmp_path / "elsewhere")
    assert main(["--content", str(small_content), "--out", str(tmp_path / "site")]) == 0
    said = capsys.readouterr().out
    assert f" into {tmp_path}/site/\n" in said and f"Open {tmp_path}/site/index.html in a browser" in said
    assert ".." not in said
