# Downwork: `make run` starts the product on its embedded defaults,
# `make test` runs every test (SQLite always; PostgreSQL and MariaDB when
# TEST_POSTGRES_URL / TEST_MYSQL_URL are set).

CARGO ?= cargo
NPM ?= npm
BIN := $(abspath $(or $(CARGO_TARGET_DIR),target)/debug/downwork)

.PHONY: run build web test test-rust test-postgres test-mysql test-s3 test-web test-e2e openapi bench fmt lint clean

run: web
	$(CARGO) run -p server --bin downwork -- serve

build:
	$(CARGO) build -p server --bin downwork

web/node_modules: web/package.json web/package-lock.json
	cd web && $(NPM) ci --no-audit --no-fund
	@touch web/node_modules

web: web/node_modules
	cd web && $(NPM) run build

test: test-rust test-postgres test-mysql test-s3 test-web test-e2e

test-rust:
	$(CARGO) nextest run --workspace

test-postgres:
	@if [ -n "$$TEST_POSTGRES_URL" ]; then \
		scripts/drop-test-databases postgres; \
		TEST_DATABASE=postgres $(CARGO) nextest run -p server; \
	else echo "TEST_POSTGRES_URL not set: skipping the PostgreSQL run"; fi

test-mysql:
	@if [ -n "$$TEST_MYSQL_URL" ]; then \
		scripts/drop-test-databases mysql; \
		TEST_DATABASE=mysql $(CARGO) nextest run -p server; \
	else echo "TEST_MYSQL_URL not set: skipping the MariaDB run"; fi

test-s3:
	scripts/with-s3 $(CARGO) nextest run -p server -E 'test(s3)'

test-web: web/node_modules
	cd web && $(NPM) test

test-e2e: web build
	scripts/ensure-chromium
	cd web && DOWNWORK_BIN=$(BIN) $(NPM) run e2e

openapi: build
	$(BIN) openapi > openapi.json
	cd web && $(NPM) run gen:api

bench:
	bench/run
	bench/realtime
	bench/social

fmt:
	$(CARGO) fmt --all

lint:
	$(CARGO) fmt --all -- --check
	$(CARGO) clippy --workspace --all-targets -- -D warnings

clean:
	$(CARGO) clean
	rm -rf web/node_modules web/dist
