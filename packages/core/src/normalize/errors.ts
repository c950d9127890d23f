export type NormalizeErrorCode = "empty" | "unsupported" | "no-article" | "too-large" | "timeout";

/**
 * The only error `normalize` throws for bad input. `message` is meant for people (CLI output, the article's
 * error column); `code` is what callers branch on (the worker treats every code as a permanent failure).
 */
export class NormalizeError extends Error {
  override readonly name = "NormalizeError";
  readonly code: NormalizeErrorCode;

  constructor(code: NormalizeErrorCode, message: string) {
    super(message);
    this.code = code;
  }
}
