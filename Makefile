# The two commands of the README: `make run` and `make test`.
PY ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp

export HF_HUB_OFFLINE := 1
export TRANSFORMERS_OFFLINE := 1
export GRADIO_ANALYTICS_ENABLED := False
export TOKENIZERS_PARALLELISM := false
export ANONYMIZED_TELEMETRY := False

SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: install run index test eval train bench browser longdocs clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	# torch first, pinned: its CPU build comes from local disk; any other torch request pulls CUDA.
	$(BIN)/python -m pip install --quiet torch==2.13.0
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

index: install
	$(BIN)/ctg index

run: index
	$(BIN)/python app.py

# The browser test drives Debian's chromium (no browser download): installed here when missing.
browser:
	@command -v chromium >/dev/null 2>&1 || { echo "Installing Debian chromium for the browser test"; \
	  $(SUDO) apt-get update -qq && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }

test: install browser
	$(BIN)/python -m pytest -q

eval: install
	$(BIN)/ctg eval --corpus corpus --questions evals/questions.jsonl --out reports/latest

# Fits the answer selector on the seed, synthetic and devset a+b questions (../shared/devset beside the repo) and
# writes assistant/answering/selector.json with its out-of-fold metrics.
train: install
	$(BIN)/ctg train --work reports/train

# Long conventions: a generated collection of PDF and DOCX conventions and avenants (evals/longdocs), indexed with
# corpus/, its questions (page of each answer) and its gold fact sheets.
LONG := reports/longdocs
longdocs: install
	rm -rf $(LONG) && $(BIN)/python -m evals.longdocs --out $(LONG)/generated
	mkdir -p $(LONG)/corpus && ln -s $(CURDIR)/$(LONG)/generated/corpus/* $(CURDIR)/corpus/* $(LONG)/corpus/
	$(BIN)/ctg eval --corpus $(LONG)/corpus --questions $(LONG)/generated/questions.jsonl --out $(LONG)/answers
	$(BIN)/ctg eval --corpus $(LONG)/generated/corpus --facts $(LONG)/generated/facts.json --out $(LONG)/facts

bench: install
	$(BIN)/ctg bench --docs 1000 --out reports/bench

clean:
	rm -rf $(VENV) index reports .pytest_cache
