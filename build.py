#!/usr/bin/env python3
"""Build the minutes site: `python build.py --help` lists the commands."""
import sys

from minutebook.cli import main

if __name__ == "__main__":
    sys.exit(main())
