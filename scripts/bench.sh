#!/usr/bin/env bash
# `npm run bench`: builds the production server and, for each database (a throwaway PostgreSQL unless
# DATABASE_URL names one, then the embedded PGlite) and each scale (small, then large), seeds a fresh
# database, serves it and drives authenticated load at it. Writes bench/results/<date>-….json and prints
# Markdown tables with each goal marked PASS or FAIL. `npm run bench:profile` profiles one page instead
# (bench/run.ts: BENCH_PROFILE). Knobs: BENCH_SCALES, BENCH_DATABASES, BENCH_DURATION, BENCH_TARGETS,
# BENCH_CONNECTIONS, BENCH_LABEL, BENCH_SKIP_BUILD, BENCH_SOAK_SECONDS.
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
