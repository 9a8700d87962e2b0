# newsfuse: every set-up step lives here, so a fresh machine needs only `make demo` or `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
SHARED ?= ../shared
# exit status 1 means some inputs were skipped (reported on stderr); the rest is processed
INPUT ?= $(SHARED)/seeds $(SHARED)/data/stories/dev.jsonl
OUT ?= out
# extras to install: `make test EXTRAS=dev,ray` adds the distributed engine (CI does)
EXTRAS ?= dev
comma := ,
STAMP := $(VENV)/.installed-$(subst $(comma),-,$(EXTRAS))

.PHONY: install browser demo test bench lint clean

install: $(STAMP)

$(STAMP): pyproject.toml constraints.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[$(EXTRAS)]'
	touch $(STAMP)

# Debian's chromium for the browser tests (a no-op when it is already installed).
browser:
	bash scripts/install_browser.sh

demo: install
	mkdir -p $(OUT)
	rm -f $(OUT)/store.duckdb
	$(BIN)/newsfuse ingest $(INPUT) --db $(OUT)/store.duckdb || [ $$? -eq 1 ]
	$(BIN)/newsfuse brief --db $(OUT)/store.duckdb --json > $(OUT)/brief.json || [ $$? -eq 1 ]
	$(BIN)/newsfuse extract $(INPUT) > $(OUT)/articles.jsonl || [ $$? -eq 1 ]
	$(BIN)/newsfuse brief $(firstword $(INPUT)) --quiet
	@echo "demo output: $(OUT)/brief.json (stories, cited briefs, discrepancies, provenance, events),"
	@echo "  $(OUT)/articles.jsonl (cleaned articles), $(OUT)/store.duckdb (browse it:"
	@echo "  $(BIN)/newsfuse serve --db $(OUT)/store.duckdb, then open http://127.0.0.1:8000/)"

test: install browser
	$(BIN)/ruff check newsfuse tests bench
	$(BIN)/python -m pytest -q

bench: install
	$(BIN)/python -m bench

lint: install
	$(BIN)/ruff check newsfuse tests bench

clean:
	rm -rf $(VENV) $(OUT) .pytest_cache .ruff_cache
