"""`build` and `check` refuse a wrong setting as they refuse a wrong meeting: named at its line, nothing built.
--base-url is checked as site.yml's base_url is."""

from pathlib import Path

import pytest

from minutebook.cli import main


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def add_setting(content: Path, line: str) -> int:
    settings = content / "site.yml"
    text = settings.read_text()
    settings.write_text(text + line + "\n")
    return text.count("\n") + 1


@pytest.mark.parametrize(
    "setting, message",
    [
        ("logo: search.js", "logo: 'search.js' is not a PNG, JPEG, GIF, WebP or SVG image"),
        ("base_url: javascript:alert(1)//", "base_url: 'javascript:alert(1)//' is not a full web address"),
        ('title: "Testshire\\x01 minutes"', "title: holds an invisible control character (U+0001)"),
    ],
)
def test_a_wrong_setting_is_listed_by_check_and_the_build_leaves_the_old_site(
    small_content, tmp_path, capsys, setting, message
):
    site = tmp_path / "site"
    assert main(["build", "--quiet", "--content", str(small_content), "--out", str(site)]) == 0
    before = snapshot(site)
    (small_content / "search.js").write_text("alert(document.cookie);\n")
    if setting.startswith("title:"):
        settings = small_content / "site.yml"
        settings.write_text(settings.read_text().replace("title: Testshire PCC minutes\n", ""))
    line = add_setting(small_content, setting)
    capsys.readouterr()
    assert main(["check", "--content", str(small_content)]) == 1
    assert f"content/site.yml:{line}: {message}" in capsys.readouterr().err
    assert main(["build", "--quiet", "--content", str(small_content), "--out", str(site)]) == 1
    assert f"content/site.yml:{line}: {message}" in capsys.readouterr().err
    assert snapshot(site) == before


@pytest.mark.parametrize(
    "address, words",
    [
        ("javascript:alert(1)//", "is not a full web address; expected one starting with https:// or http://"),
        ("data:text/plain,x", "is not a full web address"),
        (
            "https://minutes.example.org/\nSitemap: https://evil.example/",
            "holds the character U+000A, which no web address can",
        ),
        ("minutes/", "is not a full web address"),
        ("ftp://minutes.example.org/", "is not a full web address"),
    ],
)
def test_a_base_url_on_the_command_line_that_is_not_an_http_address_is_refused(
    small_content, tmp_path, capsys, address, words
):
    with pytest.raises(SystemExit) as stopped:
        main(["build", "--content", str(small_content), "--out", str(tmp_path / "site"), "--base-url", address])
    assert stopped.value.code == 2
    (said,) = [
        line
        for line in capsys.readouterr().err.splitlines()
        if line.startswith("build.py build: error: argument --base-url: ")
    ]
    assert words in said
    assert not (tmp_path / "site").exists()


@pytest.mark.parametrize("address", ["https://minutes.example.org/pcc", "http://minutes.example.org/pcc/"])
def test_a_base_url_on_the_command_line_is_taken_as_a_folder(small_content, tmp_path, address):
    assert (
        main(
            [
                "build",
                "--quiet",
                "--content",
                str(small_content),
                "--out",
                str(tmp_path / "site"),
                "--base-url",
                address,
            ]
        )
        == 0
    )
    robots = (tmp_path / "site/robots.txt").read_text()
    assert f"Sitemap: {address.rstrip('/')}/sitemap.xml" in robots
