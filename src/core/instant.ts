/**
 * A point in time with nanosecond precision: epoch milliseconds plus the sub-millisecond
 * nanoseconds (0–999 999). String event times carry up to 9 fraction digits (spec A11),
 * more than a JS number holds, so the remainder is kept apart.
 */
export interface Instant {
  readonly ms: number;
  readonly nanos: number;
}

export const compareInstants = (a: Instant, b: Instant): number => a.ms - b.ms || a.nanos - b.nanos;

export const instantFromMs = (ms: number): Instant => ({ ms, nanos: 0 });

/** The first and last instants an event time may take (spec §6.1). */
export const MIN_EVENT_TIME_MS = -62_167_219_200_000; // 0000-01-01T00:00:00Z
export const MAX_EVENT_TIME_MS = 253_402_300_799_999; // 9999-12-31T23:59:59.999Z

/** Days since 1970-01-01 of a proleptic Gregorian date; exact for year 0 onwards. */
export const daysFromCivil = (year: number, month: number, day: number): number => {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
};

export const daysInMonth = (year: number, month: number): number =>
  month === 2
    ? year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)
      ? 29
      : 28
    : month === 4 || month === 6 || month === 9 || month === 11
      ? 30
      : 31;

const pad = (value: number, width: number): string => String(value).padStart(width, '0');

/** Years past 9999 (an ExpiresAt far ahead) carry a `+`, as `Instant.toString()` writes them. */
const yearText = (year: number): string => (year > 9999 ? `+${year}` : pad(year, 4));

/**
 * `YYYY-MM-DDTHH:mm:ssZ`, with a fraction only when it is not zero, in groups of 3 digits
 * (the `Instant.toString()` style chosen for ExpiresAt, spec A20).
 */
export const formatInstant = (instant: Instant): string => {
  const date = new Date(instant.ms - (((instant.ms % 1000) + 1000) % 1000));
  const millis = ((instant.ms % 1000) + 1000) % 1000;
  const base =
    `${yearText(date.getUTCFullYear())}-${pad(date.getUTCMonth() + 1, 2)}-${pad(date.getUTCDate(), 2)}` +
    `T${pad(date.getUTCHours(), 2)}:${pad(date.getUTCMinutes(), 2)}:${pad(date.getUTCSeconds(), 2)}`;
  if (millis === 0 && instant.nanos === 0) return `${base}Z`;
  let fraction = pad(millis, 3) + pad(instant.nanos, 6);
  fraction = fraction.endsWith('000000')
    ? fraction.slice(0, 3)
    : fraction.endsWith('000')
      ? fraction.slice(0, 6)
      : fraction;
  return `${base}.${fraction}Z`;
};

/** Millisecond ISO-8601 form used for `api_invocation_time` and `write_time`. */
export const formatTimestamp = (ms: number): string => new Date(ms).toISOString();
