"""Measuring a command: wall time and peak memory, in a fresh process each time."""

from __future__ import annotations

import gzip
import os
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Run:
    seconds: float
    peak_rss_mb: float  # the largest single process in the command's tree
    stdout: str
    # User and system CPU time of the command's tree: on a shared machine it moves far less than the
    # wall time does when other work takes turns on the cores, so it tells a slow spell from slower code.
    cpu_seconds: float | None = None


class CommandFailed(RuntimeError):
    pass


def timed(command: list[str], cwd: Path | None = None, env: dict | None = None) -> Run:
    """Run `command`, returning its wall time and peak resident memory.

    os.wait4 reports the child's own usage merged with every descendant it
    reaped, and ru_maxrss of that is the largest of them: the build's worker
    processes are counted, one at a time, not summed (forked workers share most
    of their pages with the parent, so a sum would overstate)."""
    with (
        tempfile.TemporaryFile("w+") as out,
        tempfile.TemporaryFile("w+") as err,
    ):  # files, so a chatty command never blocks
        began = time.perf_counter()
        process = subprocess.Popen(command, cwd=cwd, env=env, stdout=out, stderr=err, text=True)
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - began
        process.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        printed, complaint = out.read(), err.read()
    if process.returncode != 0:
        raise CommandFailed(f"{' '.join(map(str, command))} exited {process.returncode}:\n{complaint[-3000:]}")
    return Run(seconds, usage.ru_maxrss / 1024, printed, usage.ru_utime + usage.ru_stime)


@dataclass(frozen=True)
class Payload:
    files: int
    raw: int
    gzip: int


def payload(paths: list[Path]) -> Payload:
    """Bytes of the given files and folders, as stored and as gzip (level 6, what web servers use) would send them."""
    files = sorted({f for p in paths for f in ([p] if p.is_file() else p.rglob("*")) if f.is_file()})
    raw = sum(f.stat().st_size for f in files)
    packed = sum(len(gzip.compress(f.read_bytes(), compresslevel=6, mtime=0)) for f in files)
    return Payload(len(files), raw, packed)
