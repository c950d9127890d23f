import { redactSecrets } from "@parallax/core/redact";

/**
 * The worker's log: one timestamped line per call, secrets redacted. Error messages from drivers and fetches
 * quote connection strings and URLs verbatim, and every line of the worker goes through here.
 */
export function createLog(write: (text: string) => void = (text) => process.stdout.write(text)) {
  return (line: string) => write(`${new Date().toISOString()} ${redactSecrets(line)}\n`);
}
