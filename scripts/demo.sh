#!/usr/bin/env bash
# The dashboard on the embedded database with demo data: nothing to install by hand. Keeps its data and
# its generated AUTH_SECRET in .data/ (git-ignored), so a second run starts where the first left off.
set -Eeuo pipefail
cd "$(dirname "$0")/.."

mkdir -p .data
if [ -z "${AUTH_SECRET:-}" ]; then
  [ -s .data/auth-secret ] || node -e 'process.stdout.write(require("crypto").randomBytes(32).toString("base64url"))' > .data/auth-secret
  AUTH_SECRET=$(cat .data/auth-secret)
fi
if [ -z "${SECRETS_ENCRYPTION_KEYS:-}" ]; then
  [ -s .data/secrets-key ] || node -e 'process.stdout.write("1:" + require("crypto").randomBytes(32).toString("base64"))' > .data/secrets-key
  SECRETS_ENCRYPTION_KEYS=$(cat .data/secrets-key)
fi
export AUTH_SECRET SECRETS_ENCRYPTION_KEYS AUTH_TRUST_HOST="${AUTH_TRUST_HOST:-true}"
port="${PORT:-3000}"
# The demo credits test money on purpose, and its email links point at this machine.
export ALLOW_DEMO_PAYMENTS="${ALLOW_DEMO_PAYMENTS:-true}" APP_URL="${APP_URL:-http://localhost:$port}"

# An absolute folder: the standalone server changes directory into .next/standalone before it opens it.
export DATABASE_URL="${DATABASE_URL:-pglite:$PWD/.data/pglite}"

npm run --silent db:generate >/dev/null
# PGlite lets one process open its folder at a time: migrate and seed before the server starts.
npm run --silent db:migrate
# As production builds: next build, then the static files into the standalone server's folder.
npm run --silent build
echo
npm run --silent db:seed
npm run --silent operator -- grant ops@example.com
echo "Workspaces dashboard: http://localhost:$port  (sign in with a demo account above; Ctrl-C stops it)"
# The standalone server listens on PORT and HOSTNAME (every interface, as `next start` did).
PORT="$port" HOSTNAME=0.0.0.0 exec npm start --silent
