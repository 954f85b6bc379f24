# Everyday commands; the work is done by the scripts in scripts/.
SHELL := /bin/bash
.DEFAULT_GOAL := help

.PHONY: help install up down logs test test-fast lint format bench lock

help:  ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F ':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

install:  ## create .venv and install the locked dependencies
	@bash scripts/install.sh

up:  ## start SeaweedFS, gateway, notifier and two workers (idempotent)
	@bash scripts/up.sh

down:  ## stop what make up started
	@bash scripts/down.sh

logs:  ## follow the logs of the running services
	@bash scripts/logs.sh

test:  ## lint, type-check and run the whole test suite
	@bash scripts/test.sh

# Folders and plugins with no unit tests are left out: collecting them costs seconds.
FAST_SKIP := --ignore=tests/browser --ignore=tests/e2e --ignore=tests/chaos \
	--ignore=tests/gateway/test_schema_fuzz.py --ignore=tests/gateway/test_docs_offline.py \
	-p no:schemathesis -p no:hypothesispytest -p no:anyio

# The unit tier waits on its loopback servers about as long as it computes: four processes
# on two cores overlap the waits, and idle ones steal queued tests.
test-fast:  ## the unit tier only: in-memory twins and loopback fakes, no services
	@bash scripts/install.sh
	env -u PYTHONDONTWRITEBYTECODE .venv/bin/pytest -m unit -q -n 4 --dist worksteal $(FAST_SKIP)

lint:  ## ruff check, ruff format --check, mypy
	@bash scripts/install.sh
	.venv/bin/ruff check .
	.venv/bin/ruff format --check .
	.venv/bin/mypy

format:  ## apply ruff fixes and formatting
	.venv/bin/ruff check --fix .
	.venv/bin/ruff format .

bench:  ## run every benchmark in bench/
	@bash scripts/bench.sh

lock:  ## regenerate requirements.lock from pyproject.toml
	@bash scripts/install.sh
	.venv/bin/uv pip compile --quiet pyproject.toml --all-extras --universal --python-version 3.11 -o requirements.lock
