# forumgraph: `make demo` builds the graph of data/articles and shows it; `make test` runs the tests.
# Both create the virtual environment .venv and install the project into it first.
VENV   := .venv
BIN    := $(VENV)/bin
STORE  ?= ./forumgraph-store
PYTHON ?= python3

.PHONY: demo test lint browser bench eval clean model

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e ".[test]"
	touch $@

demo: $(VENV)/.installed
	$(BIN)/forumgraph build data/articles --store $(STORE)
	@for q in data/queries/*.rq; do \
	  echo; echo "== $$q: $$(grep -m1 '^#' $$q | sed 's/^# *//')"; \
	  $(BIN)/forumgraph query --store $(STORE) -f $$q || exit 1; \
	done
	$(BIN)/forumgraph draw --store $(STORE) -o graph.html
	@echo "open graph.html in a browser"

# Debian's Chromium for the browser tests of the HTML page (needs root and apt, as in CI).
browser:
	@test -x /usr/bin/chromium || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null)

lint: $(VENV)/.installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

test: $(VENV)/.installed browser lint
	$(BIN)/python -m pytest -q

bench: $(VENV)/.installed
	@for b in bench/*.py; do echo "== $$b"; $(BIN)/python $$b || exit 1; done

clean:
	rm -rf $(STORE) graph.html tests/artifacts

# The README's table of extraction figures on the dev sets in ../shared/eval.
eval: $(VENV)/.installed
	$(BIN)/python bench/eval_table.py

# The learned layer's shipped model, from factRuEval-2016 dev only (MIT; NEREL states no licence); no veto:
# the veto learned there drops right NEREL dev posts (docs/learned.md).
model: $(VENV)/.installed
	$(BIN)/forumgraph train ../shared/eval/factrueval-dev.jsonl --no-veto -o extractors/learn/default-model.json.gz
