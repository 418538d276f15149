#!/usr/bin/env bash
# The whole test suite, with its own set-up: Debian's chromium and postgresql when missing, a throwaway
# PostgreSQL server (unless DATABASE_URL names one), type check, unit + integration tests (the
# schema-vs-migrations check among them), a production build and the browser tests. Everything it
# starts, it stops.
set -Eeuo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/throwaway-postgres.sh

log() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

workdir=$(mktemp -d /tmp/workspaces-test.XXXXXX)
cleanup() {
  local status=$?
  stop_throwaway_postgres
  rm -rf "$workdir"
  exit $status
}
trap cleanup EXIT INT TERM

install_missing_packages chromium postgresql
export CHROMIUM_PATH="${CHROMIUM_PATH:-/usr/bin/chromium}"

log "PostgreSQL"
start_throwaway_postgres
export TEST_DATABASE_URL="$PG_ADMIN_URL"
unset DATABASE_URL
export SECRETS_ENCRYPTION_KEYS="1:$(node -e 'console.log(require("crypto").randomBytes(32).toString("base64"))')"

log "Generating the Prisma client"
npm run --silent db:generate >/dev/null

log "Type check"
# PageProps/LayoutProps are global types that Next writes into .next/types, absent from a fresh clone.
npx next typegen
npx tsc --noEmit

log "Unit and integration tests (Vitest)"
npx vitest run --reporter=default --reporter=json --outputFile.json="$workdir/vitest.json"

log "Production build"
export AUTH_SECRET="test-secret-$(node -e 'console.log(require("crypto").randomBytes(16).toString("hex"))')"
export AUTH_TRUST_HOST=true
# As production builds: next build, then the static files copied into the standalone server's folder.
npm run --silent build

log "Browser tests (Playwright, Debian Chromium, production build)"
PLAYWRIGHT_JSON_OUTPUT_NAME="$workdir/playwright.json" npx playwright test --reporter=list,json

node scripts/test-summary.mjs "$workdir/vitest.json" "$workdir/playwright.json"
