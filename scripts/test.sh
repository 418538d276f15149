#!/usr/bin/env bash
# The whole test suite, with its own set-up: Debian's chromium and postgresql when missing, a throwaway
# PostgreSQL server (unless DATABASE_URL names one), type check, unit + integration tests (the
# schema-vs-migrations check among them), a production build and the browser tests. Everything it starts, it stops.
set -Eeuo pipefail
cd "$(dirname "$0")/.."

log() { printf '\n\033[1m== %s\033[0m\n' "$*"; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else return 1; fi; }

pg_bin_dir() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }

missing=()
[ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ] || missing+=(chromium)
if [ -z "${DATABASE_URL:-}" ] && [ -z "$(pg_bin_dir)" ]; then missing+=(postgresql); fi
if [ ${#missing[@]} -gt 0 ]; then
  log "Installing Debian packages: ${missing[*]}"
  as_root apt-get update -qq || { echo "Cannot install ${missing[*]}: run as root or with sudo." >&2; exit 1; }
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
export CHROMIUM_PATH="${CHROMIUM_PATH:-/usr/bin/chromium}"

workdir=$(mktemp -d /tmp/workspaces-test.XXXXXX)
pg_started=""
cleanup() {
  local status=$?
  if [ -n "$pg_started" ]; then
    run_pg "$(pg_bin_dir)/pg_ctl" -D "$workdir/pgdata" -m fast -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$workdir"
  exit $status
}
trap cleanup EXIT INT TERM

# PostgreSQL refuses to run as root, so as root the throwaway server runs as the postgres user.
run_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

if [ -n "${DATABASE_URL:-}" ]; then
  export TEST_DATABASE_URL="$DATABASE_URL"
  log "Using the PostgreSQL server in DATABASE_URL"
else
  log "Starting a throwaway PostgreSQL server"
  bin=$(pg_bin_dir)
  port=$(node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
  [ "$(id -u)" = 0 ] && chown postgres "$workdir"
  run_pg "$bin/initdb" -D "$workdir/pgdata" -U postgres -A trust -E UTF8 --no-locale >/dev/null
  run_pg "$bin/pg_ctl" -D "$workdir/pgdata" -l "$workdir/postgres.log" -w \
    -o "-p $port -k $workdir -c listen_addresses=127.0.0.1 -c max_connections=200 -c fsync=off" start >/dev/null
  pg_started=1
  export TEST_DATABASE_URL="postgresql://postgres@127.0.0.1:$port/postgres"
fi
unset DATABASE_URL
export SECRETS_ENCRYPTION_KEYS="1:$(node -e 'console.log(require("crypto").randomBytes(32).toString("base64"))')"

log "Generating the Prisma client"
npm run --silent db:generate >/dev/null

log "Type check"
npx tsc --noEmit

log "Unit and integration tests (Vitest)"
npx vitest run --reporter=default --reporter=json --outputFile.json="$workdir/vitest.json"

log "Production build"
export AUTH_SECRET="test-secret-$(node -e 'console.log(require("crypto").randomBytes(16).toString("hex"))')"
export AUTH_TRUST_HOST=true
npx next build

log "Browser tests (Playwright, Debian Chromium, production build)"
PLAYWRIGHT_JSON_OUTPUT_NAME="$workdir/playwright.json" npx playwright test --reporter=list,json

node scripts/test-summary.mjs "$workdir/vitest.json" "$workdir/playwright.json"
