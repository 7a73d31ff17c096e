import type { Instant } from './instant.js';
import type { TtlDuration, TtlDurationUnit } from './shapes.js';

const UNIT_SECONDS: Readonly<Record<TtlDurationUnit, number>> = {
  Seconds: 1,
  Minutes: 60,
  Hours: 3_600,
  Days: 86_400,
  Weeks: 604_800,
};

export const ttlMilliseconds = (ttl: TtlDuration): number => ttl.Value * UNIT_SECONDS[ttl.Unit] * 1000;

/** ExpiresAt = EventTime + TtlDuration (spec §7.6). */
export const expiresAt = (eventTime: Instant, ttl: TtlDuration): Instant => ({
  ms: eventTime.ms + ttlMilliseconds(ttl),
  nanos: eventTime.nanos,
});

/** A record is expired once the clock reaches ExpiresAt (spec A19). */
export const isExpired = (expiry: Instant | undefined, nowMs: number): boolean =>
  expiry !== undefined && (nowMs > expiry.ms || (nowMs === expiry.ms && expiry.nanos === 0));
