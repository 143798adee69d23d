"""Rendering on several cores gives the same site as rendering on one."""

import shutil

import jinja2

from minutebook import pipeline
from minutebook.incremental.cache import BuildCache
from minutebook.pipeline import Paths, build
from minutebook.site import dates
from minutebook.site.render import Renderer, plan
from tests.conftest import FIXTURES, ROOT
from tests.rebuild.test_incremental import edit_meeting, snapshot


def test_parallel_rendering_matches_serial_rendering(tmp_path, monkeypatch):
    paths = Paths(content=FIXTURES / "small")
    build(paths, tmp_path / "serial")
    monkeypatch.setattr(pipeline, "PARALLEL_FROM", 0)
    monkeypatch.setattr(pipeline.os, "cpu_count", lambda: 2)
    build(paths, tmp_path / "parallel")
    assert snapshot(tmp_path / "parallel") == snapshot(tmp_path / "serial")


def test_an_incremental_build_on_several_cores_matches_a_full_one(tmp_path, monkeypatch):
    content = shutil.copytree(FIXTURES / "small", tmp_path / "content")
    paths = Paths(content=content)
    monkeypatch.setattr(pipeline, "PARALLEL_FROM", 0)
    monkeypatch.setattr(pipeline.os, "cpu_count", lambda: 2)
    build(paths, tmp_path / "parallel")
    edit_meeting(content, None)
    assert build(paths, tmp_path / "parallel").rendered == 1
    monkeypatch.undo()
    build(paths, tmp_path / "serial")
    assert snapshot(tmp_path / "parallel") == snapshot(tmp_path / "serial")


def test_templates_compiled_before_the_workers_start_are_not_compiled_again_for_any_page(tmp_path):
    archive = pipeline.load_archive(Paths(content=FIXTURES / "committees"))
    renderer = Renderer(archive, ROOT / "templates")
    renderer.compile_templates()
    compiled = []
    compile_as_before = renderer.env.compile
    renderer.env.compile = lambda *args, **kwargs: compiled.append(args) or compile_as_before(*args, **kwargs)
    pages = plan(archive, search_ahead={}, datasets=())
    assert {p.template for p in pages} >= {"meeting.html", "committee.html", "person.html", "decisions.html"}
    for page in pages:
        renderer.render(page)
    assert compiled == []


def test_planning_the_pages_writes_no_date_so_the_workers_share_no_locale_data(monkeypatch):
    # The process that plans the pages forks the workers: a date written there would load Babel's locale
    # data into it, and so into every worker, where each loads what it needs itself.
    monkeypatch.setattr(dates, "_written", {})
    archive = pipeline.load_archive(Paths(content=FIXTURES / "committees"))
    pages = plan(archive, search_ahead={}, datasets=())
    assert dates.written() == {}
    meeting_page = next(p for p in pages if p.template == "meeting.html")
    rendered = Renderer(archive, ROOT / "templates").render(meeting_page)
    assert '<meta name="description" content="Minutes of the City Council held on June 4, 2019.">' in rendered


def test_on_several_cores_each_template_is_compiled_once_and_kept_for_the_next_build(tmp_path, monkeypatch):
    # The workers compile a share of the templates each and read the others' from the folder they are kept in.
    monkeypatch.setattr(pipeline, "PARALLEL_FROM", 0)
    monkeypatch.setattr(pipeline.os, "cpu_count", lambda: 2)
    log = tmp_path / "compiled"  # appended to by whichever process compiles a template
    compile_as_before = jinja2.Environment.compile

    def compile_and_log(self, source, name=None, filename=None, *args, **kwargs):
        with log.open("a", encoding="utf-8") as out:
            out.write(f"{name}\n")
        return compile_as_before(self, source, name, filename, *args, **kwargs)

    monkeypatch.setattr(jinja2.Environment, "compile", compile_and_log)
    site, store = tmp_path / "site", tmp_path / "store"
    build(Paths(content=FIXTURES / "small", compiled=store), site)
    templates = sorted(p.name for p in (ROOT / "templates").glob("*.html"))
    assert sorted(log.read_text(encoding="utf-8").split()) == templates
    kept = BuildCache.open(site, pipeline.PACKAGE, store=store).compiled_templates
    assert len(list(kept.iterdir())) == len(templates)


def test_the_templates_are_shared_out_whole_in_shares_of_about_the_same_size():
    renderer = Renderer(pipeline.load_archive(Paths(content=FIXTURES / "small")), ROOT / "templates")
    shares = renderer.templates_in_shares(2)
    every = sorted(p.name for p in (ROOT / "templates").glob("*.html"))
    assert sorted(name for share in shares for name in share) == every
    size = [sum((ROOT / "templates" / name).stat().st_size for name in share) for share in shares]
    largest = max((ROOT / "templates" / name).stat().st_size for name in every)
    assert abs(size[0] - size[1]) <= largest
