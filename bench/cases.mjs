import { GetRecordCommand, PutRecordCommand } from '@aws-sdk/client-sagemaker-featurestore-runtime';

/**
 * What the benchmark calls: one row per named case. A case declares the feature groups it
 * needs, seeds the store through the client (so every mode starts from the same state), and
 * builds the command of one iteration. Add a row to measure another operation or a larger
 * store; every mode in modes.mjs runs every case.
 */

/** The group every case uses unless it declares its own: both stores, String event time. */
export const customersGroup = {
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
};

const customerRecord = (id, eventTime = '2026-01-01T00:00:00Z') => [
  { FeatureName: 'customer_id', ValueAsString: id },
  { FeatureName: 'event_time', ValueAsString: eventTime },
  { FeatureName: 'age', ValueAsString: '42' },
  { FeatureName: 'score', ValueAsString: '0.75' },
  { FeatureName: 'city', ValueAsString: 'Paris' },
];

/**
 * @typedef {object} BenchCase
 * @property {string} name
 * @property {string} operation the API operation measured
 * @property {object[]} featureGroups CreateFeatureGroup requests
 * @property {(client: import('@aws-sdk/client-sagemaker-featurestore-runtime').SageMakerFeatureStoreRuntimeClient) => Promise<void>} seed
 * @property {(iteration: number) => object} command the command of one iteration
 */

/** @type {BenchCase[]} */
export const cases = [
  {
    name: 'PutRecord',
    operation: 'PutRecord',
    featureGroups: [customersGroup],
    seed: async () => {},
    // Same record, same EventTime: an online overwrite and one offline row per call.
    command: () => new PutRecordCommand({ FeatureGroupName: 'customers', Record: customerRecord('c1') }),
  },
  {
    name: 'GetRecord',
    operation: 'GetRecord',
    featureGroups: [customersGroup],
    seed: async (client) => {
      await client.send(new PutRecordCommand({ FeatureGroupName: 'customers', Record: customerRecord('c1') }));
    },
    command: () => new GetRecordCommand({ FeatureGroupName: 'customers', RecordIdentifierValueAsString: 'c1' }),
  },
];
