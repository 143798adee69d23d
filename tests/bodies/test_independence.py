"""The suite tests the software on fixture archives, never on the archive this repository publishes: a body that
replaces content/ and sources/ with its own keeps a green `make test`.

Only tests/archive/ reads the repository's content/ and sources/, to check whatever archive they hold. This test
reads every other test module and refuses each way of reaching them found so far: a path built from the
repository's folder, a `Paths()` that falls back on content/, and a command run without `--content`.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

from tests.conftest import ROOT

TESTS = ROOT / "tests"
OWN_ARCHIVE = TESTS / "archive"
# ROOT / "content", PROJECT / "sources/x.txt", Path(__file__).parents[2] / "content" ...: the repository's folders.
REPOSITORY = r"(?:\b(?:ROOT|PROJECT|REPOSITORY|REPO_ROOT)|parents\[\d+\]|parent\.parent)"
OWN_FOLDER = re.compile(REPOSITORY + r"""\s*(?:/|\.joinpath\()\s*(?:f?["'])(?:content|sources)\b""")
# The default Paths() is the repository's content/; asking only which folders a build must not write is harmless.
DEFAULT_PATHS = re.compile(r"(?<!refused_folders\()\bPaths\(\)")


def modules() -> list[Path]:
    """Every test module but those of tests/archive/, and this one, which spells out what it refuses."""
    return sorted(p for p in TESTS.rglob("*.py") if OWN_ARCHIVE not in p.parents and p != Path(__file__))


def named(node: ast.AST) -> str | None:
    """The string a list element gives, or the last piece of a path built with /, as ROOT / "build.py"."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Div):
        return named(node.right)
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "str" and node.args:
        return named(node.args[0])
    return None


def commands_without_content(tree: ast.AST) -> list[int]:
    """Lines of argument lists for build.py, as run in a subprocess or given to cli.main, that name no
    --content: those would read the repository's content/. An argument list spliced in (*args) is its caller's."""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "main" and node.args:
            arguments = node.args[0]
            if not isinstance(arguments, ast.List):
                continue
        elif isinstance(node, ast.List) and any((named(e) or "").endswith("build.py") for e in node.elts):
            arguments = node
        else:
            continue
        words = [named(e) for e in arguments.elts]
        if "--content" not in words and not any(isinstance(e, ast.Starred) for e in arguments.elts):
            if not {"--help", "--version", "init"} & set(words):  # init writes a new folder, reading none
                found.append(arguments.lineno)
    return found


def test_the_scan_reads_the_test_modules_but_not_those_of_the_own_archive():
    found = modules()
    assert len(found) > 100 and TESTS / "conftest.py" in found and TESTS / "feeds" / "test_atom_feed.py" in found
    assert not any(OWN_ARCHIVE in p.parents for p in found)


def test_what_the_scan_refuses():
    assert OWN_FOLDER.search('MEETINGS = ROOT / "content" / "meetings"')
    assert OWN_FOLDER.search('ABOUT = (ROOT / "content/about.md").read_text()')
    assert OWN_FOLDER.search('SOURCES = Path(__file__).parents[2] / "sources"')
    assert not OWN_FOLDER.search('content = shutil.copytree(FIXTURES / "small", tmp_path / "content")')
    assert DEFAULT_PATHS.search("archive = load_archive(Paths())")
    assert not DEFAULT_PATHS.search("check_target(out, *refused_folders(Paths()))")
    tree = ast.parse(
        '[sys.executable, "build.py", "check"]\n'
        '[sys.executable, str(ROOT / "build.py"), "--out", out]\n'
        'main(["check"])\n'
        '[sys.executable, "build.py", "check", "--content", str(content)]\n'
        '[sys.executable, str(ROOT / "build.py"), *args]\n'
        'main(["check", "--content", str(content)])\n'
        'main(["--help"])\n'
        'main(["--quiet", "--out", str(site)])\n'
        "stages.main([str(content), str(site)])\n"
    )
    assert commands_without_content(tree) == [1, 2, 3, 8]


def test_no_test_outside_tests_archive_reads_the_repositorys_own_content_or_sources():
    found = []
    for path in modules():
        text = path.read_text(encoding="utf-8")
        where = path.relative_to(ROOT)
        for number, line in enumerate(text.splitlines(), 1):
            if OWN_FOLDER.search(line) or DEFAULT_PATHS.search(line):
                found.append(f"{where}:{number}: {line.strip()}")
        found += [
            f"{where}:{number}: runs build.py without --content" for number in commands_without_content(ast.parse(text))
        ]
    assert found == [], "read a fixture archive (tests/conftest.py: ASSURANCE, FIXTURES) instead:\n" + "\n".join(found)
