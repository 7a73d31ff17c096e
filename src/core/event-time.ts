import { DECIMAL } from './validation/patterns.js';
import { daysFromCivil, daysInMonth, MAX_EVENT_TIME_MS, MIN_EVENT_TIME_MS, type Instant } from './instant.js';

export type EventTimeFeatureType = 'String' | 'Fractional';

const ISO_EVENT_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?Z$/;

/**
 * Parses a String event time: UTC ISO-8601 `yyyy-MM-ddTHH:mm:ss[.f{1,9}]Z` (spec §6.1, A11).
 * Returns undefined when the text is not a valid event time.
 */
export const parseIsoEventTime = (text: string): Instant | undefined => {
  const match = ISO_EVENT_TIME.exec(text);
  if (match === null) return undefined;
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  const fraction = (match[7] ?? '').padEnd(9, '0');
  const ms =
    daysFromCivil(year, month, day) * 86_400_000 +
    hour * 3_600_000 +
    minute * 60_000 +
    second * 1000 +
    Number(fraction.slice(0, 3));
  return { ms, nanos: Number(fraction.slice(3)) };
};

/** Parses a Fractional event time: decimal seconds since the epoch, millisecond precision (spec A12). */
export const parseFractionalEventTime = (text: string): Instant | undefined => {
  if (!DECIMAL.test(text)) return undefined;
  const seconds = Number(text);
  if (!Number.isFinite(seconds)) return undefined;
  const ms = Math.round(seconds * 1000);
  if (ms < MIN_EVENT_TIME_MS || ms > MAX_EVENT_TIME_MS) return undefined;
  return { ms, nanos: 0 };
};

export const parseEventTime = (type: EventTimeFeatureType, text: string): Instant | undefined =>
  type === 'String' ? parseIsoEventTime(text) : parseFractionalEventTime(text);

export const eventTimeFormatHint = (type: EventTimeFeatureType): string =>
  type === 'String'
    ? "an ISO-8601 string in the format yyyy-MM-dd'T'HH:mm:ssZ or yyyy-MM-dd'T'HH:mm:ss.SSSZ (UTC, up to 9 fraction digits)"
    : 'a Unix epoch time in seconds (a decimal number with millisecond precision)';
