import { createServer, type Server } from "node:http";
import { randomBytes } from "node:crypto";

/** A stand-in for Stripe's API on loopback: enough of Checkout Sessions for the SDK to talk to. */
export async function startStripeFake(): Promise<{ url: string; server: Server; sessions: Record<string, string>[] }> {
  const sessions: Record<string, string>[] = [];
  const server = createServer((req, res) => {
    let body = "";
    req.on("data", (c: Buffer) => (body += c.toString("utf8")));
    req.on("end", () => {
      res.setHeader("content-type", "application/json");
      if (req.method === "POST" && req.url === "/v1/checkout/sessions") {
        const form = Object.fromEntries(new URLSearchParams(body));
        const id = `cs_test_${randomBytes(8).toString("hex")}`;
        sessions.push({ id, ...form });
        res.end(JSON.stringify({ id, object: "checkout.session", url: `https://checkout.stripe.test/pay/${id}`, metadata: {} }));
        return;
      }
      res.statusCode = 404;
      res.end(JSON.stringify({ error: { message: `No fake for ${req.method} ${req.url}`, type: "invalid_request_error" } }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return { url: `http://127.0.0.1:${port}`, server, sessions };
}
