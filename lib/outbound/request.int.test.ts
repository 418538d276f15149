import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { runInTransactionScope } from "@/lib/db/transaction-scope";
import { OutboundError, outboundRequest, pinnedLookup, type Resolver } from "./request";

/** A real listener that counts every TCP connection made to it, whatever follows. */
interface Listener {
  server: Server;
  port: number;
  connections: number;
  requests: string[];
}

async function listen(host: string, port: number, handler?: (req: IncomingMessage, res: ServerResponse, self: Listener) => void): Promise<Listener> {
  const self: Listener = { server: createServer(), port: 0, connections: 0, requests: [] };
  self.server.on("connection", () => self.connections++);
  self.server.on("request", (req: IncomingMessage, res: ServerResponse) => {
    self.requests.push(`${req.method} ${req.url}`);
    if (handler) handler(req, res, self);
    else res.end("you should not be here");
  });
  await new Promise<void>((resolve, reject) => {
    self.server.once("error", reject);
    self.server.listen(port, host, resolve);
  });
  const address = self.server.address();
  self.port = typeof address === "object" && address ? address.port : port;
  return self;
}

async function close(listener: Listener | null) {
  if (!listener) return;
  listener.server.closeAllConnections();
  await new Promise((resolve) => listener.server.close(resolve));
}

// The trap stands for anything inside: it must never see a connection. It listens on 127.0.0.1 and,
// where the machine has IPv6, on ::1 at the same port, so an IPv6 spelling that got through would land.
let trap: Listener;
let trap6: Listener | null = null;
// A local service an operator allowed (OUTBOUND_ALLOWED_HOSTS), to test what happens with a response.
let local: Listener;
const trapConnections = () => trap.connections + (trap6?.connections ?? 0);

beforeAll(async () => {
  trap = await listen("127.0.0.1", 0);
  trap6 = await listen("::1", trap.port).catch(() => null);
  local = await listen("127.0.0.1", 0, (req, res) => {
    let body = "";
    req.on("data", (chunk: Buffer) => (body += chunk.toString("utf8")));
    req.on("end", () => {
      switch (req.url) {
        case "/redirect":
          res.writeHead(302, { location: `http://127.0.0.1:${trap.port}/stolen` }).end();
          return;
        case "/hang":
          return; // never answers
        case "/drip": {
          res.writeHead(200, { "content-type": "text/plain" });
          const timer = setInterval(() => res.write("x"), 50);
          res.on("close", () => clearInterval(timer));
          return;
        }
        case "/big": {
          res.writeHead(200, { "content-type": "application/octet-stream" });
          const chunk = Buffer.alloc(16 * 1024, 120);
          let sent = 0;
          const more = () => {
            while (sent < 2 * 1024 * 1024 && !res.destroyed) {
              sent += chunk.length;
              if (!res.write(chunk)) return void res.once("drain", more);
            }
            res.end();
          };
          more();
          return;
        }
        case "/declared":
          res.writeHead(200, { "content-length": String(10 * 1024 * 1024) });
          res.write("only a little");
          return;
        default:
          res.writeHead(200, { "content-type": "application/json" });
          res.end(JSON.stringify({ method: req.method, url: req.url, headers: req.headers, body }));
      }
    });
  });
});

afterAll(async () => {
  await Promise.all([close(trap), close(trap6), close(local)]);
});

beforeEach(() => {
  process.env.OUTBOUND_ALLOWED_HOSTS = `127.0.0.1:${local.port}`;
});
afterEach(() => {
  delete process.env.OUTBOUND_ALLOWED_HOSTS;
});

async function refusal(promise: Promise<unknown>): Promise<OutboundError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(OutboundError);
  return error as OutboundError;
}

const HINT = "only public addresses are allowed. An operator can allow it with OUTBOUND_ALLOWED_HOSTS.";

describe("outbound calls refuse every way around the address check, and the loopback listener hears nothing", () => {
  it.each([
    // host, what the refusal calls it
    ["localhost", /^localhost resolves to (127\.0\.0\.1|::1), a loopback address; /],
    ["[::1]", /^::1 is a loopback address; /],
    ["[::ffff:127.0.0.1]", /^::ffff:7f00:1 \(127\.0\.0\.1\) is a loopback address; /],
    ["[::ffff:7f00:1]", /^::ffff:7f00:1 \(127\.0\.0\.1\) is a loopback address; /],
    ["[0:0:0:0:0:ffff:127.0.0.1]", /^::ffff:7f00:1 \(127\.0\.0\.1\) is a loopback address; /],
    ["[::ffff:a9fe:a9fe]", /^::ffff:a9fe:a9fe \(169\.254\.169\.254\) is a link-local address; /],
    ["[::127.0.0.1]", /^::7f00:1 is an IPv4-compatible IPv6 address; /],
    ["[64:ff9b::7f00:1]", /^64:ff9b::7f00:1 is a NAT64 address; /],
    ["[2002:7f00:1::]", /^2002:7f00:1:: is a 6to4 address; /],
    ["[fe80::1]", /^fe80::1 is a link-local address; /],
    ["[fc00::1]", /^fc00::1 is a unique-local address; /],
    ["2130706433", /^127\.0\.0\.1 is a loopback address; /],
    ["0177.0.0.1", /^127\.0\.0\.1 is a loopback address; /],
    ["0x7f.1", /^127\.0\.0\.1 is a loopback address; /],
    ["0x7f000001", /^127\.0\.0\.1 is a loopback address; /],
    ["127.1", /^127\.0\.0\.1 is a loopback address; /],
    ["169.254.169.254", /^169\.254\.169\.254 is a link-local address; /],
    ["100.64.0.1", /^100\.64\.0\.1 is a carrier-grade NAT address; /],
    ["0.0.0.0", /^0\.0\.0\.0 is an unspecified address; /],
    ["10.0.0.1", /^10\.0\.0\.1 is a private address; /],
  ])("https://%s", async (host, reason) => {
    const before = trapConnections();
    const error = await refusal(outboundRequest(`https://${host}:${trap.port}/x`));
    expect(error.failure).toBe("refused");
    expect(error.message).toMatch(reason);
    expect(error.message.endsWith(HINT)).toBe(true);
    expect(error.address).toBeNull();
    expect(trapConnections()).toBe(before);
  });

  it("refuses plain http unless the host and port are listed, however the listed address is spelled", async () => {
    for (const url of [
      `http://127.0.0.1:${trap.port}/`, // listed host, another port
      `http://localhost:${local.port}/`, // the listed port, another host name for it
      `http://[::ffff:127.0.0.1]:${local.port}/`,
      `http://2130706433:${trap.port}/`,
    ]) {
      const error = await refusal(outboundRequest(url));
      expect(error, url).toMatchObject({ failure: "refused", message: "Use an https:// URL; plain http is only for hosts an operator lists in OUTBOUND_ALLOWED_HOSTS." });
    }
    delete process.env.OUTBOUND_ALLOWED_HOSTS;
    expect(await refusal(outboundRequest(`http://127.0.0.1:${local.port}/`))).toMatchObject({ failure: "refused" });
    expect(trap.requests).toEqual([]);
    expect(local.requests).toEqual([]);
    expect(trapConnections()).toBe(0);
  });

  it("refuses a name when any address it resolves to is not public", async () => {
    const resolveTo = (...addresses: string[]): Resolver => async () => addresses.map((address) => ({ address, family: address.includes(":") ? 6 : 4 }));
    const cases: [string[], RegExp][] = [
      [["127.0.0.1"], /^hooks\.example resolves to 127\.0\.0\.1, a loopback address; /],
      [["8.8.8.8", "127.0.0.1"], /^hooks\.example resolves to 127\.0\.0\.1, a loopback address; /],
      [["::ffff:a9fe:a9fe"], /^hooks\.example resolves to ::ffff:a9fe:a9fe \(169\.254\.169\.254\), a link-local address; /],
      [["64:ff9b::a9fe:a9fe"], /^hooks\.example resolves to 64:ff9b::a9fe:a9fe, a NAT64 address; /],
    ];
    for (const [addresses, reason] of cases) {
      const error = await refusal(outboundRequest(`https://hooks.example:${trap.port}/`, { resolve: resolveTo(...addresses) }));
      expect(error.failure).toBe("refused");
      expect(error.message).toMatch(reason);
    }
    expect(trapConnections()).toBe(0);
  });

  it("does not follow a redirect to a private address: the 3xx comes back as it is", async () => {
    const response = await outboundRequest(`http://127.0.0.1:${local.port}/redirect`);
    expect(response).toMatchObject({ status: 302, ok: false, address: "127.0.0.1", headers: { location: `http://127.0.0.1:${trap.port}/stolen` } });
    expect(trap.requests).toEqual([]);
    expect(trapConnections()).toBe(0);
  });

  it("connects to the address that was checked, so a DNS answer that changes afterwards (rebinding) goes nowhere", async () => {
    // Everything stays on this machine: the name is one an operator allowed, its first answer is the
    // listener that may be called, any later answer is a second listener on 127.0.0.2 at the same port.
    // A socket that looked the name up again would land there.
    const pinned = await listen("127.0.0.1", 0, (_req, res) => res.end("pinned"));
    const rebound = await listen("127.0.0.2", pinned.port);
    process.env.OUTBOUND_ALLOWED_HOSTS = `rebind.test:${pinned.port}`;
    try {
      let calls = 0;
      const rebinding: Resolver = async () => (calls++ === 0 ? [{ address: "127.0.0.1", family: 4 }] : [{ address: "127.0.0.2", family: 4 }]);
      const response = await outboundRequest(`http://rebind.test:${pinned.port}/`, { resolve: rebinding });
      expect(response).toMatchObject({ status: 200, address: "127.0.0.1" });
      expect(response.text()).toBe("pinned");
      expect(calls).toBe(1);
      expect(pinned.requests).toEqual(["GET /"]);
      expect(rebound.connections).toBe(0);
    } finally {
      delete process.env.OUTBOUND_ALLOWED_HOSTS;
      await close(pinned);
      await close(rebound);
    }
  });

  it("answers the socket's lookup with the pinned address, in both shapes Node asks for", () => {
    const lookup = pinnedLookup({ address: "192.0.2.14", family: 4 }) as unknown as (host: string, options: object, cb: (...args: unknown[]) => void) => void;
    const single: unknown[] = [];
    lookup("anything.example", {}, (...args) => single.push(...args));
    expect(single).toEqual([null, "192.0.2.14", 4]);
    const all: unknown[] = [];
    lookup("anything.example", { all: true }, (...args) => all.push(...args));
    expect(all).toEqual([null, [{ address: "192.0.2.14", family: 4 }]]);
  });

  it("never runs inside a database transaction", async () => {
    const before = local.requests.length;
    await expect(runInTransactionScope(() => outboundRequest(`http://127.0.0.1:${local.port}/echo`))).rejects.toThrow(
      "An outbound call inside a database transaction",
    );
    expect(local.requests.length).toBe(before);
  });
});

describe("outbound calls to an allowed host", () => {
  it("send the method, headers and body, with the host name as Host", async () => {
    const response = await outboundRequest(`http://127.0.0.1:${local.port}/echo?x=1`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-test": "yes" },
      body: JSON.stringify({ hello: "wörld" }),
    });
    expect(response).toMatchObject({ status: 200, ok: true, address: "127.0.0.1" });
    expect(response.json()).toMatchObject({
      method: "POST",
      url: "/echo?x=1",
      body: '{"hello":"wörld"}',
      headers: { host: `127.0.0.1:${local.port}`, "x-test": "yes", "content-length": String(Buffer.byteLength('{"hello":"wörld"}')), "user-agent": "workspaces-outbound/1" },
    });
  });

  it("give up at the deadline, whether the headers or the body are slow", async () => {
    for (const path of ["/hang", "/drip"]) {
      const started = Date.now();
      const error = await refusal(outboundRequest(`http://127.0.0.1:${local.port}${path}`, { timeoutMs: 300 }));
      expect(error, path).toMatchObject({ failure: "timeout", message: "No complete answer within 0.3 s", address: "127.0.0.1" });
      expect(Date.now() - started).toBeLessThan(2000);
    }
    // Without reading the body, a dripping answer settles on its headers.
    expect(await outboundRequest(`http://127.0.0.1:${local.port}/drip`, { timeoutMs: 300, readBody: false })).toMatchObject({ status: 200, body: Buffer.alloc(0) });
  });

  it("abort an answer larger than the cap, streamed or declared", async () => {
    const big = await refusal(outboundRequest(`http://127.0.0.1:${local.port}/big`, { maxBodyBytes: 64 * 1024 }));
    expect(big).toMatchObject({ failure: "too_large", message: "The answer was larger than 64 KB" });
    const started = Date.now();
    const declared = await refusal(outboundRequest(`http://127.0.0.1:${local.port}/declared`, { maxBodyBytes: 1024 * 1024 }));
    expect(declared).toMatchObject({ failure: "too_large", message: "The answer was larger than 1 MB" });
    expect(Date.now() - started).toBeLessThan(1000);
    const fits = await outboundRequest(`http://127.0.0.1:${local.port}/big`, { maxBodyBytes: 4 * 1024 * 1024 });
    expect(fits.body.length).toBe(2 * 1024 * 1024);
  });

  it("report a refused connection as a network failure naming the address", async () => {
    const closed = await listen("127.0.0.1", 0);
    const port = closed.port;
    await close(closed);
    process.env.OUTBOUND_ALLOWED_HOSTS = `127.0.0.1:${port}`;
    const error = await refusal(outboundRequest(`http://127.0.0.1:${port}/`));
    expect(error).toMatchObject({ failure: "network", address: "127.0.0.1", message: `Connecting to 127.0.0.1 failed: ECONNREFUSED` });
  });
});
