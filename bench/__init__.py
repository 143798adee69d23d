"""Benchmarks: synthetic archives at scale (generate.py) and the measurements over them (run.py)."""
