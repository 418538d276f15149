import { describe, expect, it } from "vitest";
import { classifyAddress } from "./addresses";

describe("classifyAddress", () => {
  it.each([
    ["127.0.0.1", "loopback"],
    ["127.255.0.9", "loopback"],
    ["10.1.2.3", "private"],
    ["172.20.0.1", "private"],
    ["192.168.1.1", "private"],
    ["169.254.169.254", "linkLocal"],
    ["100.64.0.1", "carrierGradeNat"],
    ["0.0.0.0", "unspecified"],
    ["0.1.2.3", "unspecified"],
    ["255.255.255.255", "broadcast"],
    ["224.0.0.1", "multicast"],
    ["240.0.0.1", "reserved"],
    ["192.0.2.1", "reserved"],
    ["198.18.0.1", "reserved"],
    ["::1", "loopback"],
    ["::", "unspecified"],
    ["fe80::1", "linkLocal"],
    ["fc00::1", "uniqueLocal"],
    ["fd12:3456::1", "uniqueLocal"],
    ["ff02::1", "multicast"],
    ["fec0::1", "deprecatedSiteLocal"],
    ["2001:db8::1", "reserved"],
    ["100::1", "discard"],
    // IPv4-mapped, in the spellings a URL or a resolver can produce: judged as the IPv4 address.
    ["::ffff:127.0.0.1", "loopback"],
    ["::ffff:7f00:1", "loopback"],
    ["0:0:0:0:0:ffff:127.0.0.1", "loopback"],
    ["::ffff:a9fe:a9fe", "linkLocal"],
    ["::ffff:10.0.0.1", "private"],
    // IPv4-compatible (ipaddr.js calls these unicast), NAT64, 6to4, Teredo, IPv4-translated.
    ["::7f00:1", "ipv4Compatible"],
    ["::127.0.0.1", "ipv4Compatible"],
    ["::8.8.8.8", "ipv4Compatible"],
    ["64:ff9b::7f00:1", "rfc6052"],
    ["64:ff9b:1::1", "rfc6052"],
    ["2002:7f00:1::", "6to4"],
    ["2001::1", "teredo"],
    ["::ffff:0:7f00:1", "rfc6145"],
    ["fe80::1%eth0", "invalid"],
    ["127.1", "invalid"],
    ["not-an-address", "invalid"],
    ["", "invalid"],
  ])("refuses %s (%s)", (address, range) => {
    expect(classifyAddress(address)).toMatchObject({ allowed: false, range });
  });

  it.each(["8.8.8.8", "1.1.1.1", "172.32.0.1", "100.128.0.1", "169.255.0.1", "2606:4700::1111", "2a00:1450:4001::200e", "::ffff:8.8.8.8"])(
    "allows the public address %s",
    (address) => expect(classifyAddress(address)).toEqual({ allowed: true, address }),
  );

  it("names the IPv4 address a mapped one stands for, and says what kind it is", () => {
    expect(classifyAddress("::ffff:a9fe:a9fe")).toEqual({
      allowed: false,
      address: "::ffff:a9fe:a9fe",
      embedded: "169.254.169.254",
      range: "linkLocal",
      description: "a link-local address",
    });
    expect(classifyAddress("127.0.0.1")).toMatchObject({ embedded: null, description: "a loopback address" });
    expect(classifyAddress("64:ff9b::7f00:1")).toMatchObject({ description: "a NAT64 address" });
  });
});
