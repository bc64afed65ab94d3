#!/usr/bin/env bash
# The README's test command (`make test`): installs what a bare machine lacks, starts a throwaway
# PostgreSQL and Redis, runs the whole suite against them (a real Celery worker included), stops them.
set -euo pipefail
cd "$(dirname "$0")/.."

bash .ci/venv.sh
source .ci/services.sh
services_install
trap services_stop EXIT
services_start

# The compact multi-origin name list (names-dataset, one vote in name detection) is built once per
# machine, before any test process needs it: built lazily, each process would pay for it.
WOBDESK_DEV=1 .venv/bin/python manage.py evaluate_detection --build-name-cache --if-missing

[ -d tests/browser/axe/node_modules/axe-core ] || npm ci --prefix tests/browser/axe --no-audit --no-fund  # axe-core for the portal accessibility check
export WOBDESK_REQUIRE_SERVICES=1  # a test that needs PostgreSQL/Redis/Chromium fails instead of skipping
export WOBDESK_TEST_OUTPUT="${WOBDESK_TEST_OUTPUT:-$PWD/test-output}"
mkdir -p "$WOBDESK_TEST_OUTPUT"
set +e
.venv/bin/pytest "$@"
status=$?
set -e
exit $status
