# Two commands on a fresh machine (Python 3.11+, pip, make):
#   make run    # embedded PostgreSQL, migrated, serving on 127.0.0.1:8000
#   make test   # lint, types, import contract, unit + integration tests, schemathesis
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
# The documentation site's browser files (Swagger UI), from the npm registry, pinned and checked.
DOCS_ASSETS := service/adapters/http/vendor/swagger-ui/swagger-ui-dist-5.35.0

.PHONY: run test check lint typecheck contracts pytest browser openapi cli bench faults clean docs-assets

$(STAMP): requirements.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $(STAMP)

$(DOCS_ASSETS): tools/docs_assets.py
	$(PYTHON) tools/docs_assets.py

docs-assets: $(DOCS_ASSETS)

run: $(STAMP) $(DOCS_ASSETS)
	SN_VIA_MAKE=1 $(BIN)/support-network serve

cli: $(STAMP)
	$(BIN)/support-network $(ARGS)

test: check pytest

check: lint typecheck contracts

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: $(STAMP)
	$(BIN)/mypy

contracts: $(STAMP)
	$(BIN)/lint-imports

pytest: $(STAMP) $(DOCS_ASSETS) browser
	$(BIN)/pytest

# The printable accounting is checked in a real headless browser: Debian's chromium, installed
# with apt-get where this runs as root (CI). Elsewhere, without it, that one test is skipped.
browser:
	@command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1 || \
	  { [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1 && \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium \
	    >/dev/null; } || \
	  echo "chromium not installed: the printable accounting's browser test is skipped"

openapi: $(STAMP)
	$(BIN)/support-network openapi --output openapi/openapi.json

bench: $(STAMP)
	$(BIN)/python -m bench.run

# Outage runs (PostgreSQL restart and kill -9, kill -9 of a worker and of the service) under a
# write load; by hand, not in CI.
faults: $(STAMP)
	$(BIN)/python -m bench.faults

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
