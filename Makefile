# BFS Companion: `make run` serves the app, `make test` runs every test tier.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8550
PWA_PORT ?= 8551
STAMP := $(VENV)/.installed

.PHONY: install run test test-fast pwa serve-pwa bench mutation clean

install: $(STAMP)

$(STAMP): pyproject.toml pwa/adapters/web_client.py
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "BFS Companion needs Python 3.11 or newer (found " + sys.version.split()[0] + ")")'
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet -e '.[test]'
	$(PY) -m pwa.adapters.web_client
	touch $@

run: $(STAMP)
	$(PY) -m pwa --host $(HOST) --port $(PORT) $(if $(DATA_DIR),--data-dir $(DATA_DIR)) $(if $(KEY_FILE),--key-file $(KEY_FILE))

pwa: $(STAMP)
	$(PY) -m pwa.tools.build_pwa $(if $(BASE_URL),--base-url $(BASE_URL))

serve-pwa: pwa
	@echo "Serving the offline app from dist/ at http://$(HOST):$(PWA_PORT)/ (Ctrl-C stops it)"
	$(PY) -m http.server $(PWA_PORT) --bind $(HOST) --directory dist

test: $(STAMP)
	$(PY) -m pytest

test-fast: $(STAMP)
	$(PY) -m pytest -m "not browser"

clean:
	rm -rf $(VENV) .cache .pytest_cache tests/artifacts dist mutants

# Mutation testing of pwa/core/ against the fast tiers (about 10 minutes; not part of `make test`).
mutation: $(STAMP)
	rm -rf mutants
	$(PY) -m tests.mutation

bench: $(STAMP)
	$(PY) -m tests.bench.bench_search
	$(PY) -m tests.bench.bench_breathing_tick
	$(PY) -m tests.bench.bench_log_storage
	$(PY) -m tests.bench.bench_insights
	$(PY) -m tests.bench.bench_startup
