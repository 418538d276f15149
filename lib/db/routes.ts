import { z } from "zod";
import { publicRoute } from "@/lib/authz/route";
import { takeQueryCount, takeQueryLog } from "@/lib/db/client";

/**
 * The benchmark's probe: database round trips (and their SQL) since the last reset, and the process's memory split
 * (V8 heap, buffers, the rest), to tell what grows. Answers 404 unless the server runs with
 * BENCH_COUNT_QUERIES=1.
 */
export const benchQueryCountRoute = publicRoute(
  { name: "bench.queryCount", input: z.object({ reset: z.string().optional() }) },
  async (_ctx, input) => {
    const count = takeQueryCount(input.reset !== undefined);
    if (count === null) return Response.json({ error: "Not found" }, { status: 404 });
    const queries = takeQueryLog(input.reset !== undefined);
    const mb = (bytes: number) => Math.round(bytes / 1048576);
    const memory = process.memoryUsage();
    return Response.json(
      {
        count,
        queries,
        memoryMb: { rss: mb(memory.rss), heapTotal: mb(memory.heapTotal), heapUsed: mb(memory.heapUsed), external: mb(memory.external), arrayBuffers: mb(memory.arrayBuffers) },
      },
      { headers: { "cache-control": "no-store" } },
    );
  },
);
