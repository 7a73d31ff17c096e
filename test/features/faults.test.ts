import {
  AccessForbidden,
  BatchGetRecordCommand,
  BatchWriteRecordCommand,
  GetRecordCommand,
  InternalFailure,
  PutRecordCommand,
  SageMakerFeatureStoreRuntimeClient,
  SageMakerFeatureStoreRuntimeServiceException,
  ServiceUnavailable,
  type FeatureValue,
} from '@aws-sdk/client-sagemaker-featurestore-runtime';
import { mockFeatureStore, type FeatureStoreMock } from '../../src/index.js';
import { customersGroup } from '../support/fixtures.js';

const record = (id: string, age = '30'): FeatureValue[] => [
  { FeatureName: 'customer_id', ValueAsString: id },
  { FeatureName: 'event_time', ValueAsString: '2026-01-01T00:00:00Z' },
  { FeatureName: 'age', ValueAsString: age },
];
const putRecord = (id: string, age?: string) =>
  new PutRecordCommand({ FeatureGroupName: 'customers', Record: record(id, age) });
const getRecord = (id: string) =>
  new GetRecordCommand({ FeatureGroupName: 'customers', RecordIdentifierValueAsString: id });

let featureStore: FeatureStoreMock;
let client: SageMakerFeatureStoreRuntimeClient;

beforeEach(() => {
  featureStore = mockFeatureStore();
  featureStore.createFeatureGroup(customersGroup());
  client = new SageMakerFeatureStoreRuntimeClient({ region: 'us-east-1' });
});
afterEach(() => {
  jest.useRealTimers();
  featureStore.restore();
});

describe('errors go through the SDK retry strategy', () => {
  test('two InternalFailures, then the third attempt succeeds', async () => {
    featureStore.faults.add({ operation: 'PutRecord', error: 'InternalFailure', times: 2 });
    const output = await client.send(putRecord('c1'));
    expect(output.$metadata.attempts).toBe(3);
    const [call] = featureStore.commandCalls('PutRecord');
    expect(call?.attempts.map((attempt) => attempt.statusCode)).toEqual([500, 500, 200]);
    expect(call?.attempts[0]?.faults).toEqual(['InternalFailure on PutRecord']);
    expect(featureStore.onlineRecord('customers', 'c1')).toBeDefined();
    expect(featureStore.offlineRecords('customers')).toHaveLength(1);
  });

  test('a call that fails on every attempt changes no state and surfaces the SDK class', async () => {
    featureStore.faults.add({ operation: 'PutRecord', error: 'ServiceUnavailable' });
    const error = await client.send(putRecord('c1')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ServiceUnavailable);
    expect((error as ServiceUnavailable).$metadata).toMatchObject({ httpStatusCode: 503, attempts: 3 });
    expect(featureStore.onlineRecord('customers', 'c1')).toBeUndefined();
    expect(featureStore.offlineRecords('customers')).toEqual([]);
  });

  test('AccessForbidden is a client error: one attempt, 403, message kept', async () => {
    featureStore.faults.add({ operation: GetRecordCommand, error: 'AccessForbidden', message: 'no read for you' });
    const error = await client.send(getRecord('c1')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AccessForbidden);
    expect(error).toMatchObject({ message: 'no read for you', $metadata: { httpStatusCode: 403, attempts: 1 } });
  });

  test('ThrottlingException is retried with the SDK back-off; fake timers skip the wait', async () => {
    jest.useFakeTimers();
    featureStore.faults.add({ operation: 'PutRecord', error: 'ThrottlingException', times: 2 });
    const sent = client.send(putRecord('c1'));
    await jest.runAllTimersAsync();
    const output = await sent;
    expect(output.$metadata.attempts).toBe(3);
    expect(featureStore.commandCalls('PutRecord')[0]?.attempts.map((a) => a.errorCode)).toEqual([
      'ThrottlingException',
      'ThrottlingException',
      undefined,
    ]);
  });

  test('an unmodelled code arrives as the service base exception with that name', async () => {
    featureStore.faults.add({ error: 'ThrottlingException' });
    const throttled = new SageMakerFeatureStoreRuntimeClient({ region: 'us-east-1', maxAttempts: 1 });
    const error = await throttled.send(getRecord('c1')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SageMakerFeatureStoreRuntimeServiceException);
    expect(error).toMatchObject({ name: 'ThrottlingException', message: 'Rate exceeded' });
    expect((error as InternalFailure).$metadata.httpStatusCode).toBe(400);
  });
});

describe('rules match by operation, feature group and record', () => {
  test('only the named record fails', async () => {
    const once = new SageMakerFeatureStoreRuntimeClient({ region: 'us-east-1', maxAttempts: 1 });
    featureStore.faults.add({ featureGroup: 'CUSTOMERS', recordIdentifier: 'c2', error: 'InternalFailure' });
    await once.send(putRecord('c1'));
    await expect(once.send(putRecord('c2'))).rejects.toBeInstanceOf(InternalFailure);
    await expect(once.send(getRecord('c2'))).rejects.toBeInstanceOf(InternalFailure);
    expect((await once.send(getRecord('c1'))).Record).toBeDefined();
  });

  test('a rule for another region or operation leaves the call alone', async () => {
    featureStore.faults.add({ region: 'eu-west-1', error: 'InternalFailure' });
    featureStore.faults.add({ operation: ['DeleteRecord', 'BatchGetRecord'], error: 'InternalFailure' });
    await expect(client.send(putRecord('c1'))).resolves.toBeDefined();
  });

  test('counts hits, runs out after `times`, and can be removed', async () => {
    const fault = featureStore.faults.add({ operation: 'GetRecord', error: 'InternalFailure', times: 1 });
    const other = featureStore.faults.add({ operation: 'PutRecord', error: 'InternalFailure' });
    expect(fault).toMatchObject({ hits: 0, remaining: 1 });
    await client.send(getRecord('c1'));
    expect(fault).toMatchObject({ hits: 1, remaining: 0 });
    other.remove();
    expect(featureStore.faults.list()).toEqual([fault]);
    await expect(client.send(putRecord('c1'))).resolves.toBeDefined();
  });

  test('a typo in a rule is an error, not a rule that never matches', () => {
    expect(() => featureStore.faults.add({ featureGroupName: 'customers', error: 'InternalFailure' } as never)).toThrow(
      /Unknown fault rule option featureGroupName/,
    );
    expect(() => featureStore.faults.add({ operation: 'PutRecord' })).toThrow(/needs an effect/);
    expect(() => featureStore.faults.add({ operation: 'PutRecords', error: 'InternalFailure' })).toThrow(
      /PutRecords is not an operation the emulator answers; it answers PutRecord, GetRecord/,
    );
    expect(() => featureStore.faults.add({ error: 'InternalFailure', probability: 2 })).toThrow(RangeError);
  });

  test('reset() clears the rules', async () => {
    featureStore.faults.add({ error: 'InternalFailure' });
    featureStore.reset();
    featureStore.createFeatureGroup(customersGroup({ FeatureGroupName: 'again' }));
    expect(featureStore.faults.list()).toEqual([]);
    await expect(client.send(getRecord('c1'))).resolves.toBeDefined();
  });
});

describe('probability is seeded and reproducible', () => {
  const pattern = async (seed: number): Promise<string> => {
    featureStore.restore();
    featureStore = mockFeatureStore({ faultSeed: seed });
    featureStore.createFeatureGroup(customersGroup());
    featureStore.faults.add({ operation: 'GetRecord', error: 'InternalFailure', probability: 0.5 });
    const once = new SageMakerFeatureStoreRuntimeClient({ region: 'us-east-1', maxAttempts: 1 });
    let outcomes = '';
    for (let i = 0; i < 24; i++) {
      outcomes += await once.send(getRecord('c1')).then(
        () => '.',
        () => 'x',
      );
    }
    return outcomes;
  };

  test('the same seed gives the same failures; another seed, others', async () => {
    const first = await pattern(7);
    expect(first).toMatch(/x/);
    expect(first).toMatch(/\./);
    expect(await pattern(7)).toBe(first);
    expect(await pattern(8)).not.toBe(first);
  });

  test('reseed() restarts the sequence', async () => {
    const first = await pattern(3);
    featureStore.faults.reseed(3);
    const once = new SageMakerFeatureStoreRuntimeClient({ region: 'us-east-1', maxAttempts: 1 });
    let again = '';
    for (let i = 0; i < 24; i++)
      again += await once.send(getRecord('c1')).then(
        () => '.',
        () => 'x',
      );
    expect(again).toBe(first);
  });
});

describe('latency runs on the emulator clock', () => {
  test('with fake timers the answer comes when the timers reach the delay', async () => {
    jest.useFakeTimers({ now: new Date('2026-03-01T00:00:00Z') });
    featureStore.faults.add({ operation: 'PutRecord', delay: '200ms' });
    let settled = false;
    const sent = client.send(putRecord('c1')).then((output) => {
      settled = true;
      return output;
    });
    await jest.advanceTimersByTimeAsync(199);
    expect(settled).toBe(false);
    // The write happened on arrival; only the answer is late.
    expect(featureStore.onlineRecord('customers', 'c1')).toBeDefined();
    await jest.advanceTimersByTimeAsync(1);
    await sent;
    expect(settled).toBe(true);
    const [call] = featureStore.calls();
    expect(call).toMatchObject({ durationMs: 200, startedAt: new Date('2026-03-01T00:00:00Z') });
    expect(call?.attempts[0]).toMatchObject({ delayMs: 200, faults: ['delay 200ms on PutRecord'] });
  });

  test('clock.advance() ends a long delay without waiting for real', async () => {
    featureStore.faults.add({ operation: 'GetRecord', delay: '10m' });
    let settled = false;
    const sent = client.send(getRecord('c1')).then(() => {
      settled = true;
    });
    await new Promise((resolve) => setImmediate(resolve));
    expect(settled).toBe(false);
    featureStore.clock.advance('10m');
    await sent;
    expect(settled).toBe(true);
  });

  test('an error after a delay; delays of several rules add up', async () => {
    jest.useFakeTimers();
    featureStore.faults.add({ operation: 'GetRecord', delay: '1s' });
    featureStore.faults.add({ operation: 'GetRecord', delay: 500, error: 'AccessForbidden' });
    const sent = client.send(getRecord('c1')).catch((e: unknown) => e);
    await jest.advanceTimersByTimeAsync(1499);
    expect(featureStore.calls()[0]?.status).toBe('pending');
    await jest.advanceTimersByTimeAsync(1);
    expect(await sent).toBeInstanceOf(AccessForbidden);
  });
});

describe('partial batch failures', () => {
  beforeEach(async () => {
    for (const id of ['c1', 'c2', 'c3']) await client.send(putRecord(id));
  });

  const batchGet = () =>
    client.send(
      new BatchGetRecordCommand({
        Identifiers: [{ FeatureGroupName: 'customers', RecordIdentifiersValueAsString: ['c1', 'c2', 'c3'] }],
      }),
    );

  test('BatchGetRecord leaves the matching identifiers unprocessed, once', async () => {
    featureStore.faults.add({ operation: 'BatchGetRecord', recordIdentifier: 'c2', unprocessed: true, times: 1 });
    const first = await batchGet();
    expect(first.Records?.map((r) => r.RecordIdentifierValueAsString)).toEqual(['c1', 'c3']);
    expect(first.UnprocessedIdentifiers).toEqual([
      { FeatureGroupName: 'customers', RecordIdentifiersValueAsString: ['c2'] },
    ]);
    expect(first.Errors).toEqual([]);
    const retry = await client.send(new BatchGetRecordCommand({ Identifiers: first.UnprocessedIdentifiers }));
    expect(retry.Records?.map((r) => r.RecordIdentifierValueAsString)).toEqual(['c2']);
    expect(retry.UnprocessedIdentifiers).toEqual([]);
  });

  test('BatchWriteRecord: unprocessed entries are not written; the others are', async () => {
    featureStore.faults.add({ operation: 'BatchWriteRecord', recordIdentifier: 'n2', unprocessed: true });
    const entries = ['n1', 'n2'].map((id) => ({ FeatureGroupName: 'customers', Record: record(id, '50') }));
    const output = await client.send(new BatchWriteRecordCommand({ Entries: entries }));
    expect(output.UnprocessedEntries).toEqual([entries[1]]);
    expect(output.Errors).toEqual([]);
    expect(featureStore.onlineRecord('customers', 'n1')).toBeDefined();
    expect(featureStore.onlineRecord('customers', 'n2')).toBeUndefined();
    expect(featureStore.offlineRecords('customers', { recordIdentifier: 'n2' })).toEqual([]);
  });

  test('BatchWriteRecord with every entry unprocessed writes nothing', async () => {
    featureStore.faults.add({ operation: 'BatchWriteRecord', unprocessed: true, times: 1 });
    const entries = [{ FeatureGroupName: 'customers', Record: record('n1') }];
    const output = await client.send(new BatchWriteRecordCommand({ Entries: entries }));
    expect(output).toMatchObject({ Errors: [], UnprocessedEntries: entries });
    expect(featureStore.onlineRecord('customers', 'n1')).toBeUndefined();
  });

  test('unprocessed with a probability is decided per entry, reproducibly', async () => {
    featureStore.faults.add({ operation: 'BatchGetRecord', unprocessed: true, probability: 0.5 });
    const first = await batchGet();
    const processed = first.Records?.length ?? 0;
    const unprocessed = first.UnprocessedIdentifiers?.[0]?.RecordIdentifiersValueAsString ?? [];
    expect(processed + unprocessed.length).toBe(3);
    featureStore.faults.reseed();
    expect((await batchGet()).UnprocessedIdentifiers).toEqual(first.UnprocessedIdentifiers);
  });
});
