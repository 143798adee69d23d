"""One module per command of `build.py`; each has HELP, add_arguments(parser) and run(args) -> exit code."""
