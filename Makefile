# seloste: `make demo` builds the examples, `make test` runs the whole suite. Both set up .venv themselves.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
OUT ?= out

.PHONY: demo test bench messages system-deps clean

# Native libraries WeasyPrint uses. Installed when we are root on a Debian-like machine and they are missing;
# elsewhere they must come from the system (libharfbuzz-subset0 only speeds PDFs up, it is not required: without
# it a note says what to install).
system-deps:
	@if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	  missing=""; \
	  for lib in libpango-1.0.so.0 libpangoft2-1.0.so.0 libharfbuzz-subset.so.0; do \
	    ldconfig -p | grep -q "$$lib" || missing="$$missing $$lib"; \
	  done; \
	  if [ -n "$$missing" ]; then \
	    echo "installing native libraries for WeasyPrint:$$missing"; \
	    (apt-get install -y -qq libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core >/dev/null 2>&1 || \
	     (apt-get update -qq >/dev/null 2>&1 && apt-get install -y -qq libpango-1.0-0 libpangoft2-1.0-0 \
	       libharfbuzz-subset0 fonts-dejavu-core >/dev/null 2>&1)) || echo "warning: could not install them"; \
	  fi; \
	elif command -v ldconfig >/dev/null 2>&1 && ! ldconfig -p | grep -q libharfbuzz-subset.so.0; then \
	  echo "note: libharfbuzz-subset0 is missing, so each PDF takes about 1.5 times as long; as root:" \
	       "apt-get install libharfbuzz-subset0 (other systems: README, 'Fast font subsetting')"; \
	fi

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install -q -e '.[test]'
	touch $@

demo: system-deps $(VENV)/.installed
	$(BIN)/seloste validate examples
	$(BIN)/seloste check examples
	$(BIN)/seloste build examples -o $(OUT)
	@echo "open $(OUT)/index.html, or $(OUT)/*/notice.fi.html, notice.sv.html, notice.en.html (and .pdf)"

test: system-deps $(VENV)/.installed
	$(BIN)/ruff check seloste tests benchmarks tools
	$(BIN)/mypy
	$(BIN)/pytest -q

# Extract the standard texts of the templates and the messages of the command line into the .po catalogues
# (seloste/locale/); then translate what came out untranslated. `--check` changes nothing and fails when stale.
messages: $(VENV)/.installed
	$(BIN)/python tools/messages.py

bench: system-deps $(VENV)/.installed
	$(BIN)/python -m benchmarks.run

clean:
	rm -rf $(OUT) dist build .pytest_cache .mypy_cache .ruff_cache
