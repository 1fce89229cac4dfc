# qawl — who said what, when. See README.md.
SHELL := /bin/bash
SWIFT ?= swift
CONFIG ?= pipelines/nightly.yaml
OUT ?= out
JOBS ?=
BIN := .build/release/qawl
SHARED ?= ../shared
DEB_PACKAGES := libxml2-dev zlib1g-dev libdeflate-dev libsqlite3-dev pkg-config

.PHONY: all deps build run nightly test eval bench clean help screenshot faults fuzz

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

# The Swift runtime and Foundation are linked into the binary: a process starts in 7.6 ms instead
# of 14.1 ms (`perf stat -r 20 qawl --version`), which a short run pays before anything else, and
# the binary runs on machines without Swift (Spark nodes: only glibc, libstdc++ and the C libraries).
build: deps
	$(SWIFT) build -c release --product qawl --static-swift-stdlib

run: build
	$(BIN) run --config $(CONFIG) --out $(OUT) $(if $(JOBS),--jobs $(JOBS))
	@echo "open $(OUT)/report.html"

nightly: build
	$(BIN) run --config $(CONFIG) $(if $(JOBS),--jobs $(JOBS))

test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) run -q qawl actors check
	bash scripts/test.sh
	bash scripts/spark_test.sh

eval: build
	@bash scripts/eval.sh $(SHARED)

bench: build
	@bash scripts/bench.sh $(SHARED)

clean:
	rm -rf .build out out-spark .venv-spark

include pipelines/spark/spark.mk

# Render out/report.html as a reader sees it (headless Chromium, Debian's package) into out/report.png.
screenshot:
	@command -v chromium >/dev/null || { if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-core; else echo "run: sudo apt-get install -y chromium fonts-noto-core"; exit 1; fi; }
	@[ -f $(OUT)/report.html ] || $(MAKE) run
	chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1100,2400 \
	  --screenshot=$(abspath $(OUT))/report.png file://$(abspath $(OUT))/report.html 2>/dev/null
	@echo "$(OUT)/report.png"

# Broken and hostile inputs (scripts/make_faults.py) through the whole pipeline: no crash, no hang,
# every fault in errors.jsonl, every good document out.
faults: build
	python3 scripts/make_faults.py out/faults
	rm -rf out/faults-run && mkdir -p out/faults-run
	timeout 600 $(BIN) docs out/faults > out/faults-run/docs.jsonl 2>/dev/null || [ $$? -eq 1 ]
	timeout 600 /usr/bin/time -f "peak RSS %M KB, %e s" $(BIN) run --full --out out/faults-run out/faults || [ $$? -eq 1 ]
	python3 scripts/check_faults.py out/faults out/faults-run

# libFuzzer targets (Fuzz/, a separate package) for the readers and the parse + extraction path,
# FUZZ_SECONDS each (default 60); crashes land in out/fuzz/.
fuzz: deps
	bash scripts/fuzz.sh
