#!/usr/bin/env python3
"""Build the minutes site: `python build.py --help` lists the commands."""

import gc
import os
import sys

# A build is a short process that makes many long-lived objects and almost no cycles: the collector's
# passes over the archive it has read cost a one-meeting rebuild a twentieth of its time (one pass of
# 17 ms at 500 meetings, to free some 450 objects), and peak memory is the same without them. So it does
# not run, from the imports on; the preview server, which lives on, and the importer turn it back on.
gc.disable()

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
