#!/usr/bin/env python3
"""Build the minutes site: `python build.py --help` lists the commands."""

import gc
import os
import sys

from minutebook.cli import main

if __name__ == "__main__":
    # A build makes many long-lived objects and almost no cycles: the collector's frequent passes
    # over them cost a tenth of a one-meeting rebuild, so it runs less often, and never over the code.
    gc.freeze()
    gc.set_threshold(100_000, 50, 100)
    code = main()
    # Everything is written and closed by now; freeing every object one by one on the way out
    # would add a twentieth of a second to each rebuild, for nothing (the preview server, too, gets
    # here only once it has stopped and closed everything).
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code or 0)
