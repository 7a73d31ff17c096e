import {
  callTargets,
  featureGroupKey,
  identifierNameIn,
  type FeatureStore,
  type FeatureStoreError,
} from '../core/index.js';
import type { WireExchange } from '../wire/index.js';

/**
 * What to do with a call the emulator cannot serve as the test meant it: a runtime call to
 * a feature group that is not declared, or an operation the emulator does not implement.
 * - `'error'` (default): the call fails as AWS would fail it (same error code and SDK
 *   exception class), and the message says what to declare.
 * - `'warn'`: AWS's answer, word for word, and the hint goes to `console.warn`.
 * Nothing ever goes to the network.
 */
export type UnhandledPolicy = 'error' | 'warn';

const HINT_PREFIX = 'sagemaker-featurestore-mock:';

const isNotFound = (error: FeatureStoreError): boolean =>
  error.code === 'ResourceNotFound' ||
  (error.code === 'ValidationError' && error.message.startsWith('Resource Not Found'));

/** Undeclared groups a runtime call names; groups declared in another region have their own hint in the core. */
const undeclaredGroups = (store: FeatureStore, exchange: WireExchange): string[] => {
  if (exchange.protocol !== 'restJson1' || exchange.call === undefined) return [];
  const region = exchange.scope.region ?? store.defaultRegion;
  const targets = callTargets(exchange.call.operation, exchange.call.input, identifierNameIn(store, exchange.scope));
  const declaredAnywhere = new Set(store.registry.all().map((group) => group.name.toLowerCase()));
  const missing = targets
    .map((target) => target.featureGroupName)
    .filter(
      (name) => store.findFeatureGroup(name, region) === undefined && !declaredAnywhere.has(featureGroupKey(name)),
    );
  return [...new Set(missing)];
};

export const undeclaredGroupHint = (
  store: FeatureStore,
  operation: string,
  names: readonly string[],
  region: string,
): string => {
  const declared = store.registry.all().map((group) => group.name);
  const quoted = names.map((name) => `'${name}'`).join(', ');
  return (
    `${HINT_PREFIX} ${operation} to feature group ${quoted}, which is not declared in ${region}. ` +
    `Declare it with featureStore.createFeatureGroup({ FeatureGroupName: '${names[0] ?? ''}', ... }) ` +
    `or send a CreateFeatureGroupCommand before this call. ` +
    `Declared: ${declared.length === 0 ? '(none)' : declared.join(', ')}.`
  );
};

/**
 * The `afterExecute` hook of the policy: adds the hint to the service's not-found answers
 * (errors, and BatchGetRecord's per-record Errors), or warns with it.
 */
export const applyUnhandledPolicy = (
  store: FeatureStore,
  policy: UnhandledPolicy,
  warned: Set<string>,
  exchange: WireExchange,
  outcome: { output?: object; error?: FeatureStoreError },
): void => {
  const batchErrors = (
    outcome.output as
      { Errors?: { ErrorCode?: string; ErrorMessage?: string; FeatureGroupName?: string }[] } | undefined
  )?.Errors;
  const notFoundEntries = (batchErrors ?? []).filter((entry) => entry.ErrorCode === 'ResourceNotFound');
  if (!(outcome.error !== undefined && isNotFound(outcome.error)) && notFoundEntries.length === 0) return;
  const missing = undeclaredGroups(store, exchange);
  if (missing.length === 0) return;
  const region = exchange.scope.region ?? store.defaultRegion;
  const hint = undeclaredGroupHint(store, exchange.call?.operation ?? 'A call', missing, region);
  if (policy === 'warn') {
    if (!warned.has(hint)) console.warn(hint);
    warned.add(hint);
    return;
  }
  // The error and output objects are this call's own, made fresh by the core.
  if (outcome.error !== undefined) outcome.error.message = `${outcome.error.message} [${hint}]`;
  // Each Errors entry gets the hint of its own group only: other groups of the call may be declared.
  for (const entry of notFoundEntries) {
    const name = entry.FeatureGroupName;
    if (name === undefined || !missing.includes(name)) continue;
    const entryHint =
      missing.length === 1 ? hint : undeclaredGroupHint(store, exchange.call?.operation ?? 'A call', [name], region);
    entry.ErrorMessage = `${entry.ErrorMessage ?? ''} [${entryHint}]`;
  }
};

/** Appended to the emulator's "does not implement" answers. */
export const unknownOperationHint = (operation: string | undefined): string =>
  `${HINT_PREFIX} nothing was sent to AWS. ` +
  `To answer ${operation ?? 'this command'} in tests, stub it with aws-sdk-client-mock next to the emulator ` +
  `(see docs/aws-sdk-client-mock.md in sagemaker-featurestore-mock).`;
