# The three entry points. Each installs what is missing first (scripts/bootstrap.sh).
SHELL := /bin/bash
export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)

.PHONY: demo test build bench bootstrap emulator

bootstrap:
	@bash scripts/bootstrap.sh

## make demo: build everything and serve the merchant dashboard on localhost
demo: bootstrap
	@bash scripts/demo.sh

## make test: every test (native, wasm in Node and Chrome, emulator, consumers, browser)
test: bootstrap
	@bash scripts/test.sh

## make build: write the npm package to pkg/
build: bootstrap
	@bash scripts/build.sh

## make bench: benchmarks against a bare fetch and the official SDK
bench: bootstrap
	@bash scripts/bench.sh
