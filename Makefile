# Triangulate: `make demo` and `make test` are the whole set-up on a fresh machine.
# Everything comes from PyPI; `make venv SEMANTIC=1` adds the sentence-embedding extra.
PYTHON ?= python3.11
VENV := .venv
SEMANTIC ?= 0
LOCK := $(if $(filter 1,$(SEMANTIC)),requirements-semantic.lock,requirements.lock)
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(notdir $(LOCK))

.PHONY: venv demo test test-fast bench lint lock clean

venv: $(STAMP)

$(STAMP): $(LOCK) pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade "pip>=24"
	$(BIN)/python -m pip install --quiet --require-hashes --no-deps -r $(LOCK)
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	rm -f $(VENV)/.installed-*
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/triangulate analyze examples --db sqlite:///out/demo.db --json analysis.json --html report.html

test: $(STAMP)
	$(BIN)/python -m pytest -q

# Everything but the tests marked slow (worker processes, Dask, the browser, long runs).
test-fast: $(STAMP)
	$(BIN)/python -m pytest -q -m "not slow"

NEWSDEV := ../shared/eval/real/news-dev
POLNEAR := ../shared/eval/real/polnear-dev

bench: $(STAMP)
	$(BIN)/python bench/quotes_bench.py --textacy
	$(BIN)/python bench/quotes_bench.py --textacy --corpus $(NEWSDEV)/corpus --gold $(NEWSDEV)/news-dev.gold.json
	$(BIN)/python bench/quotes_bench.py --textacy --corpus $(POLNEAR)/corpus --gold $(POLNEAR)/polnear-dev.gold.json
	$(BIN)/python bench/quotes_bench.py --join-sentences --corpus $(POLNEAR)/corpus --gold $(POLNEAR)/polnear-dev.gold.json
	$(BIN)/python bench/html_extraction.py
	$(BIN)/python bench/claims_events.py --quantulum
	$(BIN)/python bench/grouping_scale.py
	$(BIN)/python bench/crosscheck_scale.py --articles 100000
	$(BIN)/python bench/throughput.py --limit 600 --repeat 3
	$(BIN)/python bench/whole_run.py --articles 200 --repeat 3
	$(BIN)/python bench/whole_run.py --articles 600 --repeat 1
	$(BIN)/python bench/linearity.py --sizes 100 200 400 800
	$(BIN)/python bench/web_pages.py --limit 2000

lint: $(STAMP)
	$(BIN)/ruff check src tests bench
	$(BIN)/mypy

# Re-resolve both locked dependency sets from PyPI (needs the network to PyPI).
COMPILE = $(BIN)/uv pip compile pyproject.toml --extra dev --extra bench \
	--override requirements-overrides.txt --generate-hashes --python-version 3.11 --no-header
lock:
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet uv
	$(COMPILE) --quiet --output-file requirements.lock
	cp requirements.lock requirements-semantic.lock  # the same pins where they overlap
	$(COMPILE) --quiet --extra semantic --output-file requirements-semantic.lock
	! grep -qE '^(torch|nvidia-|sentence-transformers)' requirements.lock requirements-semantic.lock

clean:
	rm -rf $(VENV) out report.html analysis.json
