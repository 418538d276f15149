/**
 * Strings that have broken parsers, queries and timestamps before: NUL, numbers past bigint and
 * double, dates PostgreSQL cannot hold, impossible dates, injection-shaped text. The property tests
 * (lib/authz/bad-input.int.test.ts, e2e/bad-input.spec.ts) mix these into their arbitrary input.
 */
export const NASTY_STRINGS: readonly string[] = [
  "\0",
  "a\0b",
  "%00",
  "x".repeat(10_000),
  "99999999999999999999",
  "-99999999999999999999",
  "1e400",
  "-1",
  "0",
  "NaN",
  "Infinity",
  "0000-01-01",
  "275760-09-14",
  "294277-01-01",
  "2023-02-30",
  "9999-12-31",
  "1969-12-31T23:59:59Z_abc",
  "0000-01-01T00:00:00.000Z_abc",
  "'; DROP TABLE \"User\"; --",
  "\u202e\ufeff\u0007",
  "😀".repeat(200),
  "../..",
  "",
  "   ",
  "\\u0000",
];
