# Two commands do all the set-up on a fresh Debian machine with Swift:
#   make demo   runs the console against the built-in sandbox
#   make test   runs every test (unit, integration over loopback HTTP, tmux end to end)
SWIFT ?= swift
DEBIAN_PACKAGES := libncursesw5-dev libsqlite3-dev pkg-config tmux

.PHONY: demo test build deps bench clean

## Installs the Debian packages the build and the tests need, only those missing.
deps:
	@missing=""; \
	for package in $(DEBIAN_PACKAGES); do \
	  dpkg -s $$package >/dev/null 2>&1 || missing="$$missing $$package"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing Debian packages:$$missing"; \
	  if [ "$$(id -u)" -eq 0 ]; then sudo=""; else sudo="sudo"; fi; \
	  $$sudo apt-get update && $$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends $$missing; \
	fi

build: deps
	$(SWIFT) build

## The console on an in-process sandbox with generated data and a throwaway mirror.
demo: build
	./.build/debug/rewards-ops demo

## Builds everything (the tmux tests drive the real binary), then runs the tests.
test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

## Issue #7's figures (docs/performance.md): a release build into .build-bench, then every
## benchmark. BENCH_ARGS passes options through, e.g. BENCH_ARGS="--filter 'keystroke.*'".
## REWARDS_OPS_BENCH_MEMBERS=100000 makes a quicker, smaller run.
bench: deps
	@command -v sqlite3 >/dev/null && test -x /usr/bin/time || { \
	  if [ "$$(id -u)" -eq 0 ]; then sudo=""; else sudo="sudo"; fi; \
	  $$sudo apt-get update && $$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends sqlite3 time; }
	REWARDS_OPS_BENCHMARKS=1 $(SWIFT) build -c release --scratch-path .build-bench --product rewards-ops
	REWARDS_OPS_BENCHMARKS=1 $(SWIFT) package --scratch-path .build-bench benchmark --no-progress $(BENCH_ARGS)

clean:
	rm -rf .build .build-bench
