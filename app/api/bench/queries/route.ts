import { publicRoute } from "@/lib/authz/route";
import { takeQueryCount } from "@/lib/db/client";

/** The benchmark's round-trip counter; answers 404 unless the server runs with BENCH_COUNT_QUERIES=1. */
export const GET = publicRoute({ name: "bench.queryCount" }, async (request) => {
  const count = takeQueryCount(new URL(request.url).searchParams.has("reset"));
  if (count === null) return Response.json({ error: "Not found" }, { status: 404 });
  return Response.json({ count }, { headers: { "cache-control": "no-store" } });
});
