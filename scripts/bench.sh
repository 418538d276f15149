#!/usr/bin/env bash
# `npm run bench`: seeds a large workspace, builds and serves the production build, and drives
# authenticated load at it on PostgreSQL (a throwaway server unless DATABASE_URL names one) and on the
# embedded PGlite. Writes bench/results/<date>.json and prints a Markdown table.
set -Eeuo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/throwaway-postgres.sh
trap stop_throwaway_postgres EXIT INT TERM

install_missing_packages postgresql
start_throwaway_postgres
export BENCH_DATABASE_URL="$PG_ADMIN_URL"
unset DATABASE_URL
export AUTH_SECRET="${AUTH_SECRET:-bench-$(node -e 'console.log(require("crypto").randomBytes(16).toString("hex"))')}"
export SECRETS_ENCRYPTION_KEYS="${SECRETS_ENCRYPTION_KEYS:-1:$(node -e 'console.log(require("crypto").randomBytes(32).toString("base64"))')}"
npm run --silent db:generate >/dev/null
npx tsx --conditions=react-server bench/run.ts
