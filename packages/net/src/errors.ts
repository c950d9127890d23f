/**
 * Refusals that no retry can change: the address is not one Parallax fetches from, or the body is too large or
 * cannot be decoded. Callers turn them into permanent failures (UnrecoverableError, a failed delivery, a feed
 * error) with the message as the reason a person reads.
 */
export class UnsafeUrlError extends Error {
  override name = "UnsafeUrlError";
  readonly permanent = true;
  constructor(
    readonly url: string,
    readonly reason: string,
  ) {
    super(`${url} refused: ${reason}`);
  }
}

export class TooLargeError extends Error {
  override name = "TooLargeError";
  readonly permanent = true;
}

export class ContentEncodingError extends Error {
  override name = "ContentEncodingError";
  readonly permanent = true;
}

export type FetchRefusal = UnsafeUrlError | TooLargeError | ContentEncodingError;

const REFUSALS = new Set(["UnsafeUrlError", "TooLargeError", "ContentEncodingError"]);

/**
 * The refusal behind `error`, if any: undici and fetch wrap what a connector throws (`TypeError: fetch failed`
 * with a `cause`), and a bundler may duplicate the classes, so this looks at names down the cause chain.
 */
export function refusalOf(error: unknown): FetchRefusal | null {
  for (let current = error, depth = 0; current instanceof Error && depth < 5; depth++) {
    if (REFUSALS.has(current.name)) return current as FetchRefusal;
    current = current.cause;
  }
  return null;
}
