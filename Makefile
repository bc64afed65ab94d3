# wobdesk: `make run` serves the app with demo data, `make test` runs the whole suite.
.PHONY: run test lint format venv migrate demo worker bench

PY := .venv/bin/python

# Development switch: the public development key, DEBUG and plain HTTP only with WOBDESK_DEV=1
# (never set it in production; see README, Settings).
migrate demo run worker bench: export WOBDESK_DEV ?= 1

venv:
	@bash .ci/venv.sh

migrate: venv
	$(PY) manage.py migrate --noinput

demo: migrate
	$(PY) manage.py evaluate_detection --build-name-cache --if-missing
	$(PY) manage.py load_demo

run: demo
	$(PY) manage.py runserver 127.0.0.1:8000

test:
	bash .ci/test.sh

lint: venv
	.venv/bin/ruff check .
	.venv/bin/ruff format --check .

format: venv
	.venv/bin/ruff check --fix .
	.venv/bin/ruff format .

worker: venv
	.venv/bin/celery -A wobdesk worker -Q default,redaction -l info

bench: venv
	$(PY) manage.py bench_letters --documents 10000
	$(PY) manage.py bench_redaction
