import { Redis, type RedisOptions } from "ioredis";

export type { Redis };

/**
 * Producers (web, CLI) fail fast when Redis is away so the caller can say so; workers wait for it forever,
 * as BullMQ requires of blocking connections.
 */
export function createRedis(url: string, role: "producer" | "worker"): Redis {
  const options: RedisOptions =
    role === "worker"
      ? { maxRetriesPerRequest: null, enableReadyCheck: true }
      : { maxRetriesPerRequest: 1, enableOfflineQueue: false, connectTimeout: 5_000, lazyConnect: false };
  const redis = new Redis(url, options);
  // Connection errors surface on the command that needed Redis; an unhandled 'error' event would crash the process.
  redis.on("error", () => {});
  return redis;
}
