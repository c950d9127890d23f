export interface RunningService {
  url: string;
  /** True when this process started the server and stop() shuts it down; false for a given URL. */
  embedded: boolean;
  stop(): Promise<void>;
}

export interface StartServiceOptions {
  /** An existing server to use instead of starting one. */
  url?: string;
  /** Where the embedded server keeps its data. */
  dataDir: string;
  /**
   * The port of the embedded server, exactly (no fallback to another): a server started again after a stop
   * keeps its URL, so clients that were connected reconnect to it. Any free port when not given.
   */
  port?: number;
  /** Progress and problems, one line at a time (not the server's own log). */
  log?: (line: string) => void;
}
