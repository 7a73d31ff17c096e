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
import {
  CreateFeatureGroupCommand,
  type CreateFeatureGroupCommandInput,
  DeleteFeatureGroupCommand,
  DescribeFeatureGroupCommand,
  DescribeFeatureMetadataCommand,
  ListFeatureGroupsCommand,
  ListModelsCommand,
  SageMakerClient,
  UpdateFeatureGroupCommand,
  UpdateFeatureMetadataCommand,
} from '@aws-sdk/client-sagemaker';
import * as OldRuntime from 'client-featurestore-runtime-3.523';
import { mockFeatureStore, type FeatureStoreMock, type MockFeatureStoreOptions } from '../../src/index.js';
import { customersGroup } from '../support/fixtures.js';

/**
 * Direct mode promises what wire mode returns, bit for bit: these scenarios run each
 * command sequence once per mode on a fresh store and compare everything a caller can
 * observe (classes, own keys in order, property flags, `$metadata`, `$response`, call
 * history) except request ids and stack traces. A middleware on each client tells
 * which path answered, so the comparison cannot pass by both modes taking the wire.
 */

const NOW = '2026-06-01T12:00:00.000Z';
/** What these tests use of any SDK client, whatever its generation. */
interface Client {
  send(command: unknown, ...rest: unknown[]): Promise<unknown>;
  readonly middlewareStack: { add(middleware: unknown, options: object): void };
}

/** Counts the runs of client middleware stacks: direct mode never builds them. */
const stackCounter = () => {
  let runs = 0;
  return {
    get runs() {
      return runs;
    },
    watch<T>(client: T): T {
      (client as unknown as Client).middlewareStack.add(
        (next: (args: unknown) => unknown) => (args: unknown) => {
          runs += 1;
          return next(args);
        },
        { step: 'initialize', name: 'countStackRuns' },
      );
      return client;
    },
  };
};
type Step = (clients: { runtime: SageMakerFeatureStoreRuntimeClient; sagemaker: SageMakerClient }) => {
  client: Client;
  command: unknown;
};

const vectorGroup: CreateFeatureGroupCommandInput = {
  FeatureGroupName: 'vectors',
  RecordIdentifierFeatureName: 'id',
  EventTimeFeatureName: 'ts',
  FeatureDefinitions: [
    { FeatureName: 'id', FeatureType: 'String' },
    { FeatureName: 'ts', FeatureType: 'Fractional' },
    {
      FeatureName: 'embedding',
      FeatureType: 'Fractional',
      CollectionType: 'Vector',
      CollectionConfig: { VectorConfig: { Dimension: 2 } },
    },
    { FeatureName: 'tags', FeatureType: 'String', CollectionType: 'List' },
  ],
  OnlineStoreConfig: { EnableOnlineStore: true, StorageType: 'InMemory' },
  Description: 'vectors',
  Tags: [{ Key: 'team', Value: 'ml' }],
};

const customer = (id: string, eventTime = '2026-01-01T00:00:10Z', extra: Record<string, string> = {}) =>
  Object.entries({ customer_id: id, event_time: eventTime, ...extra }).map(([FeatureName, ValueAsString]) => ({
    FeatureName,
    ValueAsString,
  }));

const rt =
  (command: unknown): Step =>
  ({ runtime }) => ({ client: runtime as unknown as Client, command });
const sm =
  (command: unknown): Step =>
  ({ sagemaker }) => ({ client: sagemaker as unknown as Client, command });

/** Inputs the TypeScript types forbid but JavaScript callers send. */
const loose = <T>(value: unknown): T => value as T;

const scenarios: Record<string, Step[]> = {
  'PutRecord, GetRecord and their misses': [
    rt(new PutRecordCommand({ FeatureGroupName: 'customers', Record: customer('c1', undefined, { age: '42' }) })),
    rt(new GetRecordCommand({ FeatureGroupName: 'customers', RecordIdentifierValueAsString: 'c1' })),
    rt(new GetRecordCommand({ FeatureGroupName: 'customers', RecordIdentifierValueAsString: 'nobody' })),
    rt(
      new GetRecordCommand({
        FeatureGroupName: 'arn:aws:sagemaker:us-east-1:123456789012:feature-group/customers',
        RecordIdentifierValueAsString: 'c1',
        FeatureNames: ['age'],
        ExpirationTimeResponse: 'Enabled',
      }),
    ),
    rt(new GetRecordCommand({ FeatureGroupName: 'customers', RecordIdentifierValueAsString: 'c1', FeatureNames: [] })),
    rt(new GetRecordCommand({ FeatureGroupName: 'nope', RecordIdentifierValueAsString: 'c1' })),
    rt(new PutRecordCommand({ FeatureGroupName: 'nope', Record: customer('c1') })),
  ],
  'inputs the serializer normalises': [
    rt(
      new PutRecordCommand(
        loose({
          FeatureGroupName: 'customers',
          Record: [...customer('c2'), { FeatureName: 'city', ValueAsString: 'Oslo', Extra: 1 }, null],
          TargetStores: undefined,
          TtlDuration: null,
          Unknown: 'dropped',
        }),
      ),
    ),
    rt(new GetRecordCommand(loose({ FeatureGroupName: 'customers', RecordIdentifierValueAsString: 2 }))),
    rt(new PutRecordCommand(loose({ FeatureGroupName: 'customers', Record: customer('c3'), TargetStores: [] }))),
    rt(new PutRecordCommand(loose({ FeatureGroupName: 'customers', Record: { not: 'a list' } }))),
    rt(new PutRecordCommand(loose({ FeatureGroupName: 'customers', Record: customer('c4', 'soon'), TtlDuration: {} }))),
    rt(new GetRecordCommand(loose({ RecordIdentifierValueAsString: 'c1' }))),
    rt(new GetRecordCommand(loose({ FeatureGroupName: '', RecordIdentifierValueAsString: 'c1' }))),
    rt(new GetRecordCommand(loose({ FeatureGroupName: 'customers' }))),
    rt(
      new GetRecordCommand(
        loose({ FeatureGroupName: 'customers', RecordIdentifierValueAsString: 'c1', FeatureNames: [null, 'age'] }),
      ),
    ),
  ],
  'the other runtime operations': [
    rt(
      new BatchWriteRecordCommand({
        Entries: [
          { FeatureGroupName: 'customers', Record: customer('b1') },
          { FeatureGroupName: 'customers', Record: [{ FeatureName: 'customer_id', ValueAsString: 'b2' }] },
          { FeatureGroupName: 'ghost', Record: customer('b3') },
        ],
      }),
    ),
    rt(
      new BatchGetRecordCommand({
        Identifiers: [
          { FeatureGroupName: 'customers', RecordIdentifiersValueAsString: ['b1', 'b9'] },
          { FeatureGroupName: 'ghost', RecordIdentifiersValueAsString: ['x'] },
        ],
        ExpirationTimeResponse: 'Enabled',
      }),
    ),
    rt(new BatchGetRecordCommand({ Identifiers: [] })),
    rt(
      new UpdateRecordCommand({
        FeatureGroupName: 'customers',
        RecordIdentifierValueAsString: 'b1',
        Features: [
          { FeatureName: 'event_time', ValueAsString: '2026-01-01T00:00:20Z' },
          { FeatureName: 'age', ValueAsString: '7' },
        ],
      }),
    ),
    rt(
      new UpdateRecordCommand({
        FeatureGroupName: 'customers',
        RecordIdentifierValueAsString: 'b1',
        Features: [{ FeatureName: 'event_time', ValueAsString: '2020-01-01T00:00:00Z' }],
      }),
    ),
    rt(new ListRecordsCommand({ FeatureGroupName: 'customers', MaxResults: 1 })),
    rt(new ListRecordsCommand({ FeatureGroupName: 'customers', NextToken: 'garbage' })),
    rt(new ListRecordsCommand({ FeatureGroupName: 'customers', MaxResults: 0, IncludeSoftDeletedRecords: true })),
    rt(
      new DeleteRecordCommand({
        FeatureGroupName: 'customers',
        RecordIdentifierValueAsString: 'b1',
        EventTime: '2026-01-02T00:00:00Z',
        TargetStores: [],
      }),
    ),
    rt(
      new DeleteRecordCommand({
        FeatureGroupName: 'customers',
        RecordIdentifierValueAsString: 'b1',
        EventTime: '2026-01-03T00:00:00Z',
        DeletionMode: 'HardDelete',
        TargetStores: ['OnlineStore'],
      }),
    ),
    rt(new DeleteRecordCommand(loose({ FeatureGroupName: 'customers', RecordIdentifierValueAsString: 'b1' }))),
  ],
  'collections and a union in the control plane': [
    sm(new CreateFeatureGroupCommand(vectorGroup)),
    sm(new CreateFeatureGroupCommand(vectorGroup)),
    rt(
      new PutRecordCommand({
        FeatureGroupName: 'vectors',
        Record: [
          { FeatureName: 'id', ValueAsString: 'v1' },
          { FeatureName: 'ts', ValueAsString: '1700000000.5' },
          { FeatureName: 'embedding', ValueAsStringList: ['0.5', '1'] },
          { FeatureName: 'tags', ValueAsStringList: ['a', 'b'] },
        ],
        TtlDuration: { Unit: 'Days', Value: 3 },
      }),
    ),
    rt(
      new GetRecordCommand({
        FeatureGroupName: 'vectors',
        RecordIdentifierValueAsString: 'v1',
        ExpirationTimeResponse: 'Enabled',
      }),
    ),
    sm(new DescribeFeatureGroupCommand({ FeatureGroupName: 'vectors' })),
    sm(new DescribeFeatureGroupCommand({ FeatureGroupName: 'missing' })),
  ],
  'the rest of the control plane': [
    sm(
      new ListFeatureGroupsCommand({
        CreationTimeAfter: new Date('2020-01-01T00:00:00Z'),
        SortBy: 'Name',
        MaxResults: 1,
      }),
    ),
    sm(new ListFeatureGroupsCommand({ CreationTimeBefore: new Date('2020-01-01T00:00:00Z') })),
    sm(
      new UpdateFeatureGroupCommand({
        FeatureGroupName: 'customers',
        FeatureAdditions: [{ FeatureName: 'added', FeatureType: 'String' }],
      }),
    ),
    sm(
      new UpdateFeatureMetadataCommand({
        FeatureGroupName: 'customers',
        FeatureName: 'age',
        Description: 'years',
        ParameterAdditions: [{ Key: 'unit', Value: 'y' }],
      }),
    ),
    sm(new DescribeFeatureMetadataCommand({ FeatureGroupName: 'customers', FeatureName: 'age' })),
    sm(new CreateFeatureGroupCommand(loose({ FeatureGroupName: 'bad name!', FeatureDefinitions: [] }))),
    sm(new DeleteFeatureGroupCommand({ FeatureGroupName: 'customers' })),
    sm(new DeleteFeatureGroupCommand({ FeatureGroupName: 'customers' })),
    sm(new ListModelsCommand({})),
  ],
};

/** Everything observable about a value, with key order, as plain data; request ids and stacks left out. */
const observe = (value: unknown, seen = new Set<unknown>()): unknown => {
  if (value instanceof Date) return { date: value.toISOString() };
  if (value instanceof Uint8Array) return { bytes: new TextDecoder().decode(value) };
  if (typeof value === 'function') return '[function]';
  if (typeof value !== 'object' || value === null) return value;
  if (seen.has(value)) return '[cycle]';
  seen.add(value);
  const prototypes: string[] = [];
  for (
    let p = Object.getPrototypeOf(value) as object | null;
    p !== null;
    p = Object.getPrototypeOf(p) as object | null
  ) {
    prototypes.push((p as { constructor?: { name?: string } }).constructor?.name ?? '?');
  }
  const keys = Reflect.ownKeys(value)
    .filter((key) => key !== 'stack' && key !== 'requestId' && key !== 'x-amzn-requestid' && key !== 'content-length')
    .map((key) => {
      const descriptor = Object.getOwnPropertyDescriptor(value, key) as PropertyDescriptor;
      const flags = `${descriptor.enumerable ? 'e' : ''}${descriptor.writable ? 'w' : ''}${descriptor.configurable ? 'c' : ''}`;
      return [String(key), flags, observe(descriptor.value, seen)];
    });
  return { prototypes, keys };
};

/** Messages carry the emulator's hint naming declared groups; the same in both modes. */
const outcomeOf = async (client: Client, command: unknown): Promise<unknown> => {
  try {
    return { output: observe(await client.send(command)) };
  } catch (error) {
    return { error: observe(error) };
  }
};

const runScenario = async (steps: Step[], options: MockFeatureStoreOptions) => {
  const featureStore: FeatureStoreMock = mockFeatureStore(options);
  try {
    featureStore.clock.set(NOW);
    featureStore.createFeatureGroup(customersGroup());
    const clients = {
      runtime: new SageMakerFeatureStoreRuntimeClient({ region: 'us-east-1', maxAttempts: 1 }),
      sagemaker: new SageMakerClient({ region: 'us-east-1', maxAttempts: 1 }),
    };
    const stack = stackCounter();
    stack.watch(clients.runtime);
    stack.watch(clients.sagemaker);
    const outcomes: unknown[] = [];
    for (const step of steps) {
      const { client, command } = step(clients);
      outcomes.push(await outcomeOf(client, command));
    }
    return {
      outcomes,
      history: observe(featureStore.calls()),
      snapshot: featureStore.snapshot(),
      stackRuns: stack.runs,
    };
  } finally {
    featureStore.restore();
  }
};

describe('direct mode answers as wire mode does', () => {
  test.each(Object.entries(scenarios))('%s', async (_title, steps) => {
    const wire = await runScenario(steps, {});
    const direct = await runScenario(steps, { mode: 'direct' });
    expect(direct.outcomes).toEqual(wire.outcomes);
    expect(direct.history).toEqual(wire.history);
    expect(direct.snapshot).toEqual(wire.snapshot);
    expect(wire.stackRuns).toBe(steps.length);
    // Only the SageMaker command the emulator does not implement takes the wire in direct mode.
    const unimplemented = steps.filter((step) => step({} as never).command instanceof ListModelsCommand).length;
    expect(direct.stackRuns).toBe(unimplemented);
  });
});

describe('direct mode keeps the wire path where the SDK itself decides', () => {
  let featureStore: FeatureStoreMock;
  let stack = stackCounter();
  const get = new GetRecordCommand({ FeatureGroupName: 'customers', RecordIdentifierValueAsString: 'c1' });

  beforeEach(() => {
    stack = stackCounter();
    featureStore = mockFeatureStore({ mode: 'direct', clients: [OldRuntime.SageMakerFeatureStoreRuntimeClient] });
    featureStore.createFeatureGroup(customersGroup());
  });
  afterEach(() => featureStore.restore());

  test('fault rules: the retry strategy runs for real, so attempts and back-off are the SDK’s', async () => {
    const client = stack.watch(new SageMakerFeatureStoreRuntimeClient({ region: 'us-east-1', maxAttempts: 2 }));
    featureStore.faults.add({ operation: 'GetRecord', error: 'InternalFailure', times: 1 });
    const output = await client.send(get);
    expect(output.$metadata.attempts).toBe(2);
    expect(stack.runs).toBe(1);
    expect(featureStore.calls()[0]?.attempts.map((attempt) => attempt.statusCode)).toEqual([500, 200]);
    featureStore.faults.clear();
    await client.send(get);
    expect(stack.runs).toBe(1);
  });

  test('an SDK generation without schemas (3.523) is served through the wire', async () => {
    const client = stack.watch(new OldRuntime.SageMakerFeatureStoreRuntimeClient({ region: 'us-east-1' }));
    await client.send(
      new OldRuntime.PutRecordCommand({
        FeatureGroupName: 'customers',
        Record: customer('c1'),
      }),
    );
    expect(stack.runs).toBe(1);
    expect(featureStore.onlineRecord('customers', 'c1')?.features.customer_id).toBe('c1');
  });

  test('callback-style sends and abort signals take the wire; plain sends do not', async () => {
    const client = stack.watch(new SageMakerFeatureStoreRuntimeClient({ region: 'us-east-1' }));
    await client.send(new PutRecordCommand({ FeatureGroupName: 'customers', Record: customer('c1') }));
    expect(stack.runs).toBe(0);
    const viaCallback = await new Promise<unknown>((resolve, reject) => {
      client.send(get, (error: unknown, output?: unknown) => (error ? reject(error as Error) : resolve(output)));
    });
    expect(viaCallback).toMatchObject({ Record: customer('c1') });
    await client.send(get, { abortSignal: new AbortController().signal });
    expect(stack.runs).toBe(2);
  });

  test('configure({ mode }) switches a running mock', async () => {
    const client = stack.watch(new SageMakerFeatureStoreRuntimeClient({ region: 'us-east-1' }));
    featureStore.configure({ mode: 'wire' });
    await client.send(get);
    expect(stack.runs).toBe(1);
    featureStore.configure({ mode: 'direct' });
    await client.send(get);
    expect(stack.runs).toBe(1);
    expect(() => featureStore.configure({ mode: 'fast' as never })).toThrow("mode must be 'wire' or 'direct'");
  });
});
