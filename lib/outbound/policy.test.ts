import { afterEach, describe, expect, it, vi } from "vitest";
import { checkUrl, outboundUrlProblem, plainHttpAllowedSomewhere } from "./policy";

afterEach(() => {
  delete process.env.OUTBOUND_ALLOWED_HOSTS;
  vi.restoreAllMocks();
});

const HINT = "only public addresses are allowed. An operator can allow it with OUTBOUND_ALLOWED_HOSTS.";

describe("outbound URL policy", () => {
  it("wants a full https URL without credentials", () => {
    expect(outboundUrlProblem("https://hooks.example.com/x")).toBeNull();
    expect(outboundUrlProblem("http://hooks.example.com/x")).toBe("Use an https:// URL; plain http is only for hosts an operator lists in OUTBOUND_ALLOWED_HOSTS.");
    expect(outboundUrlProblem("ftp://hooks.example.com/x")).toBe("Use an https:// URL");
    expect(outboundUrlProblem("https://user:pw@hooks.example.com/x")).toBe("Leave credentials out of the URL");
    expect(outboundUrlProblem("not a url")).toMatch(/full URL/);
  });

  it("refuses an IP-literal host that is not public, in every spelling the URL parser accepts", () => {
    expect(outboundUrlProblem("https://127.0.0.1/")).toBe(`127.0.0.1 is a loopback address; ${HINT}`);
    expect(outboundUrlProblem("https://[::ffff:169.254.169.254]/latest/meta-data")).toBe(
      `::ffff:a9fe:a9fe (169.254.169.254) is a link-local address; ${HINT}`,
    );
    expect(outboundUrlProblem("https://[::127.0.0.1]/")).toBe(`::7f00:1 is an IPv4-compatible IPv6 address; ${HINT}`);
    for (const [raw, what] of [
      ["https://2130706433/", "a loopback address"],
      ["https://0177.0.0.1/", "a loopback address"],
      ["https://0x7f.1/", "a loopback address"],
      ["https://127.1/", "a loopback address"],
      ["https://[::1]/", "a loopback address"],
      ["https://[::ffff:127.0.0.1]/", "a loopback address"],
      ["https://[::ffff:7f00:1]/", "a loopback address"],
      ["https://[0:0:0:0:0:ffff:127.0.0.1]/", "a loopback address"],
      ["https://[64:ff9b::7f00:1]/", "a NAT64 address"],
      ["https://[2002:7f00:1::]/", "a 6to4 address"],
      ["https://[fe80::1]/", "a link-local address"],
      ["https://[fc00::1]/", "a unique-local address"],
      ["https://169.254.169.254/", "a link-local address"],
      ["https://100.64.0.1/", "a carrier-grade NAT address"],
      ["https://0.0.0.0/", "an unspecified address"],
      ["https://0/", "an unspecified address"],
    ] as const) {
      expect(outboundUrlProblem(raw), raw).toContain(`is ${what}; ${HINT}`);
    }
    expect(outboundUrlProblem("https://8.8.8.8/")).toBeNull();
    expect(outboundUrlProblem("https://[2606:4700::1111]/")).toBeNull();
  });

  it("leaves a host name to be judged by what it resolves to when called", () => {
    expect(checkUrl("https://localhost:8443/x")).toMatchObject({ ok: true, hostname: "localhost", allowedHost: false });
  });

  it("allows plain http and private addresses for the hosts an operator lists, port by port", () => {
    expect(plainHttpAllowedSomewhere()).toBe(false);
    process.env.OUTBOUND_ALLOWED_HOSTS = " localhost:11434, Ollama.Internal ,[::1]:8080,127.0.0.1:3102 ";
    expect(plainHttpAllowedSomewhere()).toBe(true);
    expect(outboundUrlProblem("http://localhost:11434/api/tags")).toBeNull();
    expect(outboundUrlProblem("http://localhost:11435/api/tags")).toMatch(/^Use an https:\/\/ URL/);
    expect(outboundUrlProblem("http://ollama.internal/")).toBeNull();
    expect(outboundUrlProblem("http://OLLAMA.INTERNAL:9999/")).toBeNull();
    expect(outboundUrlProblem("http://[::1]:8080/")).toBeNull();
    expect(outboundUrlProblem("http://127.0.0.1:3102/hook")).toBeNull();
    expect(checkUrl("http://127.0.0.1:3102/hook")).toMatchObject({ ok: true, allowedHost: true });
    // Another spelling of an allowed address is another host: the list names hosts, not addresses.
    expect(outboundUrlProblem("http://127.0.0.1:11434/")).toMatch(/^Use an https:\/\/ URL/);
    expect(outboundUrlProblem("https://127.0.0.1:11434/")).toBe(`127.0.0.1 is a loopback address; ${HINT}`);
    // A default port counts as that port.
    process.env.OUTBOUND_ALLOWED_HOSTS = "hooks.internal:443";
    expect(outboundUrlProblem("https://hooks.internal/")).toBeNull();
    expect(outboundUrlProblem("http://hooks.internal/")).toMatch(/^Use an https:\/\/ URL/);
  });

  it("ignores, and warns about, an entry that is not host or host:port", () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    process.env.OUTBOUND_ALLOWED_HOSTS = "http://x.internal/,ok.internal,bad host:1,also:99999";
    expect(outboundUrlProblem("http://ok.internal/")).toBeNull();
    expect(outboundUrlProblem("http://x.internal/")).not.toBeNull();
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('"http://x.internal/", "bad host:1", "also:99999"'));
  });
});
