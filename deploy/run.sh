#!/usr/bin/env bash
# deploy/run.sh: the whole wobdesk stack in one command (README, "Deployment").
#
#   SECRET_KEY=... DATABASE_URL=postgres://... REDIS_URL=redis://... ALLOWED_HOSTS=... deploy/run.sh
#
# Applies migrations, collects static files (WhiteNoise serves them, hashed), then starts
#   web:    gunicorn -c deploy/gunicorn.conf.py  (WOBDESK_BIND, WEB_CONCURRENCY)
#   worker: celery worker on the default and redaction queues (WORKER_CONCURRENCY)
#   beat:   celery beat (the daily reminders, the nightly deadline refresh, the job reaper)
# and supervises them: SIGTERM or SIGINT stops all three (gracefully, then forcefully after
# STOP_TIMEOUT seconds); when one of them dies the others are stopped and the script exits 1, so
# that systemd (Restart=always) or any other supervisor restarts the stack.
# RUN_ROLES=web,worker,beat (default all) runs a subset: e.g. only "worker" on a second host.
set -euo pipefail
cd "$(dirname "$0")/.."

PY=${PYTHON:-.venv/bin/python}
BIN=$(dirname "$PY")
: "${DATABASE_URL:?DATABASE_URL ontbreekt (postgres://...)}"
: "${REDIS_URL:?REDIS_URL ontbreekt (redis://...)}"
ROLES=",${RUN_ROLES:-web,worker,beat},"
STOP_TIMEOUT=${STOP_TIMEOUT:-30}
STATE_DIR=${WOBDESK_STATE_DIR:-var}
mkdir -p "$STATE_DIR"

log() { echo "deploy/run.sh: $*" >&2; }

if [[ $ROLES == *,web,* ]]; then
  "$PY" manage.py migrate --noinput
  "$PY" manage.py collectstatic --noinput -v0
fi

pids=()
names=()
start() {  # start NAME CMD...
  local name=$1
  shift
  "$@" &
  pids+=("$!")
  names+=("$name")
  log "$name started (pid $!)"
}

[[ $ROLES == *,web,* ]] && start web "$BIN/gunicorn" -c deploy/gunicorn.conf.py
[[ $ROLES == *,worker,* ]] && start worker "$BIN/celery" -A wobdesk worker -Q default,redaction \
  -l "${LOG_LEVEL:-info}" --concurrency "${WORKER_CONCURRENCY:-2}" -n "worker@%h"
[[ $ROLES == *,beat,* ]] && start beat "$BIN/celery" -A wobdesk beat -l "${LOG_LEVEL:-info}" \
  --schedule "$STATE_DIR/celerybeat-schedule"
log "running: ${names[*]} (pids ${pids[*]})"

stopping=0
stop_all() {
  stopping=1
  log "stopping ${names[*]}"
  kill -TERM "${pids[@]}" 2>/dev/null || true
  local waited=0
  while (( waited < STOP_TIMEOUT * 10 )); do
    local alive=0
    for pid in "${pids[@]}"; do kill -0 "$pid" 2>/dev/null && alive=1; done
    (( alive == 0 )) && break
    sleep 0.1
    waited=$((waited + 1))
  done
  kill -KILL "${pids[@]}" 2>/dev/null || true
  wait 2>/dev/null || true
  log "stopped"
}
trap 'stop_all; exit 0' TERM INT

set +e
wait -n "${pids[@]}"
status=$?
set -e
if (( stopping == 0 )); then
  log "a process ended (exit $status): stopping the others"
  stop_all
  exit 1
fi
