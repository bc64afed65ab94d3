#!/usr/bin/env bash
# Installs (when missing) and starts a throwaway PostgreSQL and Redis on loopback; sourced by .ci/test.sh.
# Exports DATABASE_URL and WOBDESK_TEST_REDIS_URL; `services_stop` stops both and removes their data.

ci_pg_port=${CI_PG_PORT:-55432}
ci_redis_port=${CI_REDIS_PORT:-56379}
ci_tmp=$(mktemp -d /tmp/wobdesk-ci.XXXXXX)
chmod 755 "$ci_tmp"

services_install() {
  local need=()
  command -v redis-server >/dev/null 2>&1 || need+=(redis-server)
  ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
  [ -x /usr/bin/chromium ] || need+=(chromium)
  command -v tesseract >/dev/null 2>&1 || need+=(tesseract-ocr tesseract-ocr-nld)
  [ -f /usr/share/tesseract-ocr/5/tessdata/nld.traineddata ] || need+=(tesseract-ocr-nld)
  [ -f /usr/share/hunspell/nl.dic ] || need+=(hunspell-nl)  # Dutch word list for name detection
  command -v pdftotext >/dev/null 2>&1 || need+=(poppler-utils)  # second reader in redaction tests
  command -v qpdf >/dev/null 2>&1 || need+=(qpdf)  # raw streams in redaction tests
  command -v soffice >/dev/null 2>&1 || need+=(libreoffice-writer-nogui)  # .docx/.odt intake, PDF letters
  if [ ${#need[@]} -gt 0 ]; then
    if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
      echo "== installing Debian packages: ${need[*]}"
      export DEBIAN_FRONTEND=noninteractive
      apt-get update -qq
      apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
    else
      echo "== missing Debian packages (install them, or run as root): ${need[*]}" >&2
    fi
  fi
}

services_start() {
  local bindir
  bindir=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
  local pgdata="$ci_tmp/pg"
  mkdir -p "$pgdata"
  local runas=()
  if [ "$(id -u)" = "0" ]; then
    chown postgres:postgres "$ci_tmp" "$pgdata"
    runas=(runuser -u postgres --)
  fi
  "${runas[@]}" "$bindir/initdb" -D "$pgdata" -A trust -U wobdesk -E UTF8 --locale=C.UTF-8 >/dev/null
  "${runas[@]}" "$bindir/pg_ctl" -D "$pgdata" -l "$ci_tmp/pg.log" -w \
    -o "-p $ci_pg_port -k $ci_tmp -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" start >/dev/null
  "$bindir/createdb" -h 127.0.0.1 -p "$ci_pg_port" -U wobdesk wobdesk
  export DATABASE_URL="postgres://wobdesk@127.0.0.1:$ci_pg_port/wobdesk"
  ci_pg_stop=("${runas[@]}" "$bindir/pg_ctl" -D "$pgdata" -m fast stop)

  redis-server --port "$ci_redis_port" --bind 127.0.0.1 --save '' --appendonly no \
    --daemonize yes --pidfile "$ci_tmp/redis.pid" --logfile "$ci_tmp/redis.log"
  for _ in $(seq 1 50); do
    redis-cli -p "$ci_redis_port" ping >/dev/null 2>&1 && break
    sleep 0.1
  done
  export WOBDESK_TEST_REDIS_URL="redis://127.0.0.1:$ci_redis_port/0"
  echo "== PostgreSQL on 127.0.0.1:$ci_pg_port, Redis on 127.0.0.1:$ci_redis_port"
}

services_stop() {
  [ -n "${ci_pg_stop:-}" ] && "${ci_pg_stop[@]}" >/dev/null 2>&1 || true
  [ -f "$ci_tmp/redis.pid" ] && kill "$(cat "$ci_tmp/redis.pid")" 2>/dev/null || true
  rm -rf "$ci_tmp"
}
