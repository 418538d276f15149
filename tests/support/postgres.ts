/** The server the tests may create databases on: TEST_DATABASE_URL (set by scripts/test.sh) or DATABASE_URL. */
export function adminUrl(): string {
  const url = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
  if (!url || !/^postgres(ql)?:\/\//.test(url)) {
    throw new Error(
      "Integration tests need a PostgreSQL server: run them with `npm test`, which starts one, " +
        "or set TEST_DATABASE_URL=postgresql://user@host:port/postgres.",
    );
  }
  return url;
}

export function databaseUrl(database: string): string {
  const url = new URL(adminUrl());
  url.pathname = `/${database}`;
  return url.toString();
}
