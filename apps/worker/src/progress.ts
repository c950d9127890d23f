/**
 * A job's progress reports, sent to Redis only when someone could see them. Each BullMQ `updateProgress` is a
 * script call and a published event; sent at every stage they were ~11 Redis round trips per article, for jobs
 * that mostly finish in tens of milliseconds, long before the submit page (polling every 500 ms) or the jobs page
 * would show a stage. So a job reports nothing during its first `afterMs`; once past it, its latest stage is
 * sent (by a timer, so a stage that is itself slow, a fetch say, shows while it runs), then at most once every
 * `everyMs`. A job that sent anything sends its last report when it ends, so no stale stage is left behind.
 */
export interface ProgressReporter<P> {
  /** Records the job's current stage; sends it now, later or never, as above. */
  report: (progress: P) => Promise<void>;
  /** The job is over: no more timers; the last report is sent if any earlier one was. */
  close: () => Promise<void>;
}

export interface ProgressThrottle {
  /** Nothing is sent until the job has run this long. */
  afterMs: number;
  /** Then at most one report per this long (the last one, at `close`, excepted). */
  everyMs: number;
}

/** Jobs shorter than a second (nearly all of them) report nothing; longer ones show a stage each second. */
export const PROGRESS_THROTTLE: ProgressThrottle = { afterMs: 1_000, everyMs: 1_000 };

export function throttledProgress<P>(
  send: (progress: P) => Promise<unknown>,
  throttle: ProgressThrottle = PROGRESS_THROTTLE,
  now: () => number = Date.now,
): ProgressReporter<P> {
  const startedAt = now();
  let latest: { progress: P } | null = null;
  let sentAny = false;
  let lastSentAt = Number.NEGATIVE_INFINITY;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let closed = false;
  let inFlight: Promise<void> = Promise.resolve();

  // Progress is a nicety: a failed report never fails the job.
  const flush = () => {
    if (!latest) return inFlight;
    const { progress } = latest;
    latest = null;
    sentAny = true;
    lastSentAt = now();
    inFlight = inFlight.then(() =>
      send(progress).then(
        () => {},
        () => {},
      ),
    );
    return inFlight;
  };
  const schedule = () => {
    if (timer || closed) return;
    const due = Math.max(startedAt + throttle.afterMs, lastSentAt + throttle.everyMs);
    timer = setTimeout(
      () => {
        timer = null;
        if (!closed) void flush();
      },
      Math.max(0, due - now()),
    );
    timer.unref?.();
  };

  return {
    report(progress) {
      if (closed) return Promise.resolve();
      latest = { progress };
      const t = now();
      if (t - startedAt >= throttle.afterMs && t - lastSentAt >= throttle.everyMs) {
        if (timer) clearTimeout(timer);
        timer = null;
        return flush();
      }
      schedule();
      return Promise.resolve();
    },
    close() {
      closed = true;
      if (timer) clearTimeout(timer);
      timer = null;
      if (sentAny) return flush();
      latest = null;
      return inFlight;
    },
  };
}
