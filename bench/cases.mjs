import * as runtime from '@aws-sdk/client-sagemaker-featurestore-runtime';

/**
 * What the per-call table measures: one case per runtime operation. A case declares the
 * feature groups it needs, seeds the store through the client (so every mode starts from
 * the same state), and gives the input of one iteration; the command is built from it, and
 * the core mode passes the same input to `FeatureStore.execute`. Every mode in modes.mjs
 * runs every case.
 */

/**
 * The group every case uses: both stores, String event time, Standard_V2 (the tier with
 * UpdateRecord; the other operations behave alike on every tier).
 */
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
  OnlineStoreConfig: { EnableOnlineStore: true, StorageType: 'Standard_V2' },
  OfflineStoreConfig: { S3StorageConfig: { S3Uri: 's3://bucket/prefix' } },
};

export const EVENT_TIME = '2026-01-01T00:00:00Z';

export const customerRecord = (id, eventTime = EVENT_TIME) => [
  { FeatureName: 'customer_id', ValueAsString: id },
  { FeatureName: 'event_time', ValueAsString: eventTime },
  { FeatureName: 'age', ValueAsString: '42' },
  { FeatureName: 'score', ValueAsString: '0.75' },
  { FeatureName: 'city', ValueAsString: 'Paris' },
];

/** 25 BatchWriteRecord entries of distinct records, the most one call takes. */
export const batchOf25 = (first, featureGroupName = 'customers') =>
  Array.from({ length: 25 }, (_, i) => ({
    FeatureGroupName: featureGroupName,
    Record: customerRecord(`c${first + i}`),
  }));

const LIST_RECORDS_STORE_SIZE = 1_000;
const LIST_RECORDS_PAGE = 100;
/** NextTokens of every page of the seeded store, collected by the seed: iteration i reads page i (mod pages). */
let listRecordsTokens = [undefined];

const seedBatch = async (client, count) => {
  for (let first = 0; first < count; first += 25) {
    await client.send(new runtime.BatchWriteRecordCommand({ Entries: batchOf25(first) }));
  }
};

/**
 * @typedef {object} BenchCase
 * @property {string} name
 * @property {string} operation the API operation measured
 * @property {number} [records] records one call writes or reads (for records/s)
 * @property {object[]} featureGroups CreateFeatureGroup requests
 * @property {(client: import('@aws-sdk/client-sagemaker-featurestore-runtime').SageMakerFeatureStoreRuntimeClient) => Promise<void>} seed
 * @property {(iteration: number) => object} input the operation input of one iteration
 * @property {(iteration: number) => object} command the SDK command of one iteration
 */

/** @type {Omit<BenchCase, 'command'>[]} */
const definitions = [
  {
    name: 'PutRecord',
    operation: 'PutRecord',
    // Same record, same EventTime: an online overwrite and one offline row per call.
    seed: async () => {},
    input: () => ({ FeatureGroupName: 'customers', Record: customerRecord('c1') }),
  },
  {
    name: 'GetRecord',
    operation: 'GetRecord',
    seed: (client) => seedBatch(client, 25),
    input: () => ({ FeatureGroupName: 'customers', RecordIdentifierValueAsString: 'c1' }),
  },
  {
    name: 'BatchGetRecord',
    operation: 'BatchGetRecord',
    records: 10,
    seed: (client) => seedBatch(client, 25),
    input: () => ({
      Identifiers: [
        {
          FeatureGroupName: 'customers',
          RecordIdentifiersValueAsString: ['c0', 'c1', 'c2', 'c3', 'c4', 'c5', 'c6', 'c7', 'c8', 'c9'],
        },
      ],
    }),
  },
  {
    name: 'DeleteRecord',
    operation: 'DeleteRecord',
    // A soft delete at the stored EventTime, again and again: a tombstone overwrite and an offline row per call.
    seed: (client) => seedBatch(client, 25),
    input: () => ({ FeatureGroupName: 'customers', RecordIdentifierValueAsString: 'c1', EventTime: EVENT_TIME }),
  },
  {
    name: 'BatchWriteRecord',
    operation: 'BatchWriteRecord',
    records: 25,
    // The same 25 records each time: 25 online overwrites and 25 offline rows per call.
    seed: async () => {},
    input: () => ({ Entries: batchOf25(0) }),
  },
  {
    name: 'UpdateRecord',
    operation: 'UpdateRecord',
    seed: (client) => seedBatch(client, 25),
    input: () => ({
      FeatureGroupName: 'customers',
      RecordIdentifierValueAsString: 'c1',
      Features: [
        { FeatureName: 'event_time', ValueAsString: EVENT_TIME },
        { FeatureName: 'age', ValueAsString: '43' },
      ],
    }),
  },
  {
    name: 'ListRecords',
    operation: 'ListRecords',
    records: LIST_RECORDS_PAGE,
    // Pages of 100 anywhere in a store of 1k; ListRecords over 1M records is in the scale section.
    seed: async (client) => {
      await seedBatch(client, LIST_RECORDS_STORE_SIZE);
      const tokens = [undefined];
      for (let token; ;) {
        const page = await client.send(
          new runtime.ListRecordsCommand({
            FeatureGroupName: 'customers',
            MaxResults: LIST_RECORDS_PAGE,
            NextToken: token,
          }),
        );
        if (page.NextToken === undefined) break;
        token = page.NextToken;
        tokens.push(token);
      }
      listRecordsTokens = tokens;
    },
    input: (iteration) => ({
      FeatureGroupName: 'customers',
      MaxResults: LIST_RECORDS_PAGE,
      NextToken: listRecordsTokens[iteration % listRecordsTokens.length],
    }),
  },
];

/** @type {BenchCase[]} */
export const cases = definitions.map((definition) => {
  const Command = runtime[`${definition.operation}Command`];
  return {
    featureGroups: [customersGroup],
    ...definition,
    command: (iteration) => new Command(definition.input(iteration)),
  };
});
