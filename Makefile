# The two commands of the README: `make run` (the DVC pipeline on the bundled corpus) and `make test`.
VENV := .venv
BIN := $(abspath $(VENV))/bin
STAMP := $(VENV)/.installed
# The modules mypyc compiles (pyproject [tool.claimscope.mypyc]) and the record of their last build.
COMPILED_SRC := $(shell python3 -c "import tomllib; print(' '.join('pipeline/' + m.replace('.', '/') + '.py' for m in tomllib.load(open('pyproject.toml', 'rb'))['tool']['claimscope']['mypyc']['modules']))")
NATIVE := pipeline/_compiled.json

.PHONY: run test clean chromium compile

$(STAMP): pyproject.toml setup.py
	python3 -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

# Recompiles the compiled modules after one changed (until then they run from source: pipeline/extract/fast/compiled.py).
$(NATIVE): $(COMPILED_SRC) | $(STAMP)
	$(BIN)/python setup.py --quiet build_ext --inplace

compile: $(NATIVE)

run: $(STAMP) $(NATIVE)
	PATH="$(BIN):$$PATH" $(BIN)/dvc repro
	PATH="$(BIN):$$PATH" $(BIN)/dvc metrics show

# The dashboard's browser test drives Debian's chromium (no browser download: none is reachable here).
chromium:
	@command -v chromium >/dev/null 2>&1 || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }

test: $(STAMP) $(NATIVE) chromium
	PATH="$(BIN):$$PATH" $(BIN)/python -m pytest

clean:
	find pipeline -name '*.so' -delete
	rm -rf $(VENV) build pipeline/_compiled.json outputs/ingest outputs/extract outputs/tables outputs/validation outputs/compare outputs/report outputs/dev2025
