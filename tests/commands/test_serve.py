"""`build.py serve` previews the site, rebuilds it on every change and reloads the page, and publishes nothing.

Most tests run the real command in a subprocess against a copy of the small
fixture and talk to it over HTTP, as a browser would.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from minutebook.cli import main
from minutebook.pipeline import Paths
from minutebook.preview import Preview, Showing, is_page, is_watched, problems_page, watch, with_reload
from tests.conftest import FIXTURES, ROOT

APRIL = "meetings/2019-04-30-monthly-assurance.md"
APRIL_PAGE = "meetings/2019-04-30-monthly-assurance/"
RELOAD_TAG = '<script src="/__minutebook/reload.js"'
WAIT = 20  # seconds; a rebuild of the small fixture takes a fraction of one


def until(condition, what: str, timeout: float = WAIT):
    """Poll `condition` until it returns something true; fail after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        result = condition()
        if result:
            return result
        time.sleep(0.05)
    pytest.fail(f"timed out after {timeout}s waiting for {what}")


def fetch(url) -> tuple[int, dict, str]:
    """Status, headers and text of a GET, error statuses included."""
    try:
        with urllib.request.urlopen(url, timeout=5) as answer:
            return answer.status, dict(answer.headers), answer.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read().decode("utf-8")


def rewrite(content: Path, name: str, old: str, new: str) -> None:
    path = content / name
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new), encoding="utf-8")


class Serving:
    """`python build.py serve --port 0` running in a subprocess; its output is collected as it comes."""

    def __init__(self, content: Path, temp: Path):
        self.temp = temp
        self.process = subprocess.Popen(
            [sys.executable, "build.py", "serve", "--port", "0", "--content", str(content)],
            cwd=ROOT,
            env={**os.environ, "TMPDIR": str(temp)},  # the preview folder lands where the test can look
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        self.lines: list[str] = []
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()
        self.url = until(self._address, "the address to be printed")

    def _read(self) -> None:
        for line in self.process.stdout:
            self.lines.append(line.rstrip("\n"))

    def _address(self) -> str | None:
        if self.process.poll() is not None:
            pytest.fail("serve exited early:\n" + self.output)
        found = re.search(r"^Serving (http://127\.0\.0\.1:\d+/) — press Ctrl\+C to stop$", self.output, re.M)
        return found and found[1]

    @property
    def output(self) -> str:
        return "\n".join(self.lines)

    def page(self, path: str = APRIL_PAGE) -> tuple[int, dict, str]:
        return fetch(self.url + path)

    def preview_folders(self) -> list[Path]:
        return sorted(self.temp.glob("minutebook-preview-*"))

    def stop(self, signal_number=signal.SIGINT, timeout: float = 5) -> int:
        self.process.send_signal(signal_number)
        code = self.process.wait(timeout)
        self.reader.join(timeout)
        return code

    def kill(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()


@pytest.fixture
def serving(small_content, tmp_path):
    """A server of the test's own, for tests that change its content or stop it."""
    temp = tmp_path / "temp"
    temp.mkdir()
    server = Serving(small_content, temp)
    yield server
    server.kill()


@pytest.fixture(scope="module")
def shared(tmp_path_factory):
    """One server for the tests that only read from it: starting one takes most of a second."""
    root = tmp_path_factory.mktemp("shared")
    content = shutil.copytree(FIXTURES / "small", root / "content")
    (root / "temp").mkdir()
    server = Serving(content, root / "temp")
    yield server
    server.kill()


# ---------------------------------------------------------------- serving


def test_it_prints_the_address_it_serves_on_127_0_0_1(shared):
    assert shared.url.startswith("http://127.0.0.1:")


def test_it_serves_the_built_meeting_pages(shared):
    status, _, text = shared.page()
    assert status == 200
    assert "<title>Monthly Assurance Meeting April 2019 – Testshire PCC minutes</title>" in text


def test_html_pages_carry_the_reload_script_at_the_end_of_the_head(shared):
    _, _, text = shared.page()
    assert RELOAD_TAG in text
    assert text.index(RELOAD_TAG) < text.index("</head>")


def test_the_reload_script_is_an_external_javascript_file_that_asks_for_the_version(shared):
    status, headers, text = shared.page("__minutebook/reload.js")
    assert (status, headers["Content-Type"]) == (200, "text/javascript; charset=utf-8")
    assert "/__minutebook/version" in text and "location.reload()" in text


def test_every_answer_sends_a_strict_csp_and_is_never_cached(shared):
    for path in (APRIL_PAGE, "assets/style.css", "__minutebook/reload.js", "__minutebook/version"):
        _, headers, _ = shared.page(path)
        assert headers["Content-Security-Policy"].startswith("default-src 'self'")
        assert headers["Cache-Control"] == "no-store"


def test_files_other_than_pages_are_served_unchanged(shared, small_site):
    _, _, text = shared.page("assets/style.css")
    assert text == (small_site / "assets" / "style.css").read_text(encoding="utf-8")


def test_an_unknown_address_gets_the_sites_404_page_with_its_links_kept_at_the_root(shared):
    status, _, text = shared.page("meetings/no-such-meeting/")
    assert status == 404
    assert "<h1>Page not found</h1>" in text
    assert '<base href="/">' in text and RELOAD_TAG in text


def test_it_answers_only_to_this_computers_own_names(shared):
    port = shared.url.rsplit(":", 1)[1].rstrip("/")
    for host, status in ((f"localhost:{port}", 200), (f"127.0.0.1:{port}", 200), (f"minutes.example.com:{port}", 403)):
        request = urllib.request.Request(shared.url + APRIL_PAGE, headers={"Host": host})
        assert fetch(request)[0] == status, host


def test_folders_are_not_listed(shared):
    assert shared.page("assets/")[0] == 404


# ---------------------------------------------------------------- rebuilding


def test_an_edited_content_file_is_served_without_restarting(serving, small_content):
    rewrite(
        small_content,
        APRIL,
        "title: Monthly Assurance Meeting April 2019",
        "title: Monthly Assurance Meeting April 2019 (revised)",
    )
    until(lambda: "April 2019 (revised)" in serving.page()[2], "the edited title to be served")


def test_each_rebuild_gives_a_new_version_for_the_page_to_reload_on(serving, small_content):
    before = serving.page("__minutebook/version")[2]
    rewrite(small_content, APRIL, "Meeting Room 1.38 Hindlip", "Meeting Room 2.01 Hindlip")
    until(lambda: serving.page("__minutebook/version")[2] != before, "a new version")


def test_a_page_carries_the_version_it_was_built_as(shared):
    version = shared.page("__minutebook/version")[2]
    assert f'data-version="{version}"' in shared.page()[2]


# ---------------------------------------------------------------- broken content


def break_people(content: Path) -> None:
    with open(content / "people.yml", "a", encoding="utf-8") as people:
        people.write("title: [unclosed\n")


def test_broken_content_is_shown_in_the_browser_instead_of_the_pages(serving, small_content):
    break_people(small_content)
    status, _, text = until(
        lambda: (answer := serving.page()) and "YAML syntax error" in answer[2] and answer, "the problems page"
    )
    assert status == 500
    assert "<h1>The site cannot be built</h1>" in text
    assert "content/people.yml:" in text and RELOAD_TAG in text


def test_broken_content_is_reported_in_the_terminal_as_check_reports_it(serving, small_content, capsys):
    break_people(small_content)
    until(lambda: "problems found; the preview shows them" in serving.output, "the problems in the terminal")
    main(["check", "--content", str(small_content)])
    checked = [line for line in capsys.readouterr().err.splitlines() if not line.endswith("nothing was built.")]
    assert checked and all(line in serving.lines for line in checked)


def test_fixed_content_is_served_as_the_site_again(serving, small_content):
    break_people(small_content)
    until(lambda: serving.page()[0] == 500, "the problems page")
    shutil.copy(FIXTURES / "small" / "people.yml", small_content / "people.yml")
    status, _, text = until(lambda: (answer := serving.page())[0] == 200 and answer, "the site again")
    assert "<title>Monthly Assurance Meeting April 2019" in text


def test_while_the_content_is_broken_the_last_good_assets_are_still_served(serving, small_content):
    break_people(small_content)
    until(lambda: serving.page()[0] == 500, "the problems page")
    assert serving.page("assets/style.css")[0] == 200


def test_the_problems_page_escapes_what_it_quotes():
    page = problems_page(Showing("v1", ("people.yml:2: name: '<script>alert(1)</script>' & more",))).decode()
    assert "<script>alert" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page and "&amp; more" in page


def test_the_problems_page_is_a_titled_english_page_with_a_heading_and_a_list():
    page = problems_page(Showing("v1", ("a.md:1: date: not a date", "b.md:3: title: missing"))).decode()
    assert '<html lang="en-GB">' in page and "<title>2 problems to fix" in page
    assert "<main>" in page and "<h1>" in page and page.count("<li>") == 2


def test_a_broken_template_is_reported_with_its_file_and_line(small_content, tmp_path):
    templates = shutil.copytree(ROOT / "templates", tmp_path / "templates")
    (templates / "meeting.html").write_text(
        "{% extends 'base.html' %}\n{% block main %}\n{{ no_such_thing.title }}\n{% endblock %}\n", encoding="utf-8"
    )
    preview = Preview(Paths(content=small_content, templates=templates), tmp_path / "preview")
    assert preview.rebuild() is None
    (problem,) = preview.showing.problems
    assert problem.startswith("templates/meeting.html:3: ")


# ---------------------------------------------------------------- an unfinished draft


def test_a_draft_still_marked_to_do_is_previewed_with_its_markers_shown(serving, small_content, capsys):
    assert (
        main(["new", "--date", "2019-06-25", "--type", "Monthly Assurance Meeting", "--content", str(small_content)])
        == 0
    )
    capsys.readouterr()
    june = "meetings/2019-06-25-monthly-assurance/"
    status, _, text = until(lambda: (answer := serving.page(june))[0] == 200 and answer, "the draft's page")
    assert "TO DO: title of the first item" in text


def test_the_terminal_lists_each_marker_of_a_previewed_draft_as_check_does(serving, small_content, capsys):
    assert (
        main(["new", "--date", "2019-06-25", "--type", "Monthly Assurance Meeting", "--content", str(small_content)])
        == 0
    )
    until(
        lambda: "14 places still marked TO DO or CHECK; settle each and delete its marker" in serving.output,
        "the markers in the terminal",
    )
    capsys.readouterr()
    main(["check", "--content", str(small_content)])
    listed = [line for line in capsys.readouterr().err.splitlines() if "still marked for the editor" in line]
    assert len(listed) == 14 and all(line in serving.lines for line in listed)


# ---------------------------------------------------------------- nothing published carries the reload code


def test_the_preview_files_on_disk_carry_no_reload_code(shared):
    (folder,) = shared.preview_folders()
    files = [path for path in folder.rglob("*") if path.is_file()]
    assert any(path.name == "index.html" for path in files)
    assert not [path for path in files if b"__minutebook" in path.read_bytes()]


def test_a_normal_build_carries_no_reload_code(small_content, tmp_path):
    assert main(["build", "--content", str(small_content), "--out", str(tmp_path / "site"), "--quiet"]) == 0
    assert not [
        path for path in (tmp_path / "site").rglob("*") if path.is_file() and b"__minutebook" in path.read_bytes()
    ]


def test_the_preview_is_built_in_a_temporary_folder_of_its_own(shared):
    assert len(shared.preview_folders()) == 1
    assert not (shared.temp.parent / "site").exists()


# ---------------------------------------------------------------- stopping


def test_ctrl_c_stops_it_promptly_with_status_0_and_no_traceback(serving):
    began = time.monotonic()
    assert serving.stop(signal.SIGINT) == 0
    assert time.monotonic() - began < 3
    assert "Traceback" not in serving.output and serving.lines[-1] == "Stopped."


def test_sigterm_stops_it_with_status_0_and_no_traceback(serving):
    assert serving.stop(signal.SIGTERM) == 0
    assert "Traceback" not in serving.output


def test_stopping_removes_the_preview_folder(serving):
    serving.stop()
    assert serving.preview_folders() == []


def test_a_port_already_in_use_is_refused_with_a_clear_message(small_content):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        done = subprocess.run(
            [sys.executable, "build.py", "serve", "--port", str(port), "--content", str(small_content)],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=WAIT,
        )
    assert done.returncode == 1
    assert f"Cannot serve on port {port}" in done.stderr and "--port 0" in done.stderr


# ---------------------------------------------------------------- the parts


def test_the_reload_script_goes_before_the_end_of_the_head():
    assert with_reload(b"<html><head><title>t</title></head><body></body></html>", "v1") == (
        b'<html><head><title>t</title><script src="/__minutebook/reload.js" data-version="v1" defer></script>\n'
        b"</head><body></body></html>"
    )


@pytest.mark.parametrize(
    "path, page",
    [
        ("/", True),
        ("/meetings/", True),
        ("/meetings/x/index.html", True),
        ("/search", True),
        ("/assets/style.css", False),
        ("/feed.xml", False),
        ("/search/index.js", False),
    ],
)
def test_pages_are_told_from_other_files_by_their_address(path, page):
    assert is_page(path) is page


@pytest.mark.parametrize("force_polling", [None, True], ids=["notified", "polling"])
def test_a_burst_of_edits_is_one_rebuild(tmp_path, force_polling):
    # Polling stands in where the system sends no notifications (network shares, full inotify).
    (tmp_path / "a.md").write_text("one")
    changes, stop, ready = [], threading.Event(), threading.Event()
    watcher = threading.Thread(
        target=watch,
        args=([tmp_path], lambda: changes.append(time.monotonic()), stop, ready),
        kwargs={"settle_ms": 400, "force_polling": force_polling},
    )
    watcher.start()
    try:
        assert ready.wait(WAIT)
        for n in range(5):
            (tmp_path / f"b{n}.md").write_text("two")
            time.sleep(0.05)
        until(lambda: changes, "a rebuild", timeout=5)
        time.sleep(0.8)
    finally:
        stop.set()
        watcher.join()
    assert len(changes) == 1


def test_an_edit_in_a_folder_inside_a_watched_one_is_seen(tmp_path):
    (tmp_path / "meetings" / "2019").mkdir(parents=True)
    changes, stop, ready = [], threading.Event(), threading.Event()
    watcher = threading.Thread(target=watch, args=([tmp_path], lambda: changes.append(1), stop, ready))
    watcher.start()
    try:
        assert ready.wait(WAIT)
        (tmp_path / "meetings" / "2019" / "a.md").write_text("one")
        until(lambda: changes, "a rebuild", timeout=5)
    finally:
        stop.set()
        watcher.join()


def test_editor_swap_and_backup_files_are_not_watched():
    names = [".a.md.swp", "a.md~", "#a.md#", "a.md", ".git/index", "meetings/.#a.md", "meetings/2019/b.md"]
    assert [name for name in names if is_watched(name)] == ["a.md", "meetings/2019/b.md"]


def test_folders_above_the_watched_one_do_not_count_as_hidden(tmp_path):
    hidden = tmp_path / ".cache" / "content"
    hidden.mkdir(parents=True)
    changes, stop, ready = [], threading.Event(), threading.Event()
    watcher = threading.Thread(target=watch, args=([hidden], lambda: changes.append(1), stop, ready))
    watcher.start()
    try:
        assert ready.wait(WAIT)
        (hidden / "a.md").write_text("one")
        until(lambda: changes, "a rebuild", timeout=5)
    finally:
        stop.set()
        watcher.join()


# ---------------------------------------------------------------- in a browser


@pytest.mark.browser
def test_an_open_page_reloads_itself_under_the_strict_csp_when_the_content_changes(serving, small_content, page):
    page.goto(serving.url + APRIL_PAGE)
    with page.expect_navigation(timeout=WAIT * 1000):  # the reload; nothing else navigates
        rewrite(
            small_content,
            APRIL,
            "title: Monthly Assurance Meeting April 2019",
            "title: Monthly Assurance Meeting April 2019 (revised)",
        )
    assert "(revised)" in page.title()
    assert page.problems.errors == []


@pytest.mark.browser
def test_the_problems_page_works_under_the_strict_csp_and_reloads_into_the_site_when_fixed(
    serving, small_content, page
):
    break_people(small_content)
    until(lambda: serving.page()[0] == 500, "the problems page")
    page.goto(serving.url + APRIL_PAGE)
    assert page.locator("h1").inner_text() == "The site cannot be built"
    with page.expect_navigation(timeout=WAIT * 1000):
        shutil.copy(FIXTURES / "small" / "people.yml", small_content / "people.yml")
    assert page.title().startswith("Monthly Assurance Meeting April 2019")
    # The one complaint expected: the problems page's own 500 status.
    assert [error for error in page.problems.errors if "status of 500" not in error] == []


@pytest.mark.browser
def test_the_problems_page_has_no_wcag_a_or_aa_violations(serving, small_content, browser):
    from tests.browser.test_accessibility import axe_violations

    break_people(small_content)
    until(lambda: serving.page()[0] == 500, "the problems page")
    context = browser.new_context(bypass_csp=True)  # only to let axe itself in
    try:
        tab = context.new_page()
        tab.goto(serving.url + APRIL_PAGE)
        assert axe_violations(tab) == []
    finally:
        context.close()


# ---------------------------------------------------------------- other websites, bad requests, idle connections


def fetch_with(url: str, headers: dict) -> tuple[int, dict]:
    request = urllib.request.Request(url, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=5) as answer:
            return answer.status, dict(answer.headers)
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers)


@pytest.mark.parametrize("fetch_site", ["cross-site", "same-site"])
def test_another_website_cannot_read_the_draft_minutes_through_the_preview(shared, fetch_site):
    # A page on any other site could include search/index.js or search/text/*.js as scripts and read them.
    for path in ("search/index.js", APRIL_PAGE):
        assert fetch_with(shared.url + path, {"Sec-Fetch-Site": fetch_site})[0] == 403


@pytest.mark.parametrize("fetch_site", ["same-origin", "none"])
def test_the_previews_own_pages_and_the_editors_typed_addresses_are_answered(shared, fetch_site):
    assert fetch_with(shared.url + "search/index.js", {"Sec-Fetch-Site": fetch_site})[0] == 200


def test_every_answer_is_for_the_previews_own_origin_only(shared):
    for path in (APRIL_PAGE, "search/index.js", "no-such-page", "__minutebook/version"):
        assert fetch_with(shared.url + path, {})[1]["Cross-Origin-Resource-Policy"] == "same-origin"


def test_an_address_no_file_can_have_gets_bad_request_and_the_server_stays_up(shared):
    assert fetch_with(shared.url + "%00", {})[0] == 400
    assert shared.page()[0] == 200


@pytest.fixture
def in_process(tmp_path):
    """The preview's server in this process, closing idle connections after half a second."""
    from minutebook.preview import make_server

    preview = Preview(Paths(content=FIXTURES / "small"), tmp_path / "site")
    preview.rebuild()
    server = make_server(preview, 0, idle_seconds=0.5)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield server
    server.shutdown()
    server.server_close()


def test_a_connection_that_sends_nothing_is_closed(in_process):
    with socket.create_connection(in_process.server_address, timeout=5) as idle:
        assert idle.recv(1) == b""  # closed by the server, not by our timeout


def test_a_burst_of_connections_is_answered_in_full(in_process):
    # A page and its scripts open many connections at once; the standard backlog of 5 drops some.
    url = f"http://127.0.0.1:{in_process.server_address[1]}/search/index.js"
    answers: list[int] = []
    threads = [threading.Thread(target=lambda: answers.append(fetch(url)[0])) for _ in range(64)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(10)
    assert answers == [200] * 64
