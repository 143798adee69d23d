"""The GitHub workflows and the pre-commit hook are YAML that other programs read: their shape is checked here,
since they cannot run on this machine."""

import re
import shlex
import subprocess
import sys

import pytest
import yaml

from tests.conftest import ROOT

WORKFLOWS = ROOT / ".github" / "workflows"
USES = re.compile(r"^[\w.-]+/[\w.-]+(/[\w./-]+)?@[\w.-]+$")


def load(name: str) -> dict:
    return yaml.safe_load((WORKFLOWS / name).read_text(encoding="utf-8"))


def triggers(workflow: dict) -> dict:
    return workflow.get("on", workflow.get(True))  # YAML 1.1 reads the key `on` as true


def steps(workflow: dict):
    for job in workflow["jobs"].values():
        yield from job["steps"]


def make_targets() -> set[str]:
    text = (ROOT / "Makefile").read_text(encoding="utf-8")
    return set(re.findall(r"^([\w.-]+):", text, re.MULTILINE))


@pytest.fixture(params=["check.yml", "publish.yml"])
def workflow(request) -> dict:
    return load(request.param)


def test_every_job_says_where_it_runs_and_has_steps(workflow):
    for job in workflow["jobs"].values():
        assert job["runs-on"] and job["steps"]
        assert all(("uses" in step) != ("run" in step) for step in job["steps"])


def test_every_action_is_pinned_to_a_version(workflow):
    used = [step["uses"] for step in steps(workflow) if "uses" in step]
    assert used and all(USES.match(u) for u in used), used


def test_every_make_target_run_exists(workflow):
    lines = [line for step in steps(workflow) if "run" in step for line in step["run"].splitlines()]
    targets = {m.group(1) for line in lines if (m := re.match(r"\s*make (\w+)", line))}
    assert targets and targets <= make_targets()


def test_checks_and_tests_run_on_every_pull_request():
    check = load("check.yml")
    assert "pull_request" in triggers(check)
    runs = [step["run"] for step in steps(check) if "run" in step]
    assert "make check" in runs and "make test" in runs
    assert check["permissions"] == {"contents": "read"}


def test_the_checkout_has_the_history_the_meeting_pages_show(workflow):
    (checkout,) = [s for s in steps(workflow) if s.get("uses", "").startswith("actions/checkout@")]
    assert checkout["with"]["fetch-depth"] == 0


def test_the_site_is_published_from_main_with_the_pages_actions():
    publish = load("publish.yml")
    assert triggers(publish)["push"]["branches"] == ["main"]
    assert publish["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}
    assert publish["concurrency"]["group"] == "pages"
    build, deploy = publish["jobs"]["build"], publish["jobs"]["deploy"]
    (upload,) = [s for s in build["steps"] if s.get("uses", "").startswith("actions/upload-pages-artifact@")]
    assert upload["with"]["path"] == "site"
    assert any("make site" in s.get("run", "") and "--base-url" in s["run"] for s in build["steps"])
    assert deploy["needs"] == "build" and deploy["environment"]["name"] == "github-pages"
    assert [s["uses"].split("@")[0] for s in deploy["steps"]] == ["actions/deploy-pages"]


def test_the_pre_commit_hook_checks_the_content_when_content_changes():
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    (repo,) = config["repos"]
    (hook,) = repo["hooks"]
    assert (
        repo["repo"] == "local"
        and hook["entry"] == ".venv/bin/python build.py check"
        and hook["pass_filenames"] is False
    )
    files = re.compile(hook["files"])
    assert files.search("content/meetings/2019-04-30-monthly-assurance.md") and files.search("content/themes.yml")
    assert not files.search("README.md") and not files.search("minutebook/load.py")


def test_the_hook_runs_the_project_s_own_python_with_no_python_on_the_path():
    # Debian has no `python` command, and another Python lacks Minutebook's libraries: the hook must not
    # depend on either, as pre-commit runs its entry from the repository's top folder.
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    (hook,) = config["repos"][0]["hooks"]
    run = subprocess.run(
        shlex.split(hook["entry"]), cwd=ROOT, env={"PATH": "/nonexistent"}, capture_output=True, text=True
    )
    assert run.returncode == 0 and run.stdout.startswith("Content is valid:"), run.stdout + run.stderr


def test_pre_commit_itself_accepts_the_hook_configuration():
    run = subprocess.run(
        [sys.executable, "-m", "pre_commit", "validate-config", ".pre-commit-config.yaml"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert run.returncode == 0, run.stdout + run.stderr


def recipe(target: str) -> str:
    found = re.search(rf"^{target}:.*\n((?:\t.*\n)+)", (ROOT / "Makefile").read_text(encoding="utf-8"), re.MULTILINE)
    return found[1]


def test_make_check_and_make_site_run_the_commands_that_refuse_unfinished_minutes():
    # `check` and `build` refuse a meeting still marked TO DO or CHECK (tests/unfinished/test_publishing.py),
    # so the Check workflow (make check), the Publish workflow (make site) and the hook refuse it too.
    assert recipe("check").strip() == "$(BIN)/python build.py check"
    assert recipe("site").strip() == "$(BIN)/python build.py $(BUILD_ARGS)"


def test_nothing_that_checks_or_publishes_lets_unfinished_minutes_through():
    files = [ROOT / "Makefile", ROOT / ".pre-commit-config.yaml", *sorted(WORKFLOWS.glob("*.yml"))]
    assert [path.name for path in files if "--allow-unfinished" in path.read_text(encoding="utf-8")] == []
