import { parseDuration, type DurationInput } from './duration.js';

/** The emulator's notion of "now", in epoch milliseconds. */
export interface Clock {
  now(): number;
  /** Freeze the clock at an instant (Date, epoch ms or ISO-8601 string). */
  set(instant: Date | number | string): void;
  /** Move the clock forward: milliseconds, or a duration such as `'15m'`, `'2h'`, `'1d 6h'`. */
  advance(by: DurationInput): void;
  /** Follow the time source again (by default `Date.now`, which fake timers control). */
  useSystemTime(): void;
  /** True while the clock is frozen by `set()`. */
  readonly frozen: boolean;
  /** Calls `listener` after every `set`, `advance` and `useSystemTime`; returns the unsubscribe. */
  onChange(listener: () => void): () => void;
}

/**
 * A clock that reads `source()` (normally `Date.now`) plus an offset until it is set,
 * then stays frozen until advanced. Following `Date.now` on every read is what makes
 * jest's and vitest's fake timers move it.
 */
export const createClock = (source: () => number): Clock => {
  let frozenAt: number | undefined;
  let offset = 0;
  const listeners = new Set<() => void>();
  // Waiters (injected delays) wake when the clock jumps, not only when timers fire.
  const changed = (): void => {
    for (const listener of [...listeners]) listener();
  };
  return {
    now: () => (frozenAt === undefined ? source() + offset : frozenAt),
    set(instant) {
      frozenAt = toEpochMs(instant);
      changed();
    },
    advance(by) {
      const ms = parseDuration(by);
      if (ms < 0) throw new RangeError(`clock.advance() takes a duration >= 0, got ${String(by)}`);
      if (frozenAt === undefined) offset += ms;
      else frozenAt += ms;
      changed();
    },
    useSystemTime() {
      frozenAt = undefined;
      offset = 0;
      changed();
    },
    get frozen() {
      return frozenAt !== undefined;
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
};

const toEpochMs = (instant: Date | number | string): number => {
  const ms =
    typeof instant === 'number' ? instant : typeof instant === 'string' ? Date.parse(instant) : instant.getTime();
  if (!Number.isFinite(ms)) throw new RangeError(`clock.set() got an invalid instant: ${String(instant)}`);
  return ms;
};
