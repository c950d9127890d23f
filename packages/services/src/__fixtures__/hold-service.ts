// Starts an embedded service ("postgres" or "redis") in a data directory and holds it until killed.
import { startPostgres } from "../postgres";
import { startRedis } from "../redis";

const [kind, dataDir] = process.argv.slice(2);
if (!dataDir || (kind !== "postgres" && kind !== "redis")) throw new Error("usage: hold-service.ts postgres|redis <dataDir>");
const service = kind === "postgres" ? await startPostgres({ dataDir }) : await startRedis({ dataDir });
process.stdout.write(`READY ${service.url}\n`);
setInterval(() => {}, 60_000);
