import {
  DeleteRecordCommand,
  PutRecordCommand,
  SageMakerFeatureStoreRuntimeClient,
  type FeatureValue,
} from '@aws-sdk/client-sagemaker-featurestore-runtime';
import { mockFeatureStore, type FeatureStoreMock, type MockFeatureStoreOptions } from '../../src/index.js';
import { registerFeatureStoreMatchers } from '../../src/jest/index.js';
import { customersGroup } from '../support/fixtures.js';

registerFeatureStoreMatchers();

const client = new SageMakerFeatureStoreRuntimeClient({ region: 'us-east-1' });
const put = (id: string, eventTime = '2026-01-01T00:00:00Z') =>
  client.send(new PutRecordCommand({ FeatureGroupName: 'customers', Record: record(id, eventTime) }));
const record = (id: string, eventTime: string): FeatureValue[] => [
  { FeatureName: 'customer_id', ValueAsString: id },
  { FeatureName: 'event_time', ValueAsString: eventTime },
];

let featureStore: FeatureStoreMock;
const open = (options: MockFeatureStoreOptions = {}): void => {
  featureStore = mockFeatureStore(options);
  featureStore.createFeatureGroup(customersGroup());
  featureStore.clock.set('2026-03-01T12:00:00Z');
};
afterEach(() => featureStore.restore());

test('by default a row is delivered at once: write_time = api_invocation_time', async () => {
  open();
  await put('c1');
  expect(featureStore.offlineRecords('customers')).toEqual([
    expect.objectContaining({
      api_invocation_time: '2026-03-01T12:00:00.000Z',
      write_time: '2026-03-01T12:00:00.000Z',
    }),
  ]);
});

describe("offlineDelivery: { delay: '15m' }", () => {
  beforeEach(() => open({ offlineDelivery: { delay: '15m' } }));

  test('rows appear when the clock reaches write_time', async () => {
    await put('c1');
    expect(featureStore.offlineRecords('customers')).toEqual([]);
    expect(featureStore).not.toHaveOfflineRecord('customers', 'c1');
    featureStore.clock.advance('14m 59s');
    expect(featureStore.offlineRecords('customers')).toEqual([]);
    featureStore.clock.advance('1s');
    expect(featureStore.offlineRecords('customers')).toEqual([
      expect.objectContaining({
        api_invocation_time: '2026-03-01T12:00:00.000Z',
        write_time: '2026-03-01T12:15:00.000Z',
      }),
    ]);
  });

  test('flushOffline() delivers what is buffered, with write_time = the flush time', async () => {
    await put('c1');
    featureStore.clock.advance('5m');
    await put('c2');
    featureStore.clock.advance('1m');
    expect(featureStore.flushOffline()).toBe(2);
    expect(featureStore.offlineRecords('customers').map((row) => [row.customer_id, row.write_time])).toEqual([
      ['c1', '2026-03-01T12:06:00.000Z'],
      ['c2', '2026-03-01T12:06:00.000Z'],
    ]);
    expect(featureStore.flushOffline()).toBe(0);
  });

  test('rows already delivered keep their write_time when flushed later', async () => {
    await put('c1');
    featureStore.clock.advance('20m');
    await put('c2');
    featureStore.clock.advance('1m');
    featureStore.flushOffline();
    expect(featureStore.offlineRecords('customers').map((row) => row.write_time)).toEqual([
      '2026-03-01T12:15:00.000Z',
      '2026-03-01T12:21:00.000Z',
    ]);
  });

  test('delete markers are buffered the same way', async () => {
    await client.send(
      new DeleteRecordCommand({
        FeatureGroupName: 'customers',
        RecordIdentifierValueAsString: 'c1',
        EventTime: '2026-03-01T12:00:00Z',
      }),
    );
    expect(featureStore).not.toHaveOfflineDeleteMarker('customers', 'c1');
    featureStore.flushOffline();
    expect(featureStore).toHaveOfflineDeleteMarker('customers', 'c1');
  });

  test('the online store is not delayed', async () => {
    await put('c1');
    expect(featureStore).toHaveOnlineRecord('customers', 'c1');
  });
});

test('configure() inside a test changes delivery until reset()', async () => {
  let insideTest = false;
  open({ isInsideTest: () => insideTest });
  insideTest = true;
  featureStore.configure({ offlineDelivery: { delay: '1h' } });
  await put('c1');
  expect(featureStore.offlineRecords('customers')).toEqual([]);
  featureStore.reset();
  featureStore.clock.set('2026-03-01T12:00:00Z');
  await put('c2');
  expect(featureStore.offlineRecords('customers')).toHaveLength(1);
});

test("configure() outside a test holds across reset(); 'immediate' switches back", async () => {
  open({ isInsideTest: () => false });
  featureStore.configure({ offlineDelivery: { delay: '1h' } });
  featureStore.reset();
  featureStore.clock.set('2026-03-01T12:00:00Z');
  await put('c1');
  expect(featureStore.offlineRecords('customers')).toEqual([]);
  featureStore.configure({ offlineDelivery: 'immediate' });
  await put('c2');
  expect(featureStore.offlineRecords('customers').map((row) => row.customer_id)).toEqual(['c2']);
});

test('a negative or malformed delay is refused', () => {
  expect(() => mockFeatureStore({ offlineDelivery: { delay: 'soon' } })).toThrow(/Invalid duration/);
  open();
  expect(() => featureStore.configure({ offlineDelivery: { delay: -5 } })).toThrow(/>= 0/);
});
