import fc from 'fast-check';
import { FeatureStoreError, type FeatureStore } from '../../src/core/index.js';
import { mockFeatureStore, type FeatureStoreMock } from '../../src/index.js';
import { startServer } from '../../src/server/index.js';
import { ReferenceModel } from '../model/reference-model.js';
import { SageMakerFeatureStoreRuntimeClient } from '@aws-sdk/client-sagemaker-featurestore-runtime';
import {
  clientTarget,
  compareOutcome,
  compareState,
  plain,
  resetStore,
  sdkTarget,
  type Outcome,
} from '../model/run-sequence.js';
import { GROUPS, runtimeCallArb, START_MS, type Input } from '../model/scenario.js';
import type { CreateFeatureGroupInput } from '../../src/index.js';

/**
 * Many calls in flight at once on shared records (Promise.all): whatever order the emulator
 * ran them in, the result must be that of running the same calls one after another in that
 * order. The core's own log gives the order; the reference model replays it serially.
 * Every call is run exactly once and its caller gets that run's answer; the online and
 * offline state equal the replay's, so no row is lost or written twice.
 */
const SEED = Number(process.env.RELIABILITY_SEED ?? 20261125);
const IN_PROCESS_CALLS = 10_000;
const SERVER_CALLS = 2_000;

interface Executed {
  readonly operation: string;
  readonly input: unknown;
  readonly outcome: Outcome;
}

/** Records, in execution order, each operation the core ran with its input and its answer. */
const logExecutions = (store: FeatureStore): Executed[] => {
  const log: Executed[] = [];
  const execute = store.execute.bind(store);
  store.execute = (operation, input, scope) => {
    const received = structuredClone(input);
    try {
      const output = execute(operation, input, scope);
      log.push({ operation, input: received, outcome: { ok: true, output: plain(output as Record<string, unknown>) } });
      return output;
    } catch (error) {
      if (error instanceof FeatureStoreError) {
        log.push({ operation, input: received, outcome: { ok: false, code: error.code, message: error.message } });
      }
      throw error;
    }
  };
  return log;
};

/** The calls: runtime operations on the scenario's groups and small pools of records, so they collide. */
const callsFor = (count: number, seed: number): { op: string; input: Input }[] =>
  fc.sample(runtimeCallArb, { seed, numRuns: count }).map(({ op, input }) => ({ op, input }));

/** JSON with sorted keys, so the same value always gives the same text. */
const canonical = (value: unknown): string =>
  JSON.stringify(value, (_key, item: unknown) =>
    typeof item === 'object' && item !== null && !Array.isArray(item)
      ? Object.fromEntries(Object.entries(item).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : item,
  );

/**
 * A call and its answer as one text. Identical calls may run in any order among themselves, so
 * answers are compared as multisets. Messages are left out: the handle may add hints to them
 * after the core answered; codes, outputs and per-item error codes are what the core decided.
 */
const key = (operation: string, input: unknown, outcome: Outcome): string =>
  canonical([
    operation,
    input,
    outcome.ok
      ? {
          ...outcome.output,
          // A ListRecords token encodes a position; whether there is one is what the caller sees.
          NextToken: outcome.output.NextToken === undefined ? undefined : 'token',
          Errors: (outcome.output.Errors as { ErrorMessage?: string }[] | undefined)?.map(
            ({ ErrorMessage: _message, ...rest }) => rest,
          ),
        }
      : outcome.code,
  ]);

const multiset = (keys: readonly string[]): Map<string, number> => {
  const counts = new Map<string, number>();
  for (const k of keys) counts.set(k, (counts.get(k) ?? 0) + 1);
  return counts;
};

/** The serial replay: each logged call through the model, in the logged order, must give the logged answer. */
const replay = (log: readonly Executed[]): ReferenceModel => {
  const model = new ReferenceModel(START_MS);
  for (const def of GROUPS) model.execute('CreateFeatureGroup', def);
  log.forEach((entry, i) => {
    compareOutcome(
      entry.outcome,
      model.execute(entry.operation, structuredClone(entry.input)),
      () => `execution ${i + 1} of ${log.length}: ${entry.operation} ${JSON.stringify(entry.input)}`,
    );
  });
  return model;
};

const offlineRows = (model: ReferenceModel): number =>
  GROUPS.reduce((rows, def) => rows + (model.offlineRows(def.FeatureGroupName)?.length ?? 0), 0);

describe('concurrent calls equal a serial order of the same calls', () => {
  test(`${IN_PROCESS_CALLS} concurrent sends through the SDK client (in-process)`, async () => {
    const mock: FeatureStoreMock = mockFeatureStore();
    const target = sdkTarget();
    try {
      resetStore(mock);
      const log = logExecutions(mock.store);
      const calls = callsFor(IN_PROCESS_CALLS, SEED);

      // Each send starts after a random number of microtask turns, so the calls interleave and
      // the emulator runs them in an order other than the order they were made.
      const turns = fc.sample(fc.nat(40), { seed: SEED, numRuns: calls.length });
      const outcomes = await Promise.all(
        calls.map(async (call, i) => {
          for (let turn = 0; turn < turns[i]!; turn++) await Promise.resolve();
          return target.send(call.op, call.input);
        }),
      );

      // Each call ran exactly once: as many executions as calls, each send seen once, no retries.
      expect(log).toHaveLength(calls.length);
      expect(mock.calls()).toHaveLength(calls.length);
      expect(mock.calls().every((call) => call.attempts.length === 1)).toBe(true);
      // Every caller got the answer of its own execution: the (call, answer) pairs the callers saw
      // are exactly the (call, answer) pairs the core produced.
      const seen = multiset(calls.map((call, i) => key(call.op, call.input, outcomes[i]!)));
      const ran = multiset(log.map((entry) => key(entry.operation, entry.input, entry.outcome)));
      expect(seen).toEqual(ran);
      // The serial replay in execution order gives the same answers (checked call by call) and the same state.
      const model = replay(log);
      compareState(mock, model, () => `after ${calls.length} concurrent calls`);
      const reordered = log.filter(
        (entry, i) =>
          key(entry.operation, entry.input, entry.outcome) !== key(calls[i]!.op, calls[i]!.input, outcomes[i]!),
      ).length;
      expect(reordered).toBeGreaterThan(calls.length / 2);
      console.log(
        `concurrency (in-process): ${calls.length} calls, ${reordered} ran at another position than they were sent, ` +
          `${offlineRows(model)} offline rows`,
      );
    } finally {
      target.destroy();
      mock.restore();
    }
  }, 300_000);

  test(`${SERVER_CALLS} concurrent sends through the SDK client to server mode (real sockets)`, async () => {
    const server = await startServer();
    const runtime = new SageMakerFeatureStoreRuntimeClient({
      region: 'us-east-1',
      endpoint: server.url,
      credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
      maxAttempts: 1,
      // Room for every request in flight, so the SDK does not queue (and warn about) them.
      requestHandler: { httpAgent: { maxSockets: 512 } },
    });
    try {
      server.featureStore.clock.set(START_MS);
      for (const def of GROUPS) server.featureStore.createFeatureGroup(def as CreateFeatureGroupInput);
      const log = logExecutions(server.store);
      const calls = callsFor(SERVER_CALLS, SEED + 1);
      const target = clientTarget(runtime);

      const outcomes = await Promise.all(calls.map((call) => target.send(call.op, call.input)));

      expect(log).toHaveLength(calls.length);
      const seen = multiset(calls.map((call, i) => key(call.op, call.input, outcomes[i]!)));
      const ran = multiset(log.map((entry) => key(entry.operation, entry.input, entry.outcome)));
      expect(seen).toEqual(ran);
      const model = replay(log);
      compareState(server.featureStore, model, () => `after ${calls.length} concurrent calls to the server`);
      const reordered = log.filter(
        (entry, i) =>
          key(entry.operation, entry.input, entry.outcome) !== key(calls[i]!.op, calls[i]!.input, outcomes[i]!),
      ).length;
      console.log(
        `concurrency (server): ${calls.length} calls, ${reordered} ran at another position than they were sent, ` +
          `${offlineRows(model)} offline rows`,
      );
    } finally {
      runtime.destroy();
      await server.close();
    }
  }, 300_000);
});
