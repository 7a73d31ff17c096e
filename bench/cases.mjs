import {
  BatchWriteRecordCommand,
  GetRecordCommand,
  ListRecordsCommand,
  PutRecordCommand,
} from '@aws-sdk/client-sagemaker-featurestore-runtime';

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

/** 25 BatchWriteRecord entries of distinct records, the most one call takes. */
const batchOf25 = (first) =>
  Array.from({ length: 25 }, (_, i) => ({ FeatureGroupName: 'customers', Record: customerRecord(`c${first + i}`) }));

const LIST_RECORDS_STORE_SIZE = 100_000;
/** NextTokens of every page of the seeded store, collected by the seed: iteration i reads page i (mod pages). */
let listRecordsTokens = [undefined];

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
  {
    name: 'BatchWrite25',
    operation: 'BatchWriteRecord',
    featureGroups: [customersGroup],
    seed: async () => {},
    // 25 records per call, the same 25 each time: 25 online overwrites and 25 offline rows per call.
    command: () => new BatchWriteRecordCommand({ Entries: batchOf25(0) }),
  },
  {
    name: 'ListRecords100k',
    operation: 'ListRecords',
    featureGroups: [customersGroup],
    // 100k records, then one walk over every page to collect the tokens the timed calls resume from.
    seed: async (client) => {
      for (let first = 0; first < LIST_RECORDS_STORE_SIZE; first += 25) {
        await client.send(new BatchWriteRecordCommand({ Entries: batchOf25(first) }));
      }
      const tokens = [undefined];
      for (let token; ;) {
        const page = await client.send(
          new ListRecordsCommand({ FeatureGroupName: 'customers', MaxResults: 100, NextToken: token }),
        );
        if (page.NextToken === undefined) break;
        token = page.NextToken;
        tokens.push(token);
      }
      listRecordsTokens = tokens;
    },
    // A page of 100 anywhere in the store: resuming from a token must not cost a scan of what precedes it.
    command: (iteration) =>
      new ListRecordsCommand({
        FeatureGroupName: 'customers',
        MaxResults: 100,
        NextToken: listRecordsTokens[iteration % listRecordsTokens.length],
      }),
  },
];
