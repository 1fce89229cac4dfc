# qawl — who said what, when. See README.md.
SHELL := /bin/bash
SWIFT ?= swift
CONFIG ?= pipelines/nightly.yaml
OUT ?= out
JOBS ?=
BIN := .build/release/qawl
SHARED ?= ../shared
DEB_PACKAGES := libxml2-dev zlib1g-dev libsqlite3-dev pkg-config

.PHONY: all deps build run nightly test eval bench clean help

all: build

help:
	@echo "make run      build (release) and run pipelines/nightly.yaml on data/samples/ into out/"
	@echo "make test     build and run every test (what CI runs)"
	@echo "make eval     score extraction against the gold files in $(SHARED)/gold"
	@echo "make bench    throughput and memory benchmark (never part of make test)"
	@echo "make nightly CONFIG=pipelines/nightly.yaml   run a configuration"

# The Debian packages the C targets need: installed when missing and we are root, else the exact command.
deps:
	@missing=""; for p in $(DEB_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then echo "installing:$$missing"; \
	    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing) || exit 1; \
	  else echo "missing Debian packages:$$missing"; echo "run: sudo apt-get install -y$$missing"; exit 1; fi; \
	fi

build: deps
	$(SWIFT) build -c release --product qawl

run: build
	$(BIN) run --config $(CONFIG) --out $(OUT) $(if $(JOBS),--jobs $(JOBS))
	@echo "open $(OUT)/report.html"

nightly: build
	$(BIN) run --config $(CONFIG) $(if $(JOBS),--jobs $(JOBS))

test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) run -q qawl actors check
	bash scripts/test.sh

eval: build
	@bash scripts/eval.sh $(SHARED)

bench: build
	@bash scripts/bench.sh $(SHARED)

clean:
	rm -rf .build out
