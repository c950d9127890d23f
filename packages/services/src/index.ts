export { ensureDebianPackage, findOnPath } from "./install";
export { canConnect, findFreePort, isPortFree } from "./ports";
export { createDatabase, dropDatabase, isPostgresReachable, startPostgres } from "./postgres";
export { isRedisReachable, startRedis } from "./redis";
export type { RunningService, StartServiceOptions } from "./types";
export { isAlive, isOrphaned, terminatePid } from "./proc";
