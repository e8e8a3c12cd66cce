# Solvable: `make run` sets everything up and runs the main job; `make test` runs every test.
SHELL := /bin/bash
DEBIAN_PACKAGES := libzmq3-dev libopenblas-dev liblapacke-dev libjs-katex pkg-config python3-venv chromium chromium-driver librsvg2-bin poppler-utils slurm-wlm munge libsqlite3-dev
VENV := .venv
PY := $(VENV)/bin/python
BIN := .build/release/solvable
SITE := site

.PHONY: run test deps venv build install notebooks site swift-test python-test check-notebooks reference bench clean

run: deps build install notebooks site
	@echo "Reports are in $(SITE)/index.html"

test: deps venv swift-test python-test check-notebooks

## Debian packages the build and tests need (installed only if missing).
deps:
	@missing=""; for p in $(DEBIAN_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  SUDO=$$( [ $$(id -u) -eq 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing; \
	fi

## Python tools for the conformance suite and notebook validation.
venv: $(VENV)/.installed
$(VENV)/.installed: tests-python/requirements.txt
	python3 -m venv $(VENV)
	$(VENV)/bin/pip install -q --upgrade pip
	$(VENV)/bin/pip install -q -r tests-python/requirements.txt
	touch $@

build: $(BIN)

## The release binary, rebuilt when a source or the package manifest changes: SwiftPM's own
## null build costs about 2.5 s, a twentieth of a cold `make run`.
$(BIN): Package.swift $(shell find Sources -type f)
	swift build -c release --product solvable
	@touch $@

install: build
	$(BIN) install --user

notebooks: build
	@if ls notebooks/*.ipynb >/dev/null 2>&1; then $(BIN) run -j $$(nproc) --in-place notebooks/*.ipynb; else echo "no notebooks yet"; fi

site: build
	@if ls notebooks/*.ipynb >/dev/null 2>&1; then $(BIN) render notebooks -o $(SITE); else echo "no notebooks to render yet"; fi

swift-test:
	swift build --build-tests
	swift test --skip-build

python-test: venv build
	SOLVABLE_BIN=$(abspath $(BIN)) $(VENV)/bin/python -m pytest -q tests-python

## Every shipped notebook re-runs and every claim it makes holds (files are not modified).
check-notebooks: build
	$(BIN) check notebooks

## Regenerate the language reference from the registry (a test checks it is current).
reference: build
	$(BIN) reference -o docs/REFERENCE.md

bench: build venv
	@for b in bench/*.sh; do [ -e "$$b" ] && bash "$$b"; done

clean:
	rm -rf .build $(SITE)
