// Runs in its own process, so the load generator does not share an event loop with the measuring script.
import autocannon from "autocannon";

const spec = JSON.parse(process.argv[2]!) as {
  url: string;
  connections: number;
  duration: number;
  headers: Record<string, string>;
  bodies?: string[];
  /** Mixed load (the soak): each connection sends these GETs in turn, over and over. */
  gets?: { path: string; headers: Record<string, string> }[];
};

const latencies: number[] = [];
const statuses: Record<string, number> = {};
const instance = autocannon(
  {
    url: spec.url,
    connections: spec.connections,
    duration: spec.duration,
    headers: spec.headers,
    // A server action alternates its bodies (a role back and forth) so every call really writes.
    ...(spec.bodies ? { requests: spec.bodies.map((body) => ({ method: "POST" as const, body })) } : {}),
    ...(spec.gets ? { requests: spec.gets.map(({ path, headers }) => ({ method: "GET" as const, path, headers })) } : {}),
  },
  (error, result) => {
    if (error) throw error;
    latencies.sort((a, b) => a - b);
    const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0;
    process.stdout.write(
      JSON.stringify({
        requestsPerSecond: result.requests.average,
        p50: at(0.5),
        p95: at(0.95),
        p99: at(0.99),
        errors: result.errors + result.non2xx + result.timeouts,
        total: result.requests.total,
        statuses,
      }),
    );
  },
);
// autocannon's summary has no p95; every response time is kept to compute it exactly.
instance.on("response", (_client: unknown, status: number, _bytes: number, responseTime: number) => {
  latencies.push(responseTime);
  statuses[status] = (statuses[status] ?? 0) + 1;
});
