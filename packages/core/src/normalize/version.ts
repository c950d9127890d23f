/**
 * Bumped whenever the normalizer's output for the same input can change, so stored articles built by an older
 * engine can be found and rebuilt (`parallax reprocess --outdated`). 1: the first normalizer; 2: the
 * extraction engine (captions, notes, digests, richer metadata).
 */
export const NORMALIZER_VERSION = 2;
