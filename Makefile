# newsfuse: every set-up step lives here, so a fresh machine needs only `make demo` or `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
SHARED ?= ../shared
INPUT ?= $(SHARED)/seeds $(SHARED)/data/stories/dev.jsonl
OUT ?= out
STAMP := $(VENV)/.installed

.PHONY: install browser demo test bench lint clean

install: $(STAMP)

$(STAMP): pyproject.toml constraints.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[dev]'
	touch $(STAMP)

# Debian's chromium for the browser tests (a no-op when it is already installed).
browser:
	bash scripts/install_browser.sh

demo: install
	mkdir -p $(OUT)
	$(BIN)/newsfuse extract $(INPUT) > $(OUT)/articles.jsonl
	$(BIN)/newsfuse cluster $(INPUT) --json > $(OUT)/stories.json
	$(BIN)/newsfuse cluster $(INPUT)
	@echo "demo output: $(OUT)/articles.jsonl (cleaned articles), $(OUT)/stories.json (stories)"

test: install browser
	$(BIN)/ruff check newsfuse tests bench
	$(BIN)/python -m pytest -q

bench: install
	$(BIN)/python -m bench

lint: install
	$(BIN)/ruff check newsfuse tests bench

clean:
	rm -rf $(VENV) $(OUT) .pytest_cache .ruff_cache
