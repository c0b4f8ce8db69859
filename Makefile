# Two commands for a newcomer: `make site` and `make test`. Both set up .venv first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
PORT ?= 8000

# `site` and `tests` are also folder names: without .PHONY, make would call them up to date.
.PHONY: site test test-fast every-test fast-tests lock serve validate golden catalogs lint weight screenshots bench reader-bench lighthouse clean

# pip first, at a version of our choosing (the one Python bundles may be years old: 3.11's is 23.2;
# the package test's fresh environments borrow it), with uv, which installs the pinned packages
# (constraints.txt) in about 7 s where pip took 35 to 45 s, byte-compiled on every core.
PIP_VERSION := 26.3
UV_VERSION := 0.13.9

$(STAMP): pyproject.toml constraints.txt
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed: run make PYTHON=python3.11 ...")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check pip==$(PIP_VERSION) uv==$(UV_VERSION)
	$(BIN)/uv pip install --quiet --python $(BIN)/python --compile-bytecode -c constraints.txt -e '.[test]'
	@touch $(STAMP)

# The chart script's checks (ESLint, in package.json with package-lock.json) need Node.js 18.18+ and npm.
node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund
	@touch node_modules/.installed

## site: build the explainer into site/ (the old site/ stays if anything fails)
site: $(STAMP)
	$(BIN)/explainer build

## test: every check and every test, on every core (browser tests need Debian's chromium; the chart script's, Node.js)
test:
	@$(MAKE) --no-print-directory -j2 lint every-test

## test-fast: the same without the browser tests and those marked slow (fresh environments, many whole sites)
test-fast:
	@$(MAKE) --no-print-directory -j2 lint fast-tests

# Where the tests write their sites, browser profiles and fresh environments (some 100,000 files a
# run): a folder in memory where the machine has one with 2 GB free (/dev/shm), else the usual one.
# Creating those files on a virtual machine's disk cost more system time than the tests' own work.
TEST_TMPDIR ?= $(shell df -k --output=avail /dev/shm 2>/dev/null | awk 'NR == 2 && $$1 > 2000000 { print "/dev/shm" }')
PYTEST := $(if $(TEST_TMPDIR),TMPDIR=$(TEST_TMPDIR) )$(BIN)/python -m pytest -n auto --dist loadfile --no-loadscope-reorder

# What `make test` and `make test-fast` run beside the checks (`lint`), which take one core a few
# seconds; .venv and node_modules/ are made first, side by side, where they are missing.
every-test: $(STAMP)
	$(PYTEST)

fast-tests: $(STAMP)
	$(PYTEST) -m "not browser and not slow"

## serve: live preview on 127.0.0.1:$(PORT) that rebuilds when a file in content/ changes
serve: $(STAMP)
	$(BIN)/explainer serve --port $(PORT)

## validate: check the records in content/ and list every problem
validate: $(STAMP)
	$(BIN)/explainer validate content

## golden: rewrite the golden pages in tests/golden/ after an intended change (review the diff)
golden: $(STAMP)
	$(BIN)/python -m tests.golden

## catalogs: extract the reader-facing messages and update every language's catalog in generator/locales/
catalogs: $(STAMP)
	$(BIN)/explainer catalogs --package

## weight: build, then print each page's first-view weight (gzipped) and plotly.js apart
weight: site
	$(BIN)/python -m tests.page_weight site

## screenshots: build, then take screenshots of the main pages into tests/artifacts/
screenshots: site
	$(BIN)/python -m tests.screenshots site tests/artifacts

## bench: build synthetic explainers of 100, 1,000 and 5,000 events (and 5,000 with a translation, and with a picture on every tenth event) and print timings, memory and sizes; then the worst 100 KB prose fields; then shapes that once took quadratic time, at two sizes; then a 5,000-row TimelineJS import
bench: $(STAMP)
	$(BIN)/python -m tests.bench --browser --preview 100 1000 5000
	$(BIN)/python -m tests.bench --translated 5000
	$(BIN)/python -m tests.bench --images 5000
	$(BIN)/python -m tests.prose_bench
	$(BIN)/python -m tests.scale_bench
	$(BIN)/python -m tests.import_bench 5000

## reader-bench: the chart pages on a throttled phone (4x CPU, 1.6 Mbit/s, 150 ms): bytes, first paint, picture, interactive, layout shift
reader-bench: $(STAMP)
	$(BIN)/python -m tests.reader_bench

## lighthouse: Lighthouse's mobile scores of the timeline page, median of five runs (fetches Lighthouse with npx)
lighthouse: $(STAMP)
	$(BIN)/python -m tests.lighthouse

## lock: after changing constraints.txt, rewrite .github/requirements-publish.txt (runtime dependencies with their hashes, from PyPI)
lock: $(STAMP)
	$(BIN)/python -m tests.lock_publish

## lint: the style and type checks (ruff, mypy, ESLint) and the chart script's unit tests (Node's test runner)
lint: $(STAMP) node_modules/.installed
	$(BIN)/ruff check generator tests
	$(BIN)/mypy
	npx --no-install eslint generator/theme/assets/javascripts tests/js
	node --test --test-reporter=dot tests/js/

clean:
	rm -rf site .site.* $(VENV) .pytest_cache .mypy_cache .ruff_cache .hypothesis tests/artifacts
