# Two commands do all the set-up on a fresh machine (Python 3.11 + pip):
#   make report   creates .venv, installs stance, builds the seeds report in reports/seeds/
#   make test     same venv, runs the test suite
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp

.PHONY: report test model lint bench clean

$(STAMP): pyproject.toml Makefile
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev,dask]'
	touch $(STAMP)

report: $(STAMP)
	$(BIN)/stance report seeds --profile korea-nato -o reports/seeds

test: $(STAMP)
	$(BIN)/python -m pytest

# Retrain the default model shipped in stance/data/model/ from the project's annotations and
# the coding of the first nine blind corpora (spent as tests; eval/heldout10 stays out).
TRAINED_CORPORA := eval/heldout eval/heldout2 eval/heldout3 eval/heldout4 eval/heldout5 eval/heldout6 eval/heldout7 eval/heldout8 eval/heldout9
model: $(STAMP)
	$(BIN)/stance train $(sort $(wildcard stance/data/annotations/*.jsonl)) \
		$(addsuffix /gold.jsonl,$(TRAINED_CORPORA)) \
		--profiles-dir eval/profiles $(addprefix --profiles-dir ,$(addsuffix /profiles,$(TRAINED_CORPORA))) \
		-o stance/data/model/stance-default.npz

lint: $(STAMP)
	$(BIN)/ruff check stance tests benchmarks

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .hypothesis
