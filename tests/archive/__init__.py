"""The checks of this repository's own archive: whatever content/ and sources/ hold, not the software.

Everything else in tests/ reads fixture archives under tests/fixtures/ (tests/bodies/test_independence.py keeps
it so), which is why a body that replaces content/ with its own still passes `make test`.
"""
