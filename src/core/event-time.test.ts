import fc from 'fast-check';
import { parseEventTime, parseFractionalEventTime, parseIsoEventTime } from './event-time.js';
import { MAX_EVENT_TIME_MS, MIN_EVENT_TIME_MS } from './instant.js';

describe('parseIsoEventTime', () => {
  test('splits the fraction into milliseconds and the nanoseconds below them', () => {
    expect(parseIsoEventTime('1970-01-01T00:00:00.123456789Z')).toEqual({ ms: 123, nanos: 456_789 });
    expect(parseIsoEventTime('1970-01-01T00:00:00.1Z')).toEqual({ ms: 100, nanos: 0 });
    expect(parseIsoEventTime('1970-01-01T00:00:00.0000001Z')).toEqual({ ms: 0, nanos: 100 });
    expect(parseIsoEventTime('1970-01-01T00:00:01Z')).toEqual({ ms: 1000, nanos: 0 });
  });

  test('before 1970 the milliseconds are negative and the nanoseconds still count forward', () => {
    expect(parseIsoEventTime('1969-12-31T23:59:59.999Z')).toEqual({ ms: -1, nanos: 0 });
    expect(parseIsoEventTime('1969-12-31T23:59:59.999000001Z')).toEqual({ ms: -1, nanos: 1 });
  });

  test('the range ends are exactly the documented ones', () => {
    expect(parseIsoEventTime('0000-01-01T00:00:00Z')).toEqual({ ms: MIN_EVENT_TIME_MS, nanos: 0 });
    expect(parseIsoEventTime('9999-12-31T23:59:59.999999999Z')).toEqual({ ms: MAX_EVENT_TIME_MS, nanos: 999_999 });
  });

  test.each([
    ['2000-02-29T00:00:00Z', true], // divisible by 400
    ['2024-02-29T00:00:00Z', true],
    ['0000-02-29T00:00:00Z', true], // year 0 is a leap year in the proleptic Gregorian calendar
    ['1900-02-29T00:00:00Z', false], // divisible by 100, not 400
    ['2100-02-29T00:00:00Z', false],
    ['2026-04-31T00:00:00Z', false],
    ['2026-00-10T00:00:00Z', false],
    ['2026-01-00T00:00:00Z', false],
  ])('calendar check: %s valid = %s', (text, valid) => {
    expect(parseIsoEventTime(text) !== undefined).toBe(valid);
  });

  test('agrees with Date.parse on every millisecond instant from year 0 to 9999', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date(MIN_EVENT_TIME_MS), max: new Date(MAX_EVENT_TIME_MS), noInvalidDate: true }),
        (date) => {
          expect(parseIsoEventTime(date.toISOString())).toEqual({ ms: date.getTime(), nanos: 0 });
        },
      ),
    );
  });
});

describe('parseIsoEventTime reads exactly the pattern yyyy-MM-ddTHH:mm:ss[.f{1,9}]Z', () => {
  const PATTERN = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?Z$/;
  /** The text as the pattern splits it, and whether each field is in range. */
  const reference = (text: string) => {
    const match = PATTERN.exec(text);
    if (match === null) return undefined;
    const [year, month, day, hour, minute, second] = match.slice(1, 7).map(Number) as number[];
    const date = new Date(0);
    date.setUTCFullYear(year as number, (month as number) - 1, day as number);
    if (
      date.getUTCMonth() !== (month as number) - 1 ||
      (hour as number) > 23 ||
      (minute as number) > 59 ||
      (second as number) > 59
    ) {
      return undefined;
    }
    const fraction = (match[7] ?? '').padEnd(9, '0');
    date.setUTCHours(hour as number, minute as number, second as number, Number(fraction.slice(0, 3)));
    return { ms: date.getTime(), nanos: Number(fraction.slice(3)) };
  };
  const pieces = fc.constantFrom('0', '1', '2', '9', '5', 'a', '-', ':', 'T', 'Z', '.', ' ', '\u0660');
  const nearlyValid = fc
    .tuple(
      fc.date({ min: new Date(MIN_EVENT_TIME_MS), max: new Date(MAX_EVENT_TIME_MS), noInvalidDate: true }),
      fc.stringMatching(/^(\.\d{0,11})?$/),
      fc.nat(30),
      pieces,
    )
    .map(([date, fraction, at, piece]) => {
      const text = `${date.toISOString().slice(0, 19)}${fraction}Z`;
      return at < text.length && at % 3 === 0 ? text.slice(0, at) + piece + text.slice(at + 1) : text;
    });

  test('agrees with the regular expression on valid, nearly valid and invalid texts', () => {
    fc.assert(
      fc.property(fc.oneof(nearlyValid, fc.string({ maxLength: 32 })), (text) => {
        expect(parseIsoEventTime(text)).toEqual(reference(text));
      }),
      { numRuns: 5000 },
    );
  });
});

describe('parseFractionalEventTime', () => {
  test.each([
    ['1700000000', 1_700_000_000_000],
    ['1700000000.123', 1_700_000_000_123],
    ['1.7e9', 1_700_000_000_000],
    ['+5', 5000],
    ['.5', 500],
    ['5.', 5000],
    ['-1.5', -1500],
    ['0.0004', 0],
    ['1700000000.1239', 1_700_000_000_124],
  ])('%s → %d ms (millisecond precision, rounded)', (text, ms) => {
    expect(parseFractionalEventTime(text)).toEqual({ ms, nanos: 0 });
  });

  test.each([
    '',
    ' 1',
    '1 ',
    '1,5',
    '0x10',
    'NaN',
    'Infinity',
    '-Infinity',
    '1e400',
    '1e',
    'e5',
    '--1',
    '253402300800',
    '-62167219201',
  ])('rejects %j', (text) => {
    expect(parseFractionalEventTime(text)).toBeUndefined();
  });
});

test('parseEventTime parses by the event-time feature type', () => {
  expect(parseEventTime('String', '1970-01-01T00:00:01Z')).toEqual({ ms: 1000, nanos: 0 });
  expect(parseEventTime('String', '1')).toBeUndefined();
  expect(parseEventTime('Fractional', '1')).toEqual({ ms: 1000, nanos: 0 });
  expect(parseEventTime('Fractional', '1970-01-01T00:00:01Z')).toBeUndefined();
});
