#!/usr/bin/env python3
"""Build the minutes site: `python build.py --help` lists the commands."""

import gc
import os
import sys

# A build makes many long-lived objects and almost no cycles: the collector's frequent passes over
# them cost a tenth of a one-meeting rebuild, so it runs less often, from the imports on, and never
# over the code.
gc.set_threshold(100_000, 50, 100)

from minutebook.cli import main  # noqa: E402 (after the collector is set)

if __name__ == "__main__":
    gc.freeze()
    code = main()
    # Everything is written and closed by now; freeing every object one by one on the way out
    # would add a twentieth of a second to each rebuild, for nothing (the preview server, too, gets
    # here only once it has stopped and closed everything).
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code or 0)
