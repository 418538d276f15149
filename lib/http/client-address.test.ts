import { describe, expect, it } from "vitest";
import { clientAddress, normalizeAddress } from "./client-address";

describe("the client address from X-Forwarded-For", () => {
  it("with no trusted proxy, is the peer the server appended last, whatever the client wrote before it", () => {
    expect(clientAddress("127.0.0.1", 0)).toBe("127.0.0.1");
    expect(clientAddress("203.0.113.9, 6.6.6.6, 127.0.0.1", 0)).toBe("127.0.0.1");
  });

  it("behind N trusted proxies, is the entry N places left of the end", () => {
    expect(clientAddress("203.0.113.9, 198.51.100.7, 10.0.0.2", 1)).toBe("198.51.100.7");
    expect(clientAddress("203.0.113.9, 198.51.100.7, 10.0.0.2", 2)).toBe("203.0.113.9");
    // Fewer entries than proxies claimed: nobody to believe.
    expect(clientAddress("10.0.0.2", 1)).toBeNull();
  });

  it("accepts only addresses, in one spelling, and reads only the end of an overlong header", () => {
    expect(clientAddress("not-an-ip", 0)).toBeNull();
    expect(clientAddress("1.2.3.4; DROP TABLE", 0)).toBeNull();
    expect(clientAddress("::ffff:127.0.0.1", 0)).toBe("127.0.0.1");
    expect(clientAddress("[2001:db8::1]", 0)).toBe("2001:db8::1");
    expect(clientAddress(`${"9.9.9.9, ".repeat(10_000)}192.0.2.1`, 0)).toBe("192.0.2.1");
    expect(normalizeAddress("1".repeat(100))).toBeNull();
    expect(clientAddress(null, 0)).toBeNull();
  });
});
