# seloste: `make demo` builds the examples, `make test` runs the whole suite. Both set up .venv themselves.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
OUT ?= out

.PHONY: demo test bench messages system-deps screenshots clean bytecode

# Native libraries WeasyPrint uses, the Liberation fonts, libvoikko with its Finnish dictionary (voikko-fi) for
# Finnish hyphenation and the checker's Finnish base forms, and npm, Chromium and pdftoppm for the test tools,
# the browser tests and the screenshots. Installed when we are root on a Debian-like machine and they are
# missing; elsewhere they must come from the system (libharfbuzz-subset0 only speeds PDFs up; without libvoikko
# the checker matches Finnish words by their beginning; without libharfbuzz-subset0 a note says what to install).
system-deps:
	@if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	  missing=""; \
	  for lib in libpango-1.0.so.0 libpangoft2-1.0.so.0 libharfbuzz-subset.so.0 libvoikko.so.1; do \
	    ldconfig -p | grep -q "$$lib" || missing="$$missing $$lib"; \
	  done; \
	  [ -d /usr/lib/voikko ] || missing="$$missing voikko-fi"; \
	  fc-list 2>/dev/null | grep -q "Liberation Sans" || missing="$$missing fonts-liberation"; \
	  if [ -n "$$missing" ]; then \
	    echo "installing native libraries for WeasyPrint:$$missing"; \
	    (apt-get install -y -qq libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core \
	       fonts-liberation libvoikko1 voikko-fi >/dev/null 2>&1 || \
	     (apt-get update -qq >/dev/null 2>&1 && apt-get install -y -qq libpango-1.0-0 libpangoft2-1.0-0 \
	       libharfbuzz-subset0 fonts-dejavu-core fonts-liberation libvoikko1 voikko-fi >/dev/null 2>&1)) || \
	       echo "warning: could not install them"; \
	  fi; \
	  for pair in npm:npm chromium:chromium pdftoppm:poppler-utils; do \
	    cmd=$${pair%%:*}; pkg=$${pair##*:}; \
	    command -v $$cmd >/dev/null 2>&1 || { echo "installing $$pkg (test tools, browser tests, screenshots)"; \
	      (apt-get install -y -qq $$pkg >/dev/null 2>&1 || (apt-get update -qq >/dev/null 2>&1 && \
	       apt-get install -y -qq $$pkg >/dev/null 2>&1)) || echo "warning: could not install $$pkg"; }; \
	  done; \
	fi
	@if command -v ldconfig >/dev/null 2>&1 && ! ldconfig -p | grep -q libharfbuzz-subset.so.0; then \
	  echo "note: libharfbuzz-subset0 is missing, so each PDF takes about 1.5 times as long; as root:" \
	       "apt-get install libharfbuzz-subset0 (other systems: README, 'Fast font subsetting')"; \
	fi

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install -q -e '.[test]'
	touch $@

# seloste's own compiled modules: an editable install compiles none, and where PYTHONDONTWRITEBYTECODE is set (CI
# images often set it) Python would compile every seloste module again in every command, about 0.2 s of each.
# compileall writes them regardless and only what is stale; Python reads them either way.
bytecode: $(VENV)/.installed
	@$(BIN)/python -m compileall -q seloste

demo: system-deps $(VENV)/.installed bytecode
	$(BIN)/seloste validate examples
	$(BIN)/seloste check examples
	$(BIN)/seloste build examples -o $(OUT)
	@echo "open $(OUT)/index.html, or $(OUT)/*/notice.fi.html, notice.sv.html, notice.en.html (and .pdf)"

# Third-party tools the tests run, from npm (versions pinned in package-lock.json): Microsoft's SARIF Multitool,
# and axe-core for the accessibility tests.
# npm may not run the package's install script (it only marks the binary executable), so that is done here.
node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	chmod u+x node_modules/@microsoft/sarif-multitool-*/Sarif.Multitool
	touch $@

test: system-deps $(VENV)/.installed bytecode node_modules/.installed
	$(BIN)/ruff check seloste tests benchmarks tools
	$(BIN)/mypy
	$(BIN)/pytest -q -n 2 --dist loadfile

# Extract the standard texts of the templates and the messages of the command line into the .po catalogues
# (seloste/locale/); then translate what came out untranslated. `--check` changes nothing and fails when stale.
messages: $(VENV)/.installed
	$(BIN)/python tools/messages.py

bench: system-deps $(VENV)/.installed bytecode node_modules/.installed
	$(BIN)/python -m benchmarks.run
	$(BIN)/python -m benchmarks.editor
	$(BIN)/python -m benchmarks.pages

# The README's pictures of a notice on a phone and on paper (docs/*.png), from examples/hieroja-koskenranta.yaml.
screenshots: system-deps $(VENV)/.installed node_modules/.installed
	$(BIN)/python tools/screenshots.py

clean:
	rm -rf $(OUT) dist build .pytest_cache .mypy_cache .ruff_cache node_modules
