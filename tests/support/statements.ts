import { expect } from "vitest";
import { takeQueryCount, takeQueryLog } from "@/lib/db/client";

/**
 * The statements `read` sends, counted the way the benchmark counts round trips (Prisma's query events;
 * the test file sets BENCH_COUNT_QUERIES=1 before the client is made), with what `read` returned.
 */
export async function statementsOf<T>(read: () => Promise<T>): Promise<{ result: T; statements: string[] }> {
  takeQueryCount(true);
  takeQueryLog(true);
  const result = await read();
  const statements = [...takeQueryLog(true)];
  expect(takeQueryCount(true)).toBe(statements.length);
  return { result, statements };
}
