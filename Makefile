# The targets people guess. `make demo` and `make test` work on a fresh Debian machine.
.PHONY: install system-deps demo test lint bench messages

install:
	scripts/install

system-deps:
	scripts/system-deps

demo: system-deps install
	.venv/bin/netral demo

test: system-deps install
	scripts/test

lint: install
	.venv/bin/ruff check .
	.venv/bin/ruff format --check .
	.venv/bin/mypy netral

bench: system-deps install
	scripts/bench

messages: install
	.venv/bin/python -m netral.cli manage makemessages -l en --ignore=.venv --ignore=node_modules --ignore=tests --ignore=benchmarks
	.venv/bin/python -m netral.cli manage compilemessages --ignore=.venv --ignore=node_modules
