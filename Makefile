# Two commands do everything on a fresh machine with Python 3.11+ and npm:
#   make serve   set up, build and serve the site at http://127.0.0.1:8000
#   make test    set up, then run every test (browser tests included)

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PY_READY := $(VENV)/.requirements-installed
JS_READY := node_modules/.package-lock.json
export NO_MKDOCS_2_WARNING := 1

.PHONY: setup build serve test lint benchmark clean

setup: $(PY_READY) $(JS_READY)

$(PY_READY): requirements.txt
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

# The pinned Pyodide runtime, from package-lock.json.
$(JS_READY): package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $@

build: setup
	$(BIN)/mkdocs build --strict

serve: setup
	$(BIN)/mkdocs serve --strict --dev-addr 127.0.0.1:8000

lint: $(PY_READY)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

test: setup lint
	$(BIN)/python -m pytest

benchmark: setup
	$(BIN)/python tests/benchmark.py

clean:
	rm -rf site .venv node_modules .pytest_cache .hypothesis
