import {
  BatchGetRecordCommand,
  GetRecordCommand,
  PutRecordCommand,
  SageMakerFeatureStoreRuntimeClient,
  type FeatureValue,
} from '@aws-sdk/client-sagemaker-featurestore-runtime';
import { mockFeatureStore, type FeatureStoreMock } from '../../src/index.js';
import { customersGroup } from '../support/fixtures.js';

const record = (id: string, eventTime: string): FeatureValue[] => [
  { FeatureName: 'customer_id', ValueAsString: id },
  { FeatureName: 'event_time', ValueAsString: eventTime },
];

let featureStore: FeatureStoreMock;
const client = new SageMakerFeatureStoreRuntimeClient({ region: 'us-east-1' });
const getRecord = (id: string) =>
  client.send(
    new GetRecordCommand({
      FeatureGroupName: 'customers',
      RecordIdentifierValueAsString: id,
      ExpirationTimeResponse: 'Enabled',
    }),
  );

beforeEach(() => {
  featureStore = mockFeatureStore();
  featureStore.createFeatureGroup(
    customersGroup({ OnlineStoreConfig: { EnableOnlineStore: true, TtlDuration: { Unit: 'Hours', Value: 1 } } }),
  );
});
afterEach(() => {
  jest.useRealTimers();
  featureStore.restore();
});

describe('jest fake timers drive the emulator clock', () => {
  test('setSystemTime sets api_invocation_time and write_time; advanceTimersByTime expires TTL', async () => {
    jest.useFakeTimers();
    jest.setSystemTime(new Date('2026-02-01T10:00:00Z'));
    await client.send(
      new PutRecordCommand({ FeatureGroupName: 'customers', Record: record('c1', '2026-02-01T09:30:00Z') }),
    );

    expect((await getRecord('c1')).ExpiresAt).toBe('2026-02-01T10:30:00Z');
    expect(featureStore.offlineRecords('customers')).toEqual([
      expect.objectContaining({
        api_invocation_time: '2026-02-01T10:00:00.000Z',
        write_time: '2026-02-01T10:00:00.000Z',
      }),
    ]);

    jest.advanceTimersByTime(29 * 60_000 + 59_999);
    expect((await getRecord('c1')).Record).toBeDefined();
    jest.advanceTimersByTime(1);
    // Expired exactly at ExpiresAt (spec A19): gone from GetRecord and BatchGetRecord.
    expect((await getRecord('c1')).Record).toBeUndefined();
    const batch = await client.send(
      new BatchGetRecordCommand({
        Identifiers: [{ FeatureGroupName: 'customers', RecordIdentifiersValueAsString: ['c1'] }],
      }),
    );
    expect(batch.Records).toEqual([]);
  });

  test('a record written with an old EventTime is already expired', async () => {
    jest.useFakeTimers({ now: new Date('2026-02-01T10:00:00Z') });
    await client.send(
      new PutRecordCommand({ FeatureGroupName: 'customers', Record: record('c1', '2026-02-01T08:00:00Z') }),
    );
    expect((await getRecord('c1')).Record).toBeUndefined();
    expect(featureStore.offlineRecords('customers')).toHaveLength(1);
  });
});

describe('clock.set() and clock.advance()', () => {
  test('set() freezes the clock; advance() takes durations and milliseconds', async () => {
    featureStore.clock.set('2026-06-01T00:00:00Z');
    await client.send(
      new PutRecordCommand({ FeatureGroupName: 'customers', Record: record('c1', '2026-06-01T00:00:00Z') }),
    );
    featureStore.clock.advance('59m');
    featureStore.clock.advance(59_999);
    expect((await getRecord('c1')).Record).toBeDefined();
    expect(featureStore.clock.now()).toBe(Date.parse('2026-06-01T00:59:59.999Z'));
    featureStore.clock.advance(1);
    expect((await getRecord('c1')).Record).toBeUndefined();
  });

  test('advance() without set() moves ahead of Date.now(), and stamps offline rows with that time', async () => {
    jest.useFakeTimers({ now: new Date('2026-06-01T00:00:00Z') });
    featureStore.clock.advance('1d 2h');
    await client.send(
      new PutRecordCommand({ FeatureGroupName: 'customers', Record: record('c1', '2026-06-02T02:00:00Z') }),
    );
    expect(featureStore.offlineRecords('customers')[0]).toMatchObject({
      api_invocation_time: '2026-06-02T02:00:00.000Z',
    });
    jest.advanceTimersByTime(1000);
    expect(featureStore.clock.now()).toBe(Date.parse('2026-06-02T02:00:01Z'));
  });

  test('useSystemTime() and reset() follow Date.now() again', () => {
    jest.useFakeTimers({ now: new Date('2030-01-01T00:00:00Z') });
    featureStore.clock.set('2026-01-01T00:00:00Z');
    expect(featureStore.clock.frozen).toBe(true);
    featureStore.reset();
    expect(featureStore.clock.frozen).toBe(false);
    expect(featureStore.clock.now()).toBe(Date.parse('2030-01-01T00:00:00Z'));
  });

  test('bad input is refused', () => {
    expect(() => featureStore.clock.advance('15 minutes')).toThrow(/Invalid duration/);
    expect(() => featureStore.clock.set('yesterday')).toThrow(/invalid instant/);
  });
});
