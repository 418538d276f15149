import { afterEach, describe, expect, it } from "vitest";
import { assertSendable, isPrivateAddress, urlProblem } from "./url-guard";

afterEach(() => {
  delete process.env.ALERTS_ALLOW_PRIVATE_TARGETS;
});

describe("alert URL guard", () => {
  it.each(["127.0.0.1", "10.1.2.3", "172.20.0.1", "192.168.1.1", "169.254.169.254", "100.64.0.1", "0.0.0.0", "::1", "fd00::1", "fe80::1", "::ffff:10.0.0.1"])(
    "treats %s as private",
    (ip) => expect(isPrivateAddress(ip)).toBe(true),
  );

  it.each(["8.8.8.8", "1.1.1.1", "172.32.0.1", "2606:4700::1111"])("treats %s as public", (ip) => expect(isPrivateAddress(ip)).toBe(false));

  it("wants https, without credentials, unless private targets are allowed", () => {
    expect(urlProblem("http://hooks.example.com/x")).toBe("Use an https:// URL");
    expect(urlProblem("https://user:pw@hooks.example.com/x")).toBe("Leave credentials out of the URL");
    expect(urlProblem("ftp://x")).toBe("Use an https:// URL");
    expect(urlProblem("not a url")).toMatch(/full URL/);
    expect(urlProblem("https://hooks.example.com/x")).toBeNull();
    process.env.ALERTS_ALLOW_PRIVATE_TARGETS = "true";
    expect(urlProblem("http://127.0.0.1:9000/hook")).toBeNull();
  });

  it("refuses at send time a host that is a private address", async () => {
    await expect(assertSendable("https://169.254.169.254/latest/meta-data")).rejects.toThrow(/private, loopback or link-local/);
    await expect(assertSendable("https://[::1]/x")).rejects.toThrow(/private/);
    await expect(assertSendable("https://localhost/x")).rejects.toThrow(/private/);
    process.env.ALERTS_ALLOW_PRIVATE_TARGETS = "true";
    await expect(assertSendable("http://127.0.0.1:9/x")).resolves.toBeUndefined();
  });
});
