"""One build through minutebook.pipeline, printing its BuildReport as JSON.

    python -m bench.stages CONTENT OUT

run.py starts this in a fresh process, so each measurement pays the same
start-up costs as `python build.py` does.
"""
from __future__ import annotations

import json
import sys
from dataclasses import asdict
from pathlib import Path

from minutebook.pipeline import Paths, build


def main(argv: list[str]) -> int:
    content, out = map(Path, argv)
    report = build(Paths(content=content), out)
    print(json.dumps(asdict(report)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
