"""Scripts and the stylesheet as the site serves them: minified by esbuild, installed from npm beside lunr.

esbuild shortens a script's local names as well as removing its comments and
spaces: the joined search code is then about 2 KB (an eighth) smaller gzipped
than with comments and spaces removed alone, bytes a visitor waits for before
the first result. It runs as a program (node_modules/.bin/esbuild, a native
binary), one per script on its standard input, all started at once, about a
hundredth of a second each; the build cache keeps what they gave
(BuildCache.minified), so a build whose scripts did not change runs none. The stylesheet, which every
page waits for, loses its comments and spaces the same way (a quarter of its
bytes gzipped).
"""

from __future__ import annotations

import json
import subprocess
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

# Only minify: no bundling, and no change of syntax (its default target keeps what the source wrote).
ARGUMENTS = ("--minify", "--log-level=error")
LOADERS = {".js": "js", ".css": "css"}  # what esbuild reads each kind of file as


class MinifyFailed(ValueError):
    """esbuild refused a script or stylesheet: the message names it and gives esbuild's own."""


@dataclass(frozen=True)
class Minifier:
    """The esbuild that minifies the scripts and stylesheet."""

    program: Path
    version: str  # esbuild's, so a script minified by another version is made again

    @classmethod
    def installed(cls, node_modules: Path) -> Minifier:
        """The esbuild that `npm ci` installed into `node_modules`."""
        program = node_modules / ".bin" / "esbuild"
        package = node_modules / "esbuild" / "package.json"
        if not program.exists() or not package.is_file():
            raise FileNotFoundError(
                f"{program.relative_to(node_modules.parent)} is missing; run 'make site' (or 'npm ci') first"
            )
        return cls(program, json.loads(package.read_text(encoding="utf-8"))["version"])

    @property
    def identity(self) -> str:
        return f"esbuild {self.version}"

    def __call__(self, name: str, source: bytes) -> bytes:
        """`source`, the script or stylesheet served as `name`, minified."""
        return self.many({name: source})[name]

    def many(self, sources: Mapping[str, bytes]) -> dict[str, bytes]:
        """Each of `sources` (name -> script or stylesheet) minified. Each has an esbuild of its own, all
        started at once: a program's start is most of the time each takes, and a full build makes four."""
        started: dict[str, subprocess.Popen] = {}
        try:
            for name in sources:
                started[name] = self._start(name)
            return {name: self._finish(name, process, sources[name]) for name, process in started.items()}
        finally:  # where one failed, those not yet read are stopped
            for process in started.values():
                if process.returncode is None:
                    process.kill()
                    process.communicate()

    def _start(self, name: str) -> subprocess.Popen:
        try:
            return subprocess.Popen(
                [str(self.program), *ARGUMENTS, f"--loader={LOADERS[Path(name).suffix]}"],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
            )
        except OSError as exc:
            raise MinifyFailed(f"{name}: esbuild ({self.program}) could not run: {exc}") from exc

    def _finish(self, name: str, process: subprocess.Popen, source: bytes) -> bytes:
        try:
            out, err = process.communicate(source, timeout=60)
        except subprocess.TimeoutExpired as exc:
            process.kill()
            process.communicate()
            raise MinifyFailed(f"{name}: esbuild ({self.program}) could not run: {exc}") from exc
        if process.returncode != 0:
            kind = "stylesheet" if LOADERS[Path(name).suffix] == "css" else "script"
            raise MinifyFailed(f"{name}: esbuild refused the {kind}:\n{err.decode('utf-8', 'replace').strip()}")
        return out
