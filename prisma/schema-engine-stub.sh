#!/bin/sh
# Stand-in for Prisma's Rust schema engine, which cannot be downloaded here (binaries.prisma.sh is
# unreachable). `prisma generate` only needs the binary to exist (and to answer --version), so that is
# all it does; every real engine command is refused with a pointer to the scripts that replace it.
MESSAGE="Prisma's Rust schema engine is not available here; use npm run db:migrate / db:diff, see README"
if [ "$1" = "--version" ]; then
  echo "schema-engine-cli 0.0.0-stub (no Rust engine; use npm run db:migrate / db:diff)"
  exit 0
fi
echo "$MESSAGE" >&2
# The Prisma CLI skips the first stderr line and reads the rest as the engine's JSON log, so repeat the
# message in that shape: `prisma migrate ...` then shows it instead of an empty "Schema engine error:".
printf '{"level":"ERROR","target":"schema_engine::logger","fields":{"message":"%s"}}\n' "$MESSAGE" >&2
exit 1
