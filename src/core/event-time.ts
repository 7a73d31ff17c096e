import { DECIMAL } from './validation/patterns.js';
import { daysFromCivil, daysInMonth, MAX_EVENT_TIME_MS, MIN_EVENT_TIME_MS, type Instant } from './instant.js';

export type EventTimeFeatureType = 'String' | 'Fractional';

/** The value of `count` ASCII digits of `text` from `start`, or -1 when one is not a digit. */
const digitsAt = (text: string, start: number, count: number): number => {
  let value = 0;
  for (let i = start; i < start + count; i++) {
    const digit = text.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
};

const BASE_LENGTH = 20; // yyyy-MM-ddTHH:mm:ssZ
const POWERS_OF_TEN = [1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000, 1_000_000_000];

/**
 * Parses a String event time: UTC ISO-8601 `yyyy-MM-ddTHH:mm:ss[.f{1,9}]Z` (spec §6.1, A11).
 * Returns undefined when the text is not a valid event time. Read character by character:
 * every PutRecord parses one, so no regular expression and no intermediate strings.
 */
export const parseIsoEventTime = (text: string): Instant | undefined => {
  const length = text.length;
  if (length !== BASE_LENGTH && (length < BASE_LENGTH + 2 || length > BASE_LENGTH + 10)) return undefined;
  if (
    text.charCodeAt(4) !== 0x2d || // -
    text.charCodeAt(7) !== 0x2d ||
    text.charCodeAt(10) !== 0x54 || // T
    text.charCodeAt(13) !== 0x3a || // :
    text.charCodeAt(16) !== 0x3a ||
    text.charCodeAt(length - 1) !== 0x5a // Z
  ) {
    return undefined;
  }
  const year = digitsAt(text, 0, 4);
  const month = digitsAt(text, 5, 2);
  const day = digitsAt(text, 8, 2);
  const hour = digitsAt(text, 11, 2);
  const minute = digitsAt(text, 14, 2);
  const second = digitsAt(text, 17, 2);
  if (year < 0 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) return undefined;
  // The fraction, 1 to 9 digits after a '.', as nanoseconds of the second.
  let fraction = 0;
  if (length > BASE_LENGTH) {
    const digits = length - BASE_LENGTH - 1;
    if (text.charCodeAt(19) !== 0x2e) return undefined; // .
    const value = digitsAt(text, BASE_LENGTH, digits);
    if (value < 0) return undefined;
    fraction = value * (POWERS_OF_TEN[9 - digits] as number);
  }
  const ms =
    daysFromCivil(year, month, day) * 86_400_000 +
    hour * 3_600_000 +
    minute * 60_000 +
    second * 1000 +
    Math.floor(fraction / 1_000_000);
  return { ms, nanos: fraction % 1_000_000 };
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
