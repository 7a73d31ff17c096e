import { parseDuration } from './duration.js';

describe('parseDuration', () => {
  test.each([
    [250, 250],
    [0, 0],
    ['250ms', 250],
    ['90s', 90_000],
    ['15m', 900_000],
    ['2h', 7_200_000],
    ['1d', 86_400_000],
    ['1w', 604_800_000],
    ['1h 30m', 5_400_000],
    ['1h30m', 5_400_000],
    ['1m5s', 65_000],
    ['1.5h', 5_400_000],
    ['1d 6h', 108_000_000],
    ['  2 m  ', 120_000],
  ])('%j → %d ms', (input, ms) => {
    expect(parseDuration(input)).toBe(ms);
  });

  test.each(['', '   ', '5', '5x', '-5s', '1h and 5m', '1m1', 'ms', '1 hour'])('rejects %j', (input) => {
    expect(() => parseDuration(input)).toThrow(RangeError);
  });

  test.each([Number.NaN, Number.POSITIVE_INFINITY])('rejects the number %d', (input) => {
    expect(() => parseDuration(input)).toThrow(RangeError);
  });

  test('explains the accepted units', () => {
    expect(() => parseDuration('3y')).toThrow(/units ms, s, m, h, d, w/);
  });
});
