# The two commands of the README: `make serve` and `make test`. Each sets up what it needs.
PYTHON ?= python3
VENV := .venv

.PHONY: setup serve test lint
setup: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml scripts/setup.sh
	bash scripts/setup.sh
	touch $@

serve: setup
	$(VENV)/bin/abate serve --demo

test: setup
	bash scripts/test.sh

lint: setup
	$(VENV)/bin/ruff check .

# Regenerate the typed Python client (clients/python) from the API's OpenAPI schema.
.PHONY: client
client: setup
	bash scripts/client.sh
