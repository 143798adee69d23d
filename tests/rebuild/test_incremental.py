"""An incremental build gives byte-for-byte the site a full build gives, after every kind of change."""

import dataclasses
import pickle
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from minutebook.incremental import compiled, kept
from minutebook.incremental.fingerprints import tree_digest
from minutebook.incremental.vocabulary import Vocabulary
from minutebook.outputs.minify import Minifier
from minutebook.pipeline import PACKAGE, Paths, build
from minutebook.write import MARKER, spare_path
from tests.conftest import FIXTURES, ROOT

APRIL = "meetings/2019-04-30-monthly-assurance.md"
MAY = "meetings/2019-05-28-performance.md"


def edit_meeting(content: Path, templates: Path) -> None:
    path = content / APRIL
    path.write_text(path.read_text().replace("None were discussed.", "None were discussed at all."))


def add_meeting(content: Path, templates: Path) -> None:
    text = (content / MAY).read_text().replace("2019-05-28", "2019-06-25").replace("May 2019", "June 2019")
    text = text.replace(
        "action_updates:\n  - action: 2019-04-30-1\n    status: completed\n"
        "    note: The success criteria were reviewed.\n",
        "",
    )
    (content / "meetings/2019-06-25-performance.md").write_text(text)


def delete_meeting(content: Path, templates: Path) -> None:
    (content / MAY).unlink()


def rename_meeting(content: Path, templates: Path) -> None:
    text = (content / MAY).read_text().replace("type: Performance", "type: Performance Review")
    (content / MAY).unlink()
    (content / "meetings/2019-05-28-performance-review.md").write_text(text)


def rename_theme(content: Path, templates: Path) -> None:
    path = content / "themes.yml"
    path.write_text(path.read_text().replace("name: Roads policing", "name: Roads and traffic policing"))


def change_template(content: Path, templates: Path) -> None:
    path = templates / "meeting.html"
    path.write_text(
        path.read_text().replace('<h2 id="agenda">Agenda</h2>', '<h2 id="agenda">Agenda of the meeting</h2>')
    )


def update_action_between_meetings(content: Path, templates: Path) -> None:
    (content / "action-updates.yml").write_text("- action: 2019-04-30-1\n  date: 2019-05-01\n  status: in-progress\n")


def change_action_status(content: Path, templates: Path) -> None:
    path = content / APRIL
    path.write_text(path.read_text().replace("    status: open\n", "    status: in-progress\n"))


def retitle_meeting(content: Path, templates: Path) -> None:
    path = content / MAY
    path.write_text(
        path.read_text().replace("title: Performance Meeting May 2019\n", "title: Performance Meeting, May 2019\n")
    )


def add_theme_to_item(content: Path, templates: Path) -> None:
    path = content / MAY
    path.write_text(
        path.read_text().replace("themes: [public-confidence]", "themes: [public-confidence, roads-policing]")
    )


def change_a_role(content: Path, templates: Path) -> None:
    path = content / APRIL
    path.write_text(path.read_text().replace("role: Deputy Chief Constable", "role: Acting Deputy Chief Constable"))


def add_about_page(content: Path, templates: Path) -> None:
    (content / "about.md").write_text("# About these meetings\n\nThe PCC holds them.\n", encoding="utf-8")


def add_meeting_of_a_new_type(content: Path, templates: Path) -> None:
    """Another type in another year: whether lists name meetings' types depends on every meeting."""
    text = (content / MAY).read_text().replace("2019-05-28", "2020-01-14").replace("May 2019", "January 2020")
    text = text.replace("type: Performance", "type: Public Meeting")
    text = text.replace(
        "action_updates:\n  - action: 2019-04-30-1\n    status: completed\n"
        "    note: The success criteria were reviewed.\n",
        "",
    )
    (content / "meetings/2020-01-14-public.md").write_text(text)


def snapshot(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


@pytest.mark.parametrize(
    "change",
    [
        edit_meeting,
        add_meeting,
        delete_meeting,
        rename_meeting,
        rename_theme,
        change_template,
        update_action_between_meetings,
        change_action_status,
        retitle_meeting,
        add_theme_to_item,
        change_a_role,
        add_about_page,
        add_meeting_of_a_new_type,
    ],
)
def test_incremental_build_matches_a_full_build(tmp_path, change):
    content = shutil.copytree(FIXTURES / "small", tmp_path / "content")
    templates = shutil.copytree(ROOT / "templates", tmp_path / "templates")
    paths = Paths(content=content, templates=templates)
    build(paths, tmp_path / "incremental")
    change(content, templates)
    report = build(paths, tmp_path / "incremental")
    build(paths, tmp_path / "full")
    assert snapshot(tmp_path / "incremental") == snapshot(tmp_path / "full")
    assert report.rendered > 0


def test_editing_or_removing_the_about_page_gives_what_a_full_build_gives(tmp_path):
    content = shutil.copytree(FIXTURES / "small", tmp_path / "content")
    add_about_page(content, None)
    paths = Paths(content=content)
    build(paths, tmp_path / "incremental")
    (content / "about.md").write_text("# About these meetings\n\nThe PCC chairs them.\n", encoding="utf-8")
    build(paths, tmp_path / "incremental")
    assert snapshot(tmp_path / "incremental") == snapshot(build_fully(paths, tmp_path / "edited"))
    (content / "about.md").unlink()
    build(paths, tmp_path / "incremental")
    assert snapshot(tmp_path / "incremental") == snapshot(build_fully(paths, tmp_path / "removed"))
    assert not (tmp_path / "incremental/about").exists()


def test_a_second_meeting_type_names_the_types_on_pages_that_list_neither_new_meeting(tmp_path):
    """2019's page lists April alone; it names April's type once a meeting of another type joins in 2020."""
    content = shutil.copytree(FIXTURES / "small", tmp_path / "content")
    add_meeting_of_a_new_type(content, None)
    public = content / "meetings/2020-01-14-public.md"
    held, _ = public.read_text(), public.unlink()
    delete_meeting(content, None)  # April alone: one type, not named beside it
    paths = Paths(content=content)
    build(paths, tmp_path / "incremental")
    year = tmp_path / "incremental/years/2019/index.html"
    assert "· Monthly Assurance Meeting" not in year.read_text(encoding="utf-8")
    public.write_text(held)
    build(paths, tmp_path / "incremental")
    assert "· Monthly Assurance Meeting" in year.read_text(encoding="utf-8")
    assert snapshot(tmp_path / "incremental") == snapshot(build_fully(paths, tmp_path / "full"))


def test_editing_one_meeting_leaves_the_pages_that_do_not_show_it_untouched(tmp_path):
    content = shutil.copytree(FIXTURES / "small", tmp_path / "content")
    add_meeting(content, None)  # June: its page shows May, never April
    paths = Paths(content=content)
    build(paths, tmp_path / "site")
    june = tmp_path / "site/meetings/2019-06-25-performance/index.html"
    april = tmp_path / "site/meetings/2019-04-30-monthly-assurance/index.html"
    before = (june.stat().st_ino, april.stat().st_ino)
    edit_meeting(content, None)
    build(paths, tmp_path / "site")
    assert june.stat().st_ino == before[0]  # the same file, carried over
    assert april.stat().st_ino != before[1]  # rendered again


def test_a_build_with_no_change_renders_nothing(tmp_path):
    paths = Paths(content=FIXTURES / "small")
    build(paths, tmp_path / "site")
    assert build(paths, tmp_path / "site").rendered == 0


def test_a_site_changed_behind_the_builds_back_is_rendered_again(tmp_path):
    paths = Paths(content=FIXTURES / "small")
    build(paths, tmp_path / "site")
    page = tmp_path / "site" / "glossary" / "index.html"
    page.unlink()
    page.write_text("tampered")
    build(paths, tmp_path / "site")
    assert page.read_text() != "tampered"


def pages_rendered_by(change, tmp_path) -> set[str]:
    """The pages an incremental build wrote anew after `change`; every other page was carried over."""
    content = shutil.copytree(FIXTURES / "small", tmp_path / "content")
    add_meeting(content, None)  # three meetings, so April has a neighbour on each side only after June joins
    paths = Paths(content=content)
    site = tmp_path / "site"
    build(paths, site)
    before = {p.relative_to(site).as_posix(): p.stat().st_ino for p in site.rglob("*.html")}
    shutil.rmtree(spare_path(site))  # else a page rendered again into the same bytes would keep its file
    change(content, None)
    build(paths, site)
    assert snapshot(site) == snapshot(build_fully(paths, tmp_path / "full"))
    return {path for path, inode in before.items() if (site / path).stat().st_ino != inode}


def build_fully(paths: Paths, out: Path) -> Path:
    build(paths, out)
    return out


def test_editing_only_the_text_of_an_item_re_renders_that_meeting_page_alone(tmp_path):
    assert pages_rendered_by(edit_meeting, tmp_path) == {"meetings/2019-04-30-monthly-assurance/index.html"}


def test_changing_an_actions_status_re_renders_every_page_that_shows_the_action(tmp_path):
    rendered = pages_rendered_by(change_action_status, tmp_path)
    shows_it = {
        "actions/index.html",
        "actions/2019-04-30-1/index.html",
        "index.html",
        "meetings/2019-04-30-monthly-assurance/index.html",
        "themes/roads-policing/index.html",
        "people/amanda-blakeman/index.html",
    }
    assert shows_it <= rendered
    # A page that names April for other facts is rendered again too (a summary is all or nothing); one that never
    # names it is not.
    assert (
        not {
            "glossary/index.html",
            "404.html",
            "themes/public-confidence/index.html",
            "meetings/2019-06-25-performance/index.html",
        }
        & rendered
    )


def test_retitling_a_meeting_re_renders_the_lists_that_name_it_and_its_neighbours(tmp_path):
    rendered = pages_rendered_by(retitle_meeting, tmp_path)
    assert {
        "meetings/index.html",
        "years/2019/index.html",
        "index.html",
        "themes/public-confidence/index.html",
        "meetings/2019-04-30-monthly-assurance/index.html",
        "meetings/2019-06-25-performance/index.html",
    } <= rendered
    assert not {"glossary/index.html", "404.html"} & rendered


def add_meeting_in_2020(content: Path, templates: Path) -> None:
    text = (content / MAY).read_text().replace("2019-05-28", "2020-05-26").replace("May 2019", "May 2020")
    text = text.replace(
        "action_updates:\n  - action: 2019-04-30-1\n    status: completed\n"
        "    note: The success criteria were reviewed.\n",
        "",
    )
    (content / "meetings/2020-05-26-performance.md").write_text(text)


def test_a_new_latest_meeting_remakes_the_pages_that_count_how_long_an_open_action_has_waited(tmp_path):
    content = shutil.copytree(FIXTURES / "small", tmp_path / "content")
    may = content / MAY
    may.write_text(
        may.read_text().replace(
            "action_updates:\n  - action: 2019-04-30-1\n    status: completed\n"
            "    note: The success criteria were reviewed.\n",
            "",
        )
    )
    paths = Paths(content=content)
    site = tmp_path / "site"
    build(paths, site)
    action = site / "actions/2019-04-30-1/index.html"
    assert "(less than a month ago)" in action.read_text()
    add_meeting_in_2020(content, None)  # says nothing of the action, but a year has passed by it
    build(paths, site)
    assert snapshot(site) == snapshot(build_fully(paths, tmp_path / "full"))
    assert "(1 year ago)" in action.read_text()


def files_rewritten_by(change, tmp_path) -> set[str]:
    """Every file an incremental build wrote anew after `change`, assets aside (they are copied every time),
    and the marker (it names the site, so any change to the site changes it)."""
    content = shutil.copytree(FIXTURES / "small", tmp_path / "content")
    add_meeting_in_2020(content, None)  # a second year, so a second search file
    paths = Paths(content=content, templates=ROOT / "templates")
    site = tmp_path / "site"
    build(paths, site)
    before = {p.relative_to(site).as_posix(): p.stat().st_ino for p in site.rglob("*") if p.is_file()}
    shutil.rmtree(spare_path(site))  # else a file made again into the same bytes would keep its inode
    change(content, None)
    build(paths, site)
    assert snapshot(site) == snapshot(build_fully(paths, tmp_path / "full"))
    return {
        path
        for path, inode in before.items()
        if not path.startswith("assets/") and path != MARKER and (site / path).stat().st_ino != inode
    }


def add_a_word(content: Path, templates: Path) -> None:
    path = content / APRIL
    path.write_text(path.read_text().replace("None were discussed.", "None were discussed by the panel."))


def test_a_new_word_remakes_its_page_its_search_text_its_years_terms_its_words_the_search_index_and_the_meetings_data(
    tmp_path,
):
    assert files_rewritten_by(add_a_word, tmp_path) == {
        "meetings/2019-04-30-monthly-assurance/index.html",
        "search/index.js",
        "search/terms/2019-0.js",
        "search/text/2019-04-30-monthly-assurance.js",
        "search/words/0.js",
        "data/meetings.json",
    }


def change_an_actions_current_status(content: Path, templates: Path) -> None:
    path = content / MAY
    path.write_text(path.read_text().replace("    status: completed\n", "    status: in-progress\n"))


def test_a_remade_file_that_comes_out_the_same_is_carried_over_not_written(tmp_path):
    assert "search/index.js" not in files_rewritten_by(edit_meeting, tmp_path)  # only words the index leaves out


def test_a_status_change_remakes_the_files_that_show_actions_but_not_the_other_years_search(tmp_path):
    rewritten = files_rewritten_by(change_an_actions_current_status, tmp_path)
    assert {"search/text/2019-04-30-monthly-assurance.js", "data/actions.json", "data/actions.csv"} <= rewritten
    assert not {"search/terms/2020-0.js", "search/text/2020-05-26-performance.js"} & rewritten


def test_parts_kept_between_builds_are_checked_not_trusted(tmp_path):
    content = shutil.copytree(FIXTURES / "small", tmp_path / "content")
    paths = Paths(content=content, compiled=tmp_path / "compiled")
    site = tmp_path / "site"
    build(paths, site)
    folder, code = kept.folder(site), tree_digest(PACKAGE)
    # code.pickle (cache.code_digest) is there too, unless this checkout's code changed a moment ago
    assert {p.name for p in folder.iterdir() if p.is_file()} - {"code.pickle"} == {
        "search-2019.pickle",
        "search-summaries.pickle",
        "search-words.pickle",
        "meetings-2019.pickle",
        "parsed-2019.pickle",
        "dates-written.pickle",  # each a function of its key alone, as this Minutebook and this Babel write it
    }
    scripts = tmp_path / "compiled" / compiled.version(code)
    compiled.write_scripts(scripts, code, {"search.js": ("not its key", b"not the search code")})
    kept.write_set(site, "search-2019", code, {"2019-04-30-monthly-assurance": ("not its key", b"{}")})
    kept.write_set(site, "search-summaries", code, {"2019-04-30-monthly-assurance": ("not its key", b"[]")})
    (folder / "meetings-2019.pickle").write_bytes((folder / "meetings-2019.pickle").read_bytes()[:-100])  # cut short
    parsed = kept.read_set(site, "parsed-2019", code)
    assert parsed
    broken = pickle.dumps(("the right key", [1, 2]))  # a broken meeting
    kept.write_set(site, "parsed-2019", code, {path: (key, broken) for path, (key, _) in parsed.items()})
    edit_meeting(content, None)  # May's file is as it was: only its broken kept meeting could stand in for it
    build(paths, site)
    assert snapshot(site) == snapshot(build_fully(paths, tmp_path / "full"))


def test_a_kept_vocabulary_that_does_not_hold_every_meetings_words_is_made_again(tmp_path):
    content = shutil.copytree(FIXTURES / "small", tmp_path / "content")
    paths, site = Paths(content=content), tmp_path / "site"
    build(paths, site)
    code = tree_digest(PACKAGE)
    was = kept.read_kept(site, "search-words", code)
    vocabulary = Vocabulary.from_kept(was["vocabulary"])
    nothing = tuple("" for _ in vocabulary.ranges)
    texts = tuple('""' for _ in vocabulary.texts)
    emptied = dataclasses.replace(vocabulary, held={}, texts=texts, ranges=nothing, entries=nothing)  # the right key
    kept.write_kept(site, "search-words", code, {**was, "vocabulary": emptied.as_kept()})
    add_a_word(content, paths.templates)
    build(paths, site)
    assert snapshot(site) == snapshot(build_fully(paths, tmp_path / "full"))


def test_words_that_join_or_leave_the_archive_change_only_their_ranges_words_files(tmp_path):
    content = shutil.copytree(FIXTURES / "small", tmp_path / "content")
    paths, site = Paths(content=content), tmp_path / "site"
    build(paths, site)
    path = content / APRIL
    path.write_text(
        path.read_text().replace("None were discussed.", "None were discussed. Zeppelins and aardvarks were noted.")
    )
    build(paths, site)
    assert snapshot(site) == snapshot(build_fully(paths, tmp_path / "full"))
    path.write_text(path.read_text().replace(" Zeppelins and aardvarks were noted.", ""))
    build(paths, site)
    assert snapshot(site) == snapshot(build_fully(paths, tmp_path / "again"))


def test_a_build_handed_the_meetings_the_last_one_read_gives_the_same_site(tmp_path):
    content = shutil.copytree(FIXTURES / "small", tmp_path / "content")
    paths, site = Paths(content=content), tmp_path / "site"
    first = build(paths, site)
    edit_meeting(content, paths.templates)
    build(paths, site, remembered=first.read)
    assert snapshot(site) == snapshot(build(paths, tmp_path / "full") and tmp_path / "full")


def test_an_edit_reads_and_writes_only_its_own_years_search_parts(tmp_path, monkeypatch):
    content = shutil.copytree(FIXTURES / "small", tmp_path / "content")
    text = (content / MAY).read_text().replace("2019-05-28", "2020-05-26").replace("May 2019", "May 2020")
    text = text.replace(
        "action_updates:\n  - action: 2019-04-30-1\n    status: completed\n"
        "    note: The success criteria were reviewed.\n",
        "",
    )
    (content / "meetings/2020-05-26-performance.md").write_text(text)
    paths, site = Paths(content=content), tmp_path / "site"
    build(paths, site)
    other_year = kept.set_path(site, "search-2020")
    kept_before = other_year.read_bytes()
    read = []
    reading = kept.read_set
    monkeypatch.setattr(kept, "read_set", lambda out_dir, name, code: read.append(name) or reading(out_dir, name, code))
    edit_meeting(content, paths.templates)  # a 2019 meeting
    build(paths, site)
    assert "search-2019" in read and "search-2020" not in read
    assert other_year.read_bytes() == kept_before
    assert snapshot(site) == snapshot(build_fully(paths, tmp_path / "full"))


def test_a_build_that_changes_no_script_serves_the_scripts_it_minified_last_time(tmp_path, monkeypatch):
    content = shutil.copytree(FIXTURES / "small", tmp_path / "content")
    paths, site = Paths(content=content), tmp_path / "site"
    build(paths, site)
    served = (site / "assets" / "search.js").read_bytes()

    def not_again(self, sources):
        raise AssertionError(f"{', '.join(sources)} minified again")

    monkeypatch.setattr(Minifier, "many", not_again)
    edit_meeting(content, paths.templates)
    build(paths, site)
    assert (site / "assets" / "search.js").read_bytes() == served


def test_a_changed_search_module_is_minified_again(tmp_path):
    content = shutil.copytree(FIXTURES / "small", tmp_path / "content")
    assets = shutil.copytree(ROOT / "assets", tmp_path / "assets")
    paths, site = Paths(content=content, assets=assets), tmp_path / "site"
    build(paths, site)
    with (assets / "search" / "page.js").open("a") as module:
        module.write('\nwindow.minutebookEdited = "an edit to the search code";\n')
    build(paths, site)
    assert b"an edit to the search code" in (site / "assets" / "search.js").read_bytes()
    assert snapshot(site) == snapshot(build_fully(paths, tmp_path / "full"))


# Builds in a fresh interpreter and says which of the modules only the feeds need it imported.
FEEDS_ONLY = """
import sys
from pathlib import Path
from minutebook.pipeline import Paths, build
build(Paths(content=Path(sys.argv[1])), Path(sys.argv[2]))
print(" ".join(m for m in ("xml.etree.ElementTree", "zoneinfo", "icalendar") if m in sys.modules))
"""


def test_a_rebuild_that_leaves_the_feeds_as_they_are_does_not_import_what_only_they_need(tmp_path):
    content = shutil.copytree(FIXTURES / "small", tmp_path / "content")
    site = tmp_path / "site"
    run = [sys.executable, "-c", FEEDS_ONLY, str(content), str(site)]
    first = subprocess.run(run, cwd=ROOT, capture_output=True, text=True, check=True)
    edit_meeting(content, ROOT / "templates")  # the text of an item: the feeds show only the meetings' facts
    again = subprocess.run(run, cwd=ROOT, capture_output=True, text=True, check=True)
    assert first.stdout.split() == ["xml.etree.ElementTree", "zoneinfo", "icalendar"]
    assert again.stdout.split() == []


# Builds in a fresh interpreter and says whether it loaded Babel, which writes the dates.
BABEL = """
import sys
from pathlib import Path
from minutebook.pipeline import Paths, build
build(Paths(content=Path(sys.argv[1])), Path(sys.argv[2]))
print("babel" in sys.modules)
"""


def test_a_rebuild_that_writes_no_new_date_does_not_load_babel(tmp_path):
    content = shutil.copytree(FIXTURES / "small", tmp_path / "content")
    run = [sys.executable, "-c", BABEL, str(content), str(tmp_path / "site")]
    first = subprocess.run(run, cwd=ROOT, capture_output=True, text=True, check=True)
    edit_meeting(content, ROOT / "templates")  # the text of an item: every date on its page was written before
    again = subprocess.run(run, cwd=ROOT, capture_output=True, text=True, check=True)
    assert (first.stdout.split(), again.stdout.split()) == (["True"], ["False"])


def test_dates_kept_by_another_babel_are_not_recalled(tmp_path):
    content = shutil.copytree(FIXTURES / "small", tmp_path / "content")
    site = tmp_path / "site"
    run = [sys.executable, "-c", BABEL, str(content), str(site)]
    subprocess.run(run, cwd=ROOT, capture_output=True, text=True, check=True)
    folder = kept.folder(site)
    with open(folder / "dates-written.pickle", "rb") as file:
        header, written = pickle.load(file), pickle.load(file)
    code, babel = header[1].split(" ", 1)
    assert babel  # the installed Babel is part of what the dates were written by
    kept.write_kept(site, "dates-written", f"{code} another Babel", {key: "WRONG" for key in written})
    edit_meeting(content, ROOT / "templates")
    again = subprocess.run(run, cwd=ROOT, capture_output=True, text=True, check=True)
    assert again.stdout.split() == ["True"]  # Babel wrote the dates afresh
    assert not any(b"WRONG" in path.read_bytes() for path in site.rglob("*.html"))
