import type { RedisConnection } from "@parallax/queue";

/**
 * Runs `recover` each time the connection becomes ready again after a loss (never for the first connection).
 * Redis may come back empty — restarted without its data, or a replica promoted before it caught up — and then
 * the waiting jobs and the reconciler's own schedule are gone: without this, nothing would bring them back until
 * the worker restarted. Runs never overlap; a reconnect during one asks for one more run after it.
 */
export function onReconnect(
  connection: RedisConnection,
  recover: () => Promise<void>,
  log: (line: string) => void,
): () => void {
  let connected = connection.status === "ready";
  let running: Promise<void> | null = null;
  let again = false;
  const run = () => {
    if (running) {
      again = true;
      return;
    }
    running = recover()
      .catch((error: unknown) =>
        log(`recovery after Redis reconnect: ${error instanceof Error ? error.message : String(error)}`),
      )
      .finally(() => {
        running = null;
        if (again) {
          again = false;
          run();
        }
      });
  };
  const onReady = () => {
    if (connected) run();
    connected = true;
  };
  connection.on("ready", onReady);
  return () => connection.off("ready", onReady);
}
