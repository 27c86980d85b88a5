# Triangulate: `make demo` and `make test` are the whole set-up on a fresh machine.
PYTHON ?= python3.11
VENV := .venv
WHEELS ?= /opt/wheels
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: venv demo test bench lint lock clean

venv: $(STAMP)

$(STAMP): requirements.lock pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade "pip>=24"
	$(BIN)/python -m pip install --quiet --require-hashes --no-deps --find-links $(WHEELS) -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/triangulate analyze examples --db sqlite:///out/demo.db --json analysis.json --html report.html

test: $(STAMP)
	$(BIN)/python -m pytest -q

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
	$(BIN)/python bench/throughput.py --limit 600 --repeat 3

lint: $(STAMP)
	$(BIN)/ruff check src tests bench
	$(BIN)/mypy

# Re-resolve the locked dependency set (needs the network to PyPI).
lock:
	$(BIN)/python -m pip install --quiet uv
	$(BIN)/uv pip compile pyproject.toml --extra dev --extra bench --extra semantic \
		--find-links $(WHEELS) --generate-hashes --python-version 3.11 \
		--no-header --output-file requirements.lock
	! grep -q '^nvidia-' requirements.lock  # a CUDA build of torch slipped in

clean:
	rm -rf $(VENV) out report.html analysis.json
