# Two commands do all the set-up: `make site` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# Options for the build, for example: make site BUILD_ARGS="--base-url https://example.gov.uk/minutes/"
BUILD_ARGS ?=
# Options for the benchmark, for example: make bench BENCH_ARGS="--sizes 50,500 --runs 3 --compare-commit f622f9f"
BENCH_ARGS ?=
# apt-get needs root: sudo for anyone else.
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: site test lint check serve bench browser hugo clean docs

site: $(VENV)/.installed node_modules/.installed
	$(BIN)/python build.py $(BUILD_ARGS)

check: $(VENV)/.installed
	$(BIN)/python build.py check

serve: $(VENV)/.installed node_modules/.installed
	$(BIN)/python build.py serve

# Write the field tables in docs/content-format.md from the declarations in minutebook/content/schema.py.
docs: $(VENV)/.installed
	$(BIN)/python -m minutebook.content.schema docs/content-format.md

test: lint $(VENV)/.test-installed node_modules/.installed browser
	$(BIN)/python -m pytest -n 2 --dist loadfile

# Style, types and the layers, as configured in pyproject.toml: ruff, mypy and import-linter.
lint: $(VENV)/.test-installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/lint-imports --no-cache

bench: $(VENV)/.bench-installed node_modules/.installed browser hugo
	$(BIN)/python -m bench.run $(BENCH_ARGS)

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: pyproject.toml | $(VENV)/bin/python
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.test-installed: $(VENV)/.installed
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

$(VENV)/.bench-installed: $(VENV)/.test-installed
	$(BIN)/python -m pip install --quiet -e '.[bench]'
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

# Debian's Chromium for the browser tests, and Java for the HTML checker; never a downloaded browser.
browser:
	@command -v chromium >/dev/null 2>&1 && command -v java >/dev/null 2>&1 || { \
	  $(SUDO) apt-get update -qq && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium default-jre-headless >/dev/null; }

# Debian's Hugo, for the benchmark's Hugo + Pagefind comparison only (not needed by make test).
hugo:
	@command -v hugo >/dev/null 2>&1 || { \
	  $(SUDO) apt-get update -qq && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq hugo >/dev/null; }

clean:
	rm -rf site .site.* .pytest_cache .minutebook_cache
