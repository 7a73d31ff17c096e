/** Milliseconds, or a human duration such as `'90s'`, `'15m'`, `'1h 30m'`, `'2d'`, `'1w'`, `'250ms'`. */
export type DurationInput = number | string;

const UNIT_MS: Readonly<Record<string, number>> = {
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
  w: 604_800_000,
};

const PART = /(\d+(?:\.\d+)?)\s*(ms|s|m|h|d|w)/gy;

export const parseDuration = (input: DurationInput): number => {
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) throw new RangeError(`Invalid duration: ${input}`);
    return input;
  }
  const text = input.replace(/\s+/g, '');
  if (text === '') throw new RangeError('Invalid duration: empty string');
  let total = 0;
  let consumed = 0;
  PART.lastIndex = 0;
  for (let match = PART.exec(text); match !== null; match = PART.exec(text)) {
    total += Number(match[1]) * (UNIT_MS[match[2] as string] as number);
    consumed = PART.lastIndex;
  }
  if (consumed !== text.length) {
    throw new RangeError(`Invalid duration '${input}': use milliseconds or units ms, s, m, h, d, w (e.g. '1h 30m')`);
  }
  return total;
};
