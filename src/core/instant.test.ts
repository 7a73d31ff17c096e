import fc from 'fast-check';
import { parseIsoEventTime } from './event-time.js';
import {
  compareInstants,
  daysFromCivil,
  formatInstant,
  formatTimestamp,
  MAX_EVENT_TIME_MS,
  MIN_EVENT_TIME_MS,
} from './instant.js';

describe('formatInstant (the ExpiresAt text, spec A20)', () => {
  test.each([
    [{ ms: 0, nanos: 0 }, '1970-01-01T00:00:00Z'],
    [{ ms: 1, nanos: 0 }, '1970-01-01T00:00:00.001Z'],
    [{ ms: 1500, nanos: 0 }, '1970-01-01T00:00:01.500Z'],
    [{ ms: 0, nanos: 1000 }, '1970-01-01T00:00:00.000001Z'],
    [{ ms: 123, nanos: 456_000 }, '1970-01-01T00:00:00.123456Z'],
    [{ ms: 0, nanos: 1 }, '1970-01-01T00:00:00.000000001Z'],
    [{ ms: 123, nanos: 456_789 }, '1970-01-01T00:00:00.123456789Z'],
    [{ ms: -1, nanos: 0 }, '1969-12-31T23:59:59.999Z'],
    [{ ms: -1000, nanos: 0 }, '1969-12-31T23:59:59Z'],
    [{ ms: -1, nanos: 500_000 }, '1969-12-31T23:59:59.999500Z'],
    [{ ms: MIN_EVENT_TIME_MS, nanos: 0 }, '0000-01-01T00:00:00Z'],
    [{ ms: MAX_EVENT_TIME_MS, nanos: 999_999 }, '9999-12-31T23:59:59.999999999Z'],
  ])('%o → %s', (instant, text) => {
    expect(formatInstant(instant)).toBe(text);
  });

  test('drops a zero fraction and keeps 3, 6 or 9 digits otherwise', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: MIN_EVENT_TIME_MS, max: MAX_EVENT_TIME_MS }),
        fc.integer({ min: 0, max: 999_999 }),
        (ms, nanos) => {
          expect(formatInstant({ ms, nanos })).toMatch(
            /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.(\d{3}|\d{6}|\d{9}))?Z$/,
          );
        },
      ),
    );
  });

  test('parses back to the same instant', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: MIN_EVENT_TIME_MS, max: MAX_EVENT_TIME_MS }),
        fc.integer({ min: 0, max: 999_999 }),
        (ms, nanos) => {
          expect(parseIsoEventTime(formatInstant({ ms, nanos }))).toEqual({ ms, nanos });
        },
      ),
    );
  });
});

test('formatTimestamp is the millisecond ISO form used for write_time and api_invocation_time', () => {
  expect(formatTimestamp(0)).toBe('1970-01-01T00:00:00.000Z');
  expect(formatTimestamp(1_780_315_200_250)).toBe('2026-06-01T12:00:00.250Z');
});

test('compareInstants orders by milliseconds, then nanoseconds', () => {
  expect(compareInstants({ ms: 1, nanos: 0 }, { ms: 0, nanos: 999_999 })).toBeGreaterThan(0);
  expect(compareInstants({ ms: 1, nanos: 1 }, { ms: 1, nanos: 2 })).toBeLessThan(0);
  expect(compareInstants({ ms: -5, nanos: 3 }, { ms: -5, nanos: 3 })).toBe(0);
});

test('daysFromCivil agrees with Date from year 0 to 9999', () => {
  fc.assert(
    fc.property(
      fc.integer({ min: MIN_EVENT_TIME_MS / 86_400_000, max: Math.floor(MAX_EVENT_TIME_MS / 86_400_000) }),
      (day) => {
        const date = new Date(day * 86_400_000);
        expect(daysFromCivil(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate())).toBe(day);
      },
    ),
  );
});
