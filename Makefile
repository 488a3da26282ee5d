# Two commands set everything up on a fresh machine with python3 and pip:
#   make extract   -> out/plans.jsonl from the bundled corpus
#   make test      -> the test suite
# Debian's /usr/bin/python3 is built with profile-guided optimisation: the pipeline runs 10-15% faster on it than
# on an interpreter built without (README, Benchmark). It is taken when it can make a virtual environment.
PYTHON ?= $(shell /usr/bin/python3 -c 'import sys, ensurepip, venv; sys.exit(sys.version_info < (3, 10))' 2>/dev/null \
	&& echo /usr/bin/python3 || echo python3)
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: setup extract test schema clean eval browser bench

$(STAMP): pyproject.toml setup.py
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

setup: $(STAMP)

extract: $(STAMP)
	$(BIN)/vnplan extract corpus/ -o out/plans.jsonl

CHROMIUM ?= /usr/bin/chromium

# The review-page tests drive Debian's chromium through playwright (never `playwright install`).
browser:
	@test -x $(CHROMIUM) || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; } \
		|| echo "warning: chromium could not be installed; browser tests will be skipped (fail under CI)" >&2

test: $(STAMP) browser
	$(BIN)/python -m pytest

# Every miss and false hit on the development sets, then one score block per gold set
# (corpus/README.md says which sets were used for development and which are blind).
EVAL_SETS ?= seeds dev heldout blind2 blind3 blind4 blind5 blind6 blind7 blind8 blind9 blind10 blind11 blind12 blind13 blind14 blind15 blind16 blind17 blind18 blind19 blind20 blind21 blind22 blind23 blind24 blind25 blind26 blind27 blind28 blind29 blind30 blind31 blind32 blind33 blind34 blind35 blind36 blind37 blind38 blind39 blind40 blind41 blind42 blind43 blind44 blind45 blind46 blind47 blind48 blind49 blind50 blind51 blind52 blind53 blind54 blind55 blind56 blind57 blind58 blind59 blind60 blind61 blind62 blind63 blind64 blind65 blind66 blind67 blind68 blind69 blind70 blind71 blind72 blind73 blind74 blind75 blind76 blind77 blind78 blind79 blind80 blind81 blind82 blind83 blind84 blind85 blind86 blind87
eval: $(STAMP)
	$(BIN)/vnplan eval --gold corpus/seeds/gold.jsonl --gold corpus/dev/gold.jsonl | head -n -1
	@for set in $(EVAL_SETS); do \
		echo "== corpus/$$set"; \
		$(BIN)/vnplan eval --no-details --gold corpus/$$set/gold.jsonl | grep -E '^  targets  |^  on matched|^SCORE'; \
	done

# Throughput, memory and scaling figures on a generated 5,000-document archive (not run by the tests).
bench: $(STAMP)
	$(BIN)/python -m bench.run $(BENCH_ARGS)
	$(BIN)/python -m bench.value_layer

schema: $(STAMP)
	$(BIN)/python -m pipeline.schema

clean:
	rm -rf $(VENV) out build *.egg-info
