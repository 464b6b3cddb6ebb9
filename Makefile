# The two commands of the README: `make run` (the DVC pipeline on the bundled corpus) and `make test`.
VENV := .venv
BIN := $(abspath $(VENV))/bin
STAMP := $(VENV)/.installed

.PHONY: run test clean chromium

$(STAMP): pyproject.toml
	python3 -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

run: $(STAMP)
	PATH="$(BIN):$$PATH" $(BIN)/dvc repro
	PATH="$(BIN):$$PATH" $(BIN)/dvc metrics show

# The dashboard's browser test drives Debian's chromium (no browser download: none is reachable here).
chromium:
	@command -v chromium >/dev/null 2>&1 || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }

test: $(STAMP) chromium
	PATH="$(BIN):$$PATH" $(BIN)/python -m pytest

clean:
	rm -rf $(VENV) outputs/ingest outputs/extract outputs/tables outputs/validation outputs/compare outputs/report outputs/dev2025
