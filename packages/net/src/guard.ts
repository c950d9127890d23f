import { lookup } from "node:dns/promises";
import { isIP } from "node:net";
import { Agent, buildConnector, type Dispatcher, request } from "undici";
import {
  type AllowList,
  connectVerdict,
  EMPTY_ALLOW_LIST,
  isHostAllowListed,
  METADATA_HOSTNAMES,
  parseAllowList,
} from "./address-policy";
import { UnsafeUrlError } from "./errors";

/** Every address of a host name, like `dns.lookup(name, { all: true })`. */
export type ResolveHost = (hostname: string) => Promise<{ address: string; family: number }[]>;

export interface FetchGuardOptions {
  /** `FETCH_ALLOW_HOSTS`, as text or parsed; nothing is allowed beyond the public internet without it. */
  allow?: AllowList | string;
  /** Resolves host names; `dns.lookup` with `all: true` unless given (tests map names to chosen addresses). */
  resolve?: ResolveHost;
  connectTimeoutMs?: number;
  /** Certificate authorities to trust instead of Node's own (an intranet's CA; tests). */
  ca?: string | Buffer;
}

const systemResolve: ResolveHost = (hostname) => lookup(hostname, { all: true, verbatim: true });

type RequestOptions = Omit<Dispatcher.RequestOptions, "origin" | "path"> & { dispatcher?: never };

/**
 * The one way Parallax opens a connection to a URL it did not choose. The undici dispatcher's connector resolves
 * the name itself, refuses when any of its addresses is not allowed, and connects to an address it has just
 * checked — so a DNS answer that changes between a check and the connection (rebinding) cannot slip through, and
 * every hop of a redirect chain is checked because every hop connects through here.
 */
export class FetchGuard {
  readonly allow: AllowList;
  readonly dispatcher: Agent;
  private readonly resolveHost: ResolveHost;
  private readonly resolveTimeoutMs: number;

  constructor(options: FetchGuardOptions = {}) {
    this.allow =
      typeof options.allow === "string" ? parseAllowList(options.allow) : (options.allow ?? EMPTY_ALLOW_LIST);
    this.resolveHost = options.resolve ?? systemResolve;
    this.resolveTimeoutMs = options.connectTimeoutMs ?? 10_000;
    const connect = buildConnector({
      timeout: options.connectTimeoutMs ?? 10_000,
      ...(options.ca ? { ca: options.ca } : {}),
    });
    this.dispatcher = new Agent({
      connect: (target, callback) => {
        // `host` keeps the name, so TLS still sends it (SNI) and checks the certificate against it.
        this.address(target.hostname, `${target.protocol}//${target.host}`).then(
          (address) => connect({ ...target, hostname: address }, callback),
          (error: Error) => callback(error, null),
        );
      },
    });
  }

  /**
   * What can be refused without any I/O: other schemes (file:, gopher:, ftp:), credentials in the URL, IP
   * literals in refused ranges (the URL parser has already read `2130706433` and `0x7f.1` as 127.0.0.1), and
   * names that can only mean this machine or a metadata service.
   */
  checkUrl(input: string | URL): URL {
    let url: URL;
    try {
      url = new URL(String(input));
    } catch {
      throw new UnsafeUrlError(String(input).slice(0, 200), "not a valid URL");
    }
    if (url.protocol !== "http:" && url.protocol !== "https:")
      throw new UnsafeUrlError(url.href, `only http and https addresses are fetched, not ${url.protocol}`);
    if (url.username || url.password) {
      const shown = new URL(url.href);
      shown.username = "";
      shown.password = "";
      throw new UnsafeUrlError(shown.href, "addresses with a user name or password are not fetched");
    }
    const host = unbracket(url.hostname).toLowerCase();
    if (isHostAllowListed(host, this.allow)) return url;
    if (isIP(host)) {
      const verdict = connectVerdict(host, host, this.allow);
      if (!verdict.allowed) throw new UnsafeUrlError(url.href, `${host} is ${verdict.reason}`);
    } else if (METADATA_HOSTNAMES.has(host.replace(/\.$/, ""))) {
      throw new UnsafeUrlError(url.href, `${host} is a cloud metadata address`);
    } else if (/(^|\.)localhost\.?$/.test(host)) {
      throw new UnsafeUrlError(url.href, `${host} is a loopback address`);
    }
    return url;
  }

  /**
   * `checkUrl`, then the name's addresses: a clear refusal before robots.txt, the host limiter or a socket are
   * involved. The connection itself is checked again by the dispatcher.
   */
  async check(input: string | URL): Promise<URL> {
    const url = this.checkUrl(input);
    await this.address(url.hostname, url.href);
    return url;
  }

  /** A GET or POST through the guarded dispatcher; redirects are not followed (each hop is the caller's). */
  async request(input: string | URL, options: RequestOptions) {
    const url = this.checkUrl(input);
    try {
      return await request(url, { ...options, dispatcher: this.dispatcher });
    } catch (error) {
      // The connector knows only the origin; the refusal names the URL that was asked for.
      if (error instanceof UnsafeUrlError) throw new UnsafeUrlError(url.href, error.reason);
      throw error;
    }
  }

  /** One checked address of `hostname`; every address it resolves to must be allowed. */
  private async address(hostname: string, target: string): Promise<string> {
    const name = unbracket(hostname).toLowerCase();
    if (isIP(name)) {
      const verdict = connectVerdict(name, name, this.allow);
      if (!verdict.allowed) throw new UnsafeUrlError(target, `${name} is ${verdict.reason}`);
      return name;
    }
    // getaddrinfo has no deadline of its own, and the check runs before a request's deadline starts.
    let timer: NodeJS.Timeout | undefined;
    const addresses = await Promise.race([
      this.resolveHost(name),
      new Promise<never>((_, reject) => {
        timer = setTimeout(
          () =>
            reject(
              Object.assign(new Error(`resolving ${name} took over ${this.resolveTimeoutMs} ms`), {
                code: "ETIMEOUT",
              }),
            ),
          this.resolveTimeoutMs,
        );
      }),
    ]).finally(() => clearTimeout(timer));
    if (!addresses.length)
      throw Object.assign(new Error(`${name} has no address`), { code: "ENOTFOUND", hostname: name });
    for (const { address } of addresses) {
      const verdict = connectVerdict(name, address, this.allow);
      if (!verdict.allowed)
        throw new UnsafeUrlError(target, `${name} resolves to ${address}, ${verdict.reason}`);
    }
    return addresses[0]!.address;
  }

  close(): Promise<void> {
    return this.dispatcher.close();
  }
}

function unbracket(text: string): string {
  return text.startsWith("[") && text.endsWith("]") ? text.slice(1, -1) : text;
}

let shared: FetchGuard | undefined;

/** The guard of code that was given none: the public internet only. */
export function defaultFetchGuard(): FetchGuard {
  shared ??= new FetchGuard();
  return shared;
}
