# Every target creates .venv when it is missing, so a fresh clone needs only Python 3.11 and make.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: basemap demo test lint typecheck unit bench clean

BASEMAP := src/sitroom/data/basemap/countries-50m.json

# Country outlines for the offline basemap and report maps, from the npm registry at build time
# (world-atlas: Natural Earth, public domain, packaged under ISC); not kept in git.
$(BASEMAP): assets/package.json assets/package-lock.json
	cd assets && npm ci --no-audit --no-fund --silent
	mkdir -p src/sitroom/data/basemap
	cp assets/node_modules/world-atlas/countries-50m.json assets/node_modules/world-atlas/countries-110m.json src/sitroom/data/basemap/

basemap: $(BASEMAP)

$(STAMP): pyproject.toml $(BASEMAP)
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/sitroom demo --db sitroom-demo.db

lint: $(STAMP)
	$(BIN)/ruff check src tests bench scripts
	$(BIN)/ruff format --check src tests bench scripts

typecheck: $(STAMP)
	$(BIN)/mypy

unit: $(STAMP)
	$(BIN)/pytest -q

test: lint typecheck unit

BENCHES := speed ner geoparse temporal events event_location acled protest petrarch attribution \
	ingest merge throughput api_load dashboard

bench: $(STAMP)
	@for name in $(BENCHES); do echo "== bench/$$name.py"; $(BIN)/python bench/$$name.py || exit 1; done

clean:
	rm -rf $(VENV) assets/node_modules src/sitroom/data/basemap sitroom-demo.db .mypy_cache .pytest_cache .ruff_cache
