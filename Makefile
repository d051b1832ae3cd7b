# One task runner for people and CI. `make run` starts Supple; `make test` runs every test.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: run test lint typecheck bench figures system-deps clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

## Install and start Supple on its embedded SQLite store (the web app on http://127.0.0.1:8000).
run: $(STAMP)
	$(BIN)/supple serve

## Install everything (Python packages, and PostgreSQL, Chromium, espeak-ng, tmux, axe-core), then run every test.
test: $(STAMP) system-deps
	$(BIN)/ruff check src tests benchmarks scripts
	$(BIN)/mypy  # src, tests and benchmarks (pyproject: [tool.mypy] files)
	$(BIN)/pytest

system-deps:
	bash scripts/system-deps.sh

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks scripts

typecheck: $(STAMP)
	$(BIN)/mypy  # src, tests and benchmarks (pyproject: [tool.mypy] files)

bench: $(STAMP)
	$(BIN)/python -m benchmarks

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
