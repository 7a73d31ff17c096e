import { featureStore } from 'sagemaker-featurestore-mock/jest';
import { forgetCustomer, loadCustomer, saveCustomer } from './customer-features.js';

// Declared once for the file: suite-level feature groups survive the reset before each test.
featureStore.createFeatureGroup({
  FeatureGroupName: 'customers',
  RecordIdentifierFeatureName: 'customer_id',
  EventTimeFeatureName: 'event_time',
  FeatureDefinitions: [
    { FeatureName: 'customer_id', FeatureType: 'String' },
    { FeatureName: 'event_time', FeatureType: 'String' },
    { FeatureName: 'lifetime_value', FeatureType: 'Fractional' },
    { FeatureName: 'segment', FeatureType: 'String' },
  ],
  OnlineStoreConfig: { EnableOnlineStore: true },
  OfflineStoreConfig: { S3StorageConfig: { S3Uri: 's3://example-bucket/feature-store' } },
});

test('a saved customer can be loaded back', async () => {
  await saveCustomer({ id: 'c1', lifetimeValue: 1250.5, segment: 'gold' });

  await expect(loadCustomer('c1')).resolves.toEqual({ id: 'c1', lifetimeValue: 1250.5, segment: 'gold' });
  expect(featureStore).toHaveOnlineRecord('customers', 'c1', { segment: 'gold' });
});

test('every test starts from a clean store', async () => {
  await expect(loadCustomer('c1')).resolves.toBeUndefined();
});

test('forgetting a customer removes it online and leaves a deleted-record marker offline', async () => {
  await saveCustomer({ id: 'c2', lifetimeValue: 10, segment: 'bronze' }, new Date('2026-01-01T00:00:00Z'));
  await forgetCustomer('c2', new Date('2026-02-01T00:00:00Z'));

  await expect(loadCustomer('c2')).resolves.toBeUndefined();
  expect(featureStore).toHaveOfflineDeleteMarker('customers', 'c2', '2026-02-01T00:00:00.000Z');
  expect(featureStore.offlineRecords('customers').map((row) => row.is_deleted)).toEqual([false, true]);
});

test('an older save does not overwrite a newer one online, but lands offline as history', async () => {
  await saveCustomer({ id: 'c3', lifetimeValue: 99, segment: 'silver' }, new Date('2026-03-01T00:00:00Z'));
  await saveCustomer({ id: 'c3', lifetimeValue: 5, segment: 'stale' }, new Date('2025-03-01T00:00:00Z'));

  await expect(loadCustomer('c3')).resolves.toMatchObject({ segment: 'silver' });
  expect(featureStore).toHaveOfflineRecord('customers', 'c3', { segment: 'stale', is_deleted: false });
});
