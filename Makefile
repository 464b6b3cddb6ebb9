# The two commands of the README: `make run` (the DVC pipeline on the bundled corpus) and `make test`.
VENV := .venv
BIN := $(abspath $(VENV))/bin
STAMP := $(VENV)/.installed

.PHONY: run test clean

$(STAMP): pyproject.toml
	python3 -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

run: $(STAMP)
	PATH="$(BIN):$$PATH" $(BIN)/dvc repro
	PATH="$(BIN):$$PATH" $(BIN)/dvc metrics show

test: $(STAMP)
	PATH="$(BIN):$$PATH" $(BIN)/python -m pytest

clean:
	rm -rf $(VENV) outputs/ingest outputs/extract outputs/tables
