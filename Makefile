# Two commands on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp

.PHONY: run test eval bench index clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

index: $(STAMP)
	$(BIN)/cchc index

run: index
	$(BIN)/cchc tui

# test installs tesseract (+ Vietnamese model), antiword and a font when missing and the machine allows
# (root + apt-get), so CI runs the real OCR path; run needs none of them (scans are skipped with the reason).
test: $(STAMP)
	sh scripts/install-system-packages.sh
	$(BIN)/ruff check .
	$(BIN)/lint-imports
	$(BIN)/mypy
	$(BIN)/python -m pytest

eval: $(STAMP)
	$(BIN)/python bench/eval.py

bench: $(STAMP)
	$(BIN)/python bench/run_all.py

clean:
	rm -rf $(VENV) build *.egg-info
