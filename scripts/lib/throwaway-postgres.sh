# Sourced by test.sh and bench.sh: installs Debian packages when missing and runs a throwaway
# PostgreSQL server in a temporary folder, stopped by the caller's EXIT trap (stop_throwaway_postgres).

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else return 1; fi; }
pg_bin_dir() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }
# PostgreSQL refuses to run as root, so as root the throwaway server runs as the postgres user.
run_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

install_missing_packages() {
  local missing=()
  for pkg in "$@"; do
    case "$pkg" in
      chromium) [ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ] || missing+=(chromium) ;;
      postgresql) [ -n "${DATABASE_URL:-}" ] || [ -n "$(pg_bin_dir)" ] || missing+=(postgresql) ;;
    esac
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "Installing Debian packages: ${missing[*]}"
  as_root apt-get update -qq || { echo "Cannot install ${missing[*]}: run as root or with sudo." >&2; return 1; }
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

PG_WORKDIR=""
# Sets PG_ADMIN_URL: DATABASE_URL when given, else a fresh server on a free loopback port.
start_throwaway_postgres() {
  if [ -n "${DATABASE_URL:-}" ]; then
    PG_ADMIN_URL="$DATABASE_URL"
    return 0
  fi
  local bin port
  bin=$(pg_bin_dir)
  PG_WORKDIR=$(mktemp -d /tmp/workspaces-pg.XXXXXX)
  port=$(node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
  [ "$(id -u)" = 0 ] && chown postgres "$PG_WORKDIR"
  run_pg "$bin/initdb" -D "$PG_WORKDIR/data" -U postgres -A trust -E UTF8 --no-locale >/dev/null
  run_pg "$bin/pg_ctl" -D "$PG_WORKDIR/data" -l "$PG_WORKDIR/postgres.log" -w \
    -o "-p $port -k $PG_WORKDIR -c listen_addresses=127.0.0.1 -c max_connections=200 -c fsync=off" start >/dev/null
  PG_ADMIN_URL="postgresql://postgres@127.0.0.1:$port/postgres"
}

stop_throwaway_postgres() {
  [ -n "$PG_WORKDIR" ] || return 0
  run_pg "$(pg_bin_dir)/pg_ctl" -D "$PG_WORKDIR/data" -m fast -w stop >/dev/null 2>&1 || true
  rm -rf "$PG_WORKDIR"
}
