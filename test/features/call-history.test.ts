import {
  BatchGetRecordCommand,
  GetRecordCommand,
  PutRecordCommand,
  SageMakerFeatureStoreRuntimeClient,
  ValidationError,
  type FeatureValue,
} from '@aws-sdk/client-sagemaker-featurestore-runtime';
import { CreateFeatureGroupCommand, SageMakerClient } from '@aws-sdk/client-sagemaker';
import { mockFeatureStore, type FeatureStoreMock } from '../../src/index.js';
import { registerFeatureStoreMatchers } from '../../src/jest/index.js';
import { customersGroup } from '../support/fixtures.js';

registerFeatureStoreMatchers();

const record = (id: string, age = '30'): FeatureValue[] => [
  { FeatureName: 'customer_id', ValueAsString: id },
  { FeatureName: 'event_time', ValueAsString: '2026-01-01T00:00:00Z' },
  { FeatureName: 'age', ValueAsString: age },
];

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

describe('calls()', () => {
  test('records each send with input, output, feature group, region and timing', async () => {
    jest.useFakeTimers({ now: new Date('2026-05-01T12:00:00Z') });
    const input = { FeatureGroupName: 'customers', Record: record('c1') };
    const output = await client.send(new PutRecordCommand(input));
    const [call] = featureStore.calls();
    expect(call).toMatchObject({
      operation: 'PutRecord',
      commandName: 'PutRecordCommand',
      clientName: 'SageMakerFeatureStoreRuntimeClient',
      region: 'us-east-1',
      input,
      featureGroupName: 'customers',
      targets: [{ featureGroupName: 'customers', recordIdentifier: 'c1' }],
      recordIdentifiers: ['c1'],
      status: 'succeeded',
      output,
      error: undefined,
      startedAt: new Date('2026-05-01T12:00:00Z'),
      finishedAt: new Date('2026-05-01T12:00:00Z'),
      durationMs: 0,
    });
    expect(call?.attempts).toEqual([
      { receivedAt: new Date('2026-05-01T12:00:00Z'), statusCode: 200, errorCode: undefined, faults: [], delayMs: 0 },
    ]);
  });

  test('a failed call keeps the SDK exception the caller saw', async () => {
    const thrown = await client
      .send(new PutRecordCommand({ FeatureGroupName: 'customers', Record: [] }))
      .catch((e: unknown) => e);
    const [call] = featureStore.calls();
    expect(thrown).toBeInstanceOf(ValidationError);
    expect(call?.status).toBe('failed');
    expect(call?.error).toBe(thrown);
    expect(call?.attempts[0]).toMatchObject({ statusCode: 400, errorCode: 'ValidationError' });
  });

  test('the region is the client’s, and a client without one gets the emulator default', async () => {
    featureStore.createFeatureGroup(customersGroup(), { region: 'eu-west-1' });
    await new SageMakerFeatureStoreRuntimeClient({ region: 'eu-west-1' }).send(
      new PutRecordCommand({ FeatureGroupName: 'customers', Record: record('c1') }),
    );
    await new SageMakerFeatureStoreRuntimeClient({}).send(
      new GetRecordCommand({ FeatureGroupName: 'customers', RecordIdentifierValueAsString: 'c1' }),
    );
    expect(featureStore.calls().map((call) => call.region)).toEqual(['eu-west-1', 'us-east-1']);
  });

  test('batch calls list one target per record; control-plane calls are recorded too', async () => {
    await new SageMakerClient({ region: 'us-east-1' }).send(
      new CreateFeatureGroupCommand(customersGroup({ FeatureGroupName: 'orders' })),
    );
    await client.send(
      new BatchGetRecordCommand({
        Identifiers: [
          { FeatureGroupName: 'customers', RecordIdentifiersValueAsString: ['c1', 'c2'] },
          { FeatureGroupName: 'orders', RecordIdentifiersValueAsString: ['o1'] },
        ],
      }),
    );
    const [create, batch] = featureStore.calls();
    expect(create).toMatchObject({ operation: 'CreateFeatureGroup', clientName: 'SageMakerClient' });
    expect(batch?.targets).toEqual([
      { featureGroupName: 'customers', recordIdentifier: 'c1' },
      { featureGroupName: 'customers', recordIdentifier: 'c2' },
      { featureGroupName: 'orders', recordIdentifier: 'o1' },
    ]);
  });

  test('commandCalls() filters by command name or class, feature group and record', async () => {
    await client.send(new PutRecordCommand({ FeatureGroupName: 'customers', Record: record('c1') }));
    await client.send(new PutRecordCommand({ FeatureGroupName: 'customers', Record: record('c2') }));
    await client.send(new GetRecordCommand({ FeatureGroupName: 'customers', RecordIdentifierValueAsString: 'c2' }));
    expect(featureStore.commandCalls(PutRecordCommand)).toHaveLength(2);
    expect(featureStore.commandCalls('PutRecordCommand')).toHaveLength(2);
    expect(featureStore.commandCalls('PutRecord', { recordIdentifier: 'c2' })).toHaveLength(1);
    expect(featureStore.commandCalls('GetRecord', { featureGroup: 'Customers', recordIdentifier: 'c2' })).toHaveLength(
      1,
    );
    expect(featureStore.commandCalls('GetRecord', { featureGroup: 'orders' })).toEqual([]);
  });

  test('resetHistory() forgets calls but keeps state; reset() forgets both', async () => {
    await client.send(new PutRecordCommand({ FeatureGroupName: 'customers', Record: record('c1') }));
    featureStore.resetHistory();
    expect(featureStore.calls()).toEqual([]);
    expect(featureStore.onlineRecord('customers', 'c1')).toBeDefined();
    await client.send(new GetRecordCommand({ FeatureGroupName: 'customers', RecordIdentifierValueAsString: 'c1' }));
    featureStore.reset();
    expect(featureStore.calls()).toEqual([]);
  });

  test('callHistory: false keeps none', async () => {
    featureStore.restore();
    featureStore = mockFeatureStore({ callHistory: false });
    featureStore.createFeatureGroup(customersGroup());
    await client.send(new PutRecordCommand({ FeatureGroupName: 'customers', Record: record('c1') }));
    expect(featureStore.calls()).toEqual([]);
  });
});

describe('matchers', () => {
  beforeEach(async () => {
    await client.send(new PutRecordCommand({ FeatureGroupName: 'customers', Record: record('c1', '42') }));
    await client.send(
      new BatchGetRecordCommand({
        Identifiers: [{ FeatureGroupName: 'customers', RecordIdentifiersValueAsString: ['c7', 'c8'] }],
      }),
    );
  });

  test('toHaveReceivedPutRecord reads like the call', () => {
    expect(featureStore).toHaveReceivedPutRecord('customers', 'c1');
    expect(featureStore).toHaveReceivedPutRecord('customers', 'c1', { age: '42' });
    expect(featureStore).toHaveReceivedPutRecord('customers', undefined, { age: expect.stringMatching(/^4/) });
    expect(featureStore).not.toHaveReceivedPutRecord('customers', 'c1', { age: '43' });
    expect(featureStore).not.toHaveReceivedPutRecord('customers', 'c2');
  });

  test('toHaveReceivedCommandFor takes the command class or name, and sees batch entries', () => {
    expect(featureStore).toHaveReceivedCommandFor(BatchGetRecordCommand, 'customers', 'c8');
    expect(featureStore).toHaveReceivedCommandFor('BatchGetRecord', 'customers');
    expect(featureStore).not.toHaveReceivedCommandFor(GetRecordCommand, 'customers', 'c1');
  });

  test('a failing matcher lists what was received', () => {
    expect(() => expect(featureStore).toHaveReceivedPutRecord('customers', 'c1', { age: '7' })).toThrow(
      /PutRecord calls received:\n {2}PutRecord customers\/c1 → succeeded[\s\S]*Records sent for customers\/c1/,
    );
    expect(() => expect(featureStore).toHaveReceivedCommandFor(GetRecordCommand, 'customers')).toThrow(
      /Calls received:\n {2}PutRecord customers\/c1 → succeeded\n {2}BatchGetRecord customers\/c7, customers\/c8/,
    );
  });
});
