# Two commands do all the set-up on a fresh Debian machine with Swift:
#   make demo   runs the console against the built-in sandbox
#   make test   runs every test (unit, integration over loopback HTTP, tmux end to end)
SWIFT ?= swift
DEBIAN_PACKAGES := libncursesw5-dev libsqlite3-dev pkg-config tmux

.PHONY: demo test build deps clean

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

clean:
	rm -rf .build
