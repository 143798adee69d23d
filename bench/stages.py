"""One build through minutebook.pipeline, printing its BuildReport as JSON.

    python -m bench.stages CONTENT OUT
    python -m bench.stages CONTENT OUT --preview-edit FILE

run.py starts this in a fresh process, so each measurement pays the same
start-up costs as `python build.py` does. With --preview-edit it does what the
preview server does after an editor saves a file: build, add one sentence to
FILE, build again in the same process with the meetings the first build read
(`build(remembered=)`), and report that second build, timed from its start to
its end (`wall`); FILE is put back as it was. Between the two it settles the
process as the server does after each build (preview.settle).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from minutebook.pipeline import BuildReport, Paths, build
from minutebook.preview import settle

EDIT = " This sentence was added to measure a rebuild after one meeting changed."


def summary(report: BuildReport, **more) -> str:
    return json.dumps(
        {
            "pages": report.pages,
            "files": report.files,
            "meetings": report.meetings,
            "rendered": report.rendered,
            "seconds": report.seconds,
            **more,
        }
    )


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.stages")
    parser.add_argument("content", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--preview-edit", type=Path, metavar="FILE")
    args = parser.parse_args(argv)
    paths = Paths(content=args.content)
    report = build(paths, args.out)
    if args.preview_edit is None:
        print(summary(report))
        return 0
    original = args.preview_edit.read_bytes()
    settle()
    try:
        args.preview_edit.write_bytes(original.rstrip(b"\n") + EDIT.encode() + b"\n")
        began = time.perf_counter()
        again = build(paths, args.out, remembered=report.read)
        print(summary(again, wall=time.perf_counter() - began))
    finally:
        args.preview_edit.write_bytes(original)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
