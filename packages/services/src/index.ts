export { ensureDebianPackage, findOnPath } from "./install";
export { canConnect, findFreePort, isPortFree } from "./ports";
export { createDatabase, dropDatabase, isPostgresReachable, startPostgres } from "./postgres";
export { isRedisReachable, startRedis } from "./redis";
export { startRedisCluster } from "./redis-cluster";
export { type ReplicatedPostgres, startReplicatedPostgres } from "./postgres-replica";
export type { RunningService, StartServiceOptions } from "./types";
export { isAlive, isOrphaned, terminatePid } from "./proc";
