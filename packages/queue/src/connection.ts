import { Cluster, Redis, type RedisOptions } from "ioredis";
import { z } from "zod";

export type { Redis };
/** One Redis server or a Redis Cluster: everything Parallax keeps in Redis works on either. */
export type RedisConnection = Redis | Cluster;

const CLUSTER_PROTOCOLS = new Set(["redis+cluster:", "rediss+cluster:"]);

/** `redis+cluster://[user:password@]host1:port1,host2:port2/` names the seed nodes of a Redis Cluster. */
export function isClusterUrl(url: string): boolean {
  return CLUSTER_PROTOCOLS.has(url.slice(0, url.indexOf(":") + 1).toLowerCase());
}

export interface ClusterSeeds {
  nodes: { host: string; port: number }[];
  username?: string;
  password?: string;
  tls: boolean;
}

/** The seed nodes of a cluster URL; throws with the reason when it names none or a port is not a number. */
export function parseClusterUrl(url: string): ClusterSeeds {
  const match = /^(rediss?)\+cluster:\/\/(?:([^@/]*)@)?([^/?#]*)/i.exec(url);
  if (!match) throw new Error("a cluster URL looks like redis+cluster://host1:port1,host2:port2");
  const [, scheme, auth, hostList] = match;
  const nodes = (hostList ?? "")
    .split(",")
    .filter((part) => part !== "")
    .map((part) => {
      const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(part);
      const [host, port] = bracketed ? [bracketed[1], bracketed[2]] : part.split(":");
      const number = port === undefined || port === "" ? 6379 : Number(port);
      if (!host || !Number.isInteger(number) || number < 1 || number > 65_535) {
        throw new Error(`"${part}" is not host:port`);
      }
      return { host, port: number };
    });
  if (nodes.length === 0) throw new Error("a cluster URL must name at least one node");
  const [user, password] = auth ? auth.split(":").map(decodeURIComponent) : [];
  return {
    nodes,
    ...(user ? { username: user } : {}),
    ...(password ? { password } : {}),
    tls: scheme?.toLowerCase() === "rediss",
  };
}

function isRedisUrl(value: string): boolean {
  if (isClusterUrl(value)) {
    try {
      parseClusterUrl(value);
      return true;
    } catch {
      return false;
    }
  }
  try {
    return ["redis:", "rediss:"].includes(new URL(value).protocol);
  } catch {
    return false;
  }
}

/** REDIS_URL as every process reads it: one server (`redis://`, `rediss://`) or a cluster's seed nodes. */
export const zRedisUrl = z
  .string()
  .refine(isRedisUrl, "must be a redis://, rediss:// or redis+cluster://host1:port1,host2:port2 URL");

/**
 * Producers (web, CLI) fail fast when Redis is away so the caller can say so; workers wait for it forever,
 * as BullMQ requires of blocking connections. A `redis+cluster://` URL opens a Redis Cluster client instead.
 */
export function createRedis(url: string, role: "producer" | "worker"): RedisConnection {
  const options: RedisOptions =
    role === "worker"
      ? { maxRetriesPerRequest: null, enableReadyCheck: true }
      : { maxRetriesPerRequest: 1, enableOfflineQueue: false, connectTimeout: 5_000, lazyConnect: false };
  const redis = isClusterUrl(url) ? createCluster(parseClusterUrl(url), options) : new Redis(url, options);
  // Connection errors surface on the command that needed Redis; an unhandled 'error' event would crash the process.
  redis.on("error", () => {});
  return redis;
}

function createCluster(seeds: ClusterSeeds, options: RedisOptions): Cluster {
  const { maxRetriesPerRequest, enableOfflineQueue, ...redisOptions } = options;
  return new Cluster(seeds.nodes, {
    // BullMQ's blocking commands need these at the cluster level as well as per node.
    ...(maxRetriesPerRequest !== undefined ? { maxRetriesPerRequest } : {}),
    ...(enableOfflineQueue !== undefined ? { enableOfflineQueue } : {}),
    enableReadyCheck: true,
    redisOptions: {
      ...redisOptions,
      ...(maxRetriesPerRequest !== undefined ? { maxRetriesPerRequest } : {}),
      ...(seeds.username ? { username: seeds.username } : {}),
      ...(seeds.password ? { password: seeds.password } : {}),
      ...(seeds.tls ? { tls: {} } : {}),
    },
  });
}

/**
 * The key prefix BullMQ is given: the configured prefix as a Redis Cluster hash tag, so every key of every queue
 * lands in one hash slot: BullMQ's scripts touch several keys of a queue at once, which a cluster allows only
 * within one slot. Idempotent, so a prefix that is already a hash tag is kept as it is.
 */
export function queueKeyPrefix(prefix: string): string {
  return /^\{[^{}]+\}$/.test(prefix) ? prefix : `{${prefix}}`;
}
