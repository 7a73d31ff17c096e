import { featureGroupKey, type CallTarget } from './call-targets.js';
import { parseDuration, type DurationInput } from './duration.js';
import { FeatureStoreError, type FeatureStoreErrorCode } from './errors.js';
import { isOperationName, operations as operationTable } from './operations/index.js';

/** Error codes a fault may answer with: the service's own, or any other code (surfaced as the SDK's base exception). */
export type InjectableErrorCode =
  | 'ThrottlingException'
  | 'ServiceUnavailable'
  | 'InternalFailure'
  | 'AccessForbidden'
  | 'ValidationError'
  | 'ResourceNotFound'
  | 'ConflictException'
  | FeatureStoreErrorCode;

/** Something with a name, such as an SDK command class (`PutRecordCommand`). */
export interface Named {
  readonly name: string;
}

/**
 * What to break, and how. A rule matches a call by operation, feature group, record
 * identifier and region (each optional); while it has uses left, a matching call fails
 * with `error`, answers after `delay`, or (batch operations) leaves the matching entries
 * unprocessed.
 */
export interface FaultRule {
  /** `'PutRecord'`, `'PutRecordCommand'` or the command class; a list for several. Default: every operation. */
  readonly operation?: string | Named | readonly (string | Named)[];
  /** Feature group name or ARN (case-insensitive). Default: any. */
  readonly featureGroup?: string;
  /** Record identifier value. Default: any. */
  readonly recordIdentifier?: string;
  /** Region of the calling client. Default: any. */
  readonly region?: string;
  /** Fail the call with this error code; the call changes no state. */
  readonly error?: InjectableErrorCode;
  /** The error's message; a default per code otherwise. */
  readonly message?: string;
  /** HTTP status of the error; by default the one the protocol gives the code (e.g. 503 for ServiceUnavailable). */
  readonly httpStatus?: number;
  /** Answer only after this long on the emulator's clock: `'200ms'`, `'2s'` or milliseconds. */
  readonly delay?: DurationInput;
  /**
   * Batch operations: leave the matching entries out, in `UnprocessedIdentifiers`
   * (BatchGetRecord) or `UnprocessedEntries` (BatchWriteRecord); the rest are processed.
   */
  readonly unprocessed?: boolean;
  /** Apply to this many calls, then stop. Default: every matching call. */
  readonly times?: number;
  /** Chance in [0, 1] that a matching call (or batch entry, for `unprocessed`) is affected; seeded, so reproducible. */
  readonly probability?: number;
}

/** An added rule: how often it applied, and the way to take it out. */
export interface Fault {
  readonly rule: FaultRule;
  /** Calls it has affected so far. */
  readonly hits: number;
  /** Uses left: `Infinity` without `times`. */
  readonly remaining: number;
  /** For messages and call history, e.g. `ThrottlingException on PutRecord customers/c1`. */
  readonly description: string;
  remove(): void;
}

/** What the injector decided for one call. */
export interface CallFaults {
  /** Fail the call with this error instead of running it. */
  readonly error: FeatureStoreError | undefined;
  /** Answer after this many milliseconds of the emulator's clock. */
  readonly delayMs: number;
  /** True when a batch entry with this target is to be left unprocessed. */
  isUnprocessed(target: CallTarget): boolean;
  /** Every rule that affected the call (read after the batch entries were checked). */
  readonly applied: readonly Fault[];
}

/** One call, as the injector sees it. */
export interface FaultCall {
  readonly operation: string;
  readonly targets: readonly CallTarget[];
  readonly region: string | undefined;
}

/** Messages in the service's style for the codes testers inject most. */
const DEFAULT_MESSAGES: Readonly<Record<string, string>> = {
  ThrottlingException: 'Rate exceeded',
  ServiceUnavailable: 'The service is unavailable. Please try again later.',
  InternalFailure: 'Internal server error. Please try again later.',
  AccessForbidden: 'User is not authorized to perform this operation.',
};

const RULE_KEYS: ReadonlySet<string> = new Set([
  'operation',
  'featureGroup',
  'recordIdentifier',
  'region',
  'error',
  'message',
  'httpStatus',
  'delay',
  'unprocessed',
  'times',
  'probability',
]);

const BATCH_OPERATIONS: ReadonlySet<string> = new Set(['BatchGetRecord', 'BatchWriteRecord']);

/** mulberry32: a small, fast, seedable PRNG; the same seed gives the same fault sequence. */
export const seededRandom = (seed: number): (() => number) => {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
};

export const DEFAULT_FAULT_SEED = 1;

const operationName = (operation: string | Named): string =>
  (typeof operation === 'string' ? operation : operation.name).replace(/Command$/, '');

const describeRule = (rule: FaultRule, operations: readonly string[] | undefined): string => {
  const effects = [
    rule.error === undefined ? undefined : rule.error,
    rule.delay === undefined ? undefined : `delay ${String(rule.delay)}`,
    rule.unprocessed === true ? 'unprocessed entries' : undefined,
  ].filter((part) => part !== undefined);
  const where = [
    operations === undefined ? 'every operation' : operations.join('|'),
    rule.featureGroup === undefined
      ? undefined
      : `${rule.featureGroup}${rule.recordIdentifier === undefined ? '' : `/${rule.recordIdentifier}`}`,
    rule.featureGroup === undefined && rule.recordIdentifier !== undefined
      ? `record ${rule.recordIdentifier}`
      : undefined,
    rule.region === undefined ? undefined : rule.region,
  ].filter((part) => part !== undefined);
  return `${effects.join(' + ')} on ${where.join(' ')}`;
};

const checkRule = (rule: FaultRule): void => {
  const unknown = Object.keys(rule).filter((key) => !RULE_KEYS.has(key));
  if (unknown.length > 0) {
    throw new TypeError(
      `Unknown fault rule option ${unknown.join(', ')}; the options are ${[...RULE_KEYS].join(', ')}.`,
    );
  }
  if (rule.error === undefined && rule.delay === undefined && rule.unprocessed !== true) {
    throw new TypeError('A fault rule needs an effect: error, delay or unprocessed: true.');
  }
  if (rule.times !== undefined && !(Number.isInteger(rule.times) && rule.times >= 1)) {
    throw new RangeError(`Fault rule times must be an integer >= 1, got ${String(rule.times)}.`);
  }
  if (rule.probability !== undefined && !(rule.probability >= 0 && rule.probability <= 1)) {
    throw new RangeError(`Fault rule probability must be in [0, 1], got ${String(rule.probability)}.`);
  }
  if (rule.delay !== undefined && parseDuration(rule.delay) < 0) {
    throw new RangeError(`Fault rule delay must be >= 0, got ${String(rule.delay)}.`);
  }
};

class FaultEntry implements Fault {
  hits = 0;
  remaining: number;
  readonly description: string;
  readonly operations: ReadonlySet<string> | undefined;
  readonly delayMs: number;
  readonly featureGroupKey: string | undefined;

  constructor(
    readonly rule: FaultRule,
    private readonly owner: FaultInjector,
  ) {
    checkRule(rule);
    const operations =
      rule.operation === undefined
        ? undefined
        : (Array.isArray(rule.operation) ? rule.operation : [rule.operation as string | Named]).map(operationName);
    const unknown = (operations ?? []).filter((name) => !isOperationName(name));
    if (unknown.length > 0) {
      throw new TypeError(
        `Fault rule operation ${unknown.join(', ')} is not an operation the emulator answers; ` +
          `it answers ${Object.keys(operationTable).join(', ')}.`,
      );
    }
    this.operations = operations === undefined ? undefined : new Set(operations);
    this.remaining = rule.times ?? Infinity;
    this.delayMs = rule.delay === undefined ? 0 : parseDuration(rule.delay);
    this.featureGroupKey = rule.featureGroup === undefined ? undefined : featureGroupKey(rule.featureGroup);
    this.description = describeRule(rule, operations);
  }

  remove(): void {
    this.owner.remove(this);
  }

  matchesTarget(target: CallTarget): boolean {
    return (
      (this.featureGroupKey === undefined || featureGroupKey(target.featureGroupName) === this.featureGroupKey) &&
      (this.rule.recordIdentifier === undefined || target.recordIdentifier === this.rule.recordIdentifier)
    );
  }

  matchesCall(call: FaultCall): boolean {
    if (this.operations !== undefined && !this.operations.has(call.operation)) return false;
    if (this.rule.region !== undefined && call.region !== this.rule.region) return false;
    if (this.rule.unprocessed === true && !BATCH_OPERATIONS.has(call.operation)) return false;
    if (this.featureGroupKey === undefined && this.rule.recordIdentifier === undefined) return true;
    return call.targets.some((target) => this.matchesTarget(target));
  }

  use(): void {
    this.hits += 1;
    this.remaining -= 1;
  }

  toError(): FeatureStoreError {
    const code = this.rule.error as string;
    return new FeatureStoreError(
      code,
      this.rule.message ?? DEFAULT_MESSAGES[code] ?? `${code} (injected by sagemaker-featurestore-mock)`,
      this.rule.httpStatus,
    );
  }
}

/**
 * The fault rules of one emulator. Pure: it decides what happens to a call; the adapter
 * applies the delay on its clock and the core never sees a call that fails.
 */
export class FaultInjector {
  private entries: FaultEntry[] = [];
  private random: () => number;

  constructor(private seed: number = DEFAULT_FAULT_SEED) {
    this.random = seededRandom(seed);
  }

  add(rule: FaultRule): Fault {
    const entry = new FaultEntry(rule, this);
    this.entries.push(entry);
    return entry;
  }

  remove(fault: Fault): void {
    this.entries = this.entries.filter((entry) => entry !== fault);
  }

  /** Removes every rule and restarts the random sequence from the seed. */
  clear(): void {
    this.entries = [];
    this.random = seededRandom(this.seed);
  }

  /** Restarts the random sequence, from a new seed when one is given. */
  reseed(seed: number = this.seed): void {
    this.seed = seed;
    this.random = seededRandom(seed);
  }

  /** The rules in the order they were added (the order they are checked in). */
  list(): readonly Fault[] {
    return [...this.entries];
  }

  get size(): number {
    return this.entries.length;
  }

  /**
   * Rules are checked in the order added; each matching rule with uses left applies:
   * delays add up, the first error wins (later error rules are not used up), and a batch
   * entry is unprocessed when any unprocessed rule takes it. Undefined when nothing applies.
   */
  decide(call: FaultCall): CallFaults | undefined {
    let error: FeatureStoreError | undefined;
    let delayMs = 0;
    const applied: FaultEntry[] = [];
    const unprocessedRules: FaultEntry[] = [];
    for (const entry of this.entries) {
      if (entry.remaining <= 0 || !entry.matchesCall(call)) continue;
      if (entry.rule.unprocessed === true) {
        unprocessedRules.push(entry);
        continue;
      }
      if (error !== undefined && entry.rule.error !== undefined) continue;
      if (entry.rule.probability !== undefined && this.random() >= entry.rule.probability) continue;
      entry.use();
      applied.push(entry);
      delayMs += entry.delayMs;
      if (entry.rule.error !== undefined) error = entry.toError();
    }
    if (applied.length === 0 && unprocessedRules.length === 0) return undefined;
    const random = this.random;
    return {
      error,
      delayMs,
      applied,
      isUnprocessed(target) {
        for (const entry of unprocessedRules) {
          const usedHere = applied.includes(entry);
          if ((!usedHere && entry.remaining <= 0) || !entry.matchesTarget(target)) continue;
          if (entry.rule.probability !== undefined && random() >= entry.rule.probability) continue;
          if (!usedHere) {
            entry.use();
            applied.push(entry);
          }
          return true;
        }
        return false;
      },
    };
  }
}
