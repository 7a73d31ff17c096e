import type { FeatureStoreMock } from '../sdk/mock-feature-store.js';
import { operationOf, type CommandRef, type RecordedCall } from '../sdk/call-history.js';
import {
  explainOfflineAbsence,
  explainOnlineAbsence,
  type FeatureGroup,
  type OfflineRecord,
  type OnlineRecord,
} from '../core/index.js';

/** The bits of jest's and vitest's matcher context the matchers use. */
export interface MatcherContext {
  readonly isNot: boolean;
  readonly equals: (a: unknown, b: unknown) => boolean;
  readonly utils: {
    printExpected(value: unknown): string;
    printReceived(value: unknown): string;
    matcherHint(name: string, received?: string, expected?: string, options?: { isNot?: boolean }): string;
  };
}

export interface MatcherResult {
  readonly pass: boolean;
  readonly message: () => string;
}

const isMock = (value: unknown): value is FeatureStoreMock =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as FeatureStoreMock).offlineRecords === 'function' &&
  typeof (value as FeatureStoreMock).commandCalls === 'function';

const requireMock = (received: unknown, matcher: string): FeatureStoreMock => {
  if (!isMock(received)) {
    throw new TypeError(
      `${matcher} expects the feature store mock (from mockFeatureStore() or 'sagemaker-featurestore-mock/jest'), got ${typeof received}`,
    );
  }
  return received;
};

/** Partial match: every expected key equals the actual one (asymmetric matchers welcome). */
const containsAll = (
  ctx: MatcherContext,
  actual: Record<string, unknown>,
  expected: Record<string, unknown>,
): boolean => Object.keys(expected).every((key) => ctx.equals(actual[key], expected[key]));

const show = (ctx: MatcherContext, label: string, value: unknown): string =>
  `${label}: ${ctx.utils.printReceived(value)}`;

/** The group an inspection call resolved; the handle has already thrown for an unknown one. */
const groupOf = (mock: FeatureStoreMock, featureGroupName: string): FeatureGroup =>
  mock.store.findFeatureGroup(featureGroupName) as FeatureGroup;

/** `\nLikely cause: ...` when there is one to tell. */
const cause = (reason: string | undefined): string => (reason === undefined ? '' : `\nLikely cause: ${reason}`);

/** A line for a matcher on calls that names a feature group nobody declared (a typo, most often). */
const undeclared = (mock: FeatureStoreMock, featureGroupName: string): string => {
  if (mock.store.findFeatureGroup(featureGroupName) !== undefined) return '';
  const known = mock.featureGroupNames();
  return `\nNote: no feature group '${featureGroupName}' is declared (declared: ${known.length === 0 ? 'none' : known.join(', ')}).`;
};

/** Said when nothing at all reached the emulator. */
const NOTHING_RECEIVED =
  '\nLikely cause: no call reached the emulator since the last reset. The code under test did not run or ' +
  'was not awaited, or its client was created with a stub in front (aws-sdk-client-mock answers before the emulator).';

/**
 * `expect(featureStore).toHaveOfflineDeleteMarker('customers', 'c1', eventTime?)`: the
 * offline store holds an `is_deleted = true` row for the record (and that EventTime).
 */
export function toHaveOfflineDeleteMarker(
  this: MatcherContext,
  received: unknown,
  featureGroupName: string,
  recordIdentifier: string,
  eventTime?: string,
): MatcherResult {
  const mock = requireMock(received, 'toHaveOfflineDeleteMarker');
  const rows = mock.offlineRecords(featureGroupName, { recordIdentifier });
  const group = mock.store.findFeatureGroup(featureGroupName);
  const eventTimeColumn = group?.eventTimeFeatureName ?? '';
  const markers = rows.filter(
    (row) => row.is_deleted && (eventTime === undefined || row[eventTimeColumn] === eventTime),
  );
  const pass = markers.length > 0;
  const reason = (): string | undefined => {
    const group = groupOf(mock, featureGroupName);
    const absent = explainOfflineAbsence(group, recordIdentifier, mock.clock.now());
    if (absent !== undefined || rows.length === 0) return absent;
    return rows.some((row) => row.is_deleted)
      ? `the record has deleted-record markers, none at EventTime ${eventTime ?? ''}.`
      : 'the record has offline rows but no marker: DeleteRecord was not called, failed, or its TargetStores left out OfflineStore.';
  };
  const what = `a deleted-record marker for ${featureGroupName}/${recordIdentifier}${eventTime === undefined ? '' : ` at ${eventTime}`}`;
  return {
    pass,
    message: () =>
      `${this.utils.matcherHint('toHaveOfflineDeleteMarker', 'featureStore', 'featureGroup, recordIdentifier', { isNot: this.isNot })}\n\n` +
      `Expected the offline store ${this.isNot ? 'not ' : ''}to hold ${what}.\n` +
      show(this, `Offline rows of ${recordIdentifier}`, rows) +
      (this.isNot ? '' : cause(reason())),
  };
}

/**
 * `expect(featureStore).toHaveOfflineRecord('customers', 'c1', { age: '42', is_deleted: false })`:
 * some offline row of the record contains every given column value.
 */
export function toHaveOfflineRecord(
  this: MatcherContext,
  received: unknown,
  featureGroupName: string,
  recordIdentifier: string,
  expected: Partial<Record<string, unknown>> = {},
): MatcherResult {
  const mock = requireMock(received, 'toHaveOfflineRecord');
  const rows: OfflineRecord[] = mock.offlineRecords(featureGroupName, { recordIdentifier });
  const pass = rows.some((row) => containsAll(this, row, expected));
  return {
    pass,
    message: () =>
      `${this.utils.matcherHint('toHaveOfflineRecord', 'featureStore', 'featureGroup, recordIdentifier, columns', { isNot: this.isNot })}\n\n` +
      `Expected ${this.isNot ? 'no' : 'an'} offline row of ${featureGroupName}/${recordIdentifier} containing ${this.utils.printExpected(expected)}.\n` +
      show(this, 'Offline rows', rows) +
      (this.isNot
        ? ''
        : cause(explainOfflineAbsence(groupOf(mock, featureGroupName), recordIdentifier, mock.clock.now()))),
  };
}

/**
 * `expect(featureStore).toHaveOnlineRecord('customers', 'c1', { age: '42' })`: the record is
 * live in the online store (not deleted or expired) and has those feature values.
 */
export function toHaveOnlineRecord(
  this: MatcherContext,
  received: unknown,
  featureGroupName: string,
  recordIdentifier: string,
  expected: Partial<Record<string, unknown>> = {},
): MatcherResult {
  const mock = requireMock(received, 'toHaveOnlineRecord');
  const record: OnlineRecord | undefined = mock.onlineRecord(featureGroupName, recordIdentifier);
  const pass = record !== undefined && !record.deleted && containsAll(this, record.features, expected);
  return {
    pass,
    message: () =>
      `${this.utils.matcherHint('toHaveOnlineRecord', 'featureStore', 'featureGroup, recordIdentifier, features', { isNot: this.isNot })}\n\n` +
      `Expected ${featureGroupName}/${recordIdentifier} ${this.isNot ? 'not ' : ''}to be live online` +
      `${Object.keys(expected).length === 0 ? '' : ` with ${this.utils.printExpected(expected)}`}.\n` +
      show(this, 'Online state', record ?? 'absent') +
      (this.isNot
        ? ''
        : cause(explainOnlineAbsence(groupOf(mock, featureGroupName), recordIdentifier, mock.clock.now()))),
  };
}

/** One line per call for failure messages: `PutRecord customers/c1 → succeeded`. */
const describeCalls = (calls: readonly RecordedCall[]): string =>
  calls.length === 0
    ? '  (none)'
    : calls
        .map((call) => {
          const targets = call.targets.map(
            (t) => `${t.featureGroupName}${t.recordIdentifier === undefined ? '' : `/${t.recordIdentifier}`}`,
          );
          const outcome = call.status === 'failed' ? `failed: ${call.error?.name ?? 'Error'}` : call.status;
          return `  ${call.operation} ${targets.join(', ') || '(no feature group)'} → ${outcome}`;
        })
        .join('\n');

const callsFor = (
  mock: FeatureStoreMock,
  command: CommandRef,
  featureGroupName: string,
  recordIdentifier: string | undefined,
): { matching: RecordedCall[]; ofCommand: RecordedCall[] } => ({
  matching: mock.commandCalls(command, { featureGroup: featureGroupName, recordIdentifier }),
  ofCommand: mock.commandCalls(command),
});

/**
 * `expect(featureStore).toHaveReceivedCommandFor(GetRecordCommand, 'customers', 'c1')`: the
 * emulator received that command (by class or name) naming the feature group and, when
 * given, the record identifier (for batches: in any entry). Failed calls count.
 */
export function toHaveReceivedCommandFor(
  this: MatcherContext,
  received: unknown,
  command: CommandRef,
  featureGroupName: string,
  recordIdentifier?: string,
): MatcherResult {
  const mock = requireMock(received, 'toHaveReceivedCommandFor');
  const operation = operationOf(command);
  const { matching } = callsFor(mock, command, featureGroupName, recordIdentifier);
  const target = `${featureGroupName}${recordIdentifier === undefined ? '' : `/${recordIdentifier}`}`;
  return {
    pass: matching.length > 0,
    message: () =>
      `${this.utils.matcherHint('toHaveReceivedCommandFor', 'featureStore', 'command, featureGroup, recordIdentifier', { isNot: this.isNot })}\n\n` +
      `Expected ${this.isNot ? 'no' : 'a'} ${operation} call for ${target}` +
      `${this.isNot ? `, got ${matching.length}` : ''}.\nCalls received:\n${describeCalls(mock.calls())}` +
      (this.isNot ? '' : undeclared(mock, featureGroupName) + (mock.calls().length === 0 ? NOTHING_RECEIVED : '')),
  };
}

const featureMap = (record: unknown): Record<string, unknown> => {
  const values: Record<string, unknown> = {};
  if (!Array.isArray(record)) return values;
  for (const value of record as { FeatureName?: unknown; ValueAsString?: unknown; ValueAsStringList?: unknown }[]) {
    if (typeof value?.FeatureName === 'string')
      values[value.FeatureName] = value.ValueAsString ?? value.ValueAsStringList;
  }
  return values;
};

/**
 * `expect(featureStore).toHaveReceivedPutRecord('customers', 'c1', { age: '42' })`: a PutRecord
 * for that group (and record) was sent, whose `Record` has those feature values (partial;
 * asymmetric matchers welcome). Failed calls count: assert on state with toHaveOnlineRecord.
 */
export function toHaveReceivedPutRecord(
  this: MatcherContext,
  received: unknown,
  featureGroupName: string,
  recordIdentifier?: string,
  features: Partial<Record<string, unknown>> = {},
): MatcherResult {
  const mock = requireMock(received, 'toHaveReceivedPutRecord');
  const { matching } = callsFor(mock, 'PutRecord', featureGroupName, recordIdentifier);
  const pass = matching.some((call) => containsAll(this, featureMap(call.input.Record), features));
  const target = `${featureGroupName}${recordIdentifier === undefined ? '' : `/${recordIdentifier}`}`;
  const withFeatures = Object.keys(features).length === 0 ? '' : ` with ${this.utils.printExpected(features)}`;
  return {
    pass,
    message: () =>
      `${this.utils.matcherHint('toHaveReceivedPutRecord', 'featureStore', 'featureGroup, recordIdentifier, features', { isNot: this.isNot })}\n\n` +
      `Expected ${this.isNot ? 'no' : 'a'} PutRecord for ${target}${withFeatures}.\n` +
      `PutRecord calls received:\n${describeCalls(mock.commandCalls('PutRecord'))}` +
      (matching.length === 0
        ? ''
        : `\n${show(
            this,
            `Records sent for ${target}`,
            matching.map((call) => featureMap(call.input.Record)),
          )}`) +
      (this.isNot ? '' : undeclared(mock, featureGroupName) + (mock.calls().length === 0 ? NOTHING_RECEIVED : '')),
  };
}

export const featureStoreMatchers = {
  toHaveOfflineDeleteMarker,
  toHaveOfflineRecord,
  toHaveOnlineRecord,
  toHaveReceivedCommandFor,
  toHaveReceivedPutRecord,
};

/** Matcher signatures as they appear on `expect(featureStore)`. */
export interface FeatureStoreMatchers<R = unknown> {
  toHaveOfflineDeleteMarker(featureGroupName: string, recordIdentifier: string, eventTime?: string): R;
  toHaveOfflineRecord(
    featureGroupName: string,
    recordIdentifier: string,
    columns?: Partial<Record<string, unknown>>,
  ): R;
  toHaveOnlineRecord(
    featureGroupName: string,
    recordIdentifier: string,
    features?: Partial<Record<string, unknown>>,
  ): R;
  /** The emulator received `command` (class or name) for the feature group (and record). */
  toHaveReceivedCommandFor(command: CommandRef, featureGroupName: string, recordIdentifier?: string): R;
  /** A PutRecord for the feature group (and record) was sent, with those feature values. */
  toHaveReceivedPutRecord(
    featureGroupName: string,
    recordIdentifier?: string,
    features?: Partial<Record<string, unknown>>,
  ): R;
}
