# The README's commands. `make run` and `make test` install what they need on first use.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
TOOLS := .tools
PY := $(VENV)/bin/python
SAM := $(TOOLS)/sam/bin/sam
CHECKOV := $(TOOLS)/checkov/bin/checkov
STACK ?= warmdoor
REGION ?= eu-west-1
# The samconfig.toml environment `make deploy` uses: default, test or prod.
ENV ?= default
export SAM_CLI_TELEMETRY := 0
export PYTHONPATH := layers/common:.

.PHONY: install run test lint validate build deploy bench bench-load bench-dashboard operator-key gebruiker replay clean invoke events chromium assets schermafdrukken

# Running needs only the runtime and the local stack's packages (a quick first `make run`); the checks and
# tests install the development tools on top.
$(VENV)/.run-installed: requirements-run.txt layers/common/requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --disable-pip-version-check --no-compile -r requirements-run.txt
	touch $@

$(VENV)/.installed: $(VENV)/.run-installed requirements-dev.txt
	$(VENV)/bin/pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --silent --no-audit --no-fund
	touch $@

# The SAM CLI pins its own boto3/pydantic/click, so it lives in a venv of its own.
$(SAM):
	$(PYTHON) -m venv $(TOOLS)/sam
	$(TOOLS)/sam/bin/pip install --quiet aws-sam-cli==1.170.0

# checkov pins its own dependencies too.
$(CHECKOV):
	$(PYTHON) -m venv $(TOOLS)/checkov
	$(TOOLS)/checkov/bin/pip install --quiet checkov==3.3.30

install: $(VENV)/.installed node_modules/.installed

# The browser tests drive Debian's Chromium with Playwright (Playwright's own browser download is not used).
chromium:
	@command -v chromium >/dev/null || { \
		SUDO=$$([ "$$(id -u)" = 0 ] || echo sudo); export DEBIAN_FRONTEND=noninteractive; \
		$$SUDO apt-get install -y -qq chromium >/dev/null 2>&1 || \
		{ $$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq chromium >/dev/null; }; }

# The NL Design System CSS the pages serve, from the npm packages (a test checks it is up to date).
assets: node_modules/.installed
	cat node_modules/@utrecht/design-tokens/dist/index.css \
		node_modules/@utrecht/component-library-css/dist/index.css > functions/web/static/nl-design-system.css

# The README's screenshots of the pages, made by the browser test.
schermafdrukken: install chromium
	WARMDOOR_SCHERMAFDRUKKEN=1 $(PY) -m pytest tests/e2e/test_browser*.py

run: $(VENV)/.run-installed
	$(PY) -m local $(ARGS)

test: install $(SAM) $(CHECKOV) chromium
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
	$(PY) -m mypy layers/common functions local tests benchmarks
	$(VENV)/bin/lint-imports
	$(SAM) validate --lint --region $(REGION)
	$(CHECKOV) --config-file .checkov.yaml -f template.yaml
	$(PY) -m pytest

lint: install $(SAM) $(CHECKOV)
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
	$(PY) -m mypy layers/common functions local tests benchmarks
	$(VENV)/bin/lint-imports
	$(VENV)/bin/cfn-lint template.yaml
	$(SAM) validate --lint --region $(REGION)
	$(CHECKOV) --config-file .checkov.yaml -f template.yaml
	$(PY) -m local.openapi > .openapi.json
	node_modules/.bin/spectral lint --fail-severity error -r ../shared/standards/nl-api-design-rules.linter.yaml .openapi.json

validate: $(SAM)
	$(SAM) validate --lint --region $(REGION)

# Builds where the runtime's Python (see template.yaml) is on PATH, e.g. PYENV_VERSION=3.13.0 make build.
build: $(SAM)
	$(SAM) build --config-env $(ENV)

# Stack name, region, capabilities and parameters from samconfig.toml's ENV; STACK=... on the command line
# deploys that environment's settings under another name.
deploy: build
	$(SAM) deploy --config-env $(ENV) $(if $(filter command line,$(origin STACK)),--stack-name $(STACK)) $(ARGS)

# A function's handler with an event, against the running `make run` (what `sam local invoke` does, minus
# the container): make invoke EVENT=events/ApiFunction/doorverwijzing-lezen.json [FUNCTION=ApiFunction]
invoke: $(VENV)/.run-installed
	$(PY) -m local.invoke $(EVENT) $(if $(FUNCTION),--function $(FUNCTION))

# events/ again, at the current time (their consent and contact times age; see local/events.py).
events: $(VENV)/.run-installed
	$(PY) -m local.events

# Figures only: the functions' log lines (JSON) and Powertools' warnings are left out. The benchmarks use the
# tests' pilot set-up, so they need the development packages.
bench: $(VENV)/.installed
	set -o pipefail; $(PY) -W ignore benchmarks/bench.py | grep -v '^{'

# 20 clients POST referrals at once to one local stack (about 5 minutes).
bench-load: $(VENV)/.installed
	$(PY) benchmarks/load.py

# The pilot dashboard with 500 referrals (about 8 minutes, most of it making the referrals).
bench-dashboard: $(VENV)/.installed
	$(PY) benchmarks/dashboard.py | grep -v '^{'

# The first operator key of a deployed stack: make operator-key TABLE=<TableName output> [STACK=warmdoor]
operator-key: $(VENV)/.run-installed
	$(PY) -m warmdoor beheersleutel --tabel $(TABLE) --gebruiksplan $(STACK)-klanten \
		--omschrijving "$${OMSCHRIJVING:-eerste beheersleutel}"

# Invite someone to the pages of a deployed stack; the user pool e-mails a temporary password:
# make gebruiker POOL=<GebruikerspoolId output> TABLE=<TableName output> EMAIL=<address> NAAM="<name>" and one of
#   ORGANISATIE=<organisation id> [COORDINATOR=1] | SCHULDEISER=<creditor id> | BEHEER=1 (an operator)
gebruiker: $(VENV)/.run-installed
	$(PY) -m warmdoor gebruiker-uitnodigen --pool "$(POOL)" --tabel "$(TABLE)" --email "$(EMAIL)" --naam "$(NAAM)" \
		$(if $(ORGANISATIE),--organisatie "$(ORGANISATIE)") $(if $(SCHULDEISER),--schuldeiser "$(SCHULDEISER)") \
		$(if $(BEHEER),--beheer) $(if $(COORDINATOR),--coordinator)

clean:
	rm -rf $(VENV) $(TOOLS) node_modules .aws-sam .mypy_cache .ruff_cache .pytest_cache

# Re-drive what failed after every retry in a deployed stack: make replay STACK=<stack name>
replay: $(VENV)/.run-installed
	$(PY) -m warmdoor replay --stack $(STACK)
