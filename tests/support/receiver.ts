import { createServer, type IncomingHttpHeaders, type Server } from "node:http";

export interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/**
 * A local HTTP receiver for alert webhooks and a fake AI provider: records every request; `failNext`
 * answers the next N with 500; `routes` can serve canned JSON (a model list, an auth error).
 */
export async function startReceiver(routes: Record<string, { status: number; body: unknown }> = {}, port = 0) {
  const received: Received[] = [];
  const state = { failNext: 0 };
  const server: Server = createServer((req, res) => {
    let body = "";
    req.on("data", (c: Buffer) => (body += c.toString("utf8")));
    req.on("end", () => {
      res.setHeader("content-type", "application/json");
      if (req.url === "/__received") {
        res.end(JSON.stringify(received));
        return;
      }
      received.push({ path: req.url ?? "/", headers: req.headers, body });
      if (state.failNext > 0) {
        state.failNext--;
        res.statusCode = 500;
        res.end(JSON.stringify({ error: "receiver is down" }));
        return;
      }
      const route = routes[req.url ?? "/"];
      res.statusCode = route?.status ?? 200;
      res.end(JSON.stringify(route?.body ?? { ok: true }));
    });
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const address = server.address();
  const actualPort = typeof address === "object" && address ? address.port : port;
  return { url: `http://127.0.0.1:${actualPort}`, server, received, state };
}
