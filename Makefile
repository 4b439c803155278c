# Two commands do everything on a fresh machine with Python 3.11+ and Node.js 20+ with npm:
#   make serve   set up, build and serve the site at http://127.0.0.1:8000 (or ADDR=host:port)
#   make test    set up, then run every test (browser tests included)

PYTHON ?= python3
ADDR ?= 127.0.0.1:8000
VENV := .venv
BIN := $(VENV)/bin
PY_READY := $(VENV)/.requirements-installed
JS_READY := node_modules/.package-lock.json
export NO_MKDOCS_2_WARNING := 1

.PHONY: setup build offline serve test lint benchmark clean

setup: $(PY_READY) $(JS_READY)

$(PY_READY): requirements.txt
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

# The pinned Pyodide runtime, from package-lock.json.
$(JS_READY): package.json package-lock.json
	@node -e 'if (Number(process.versions.node.split(".")[0]) < 20) { console.error("Node.js 20 or newer is needed"); process.exit(1); }'
	npm ci --no-audit --no-fund
	touch $@

# The hosted site, with the offline copy beside it for readers to download.
# (macros/offline.py copies the zip in, for `make serve` too.)
build: offline
	$(BIN)/mkdocs build --strict
	@# The build only logs a missing zip (a plain `mkdocs serve` has none), so
	@# the workflow would deploy a dead download link with a green run.
	@for file in match-plan-b-offline.zip sw.js manifest.webmanifest; do \
		test -s site/$$file || { echo "site/$$file is missing: the hosted site would lack it"; exit 1; }; \
	done

# One zip of the site built for reading from a folder (file://): Material's
# offline plugin on, so links name their .html files and search needs no server.
OFFLINE_DIR := site-offline

offline: setup
	rm -rf $(OFFLINE_DIR)
	@# The offline hook zips the copy beside its folder (macros/offline.py).
	OFFLINE=true $(BIN)/mkdocs build --strict --site-dir $(OFFLINE_DIR)/match-plan-b

serve: offline
	$(BIN)/mkdocs serve --strict --dev-addr $(ADDR)

lint: $(PY_READY)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

# Four workers on two cores: a browser test spends more than half its time
# waiting (on the engine's timers, the read-out's pauses, Chromium's other
# processes), so two workers left the cores idle: the suite took 617-650 s
# with two (2026-12-05) and 523 s with four (2026-12-06).  A file's tests
# stay on one worker, which builds only the sites that file needs.
# On a machine half as fast (later on 2026-12-06: 910-1048 s) the cores
# were busy throughout (vmstat: 0% idle), so more workers would not help.
test: setup lint
	$(BIN)/python -m pytest -n 4 --dist loadfile

benchmark: setup
	$(BIN)/python tests/benchmark.py

clean:
	rm -rf site site-offline .venv node_modules .pytest_cache .hypothesis .ruff_cache .mypy_cache test-artifacts
	find . -name __pycache__ -type d -prune -exec rm -rf {} +
