import ipaddr from "ipaddr.js";

/**
 * Which addresses Parallax may connect to when it fetches someone else's URL (pages, feeds, robots.txt, webhooks).
 * Only publicly routable unicast addresses: a URL a person or a feed hands us must never reach the machine itself,
 * its network or a cloud provider's metadata service (SSRF). Pure: no I/O, so the whole table is unit-tested.
 */
export type AddressVerdict = { allowed: true } | { allowed: false; reason: string };

/**
 * Cloud metadata services hand out credentials to whatever asks from inside the instance. Most sit in ranges
 * refused anyway (link-local, unique-local, CGNAT); they are named first so the refusal says what they are, and
 * Azure's WireServer (168.63.129.16) is an ordinary public address that only reaches the platform from inside.
 */
const METADATA_ADDRESSES = new Set([
  "169.254.169.254", // AWS, GCP, Azure, OpenStack, DigitalOcean, Oracle
  "169.254.170.2", // AWS ECS task metadata
  "168.63.129.16", // Azure WireServer
  "100.100.100.200", // Alibaba Cloud
  "192.0.0.192", // Oracle Cloud
  "fd00:ec2::254", // AWS IMDS over IPv6
]);

/** Names of metadata services that resolve only from inside a cloud. */
export const METADATA_HOSTNAMES = new Set(["metadata.google.internal", "metadata.goog", "metadata"]);

const IPV4_REASONS: Record<string, string> = {
  unspecified: "an unspecified address",
  broadcast: "the broadcast address",
  multicast: "a multicast address",
  linkLocal: "a link-local address",
  loopback: "a loopback address",
  carrierGradeNat: "a shared (carrier-grade NAT) address",
  private: "a private address",
};

const IPV6_REASONS: Record<string, string> = {
  unspecified: "an unspecified address",
  linkLocal: "a link-local address",
  multicast: "a multicast address",
  loopback: "a loopback address",
  uniqueLocal: "a private (unique-local) address",
  deprecatedSiteLocal: "a private (site-local) address",
  teredo: "a Teredo tunnel address",
};

const refused = (reason: string): AddressVerdict => ({ allowed: false, reason });
const ALLOWED: AddressVerdict = { allowed: true };

/** True for IPv4 and IPv6 literals in any spelling ipaddr.js reads (`2130706433`, `0x7f.1`, `0177.0.0.1`, `[::1]`). */
export function isIpLiteral(text: string): boolean {
  return ipaddr.isValid(unbracket(text));
}

/** Whether `text` (an IP literal) is a public unicast address; anything unparseable is refused. */
export function addressVerdict(text: string): AddressVerdict {
  const literal = unbracket(text);
  if (!ipaddr.isValid(literal)) return refused("not an IP address");
  return verdictOf(ipaddr.parse(literal));
}

function verdictOf(address: ipaddr.IPv4 | ipaddr.IPv6): AddressVerdict {
  if (METADATA_ADDRESSES.has(address.toNormalizedString()) || METADATA_ADDRESSES.has(address.toString()))
    return refused("a cloud metadata address");
  return address.kind() === "ipv4"
    ? ipv4Verdict(address as ipaddr.IPv4)
    : ipv6Verdict(address as ipaddr.IPv6);
}

function ipv4Verdict(address: ipaddr.IPv4): AddressVerdict {
  const range = address.range();
  if (range === "unicast") return ALLOWED;
  return refused(IPV4_REASONS[range] ?? "a reserved address");
}

function ipv6Verdict(address: ipaddr.IPv6): AddressVerdict {
  const parts = address.parts;
  const range = address.range();
  // Addresses that carry an IPv4 address reach that address (the kernel or a NAT64 gateway translates), so they
  // are worth what the IPv4 address is worth: ::ffff:127.0.0.1 is loopback, 64:ff9b::8.8.8.8 is public.
  if (range === "ipv4Mapped" || range === "rfc6145") return embedded(parts[6]!, parts[7]!);
  if (range === "rfc6052") {
    // Only the well-known /96 prefix has a fixed place for the IPv4 part; the local-use /48 (RFC 8215) does not.
    if (parts[1] === 0xff9b && parts[2] === 0) return embedded(parts[6]!, parts[7]!);
    return refused("a local NAT64 address");
  }
  if (range === "6to4") return embedded(parts[1]!, parts[2]!);
  // IPv4-compatible (::a.b.c.d, deprecated by RFC 4291) still routes to the IPv4 address on some stacks.
  if (parts.slice(0, 6).every((part) => part === 0) && range !== "unspecified" && range !== "loopback")
    return embedded(parts[6]!, parts[7]!);
  if (range !== "unicast") return refused(IPV6_REASONS[range] ?? "a reserved address");
  // Only 2000::/3 is allocated for global unicast; the rest of the space is reserved by IANA.
  if ((parts[0]! & 0xe000) !== 0x2000) return refused("a reserved address");
  return ALLOWED;
}

function embedded(high: number, low: number): AddressVerdict {
  return verdictOf(new ipaddr.IPv4([high >> 8, high & 0xff, low >> 8, low & 0xff]));
}

function unbracket(text: string): string {
  return text.startsWith("[") && text.endsWith("]") ? text.slice(1, -1) : text;
}

/**
 * Hosts and networks an operator lets Parallax reach although the policy refuses them: a test server on
 * 127.0.0.1, an intranet news site on 10.0.0.0/8. A listed name is trusted whatever it resolves to; a listed
 * address or network allows connecting to it under any name.
 */
export interface AllowList {
  /** Lower-case names without a trailing dot; `.example.org` allows every name under example.org. */
  readonly hosts: readonly string[];
  readonly networks: readonly [ipaddr.IPv4 | ipaddr.IPv6, number][];
}

export const EMPTY_ALLOW_LIST: AllowList = { hosts: [], networks: [] };

export class AllowListError extends Error {
  override name = "AllowListError";
}

const HOSTNAME =
  /^(\*?\.)?([a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?)(\.[a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?)*$/;

/**
 * Reads `FETCH_ALLOW_HOSTS`: a comma-separated list of host names (`localhost`, `*.corp.example`), IP addresses
 * and CIDR networks (`10.0.0.0/8`, `fd00::/8`). Throws AllowListError naming the first entry it cannot read.
 */
export function parseAllowList(text: string | undefined): AllowList {
  const hosts: string[] = [];
  const networks: [ipaddr.IPv4 | ipaddr.IPv6, number][] = [];
  for (const raw of (text ?? "").split(",")) {
    const entry = raw.trim().toLowerCase();
    if (!entry) continue;
    if (entry.includes("://"))
      throw new AllowListError(`"${raw.trim()}" is a URL; list only its host name, address or network`);
    if (entry.includes("/")) {
      try {
        networks.push(ipaddr.parseCIDR(unbracket(entry)));
      } catch {
        throw new AllowListError(`"${raw.trim()}" is not a CIDR network such as 10.0.0.0/8`);
      }
    } else if (isIpLiteral(entry)) {
      const address = ipaddr.parse(unbracket(entry));
      networks.push([address, address.kind() === "ipv4" ? 32 : 128]);
    } else if (HOSTNAME.test(entry.replace(/\.$/, ""))) {
      hosts.push(entry.replace(/\.$/, "").replace(/^\*\./, "."));
    } else {
      throw new AllowListError(`"${raw.trim()}" is neither a host name, an IP address nor a CIDR network`);
    }
  }
  return { hosts, networks };
}

/** Whether the operator listed this host name (exactly, or under a listed `.suffix`). */
export function isHostAllowListed(hostname: string, allow: AllowList): boolean {
  const name = unbracket(hostname).toLowerCase().replace(/\.$/, "");
  return allow.hosts.some((host) => (host.startsWith(".") ? name.endsWith(host) : name === host));
}

/** Whether this address falls in a listed address or network (IPv4-mapped IPv6 counts as its IPv4 address). */
export function isAddressAllowListed(text: string, allow: AllowList): boolean {
  const literal = unbracket(text);
  if (!ipaddr.isValid(literal)) return false;
  const address = ipaddr.process(literal);
  return allow.networks.some(
    ([network, bits]) => network.kind() === address.kind() && address.match(network, bits),
  );
}

/** The verdict on one address for one host name, the allow-list first. */
export function connectVerdict(hostname: string, address: string, allow: AllowList): AddressVerdict {
  if (isHostAllowListed(hostname, allow) || isAddressAllowListed(address, allow)) return ALLOWED;
  return addressVerdict(address);
}
