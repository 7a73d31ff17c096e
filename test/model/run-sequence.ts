import {
  BatchGetRecordCommand,
  BatchWriteRecordCommand,
  DeleteRecordCommand,
  GetRecordCommand,
  ListRecordsCommand,
  PutRecordCommand,
  SageMakerFeatureStoreRuntimeClient,
  UpdateRecordCommand,
} from '@aws-sdk/client-sagemaker-featurestore-runtime';
import { CreateFeatureGroupCommand, DeleteFeatureGroupCommand, SageMakerClient } from '@aws-sdk/client-sagemaker';
import { isDeepStrictEqual } from 'node:util';
import { FeatureStoreError, type CreateFeatureGroupInput, type FeatureStoreMock } from '../../src/index.js';
import { ReferenceModel, type ModelOutcome } from './reference-model.js';
import { GROUPS, ID_POOL, START_MS, type Input, type Step } from './scenario.js';

/** What the emulator answered: an output without `$metadata`, or the error's code and message. */
export type Outcome =
  | { readonly ok: true; readonly output: Record<string, unknown> }
  | { readonly ok: false; readonly code: string; readonly message: string };

/** A way of calling the emulator: the real SDK clients, or the core directly. */
export interface Target {
  readonly name: string;
  send(operation: string, input: Input): Outcome | Promise<Outcome>;
}

/** JSON round trip: drops undefined members, as the wire does. */
export const plain = <T>(value: T): T => (value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T));

/** The SDK's exception for a service answer: `$fault` and `$metadata` (a wrapped client-side error has no `$fault`). */
const isServiceException = (error: unknown): error is Error & { $metadata: object } =>
  error instanceof Error &&
  typeof (error as { $metadata?: unknown }).$metadata === 'object' &&
  ['client', 'server'].includes((error as { $fault?: string }).$fault ?? '');

type CommandClass = new (input: never) => object;
const COMMANDS: Readonly<Record<string, CommandClass>> = {
  PutRecord: PutRecordCommand,
  GetRecord: GetRecordCommand,
  BatchGetRecord: BatchGetRecordCommand,
  DeleteRecord: DeleteRecordCommand,
  BatchWriteRecord: BatchWriteRecordCommand,
  ListRecords: ListRecordsCommand,
  UpdateRecord: UpdateRecordCommand,
  CreateFeatureGroup: CreateFeatureGroupCommand,
  DeleteFeatureGroup: DeleteFeatureGroupCommand,
};

interface Sender {
  send(command: object): Promise<Record<string, unknown>>;
  destroy(): void;
}

/** Sends runtime operations through one SDK client (and control-plane ones through `sagemaker`, if given). */
export const clientTarget = (
  runtime: SageMakerFeatureStoreRuntimeClient,
  sagemaker?: SageMakerClient,
): Target & { destroy(): void } => ({
  name: 'SDK client',
  async send(operation, input) {
    const Command = COMMANDS[operation]!;
    const client = (operation.endsWith('FeatureGroup') ? sagemaker : runtime) as unknown as Sender;
    try {
      const { $metadata: _metadata, ...output } = await client.send(new Command(input as never));
      return { ok: true, output: plain(output) };
    } catch (error) {
      // Anything but the SDK's service exception (a TypeError from the emulator...) fails the test.
      if (!isServiceException(error)) throw error;
      return { ok: false, code: error.name, message: error.message };
    }
  },
  destroy() {
    runtime.destroy();
    sagemaker?.destroy();
  },
});

/** The real clients, intercepted by `mockFeatureStore()`: serializer, middleware, deserializer, error classes. */
export const sdkTarget = (): Target & { destroy(): void } =>
  clientTarget(
    new SageMakerFeatureStoreRuntimeClient({ region: 'us-east-1', maxAttempts: 1 }),
    new SageMakerClient({ region: 'us-east-1', maxAttempts: 1 }),
  );

/** The emulator core behind the handle, called directly: the same rules without the SDK's cost per call. */
export const coreTarget = (mock: FeatureStoreMock): Target => ({
  name: 'core',
  send(operation, input) {
    try {
      return { ok: true, output: plain(mock.store.execute(operation, input) as Record<string, unknown>) };
    } catch (error) {
      if (!(error instanceof FeatureStoreError)) throw error;
      return { ok: false, code: error.code, message: error.message };
    }
  },
});

const describe = (outcome: Outcome | ModelOutcome): string =>
  outcome.ok
    ? `success ${JSON.stringify(outcome.output)}`
    : `${outcome.code} ${'message' in outcome ? JSON.stringify(outcome.message) : `naming ${JSON.stringify(outcome.fields)}`}`;

/** Per-item errors (BatchGetRecord, BatchWriteRecord): the model names fields, the emulator has a message. */
const compareItemErrors = (real: unknown[], expected: unknown[], fail: (why: string) => never): void => {
  real.forEach((item, i) => {
    const { ErrorMessage, ...realRest } = item as { ErrorMessage: string };
    const { fields, ...expectedRest } = (expected[i] ?? {}) as { fields: string[] };
    if (!isDeepStrictEqual(realRest, plain(expectedRest))) fail(`Errors[${i}] differs`);
    for (const field of fields)
      if (!ErrorMessage.includes(field)) fail(`Errors[${i}].ErrorMessage does not name ${field}`);
  });
};

/**
 * Compares one call: the same success and output, or the same error code with a message that
 * names the fields the model names (and, for model constraints, as many violations).
 */
export const compareOutcome = (real: Outcome, expected: ModelOutcome, where: () => string): void => {
  const fail = (why: string): never => {
    throw new Error(`${where()}\n  ${why}\n  emulator: ${describe(real)}\n  model:    ${describe(expected)}`);
  };
  if (real.ok !== expected.ok) fail('one succeeded, the other failed');
  if (!real.ok && !expected.ok) {
    if (real.code !== expected.code) fail('different error codes');
    for (const field of expected.fields) if (!real.message.includes(field)) fail(`the message does not name ${field}`);
    if (expected.violations !== undefined) {
      if (!real.message.startsWith(`${expected.violations} validation error`)) {
        fail(`the message does not count ${expected.violations} violation(s)`);
      }
      // Every violation the message lists is one the model found; `Message` holds at most 2048 characters.
      const found = new Set(expected.violationPaths);
      const listed = [...real.message.matchAll(/ at '([^']*)' failed to satisfy constraint/g)].map((m) => m[1]!);
      if (listed.length === 0) fail('the message names no member');
      for (const path of listed)
        if (!found.has(path)) fail(`the message lists a violation at '${path}' the model does not see`);
      if (real.message.length > 2048) fail('the message is longer than the 2048 characters of Message');
    }
    return;
  }
  if (real.ok && expected.ok) {
    const actual = { ...real.output };
    const wanted = { ...expected.output };
    if (Array.isArray(wanted.Errors)) {
      if (!Array.isArray(actual.Errors) || actual.Errors.length !== wanted.Errors.length) fail('Errors differ');
      compareItemErrors(actual.Errors as unknown[], wanted.Errors, fail);
      delete actual.Errors;
      delete wanted.Errors;
    }
    if ('NextToken' in actual !== 'NextToken' in wanted) fail('NextToken presence differs');
    delete actual.NextToken;
    delete wanted.NextToken;
    if (!isDeepStrictEqual(actual, plain(wanted))) fail('outputs differ');
  }
};

/** Groups, online records of the identifier pool, and every offline row must equal the model's. */
/** What the state comparison reads: the in-process handle and the server's `featureStore` both have it. */
export type InspectableStore = Pick<FeatureStoreMock, 'featureGroupNames' | 'offlineRecords' | 'onlineRecord'>;

export const compareState = (mock: InspectableStore, model: ReferenceModel, where: () => string): void => {
  const names = (list: string[]): string[] => list.map((name) => name.toLowerCase()).sort();
  const realGroups = names(mock.featureGroupNames());
  if (!isDeepStrictEqual(realGroups, names(model.groupNames()))) {
    throw new Error(`${where()}\n  feature groups differ: ${realGroups.join(', ')} / ${model.groupNames().join(', ')}`);
  }
  for (const def of GROUPS) {
    const name = def.FeatureGroupName;
    const rows = model.offlineRows(name);
    if (rows === undefined) continue;
    if (def.OfflineStoreConfig !== undefined) {
      const real = plain(mock.offlineRecords(name));
      if (!isDeepStrictEqual(real, rows)) {
        throw new Error(
          `${where()}\n  offline rows of ${name} differ\n  emulator: ${JSON.stringify(real)}\n  model:    ${JSON.stringify(rows)}`,
        );
      }
    }
    if (def.OnlineStoreConfig?.EnableOnlineStore === true) {
      for (const id of ID_POOL) {
        const real = plain(mock.onlineRecord(name, id));
        const wanted = plain(model.onlineRecord(name, id));
        if (!isDeepStrictEqual(real, wanted)) {
          throw new Error(
            `${where()}\n  online record ${name}/${id} differs\n  emulator: ${JSON.stringify(real)}\n  model:    ${JSON.stringify(wanted)}`,
          );
        }
      }
    }
  }
};

/** A clean store with the catalogue's groups, the clock frozen at START_MS. */
export const resetStore = (mock: FeatureStoreMock): ReferenceModel => {
  mock.reset();
  mock.clock.set(START_MS);
  for (const name of mock.featureGroupNames()) mock.deleteFeatureGroup(name);
  const model = new ReferenceModel(START_MS);
  for (const def of GROUPS) {
    mock.createFeatureGroup(def as CreateFeatureGroupInput);
    model.execute('CreateFeatureGroup', def);
  }
  return model;
};

export interface Counters {
  runs: number;
  operations: number;
}

/**
 * Runs one sequence against a fresh store and the model, comparing every answer and, after
 * every step, the stores. Throws a description of the first difference.
 */
export const runSequence = async (
  mock: FeatureStoreMock,
  target: Target,
  steps: readonly Step[],
  counters: Counters,
): Promise<void> => {
  const model = resetStore(mock);
  counters.runs += 1;
  // ListRecords tokens per group: the emulator's and the model's for the same position.
  const tokens = new Map<number, { real: string; model: string }>();
  for (const [index, step] of steps.entries()) {
    const where = (): string => `[${target.name}] step ${index + 1} of ${steps.length}: ${JSON.stringify(step)}`;
    counters.operations += 1;
    if (step.op === 'AdvanceClock') {
      mock.clock.advance(step.ms);
      model.now += step.ms;
    } else if (step.op === 'RestoreFeatureGroups') {
      for (const def of GROUPS) {
        if (model.offlineRows(def.FeatureGroupName) !== undefined) continue;
        compareOutcome(
          await target.send('CreateFeatureGroup', { ...def }),
          model.execute('CreateFeatureGroup', def),
          where,
        );
      }
    } else if (step.op === 'CreateFeatureGroup' || step.op === 'DeleteFeatureGroup') {
      const def = GROUPS[step.group]!;
      const input = step.op === 'CreateFeatureGroup' ? { ...def } : { FeatureGroupName: def.FeatureGroupName };
      compareOutcome(await target.send(step.op, input), model.execute(step.op, input), where);
    } else if (step.op === 'ListRecords') {
      const pair = step.continueFrom === undefined ? undefined : tokens.get(step.continueFrom);
      const token = step.bogusToken ? { real: 'bogus', model: 'bogus' } : pair;
      const realInput = token === undefined ? step.input : { ...step.input, NextToken: token.real };
      const modelInput = token === undefined ? step.input : { ...step.input, NextToken: token.model };
      const real = await target.send('ListRecords', realInput);
      const expected = model.execute('ListRecords', structuredClone(modelInput));
      compareOutcome(real, expected, where);
      if (real.ok && expected.ok) {
        if (typeof real.output.NextToken === 'string') {
          tokens.set(step.group, { real: real.output.NextToken, model: expected.output.NextToken as string });
        } else tokens.delete(step.group);
      }
    } else {
      if (step.op === 'UpdateRecord' && step.putFirst !== undefined) {
        counters.operations += 1;
        const put = await target.send('PutRecord', step.putFirst);
        compareOutcome(put, model.execute('PutRecord', structuredClone(step.putFirst)), where);
      }
      const real = await target.send(step.op, step.input);
      compareOutcome(real, model.execute(step.op, structuredClone(step.input)), where);
    }
    compareState(mock, model, where);
  }
};
