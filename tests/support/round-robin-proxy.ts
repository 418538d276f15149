import http from "node:http";
import type { AddressInfo } from "node:net";

export interface Upstream {
  /** Short name, sent back in `x-served-by` ("a", "b"). */
  name: string;
  /** http://host:port of the app instance. */
  url: string;
}

export interface ServedRequest {
  method: string;
  path: string;
  upstream: string;
  /** The upstream's status, or 502 when it could not be reached. */
  status: number;
}

export interface RoundRobinProxy {
  url: string;
  /** Requests handed to each upstream so far, by name. */
  counts: Record<string, number>;
  /** Every request, in the order they arrived. */
  served: ServedRequest[];
  close(): Promise<void>;
}

/** A request carrying this header with an upstream's name goes to that upstream (the header is not forwarded). */
export const UPSTREAM_OVERRIDE_HEADER = "x-upstream";

// Hop-by-hop headers (RFC 9110 §7.6.1) describe one connection and are never forwarded.
const HOP_BY_HOP = new Set(["connection", "keep-alive", "proxy-connection", "proxy-authenticate", "proxy-authorization", "te", "trailer", "transfer-encoding", "upgrade"]);

function forwardable(headers: http.IncomingHttpHeaders): http.OutgoingHttpHeaders {
  const named = String(headers.connection ?? "")
    .split(",")
    .map((h) => h.trim().toLowerCase())
    .filter(Boolean);
  const out: http.OutgoingHttpHeaders = {};
  for (const [key, value] of Object.entries(headers)) {
    if (value === undefined || HOP_BY_HOP.has(key) || named.includes(key)) continue;
    out[key] = value;
  }
  return out;
}

/**
 * A reverse proxy on loopback that hands requests to its upstreams in turn, as a load balancer in front
 * of several app instances would: method, path, headers and body forwarded (the Host header kept, the
 * client's address appended to X-Forwarded-For, X-Forwarded-Proto and -Host set), the answer streamed
 * back with `x-served-by: <upstream>`. Requests and their upstreams are counted for the tests to read.
 */
export async function startRoundRobinProxy(upstreams: Upstream[], port = 0): Promise<RoundRobinProxy> {
  if (upstreams.length === 0) throw new Error("A proxy needs at least one upstream");
  const counts: Record<string, number> = Object.fromEntries(upstreams.map((u) => [u.name, 0]));
  const served: ServedRequest[] = [];
  // Kept-alive connections to each upstream, as nginx's upstream keepalive would.
  const agents = new Map(upstreams.map((u) => [u.name, new http.Agent({ keepAlive: true, maxSockets: 64 })]));
  let next = 0;

  const server = http.createServer((req, res) => {
    const forced = req.headers[UPSTREAM_OVERRIDE_HEADER];
    const upstream = upstreams.find((u) => u.name === forced) ?? upstreams[next++ % upstreams.length]!;
    counts[upstream.name] = (counts[upstream.name] ?? 0) + 1;
    const record: ServedRequest = { method: req.method ?? "GET", path: req.url ?? "/", upstream: upstream.name, status: 0 };
    served.push(record);

    const headers = forwardable(req.headers);
    delete headers[UPSTREAM_OVERRIDE_HEADER];
    const peer = req.socket.remoteAddress ?? "unknown";
    const chain = req.headers["x-forwarded-for"];
    headers["x-forwarded-for"] = chain ? `${Array.isArray(chain) ? chain.join(", ") : chain}, ${peer}` : peer;
    headers["x-forwarded-proto"] = "http";
    if (req.headers.host) headers["x-forwarded-host"] = req.headers.host;

    const target = new URL(upstream.url);
    const outgoing = http.request(
      { host: target.hostname, port: target.port, method: req.method, path: req.url, headers, agent: agents.get(upstream.name) },
      (answer) => {
        record.status = answer.statusCode ?? 0;
        res.writeHead(answer.statusCode ?? 502, answer.statusMessage, { ...forwardable(answer.headers), "x-served-by": upstream.name });
        answer.pipe(res);
        answer.on("error", () => res.destroy());
      },
    );
    outgoing.on("error", (error) => {
      if (res.headersSent) return void res.destroy();
      record.status = 502;
      res.writeHead(502, { "content-type": "text/plain; charset=utf-8", "x-served-by": upstream.name });
      res.end(`Bad gateway: upstream ${upstream.name} (${error.message})`);
    });
    // The client went away: stop talking to the upstream too.
    res.on("close", () => {
      if (!res.writableFinished) outgoing.destroy();
    });
    req.pipe(outgoing);
  });

  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const { port: actual } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${actual}`,
    counts,
    served,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      for (const agent of agents.values()) agent.destroy();
    },
  };
}
