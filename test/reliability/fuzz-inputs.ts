import fc from 'fast-check';
import { runtimeCallArb, type Input } from '../model/scenario.js';

/**
 * Bad input for the fuzz tests: a valid call from the model scenario, then one or two
 * mutations at random places in its input: a member removed, replaced by a value of another
 * kind, or an extra member added. The junk values have names, so a shrunk counterexample
 * reads as "replace record.1.valueAsString with huge".
 */

const deep = (levels: number, leaf: unknown, asArray: boolean): unknown => {
  let value = leaf;
  for (let i = 0; i < levels; i++) value = asArray ? [value] : { a: value };
  return value;
};

/** Junk that JSON can carry (raw HTTP and SDK). Values are built on use: some are large. */
export const JSON_JUNK: Readonly<Record<string, () => unknown>> = {
  number: () => 42,
  negative: () => -1,
  float: () => 1.5,
  zero: () => 0,
  int32Max: () => 2_147_483_647,
  beyondInt32: () => 2_147_483_648,
  beyondSafeInteger: () => 2 ** 53 + 2,
  huge1e300: () => 1e300,
  true: () => true,
  null: () => null,
  emptyString: () => '',
  emptyObject: () => ({}),
  emptyArray: () => [],
  stringArray: () => ['x'],
  numberArray: () => [1, 2],
  object: () => ({ x: 'y' }),
  /** One character over the model's 358,400-character ValueAsString. */
  hugeString: () => 'x'.repeat(358_401),
  /** 358,400 characters but 716,800 UTF-8 bytes: within the model's length, over the 350 KB record quota. */
  hugeUtf8: () => 'é'.repeat(358_400),
  /** 3 KB: over the 2 KB record identifier quota, within every length limit. */
  threeKb: () => 'k'.repeat(3 * 1024),
  longList: () => Array.from({ length: 2000 }, (_, i) => String(i)),
  deepObject: () => deep(500, 'x', false),
  deepArray: () => deep(500, 'x', true),
  unknownEnum: () => 'Bogus',
  lowerCaseEnum: () => 'onlinestore',
  loneSurrogate: () => '\uD800',
  emoji: () => '😀',
  nul: () => '\u0000',
  newline: () => 'a\nb',
  spaces: () => '  ',
  isoTime: () => '2026-01-01T00:00:00Z',
  epochSeconds: () => '1767225600',
  nanString: () => 'NaN',
  infinityString: () => 'Infinity',
  arnOtherRegion: () => 'arn:aws:sagemaker:eu-west-1:123456789012:feature-group/std-both',
  arnOtherAccount: () => 'arn:aws:sagemaker:us-east-1:111122223333:feature-group/std-both',
  arnOtherPartition: () => 'arn:aws-cn:sagemaker:us-east-1:123456789012:feature-group/std-both',
  arnUpperCaseName: () => 'arn:aws:sagemaker:us-east-1:123456789012:feature-group/STD-BOTH',
  arnShortAccount: () => 'arn:aws:sagemaker:us-east-1:12345:feature-group/std-both',
  arnOfV2: () => 'arn:aws:sagemaker:us-east-1:123456789012:feature-group/v2-both-ttl',
  otherGroupName: () => 'mem',
  protoKey: () => '__proto__',
};

/** Junk only a JavaScript caller can pass: the SDK meets it before any JSON exists. */
export const SDK_ONLY_JUNK: Readonly<Record<string, () => unknown>> = {
  nan: () => Number.NaN,
  infinity: () => Number.POSITIVE_INFINITY,
  negativeInfinity: () => Number.NEGATIVE_INFINITY,
  undefined: () => undefined,
  bigint: () => 10n,
  date: () => new Date(0),
  cyclicObject: () => {
    const value: Record<string, unknown> = { FeatureName: 'age', ValueAsString: '1' };
    value.self = value;
    return value;
  },
  cyclicArray: () => {
    const value: unknown[] = ['x'];
    value.push(value);
    return value;
  },
  symbol: () => Symbol('x'),
  function: () => () => 'x',
};

type Path = readonly (string | number)[];

/** Every place in a value: the root, each member and each list element, depth first. */
export const pathsOf = (value: unknown, path: Path = [], seen = new WeakSet<object>()): Path[] => {
  const paths: Path[] = [path];
  if (typeof value !== 'object' || value === null || seen.has(value)) return paths;
  seen.add(value);
  if (Array.isArray(value)) value.forEach((item, i) => paths.push(...pathsOf(item, [...path, i], seen)));
  else for (const [key, item] of Object.entries(value)) paths.push(...pathsOf(item, [...path, key], seen));
  return paths;
};

export interface Mutation {
  readonly kind: 'remove' | 'replace' | 'extra';
  /** Index into `pathsOf(input)`, taken modulo its length. */
  readonly at: number;
  readonly junk: string;
  /** For `extra`: the member name added. */
  readonly member: string;
}

const EXTRA_MEMBERS = ['Extra', 'featureGroupName', 'ValueAsString', 'EventTime', '__proto__', 'constructor'];

export const mutationArb = (junk: readonly string[]): fc.Arbitrary<Mutation> =>
  fc.record({
    kind: fc.constantFrom('remove' as const, 'replace' as const, 'replace' as const, 'extra' as const),
    at: fc.nat(1000),
    junk: fc.constantFrom(...junk),
    member: fc.constantFrom(...EXTRA_MEMBERS),
  });

const junkValue = (name: string): unknown => (JSON_JUNK[name] ?? SDK_ONLY_JUNK[name])!();

/** Applies mutations to a deep copy of `input`; the result may be any value at all. */
export const mutate = (input: Input, mutations: readonly Mutation[]): unknown => {
  let root: unknown = structuredClone(input);
  for (const mutation of mutations) {
    const paths = pathsOf(root);
    const path = paths[mutation.at % paths.length]!;
    const value = junkValue(mutation.junk);
    if (path.length === 0) {
      if (mutation.kind === 'replace') root = value;
      else if (mutation.kind === 'extra' && typeof root === 'object' && root !== null && !Array.isArray(root)) {
        Object.defineProperty(root, mutation.member, { value, enumerable: true, configurable: true, writable: true });
      }
      continue;
    }
    const parent = path.slice(0, -1).reduce<unknown>((at, key) => (at as Record<string | number, unknown>)[key], root);
    const key = path[path.length - 1]!;
    const container = parent as Record<string | number, unknown>;
    if (mutation.kind === 'remove') {
      if (Array.isArray(container)) container.splice(key as number, 1);
      else delete container[key];
    } else if (mutation.kind === 'replace') {
      container[key] = value;
    } else {
      const target = container[key];
      if (typeof target === 'object' && target !== null && !Array.isArray(target)) {
        // defineProperty, so `__proto__` becomes a member and not the prototype.
        Object.defineProperty(target, mutation.member, { value, enumerable: true, configurable: true, writable: true });
      }
    }
  }
  return root;
};

export interface FuzzCase {
  readonly call: { readonly op: string; readonly input: Input };
  readonly mutations: readonly Mutation[];
}

export const fuzzCaseArb = (junk: readonly string[]): fc.Arbitrary<FuzzCase> =>
  fc.record({ call: runtimeCallArb, mutations: fc.array(mutationArb(junk), { minLength: 1, maxLength: 2 }) });

/** JSON for messages: long strings shortened, so a counterexample with a 350 KB value stays readable. */
export const brief = (value: unknown): string => {
  const seen = new WeakSet<object>();
  return (
    JSON.stringify(value, (_key, item: unknown) => {
      if (typeof item === 'string' && item.length > 80) return `${item.slice(0, 20)}…(${item.length} chars)`;
      if (typeof item === 'bigint' || typeof item === 'symbol' || typeof item === 'function') return String(item);
      if (typeof item === 'number' && !Number.isFinite(item)) return String(item);
      if (typeof item === 'object' && item !== null) {
        if (seen.has(item)) return '[cycle]';
        seen.add(item);
      }
      return item;
    }) ?? String(value)
  );
};
