import { createServer, type Server } from "node:http";
import { randomUUID } from "node:crypto";

export interface CapturedEmail {
  id: string;
  from: string;
  to: string[];
  subject: string;
  text: string;
  html: string;
  authorization: string | null;
  /** The Idempotency-Key the SDK sent (the outbox row's id), and the message's own reference header. */
  idempotencyKey: string | null;
  entityRef: string | null;
}

/**
 * A stand-in for Resend's HTTP API on loopback: the real SDK, pointed here with RESEND_BASE_URL,
 * sends to it and tests read what a person would have received. A recipient containing "bounce"
 * is rejected the way Resend rejects a request, to exercise the failure path.
 */
export async function startMailCapture(port = 0): Promise<{ url: string; server: Server; emails: CapturedEmail[] }> {
  const emails: CapturedEmail[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const send = (status: number, body: unknown) => {
        res.writeHead(status, { "content-type": "application/json" });
        res.end(JSON.stringify(body));
      };
      if (req.method === "POST" && req.url === "/emails") {
        const body = JSON.parse(Buffer.concat(chunks).toString("utf8") || "{}");
        const to: string[] = Array.isArray(body.to) ? body.to : [body.to];
        if (to.some((address) => address.includes("bounce"))) {
          return send(422, { name: "validation_error", statusCode: 422, message: "The recipient address was rejected." });
        }
        const email = {
          id: randomUUID(),
          from: body.from,
          to,
          subject: body.subject,
          text: body.text ?? "",
          html: body.html ?? "",
          authorization: req.headers.authorization ?? null,
          idempotencyKey: (req.headers["idempotency-key"] as string | undefined) ?? null,
          entityRef: (body.headers?.["X-Entity-Ref-ID"] as string | undefined) ?? null,
        };
        emails.push(email);
        return send(200, { id: email.id });
      }
      if (req.method === "GET" && req.url?.startsWith("/emails")) {
        const to = new URL(req.url, "http://x").searchParams.get("to");
        return send(200, to ? emails.filter((e) => e.to.includes(to)) : emails);
      }
      send(404, { name: "not_found", message: "Unknown path" });
    });
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const address = server.address();
  const actualPort = typeof address === "object" && address ? address.port : port;
  return { url: `http://127.0.0.1:${actualPort}`, server, emails };
}

export function linkIn(email: CapturedEmail): string {
  const match = email.text.match(/https?:\/\/\S+\/invite\/[A-Za-z0-9_-]+/);
  if (!match) throw new Error(`No invitation link in: ${email.text}`);
  return match[0];
}
