import { expiresAt, isExpired, ttlMilliseconds } from './ttl.js';

test.each([
  ['Seconds', 1000],
  ['Minutes', 60_000],
  ['Hours', 3_600_000],
  ['Days', 86_400_000],
  ['Weeks', 604_800_000],
] as const)('one %s is %d ms', (Unit, ms) => {
  expect(ttlMilliseconds({ Unit, Value: 1 })).toBe(ms);
  expect(ttlMilliseconds({ Unit, Value: 7 })).toBe(7 * ms);
});

test('ExpiresAt keeps the sub-millisecond part of the EventTime', () => {
  expect(expiresAt({ ms: 1000, nanos: 42 }, { Unit: 'Seconds', Value: 2 })).toEqual({ ms: 3000, nanos: 42 });
});

describe('isExpired (expired once now >= ExpiresAt, spec A19)', () => {
  test('no ExpiresAt never expires', () => {
    expect(isExpired(undefined, Number.MAX_SAFE_INTEGER)).toBe(false);
  });

  test('on a whole millisecond: expired from that millisecond on', () => {
    expect(isExpired({ ms: 1000, nanos: 0 }, 999)).toBe(false);
    expect(isExpired({ ms: 1000, nanos: 0 }, 1000)).toBe(true);
  });

  test('with nanoseconds: the clock (whole milliseconds) reaches it only at the next millisecond', () => {
    expect(isExpired({ ms: 1000, nanos: 1 }, 1000)).toBe(false);
    expect(isExpired({ ms: 1000, nanos: 1 }, 1001)).toBe(true);
  });
});
