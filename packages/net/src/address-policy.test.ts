import { describe, expect, it } from "vitest";
import {
  AllowListError,
  addressVerdict,
  connectVerdict,
  isAddressAllowListed,
  isHostAllowListed,
  parseAllowList,
} from "./address-policy";

describe("the address policy", () => {
  it.each([
    ["127.0.0.1", "a loopback address"],
    ["127.255.255.254", "a loopback address"],
    ["10.0.0.5", "a private address"],
    ["172.16.0.1", "a private address"],
    ["172.31.255.255", "a private address"],
    ["192.168.1.1", "a private address"],
    ["100.64.0.1", "a shared (carrier-grade NAT) address"],
    ["169.254.1.1", "a link-local address"],
    ["224.0.0.1", "a multicast address"],
    ["239.255.255.250", "a multicast address"],
    ["0.0.0.0", "an unspecified address"],
    ["0.1.2.3", "an unspecified address"],
    ["255.255.255.255", "the broadcast address"],
    ["192.0.2.10", "a reserved address"], // TEST-NET-1
    ["198.51.100.7", "a reserved address"], // TEST-NET-2
    ["203.0.113.9", "a reserved address"], // TEST-NET-3
    ["198.18.0.1", "a reserved address"], // benchmarking
    ["240.0.0.1", "a reserved address"],
    ["169.254.169.254", "a cloud metadata address"],
    ["169.254.170.2", "a cloud metadata address"],
    ["100.100.100.200", "a cloud metadata address"],
    ["168.63.129.16", "a cloud metadata address"],
    ["fd00:ec2::254", "a cloud metadata address"],
    ["::1", "a loopback address"],
    ["[::1]", "a loopback address"],
    ["::", "an unspecified address"],
    ["fe80::1", "a link-local address"],
    ["febf:ffff::1", "a link-local address"],
    ["fc00::1", "a private (unique-local) address"],
    ["fd12:3456:789a::1", "a private (unique-local) address"],
    ["ff02::1", "a multicast address"],
    ["2001:db8::1", "a reserved address"], // documentation
    ["2001::1", "a Teredo tunnel address"],
    ["4000::1", "a reserved address"], // outside 2000::/3
    // IPv4 inside IPv6 is worth what the IPv4 address is worth.
    ["::ffff:127.0.0.1", "a loopback address"],
    ["::ffff:7f00:1", "a loopback address"],
    ["::ffff:10.0.0.5", "a private address"],
    ["::ffff:169.254.169.254", "a cloud metadata address"],
    ["::127.0.0.1", "a loopback address"], // IPv4-compatible
    ["::ffff:0:10.1.2.3", "a private address"], // RFC 6145 translated
    ["64:ff9b::10.0.0.5", "a private address"], // NAT64 of a private address
    ["64:ff9b::7f00:1", "a loopback address"],
    ["64:ff9b:1::a00:5", "a local NAT64 address"],
    ["2002:7f00:1::", "a loopback address"], // 6to4 of 127.0.0.1
    ["2002:a9fe:a9fe::1", "a cloud metadata address"], // 6to4 of 169.254.169.254
    // Odd spellings of IPv4 addresses that resolvers and URL parsers accept.
    ["2130706433", "a loopback address"],
    ["0x7f000001", "a loopback address"],
    ["0x7f.0.0.1", "a loopback address"],
    ["0177.0.0.1", "a loopback address"],
    ["0177.1", "a loopback address"],
    ["127.1", "a loopback address"],
    ["012.0.0.5", "a private address"],
    ["0xa9.0xfe.0xa9.0xfe", "a cloud metadata address"],
    ["not-an-address", "not an IP address"],
  ])("refuses %s as %s", (address, reason) => {
    expect(addressVerdict(address)).toEqual({ allowed: false, reason });
  });

  it.each([
    "93.184.215.14",
    "8.8.8.8",
    "1.1.1.1",
    "172.32.0.1",
    "100.128.0.1",
    "2606:4700:4700::1111",
    "[2a00:1450:4001:82b::200e]",
    "::ffff:93.184.215.14",
    "64:ff9b::808:808", // NAT64 of 8.8.8.8, what DNS64 networks answer for public hosts
    "2002:808:808::1",
  ])("allows the public address %s", (address) => {
    expect(addressVerdict(address)).toEqual({ allowed: true });
  });
});

describe("the allow-list", () => {
  const allow = parseAllowList(" 127.0.0.1, localhost ,10.0.0.0/8,*.corp.example, fd00::/8, [::1] ");

  it("reads host names, addresses and networks", () => {
    expect(allow.hosts).toEqual(["localhost", ".corp.example"]);
    expect(allow.networks.map(([network, bits]) => `${network.toString()}/${bits}`)).toEqual([
      "127.0.0.1/32",
      "10.0.0.0/8",
      "fd00::/8",
      "::1/128",
    ]);
    expect(parseAllowList("")).toEqual({ hosts: [], networks: [] });
    expect(parseAllowList(undefined)).toEqual({ hosts: [], networks: [] });
  });

  it("allows listed names exactly or under a listed suffix, and addresses inside listed networks", () => {
    expect(isHostAllowListed("LOCALHOST.", allow)).toBe(true);
    expect(isHostAllowListed("news.corp.example", allow)).toBe(true);
    expect(isHostAllowListed("corp.example.evil", allow)).toBe(false);
    expect(isHostAllowListed("localhost.evil", allow)).toBe(false);
    expect(isAddressAllowListed("10.200.3.4", allow)).toBe(true);
    expect(isAddressAllowListed("::ffff:127.0.0.1", allow)).toBe(true);
    expect(isAddressAllowListed("127.0.0.2", allow)).toBe(false);
    expect(isAddressAllowListed("fd12::1", allow)).toBe(true);
    expect(connectVerdict("news.example", "10.0.0.5", allow)).toEqual({ allowed: true });
    expect(connectVerdict("news.example", "192.168.0.5", allow)).toEqual({
      allowed: false,
      reason: "a private address",
    });
    expect(connectVerdict("intranet.corp.example", "192.168.0.5", allow)).toEqual({ allowed: true });
  });

  it("names the entry it cannot read", () => {
    expect(() => parseAllowList("127.0.0.1,10.0.0.0/33")).toThrow(
      new AllowListError('"10.0.0.0/33" is not a CIDR network such as 10.0.0.0/8'),
    );
    expect(() => parseAllowList("http://intranet/")).toThrow(
      '"http://intranet/" is a URL; list only its host name, address or network',
    );
    expect(() => parseAllowList("bad host")).toThrow(/"bad host" is neither a host name/);
  });
});
