import { batchGetTargets, callTargets, recordWriteTarget, type RecordIdentifierNameOf } from './call-targets.js';
import type { ExecuteScope, FeatureStore } from './feature-store.js';
import type { CallFaults, FaultInjector } from './faults.js';

type Input = Record<string, unknown>;

/**
 * The RecordIdentifierFeatureName lookup, against the groups of the call's region. One call
 * asks once per batch entry, usually for the same group: the last answer is kept.
 */
export const identifierNameIn = (store: FeatureStore, scope: ExecuteScope | undefined): RecordIdentifierNameOf => {
  let lastName: string | undefined;
  let lastAnswer: string | undefined;
  return (featureGroupName) => {
    if (featureGroupName !== lastName) {
      lastName = featureGroupName;
      lastAnswer = store.findFeatureGroup(
        featureGroupName,
        scope?.region ?? store.defaultRegion,
      )?.recordIdentifierFeatureName;
    }
    return lastAnswer;
  };
};

/** What the injector decides for one decoded call; undefined when no rule applies (the common case). */
export const decideFaults = (
  store: FeatureStore,
  injector: FaultInjector,
  operation: string,
  input: unknown,
  scope: ExecuteScope | undefined,
): CallFaults | undefined => {
  if (injector.size === 0) return undefined;
  const targets = callTargets(operation, input, identifierNameIn(store, scope));
  return injector.decide({ operation, targets, region: scope?.region ?? store.defaultRegion });
};

const isObject = (value: unknown): value is Input => typeof value === 'object' && value !== null;

/** BatchGetRecord reads change nothing, so it runs whole and the unprocessed records move out of the answer. */
const batchGetWithUnprocessed = (
  store: FeatureStore,
  input: Input,
  scope: ExecuteScope | undefined,
  faults: CallFaults,
): object => {
  const identifiers = Array.isArray(input.Identifiers) ? input.Identifiers : [];
  const unprocessed: Input[] = [];
  const skipped = new Set<string>();
  const key = (featureGroupName: unknown, recordId: unknown): string => JSON.stringify([featureGroupName, recordId]);
  for (const identifier of identifiers) {
    const ids = batchGetTargets(identifier)
      .filter((target) => target.recordIdentifier !== undefined && faults.isUnprocessed(target))
      .map((target) => target.recordIdentifier as string);
    if (ids.length === 0 || !isObject(identifier)) continue;
    for (const id of ids) skipped.add(key(identifier.FeatureGroupName, id));
    unprocessed.push({ ...structuredClone(identifier), RecordIdentifiersValueAsString: [...new Set(ids)] });
  }
  const output = store.execute('BatchGetRecord', input, scope) as Record<string, Input[]>;
  const kept = (entry: Input): boolean =>
    !skipped.has(key(entry.FeatureGroupName, entry.RecordIdentifierValueAsString));
  return {
    ...output,
    Records: (output.Records ?? []).filter(kept),
    Errors: (output.Errors ?? []).filter(kept),
    UnprocessedIdentifiers: [...(output.UnprocessedIdentifiers ?? []), ...unprocessed],
  };
};

/** BatchWriteRecord: unprocessed entries are taken out before the write, so they change nothing. */
const batchWriteWithUnprocessed = (
  store: FeatureStore,
  input: Input,
  scope: ExecuteScope | undefined,
  faults: CallFaults,
): object => {
  const entries = Array.isArray(input.Entries) ? input.Entries : [];
  const identifierName = identifierNameIn(store, scope);
  const kept: unknown[] = [];
  const unprocessed: unknown[] = [];
  for (const entry of entries) {
    const target = recordWriteTarget(entry, identifierName);
    (target !== undefined && faults.isUnprocessed(target) ? unprocessed : kept).push(entry);
  }
  if (unprocessed.length === 0) return store.execute('BatchWriteRecord', input, scope);
  // Nothing left to write: the service would answer with every entry unprocessed.
  if (kept.length === 0) return { Errors: [], UnprocessedEntries: structuredClone(unprocessed) };
  const output = store.execute('BatchWriteRecord', { ...input, Entries: kept }, scope) as Record<string, unknown[]>;
  return { ...output, UnprocessedEntries: [...(output.UnprocessedEntries ?? []), ...structuredClone(unprocessed)] };
};

/**
 * Runs a call under the faults decided for it: an error is thrown before the operation
 * runs (a failed call changes no state); batch entries marked unprocessed are left out.
 */
export const executeWithFaults = (
  store: FeatureStore,
  operation: string,
  input: unknown,
  scope: ExecuteScope | undefined,
  faults: CallFaults | undefined,
): object => {
  if (faults === undefined) return store.execute(operation, input, scope);
  if (faults.error !== undefined) throw faults.error;
  if (isObject(input) && operation === 'BatchGetRecord') return batchGetWithUnprocessed(store, input, scope, faults);
  if (isObject(input) && operation === 'BatchWriteRecord')
    return batchWriteWithUnprocessed(store, input, scope, faults);
  return store.execute(operation, input, scope);
};
