"""Templates compiled and scripts minified once, for every build of the same code on this computer."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import jinja2
import pytest

from minutebook import preview
from minutebook.incremental import compiled, kept
from minutebook.incremental.fingerprints import tree_digest
from minutebook.outputs.minify import Minifier
from minutebook.pipeline import PACKAGE, PROJECT, Paths, build, compiled_store
from minutebook.site.render import KeptTemplates
from minutebook.write import PublishError
from tests.conftest import FIXTURES, ROOT
from tests.rebuild.test_incremental import edit_meeting, snapshot


def nothing_compiled_or_minified(monkeypatch):
    def compile_again(self, *args, **kwargs):
        raise AssertionError(f"{args[1] if len(args) > 1 else args} compiled again")

    def minify_again(self, sources):
        raise AssertionError(f"{', '.join(sources)} minified again")

    monkeypatch.setattr(jinja2.Environment, "compile", compile_again)
    monkeypatch.setattr(Minifier, "many", minify_again)


def test_a_build_into_a_new_folder_compiles_and_minifies_nothing_an_earlier_build_did(tmp_path, monkeypatch):
    paths = Paths(content=FIXTURES / "small", compiled=tmp_path / "compiled")
    build(paths, tmp_path / "site")
    nothing_compiled_or_minified(monkeypatch)
    build(paths, tmp_path / "a look")
    assert snapshot(tmp_path / "a look") == snapshot(tmp_path / "site")


def test_a_changed_template_is_compiled_again_for_a_build_into_a_new_folder(tmp_path):
    templates = shutil.copytree(ROOT / "templates", tmp_path / "templates")
    paths = Paths(content=FIXTURES / "small", templates=templates, compiled=tmp_path / "compiled")
    build(paths, tmp_path / "site")
    page = templates / "meeting.html"
    page.write_text(page.read_text().replace('<h2 id="agenda">Agenda</h2>', '<h2 id="agenda">Order of business</h2>'))
    build(paths, tmp_path / "again")
    assert (
        "Order of business"
        in (tmp_path / "again" / "meetings" / "2019-04-30-monthly-assurance" / "index.html").read_text()
    )


def test_they_are_kept_beside_the_code_not_the_site(tmp_path):
    build(Paths(content=FIXTURES / "small", compiled=tmp_path / "compiled"), tmp_path / "site")
    (folder,) = (tmp_path / "compiled").iterdir()
    assert folder.name == compiled.version(tree_digest(PACKAGE))
    assert any((folder / "templates").iterdir()) and (folder / "scripts.pickle").is_file()
    assert not [p for p in kept.folder(tmp_path / "site").iterdir() if p.is_dir() or p.name == "scripts.pickle"]


def test_those_of_the_few_versions_of_the_code_used_last_are_kept_and_older_ones_dropped(tmp_path):
    store = tmp_path / "compiled"
    older = [store / f"{n:016x}" for n in range(compiled.KEEP + 2)]
    for age, folder in enumerate(older, 1):  # as builds by other code left them, the first the latest
        (folder / "templates").mkdir(parents=True)
        os.utime(folder, (1e9 - age * 3600, 1e9 - age * 3600))
    build(Paths(content=FIXTURES / "small", compiled=store), tmp_path / "site")
    this = store / compiled.version(tree_digest(PACKAGE))
    assert set(store.iterdir()) == {this, *older[: compiled.KEEP - 1]}


def test_where_they_cannot_be_kept_beside_the_code_they_are_kept_beside_the_site(tmp_path, monkeypatch):
    (tmp_path / "not a folder").write_text("")  # as a read-only installation would refuse the folder
    content = shutil.copytree(FIXTURES / "small", tmp_path / "content")
    paths = Paths(content=content, compiled=tmp_path / "not a folder")
    build(paths, tmp_path / "site")
    beside = kept.folder(tmp_path / "site") / f"code-{compiled.version(tree_digest(PACKAGE))}"
    assert any((beside / "templates").iterdir()) and (beside / "scripts.pickle").is_file()
    nothing_compiled_or_minified(monkeypatch)
    edit_meeting(content, paths.templates)
    assert build(paths, tmp_path / "site").rendered >= 1


def test_those_beside_the_site_for_other_code_are_dropped(tmp_path):
    (tmp_path / "not a folder").write_text("")
    stale = tmp_path / ".site.parts" / "code-0123456789abcdef"
    (stale / "templates").mkdir(parents=True)
    build(Paths(content=FIXTURES / "small", compiled=tmp_path / "not a folder"), tmp_path / "site")
    folders = [p for p in kept.folder(tmp_path / "site").iterdir() if p.is_dir()]
    assert len(folders) == 1 and folders[0] != stale


def test_compiled_templates_taken_away_meanwhile_are_compiled_again_without_failing(tmp_path):
    env = jinja2.Environment(loader=PAGE, bytecode_cache=KeptTemplates(tmp_path / "kept"))
    shutil.rmtree(tmp_path / "kept")  # another build tidied the store away
    assert env.get_template("page.html").render(words="Minutes") == "<p>Minutes</p>"


PAGE = jinja2.DictLoader({"page.html": "<p>{{ words }}</p>"})


def kept_page(folder):
    """The one template compiled and kept in `folder`: its file."""
    jinja2.Environment(loader=PAGE, bytecode_cache=KeptTemplates(folder)).get_template("page.html")
    (file,) = folder.iterdir()
    return file


@pytest.mark.parametrize(
    "damage",
    [
        lambda kept: kept[:-20],  # cut short in the compiled code
        lambda kept: kept[: len(jinja2.bccache.bc_magic) + 5],  # cut short in the source's checksum
        lambda kept: kept[: len(jinja2.bccache.bc_magic)] + b"\xff" * 50,  # garbage after the header
    ],
)
def test_a_damaged_compiled_template_is_compiled_again(tmp_path, damage):
    file = kept_page(tmp_path)
    file.write_bytes(damage(file.read_bytes()))
    env = jinja2.Environment(loader=PAGE, bytecode_cache=KeptTemplates(tmp_path))
    assert env.get_template("page.html").render(words="Minutes") == "<p>Minutes</p>"


def test_a_compiled_template_that_holds_no_code_is_compiled_again(tmp_path):
    kept = KeptTemplates(tmp_path)
    env = jinja2.Environment(loader=PAGE, bytecode_cache=kept)
    source, filename, _ = PAGE.get_source(env, "page.html")
    bucket = kept.get_bucket(env, "page.html", filename, source)
    bucket.code = 5  # the right checksum, then a number where the code should be
    kept.dump_bytecode(bucket)
    assert env.get_template("page.html").render(words="Minutes") == "<p>Minutes</p>"


def test_each_version_of_jinja2_has_a_folder_of_its_own(monkeypatch):
    was = compiled.version("the code")
    monkeypatch.setattr(jinja2, "__version__", "9.9.9")
    assert compiled.version("the code") != was


def test_a_process_whose_code_changed_since_it_started_keeps_nothing_for_other_builds(tmp_path):
    # The preview server, still running the code it started with after an edit to the code or a git pull.
    store = tmp_path / "compiled"
    build(Paths(content=FIXTURES / "small", compiled=store), tmp_path / "site", code_run="the code as it was")
    assert not store.exists() or not any(store.rglob("*.cache"))
    beside = kept.folder(tmp_path / "site") / f"code-{compiled.version(tree_digest(PACKAGE))}"
    assert any((beside / "templates").iterdir())


def test_the_preview_tells_each_build_the_code_it_started_with(tmp_path, monkeypatch):
    monkeypatch.setattr(preview, "running_code", lambda: "the code as it was when the server started")
    store = tmp_path / "compiled"
    server = preview.Preview(Paths(content=FIXTURES / "small", compiled=store), tmp_path / "preview")
    assert server.rebuild() is not None
    assert not store.exists() or not any(store.rglob("*.cache"))


def test_out_may_not_name_the_folder_they_are_kept_in(tmp_path):
    store = tmp_path / "compiled"
    with pytest.raises(PublishError, match="it is inside the folder compiled templates and scripts are kept in"):
        build(Paths(content=FIXTURES / "small", compiled=store), store / "site")
    assert not (store / "site").exists()


def test_they_are_kept_beside_the_code_unless_minutebook_cache_names_another_folder():
    assert compiled_store({}) == PROJECT / ".minutebook_cache"
    assert compiled_store({"MINUTEBOOK_CACHE": "/srv/cache/minutebook"}) == Path("/srv/cache/minutebook")


def test_the_command_line_build_keeps_them_where_minutebook_cache_says(tmp_path):
    env = os.environ | {"MINUTEBOOK_CACHE": str(tmp_path / "elsewhere")}
    run = subprocess.run(
        [sys.executable, str(ROOT / "build.py"), "--content", str(FIXTURES / "small"), "--out", "site", "--quiet"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert run.returncode == 0, run.stderr
    (folder,) = (tmp_path / "elsewhere").iterdir()
    assert any((folder / "templates").iterdir())
