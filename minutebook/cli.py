"""The command line: `python build.py [command] [options]`."""

from __future__ import annotations

import argparse
import importlib
import sys

# Each command and the module in minutebook/commands/ that runs it.
COMMANDS = {
    "init": "init",
    "build": "build",
    "check": "check",
    "new": "new",
    "serve": "serve",
    "import": "import_minutes",
}


def parser(only: str | None = None) -> argparse.ArgumentParser:
    """The parser of every command, or of `only` that one: importing a command's module imports all
    it needs, and a rebuild should not wait for the importer's."""
    root = argparse.ArgumentParser(
        prog="build.py",
        description="Minutebook: publish meeting minutes from content/ as a static, searchable site in site/.",
        epilog="Run 'python build.py COMMAND --help' for a command's options. With no command, 'build' runs.",
    )
    commands = root.add_subparsers(dest="command", metavar="COMMAND")
    for name, module_name in COMMANDS.items():
        if only and name != only:
            continue
        module = importlib.import_module(f"minutebook.commands.{module_name}")
        sub = commands.add_parser(name, help=module.HELP, description=module.HELP[:1].upper() + module.HELP[1:] + ".")
        module.add_arguments(sub)
        sub.set_defaults(run=module.run)
    return root


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv or (argv[0] not in COMMANDS and argv[0] not in ("-h", "--help")):
        argv.insert(0, "build")
    args = parser(argv[0] if argv[0] in COMMANDS else None).parse_args(argv)
    return args.run(args)
