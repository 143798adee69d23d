"""One module per command of `build.py`; each has HELP, add_arguments(parser) and run(args) -> exit code."""

import os
from pathlib import Path


def shown(path: Path) -> str:
    """`path` as a command's messages name it: from the working folder, unless it lies outside it."""
    relative = os.path.relpath(path)
    return os.path.abspath(path) if relative.startswith(os.pardir) else relative
