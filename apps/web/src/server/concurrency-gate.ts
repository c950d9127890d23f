/**
 * At most `limit` holders at once; up to `maxWaiting` more wait their turn in arrival order; past that, `enter`
 * answers null at once (the caller refuses the request as busy) instead of letting work pile up in the process.
 */
export class ConcurrencyGate {
  private active = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(
    readonly limit: number,
    readonly maxWaiting: number,
  ) {}

  /** A function that leaves the gate (once; later calls do nothing), or null when the gate and its queue are full. */
  async enter(): Promise<(() => void) | null> {
    if (this.active < this.limit) {
      this.active++;
      return this.leaver();
    }
    if (this.waiting.length >= this.maxWaiting) return null;
    // The holder that leaves hands its place over directly: `active` stays as it is.
    await new Promise<void>((admitted) => this.waiting.push(admitted));
    return this.leaver();
  }

  get holders(): number {
    return this.active;
  }

  get queued(): number {
    return this.waiting.length;
  }

  private leaver(): () => void {
    let left = false;
    return () => {
      if (left) return;
      left = true;
      const next = this.waiting.shift();
      if (next) next();
      else this.active--;
    };
  }
}
