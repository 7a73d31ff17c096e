/**
 * A failing matcher says why, not only what it saw: each likely cause of an empty answer
 * (no store of that kind, rows still buffered, TTL, soft delete, an unknown group, nothing
 * sent at all) gets its own sentence. Through the preset and the real SDK client.
 */
import {
  DeleteRecordCommand,
  PutRecordCommand,
  SageMakerFeatureStoreRuntimeClient,
} from '@aws-sdk/client-sagemaker-featurestore-runtime';
import { featureStore } from '../../src/jest/setup.js';
import { customersGroup } from '../support/fixtures.js';

const client = new SageMakerFeatureStoreRuntimeClient({});
const put = (FeatureGroupName: string, id: string, eventTime = '2026-01-01T00:00:00Z', age = '30') =>
  client.send(
    new PutRecordCommand({
      FeatureGroupName,
      Record: [
        { FeatureName: 'customer_id', ValueAsString: id },
        { FeatureName: 'event_time', ValueAsString: eventTime },
        { FeatureName: 'age', ValueAsString: age },
      ],
    }),
  );

/** The failure message of an assertion that must fail. */
const failure = (assertion: () => void): string => {
  try {
    assertion();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('the assertion passed');
};

featureStore.createFeatureGroup(customersGroup());
featureStore.createFeatureGroup(customersGroup({ FeatureGroupName: 'online-only', OfflineStoreConfig: undefined }));
featureStore.createFeatureGroup(
  customersGroup({ FeatureGroupName: 'offline-only', OnlineStoreConfig: { EnableOnlineStore: false } }),
);
featureStore.createFeatureGroup(
  customersGroup({
    FeatureGroupName: 'short-lived',
    OnlineStoreConfig: { EnableOnlineStore: true, TtlDuration: { Unit: 'Minutes', Value: 15 } },
  }),
);

beforeEach(() => featureStore.clock.set('2026-01-01T00:05:00Z'));

describe('offline matchers', () => {
  test('a group without an offline store says it has no OfflineStoreConfig', async () => {
    await put('online-only', 'c1');
    const message = failure(() => expect(featureStore).toHaveOfflineRecord('online-only', 'c1'));
    expect(message).toMatch(
      /Likely cause: online-only has no offline store: its CreateFeatureGroup request has no OfflineStoreConfig/,
    );
    expect(failure(() => expect(featureStore).toHaveOfflineDeleteMarker('online-only', 'c1'))).toMatch(
      /online-only has no offline store/,
    );
  });

  test('rows held back by the offline delivery delay point at flushOffline()', async () => {
    featureStore.configure({ offlineDelivery: { delay: '15m' } });
    await put('customers', 'c1');
    const message = failure(() => expect(featureStore).toHaveOfflineRecord('customers', 'c1'));
    expect(message).toMatch(
      /1 offline row of c1 is written but not delivered yet: .* lands at write_time 2026-01-01T00:20:00\.000Z while the emulator's clock is at 2026-01-01T00:05:00\.000Z\. Call featureStore\.flushOffline\(\)/,
    );
    await client.send(
      new DeleteRecordCommand({
        FeatureGroupName: 'customers',
        RecordIdentifierValueAsString: 'c1',
        EventTime: '2026-01-01T00:01:00Z',
      }),
    );
    expect(failure(() => expect(featureStore).toHaveOfflineDeleteMarker('customers', 'c1'))).toMatch(
      /2 offline rows of c1 are written but not delivered yet/,
    );
    featureStore.flushOffline();
    expect(featureStore).toHaveOfflineDeleteMarker('customers', 'c1');
  });

  test('a delivered row that does not match still mentions a newer one in the buffer', async () => {
    await put('customers', 'c1', '2026-01-01T00:00:00Z', '30');
    featureStore.configure({ offlineDelivery: { delay: '15m' } });
    await put('customers', 'c1', '2026-01-01T00:01:00Z', '31');
    expect(failure(() => expect(featureStore).toHaveOfflineRecord('customers', 'c1', { age: '31' }))).toMatch(
      /1 offline row of c1 is written but not delivered yet/,
    );
  });

  test('no row for that record lists the records that have rows', async () => {
    await put('customers', 'c2');
    await put('customers', 'c3');
    expect(failure(() => expect(featureStore).toHaveOfflineRecord('customers', 'c1'))).toMatch(
      /No offline row of c1 in customers .*; it holds rows of c2, c3\./,
    );
    expect(failure(() => expect(featureStore).toHaveOfflineRecord('offline-only', 'c1'))).toMatch(
      /The offline store of offline-only is empty/,
    );
  });

  test('rows without a marker say DeleteRecord did not reach the offline store', async () => {
    await put('customers', 'c1');
    expect(failure(() => expect(featureStore).toHaveOfflineDeleteMarker('customers', 'c1'))).toMatch(
      /the record has offline rows but no marker: DeleteRecord was not called, failed, or its TargetStores left out OfflineStore/,
    );
  });

  test('a matching row leaves no cause to tell', async () => {
    await put('customers', 'c1');
    const message = failure(() => expect(featureStore).toHaveOfflineRecord('customers', 'c1', { age: '99' }));
    expect(message).toMatch(/Offline rows: /);
    expect(message).not.toMatch(/Likely cause/);
  });
});

describe('online matchers', () => {
  test('a group without an online store says so', async () => {
    await put('offline-only', 'c1');
    expect(failure(() => expect(featureStore).toHaveOnlineRecord('offline-only', 'c1'))).toMatch(
      /Likely cause: offline-only has no online store: its OnlineStoreConfig does not set EnableOnlineStore: true/,
    );
  });

  test('a record past its ExpiresAt says TTL, with the instants', async () => {
    await put('short-lived', 'c1', '2026-01-01T00:00:00Z');
    featureStore.clock.advance('20m');
    // Read once first: the purge happens on this read, and the reason must survive it.
    expect(featureStore.onlineRecord('short-lived', 'c1')).toBeUndefined();
    expect(failure(() => expect(featureStore).toHaveOnlineRecord('short-lived', 'c1'))).toMatch(
      /c1 expired by TTL at 2026-01-01T00:15:00Z .*the emulator's clock is at 2026-01-01T00:25:00\.000Z/,
    );
    await put('short-lived', 'c1', '2026-01-01T00:24:00Z');
    expect(featureStore).toHaveOnlineRecord('short-lived', 'c1');
  });

  test('a soft-deleted record says soft-deleted', async () => {
    await put('customers', 'c1');
    await client.send(
      new DeleteRecordCommand({
        FeatureGroupName: 'customers',
        RecordIdentifierValueAsString: 'c1',
        EventTime: '2026-01-01T00:01:00Z',
        DeletionMode: 'SoftDelete',
      }),
    );
    expect(failure(() => expect(featureStore).toHaveOnlineRecord('customers', 'c1'))).toMatch(
      /c1 is soft-deleted: a DeleteRecord \(DeletionMode SoftDelete\) at EventTime 2026-01-01T00:01:00Z left a tombstone/,
    );
  });

  test('an absent record lists what the store holds, or says it is empty', async () => {
    expect(failure(() => expect(featureStore).toHaveOnlineRecord('customers', 'c1'))).toMatch(
      /The online store of customers is empty/,
    );
    await put('customers', 'c2');
    expect(failure(() => expect(featureStore).toHaveOnlineRecord('customers', 'c1'))).toMatch(
      /No record c1 in customers .*; it holds c2\./,
    );
  });

  test('a live record with other values shows them, with no cause', async () => {
    await put('customers', 'c1');
    const message = failure(() => expect(featureStore).toHaveOnlineRecord('customers', 'c1', { age: '99' }));
    expect(message).toMatch(/"age": "30"/);
    expect(message).not.toMatch(/Likely cause/);
  });
});

describe('unknown groups and empty call history', () => {
  test('inspection of an unknown group lists the declared ones, also through .not', () => {
    for (const assertion of [
      () => expect(featureStore).toHaveOnlineRecord('custmers', 'c1'),
      () => expect(featureStore).not.toHaveOfflineRecord('custmers', 'c1'),
      () => expect(featureStore).not.toHaveOfflineDeleteMarker('custmers', 'c1'),
      () => featureStore.offlineRecords('custmers'),
    ]) {
      expect(failure(assertion)).toMatch(
        /No feature group 'custmers' is declared\. Declared: customers, online-only, offline-only, short-lived\./,
      );
    }
  });

  test('call matchers name an undeclared group, and say when nothing reached the emulator', async () => {
    const none = failure(() => expect(featureStore).toHaveReceivedPutRecord('custmers', 'c1'));
    expect(none).toMatch(/Note: no feature group 'custmers' is declared \(declared: customers, online-only/);
    expect(none).toMatch(/Likely cause: no call reached the emulator since the last reset/);
    await put('customers', 'c1');
    const other = failure(() => expect(featureStore).toHaveReceivedCommandFor('PutRecord', 'custmers'));
    expect(other).toMatch(/PutRecord customers\/c1 → succeeded/);
    expect(other).toMatch(/Note: no feature group 'custmers' is declared/);
    expect(other).not.toMatch(/no call reached the emulator/);
  });
});
