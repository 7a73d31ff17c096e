import type { CreateFeatureGroupInput } from '../../src/index.js';

/** A group with both stores, a String event time and three plain features. */
export const customersGroup = (overrides: Partial<CreateFeatureGroupInput> = {}): CreateFeatureGroupInput => ({
  FeatureGroupName: 'customers',
  RecordIdentifierFeatureName: 'customer_id',
  EventTimeFeatureName: 'event_time',
  FeatureDefinitions: [
    { FeatureName: 'customer_id', FeatureType: 'String' },
    { FeatureName: 'event_time', FeatureType: 'String' },
    { FeatureName: 'age', FeatureType: 'Integral' },
    { FeatureName: 'score', FeatureType: 'Fractional' },
    { FeatureName: 'city', FeatureType: 'String' },
  ],
  OnlineStoreConfig: { EnableOnlineStore: true },
  OfflineStoreConfig: { S3StorageConfig: { S3Uri: 's3://bucket/prefix' } },
  ...overrides,
});
