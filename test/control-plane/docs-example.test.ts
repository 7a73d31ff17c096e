/**
 * The examples of docs/control-plane.md, as tests: the application provisions its feature
 * group with its own SageMakerClient (create, then poll until Created) and writes with its
 * own runtime client. Keep the two in step.
 */
import {
  CreateFeatureGroupCommand,
  DescribeFeatureGroupCommand,
  SageMakerClient,
  type CreateFeatureGroupCommandInput,
} from '@aws-sdk/client-sagemaker';
import {
  GetRecordCommand,
  PutRecordCommand,
  SageMakerFeatureStoreRuntimeClient,
} from '@aws-sdk/client-sagemaker-featurestore-runtime';
import { mockFeatureStore, type FeatureStoreMock } from '../../src/index.js';

// --- application code (src/feature-groups.ts) ---
const customersFeatureGroup: CreateFeatureGroupCommandInput = {
  FeatureGroupName: 'customers',
  RecordIdentifierFeatureName: 'customer_id',
  EventTimeFeatureName: 'event_time',
  FeatureDefinitions: [
    { FeatureName: 'customer_id', FeatureType: 'String' },
    { FeatureName: 'event_time', FeatureType: 'String' },
    { FeatureName: 'lifetime_value', FeatureType: 'Fractional' },
  ],
  OnlineStoreConfig: { EnableOnlineStore: true, TtlDuration: { Unit: 'Days', Value: 30 } },
  OfflineStoreConfig: { S3StorageConfig: { S3Uri: 's3://my-feature-bucket/offline' } },
  RoleArn: 'arn:aws:iam::123456789012:role/FeatureStoreRole',
};

async function provisionFeatureGroups(client = new SageMakerClient({})): Promise<void> {
  await client.send(new CreateFeatureGroupCommand(customersFeatureGroup));
  for (;;) {
    const { FeatureGroupStatus } = await client.send(
      new DescribeFeatureGroupCommand({ FeatureGroupName: 'customers' }),
    );
    if (FeatureGroupStatus === 'Created') return;
    if (FeatureGroupStatus !== 'Creating') throw new Error(`customers is ${FeatureGroupStatus}`);
    await new Promise((resolve) => setTimeout(resolve, 5_000));
  }
}

// --- the tests ---
describe('provisioning through the control plane', () => {
  let featureStore: FeatureStoreMock;
  afterEach(() => featureStore.restore());

  test('the application provisions, then writes and reads its features', async () => {
    featureStore = mockFeatureStore();
    await provisionFeatureGroups(); // Created at once: the first Describe says so

    const runtime = new SageMakerFeatureStoreRuntimeClient({});
    await runtime.send(
      new PutRecordCommand({
        FeatureGroupName: 'customers',
        Record: [
          { FeatureName: 'customer_id', ValueAsString: 'c1' },
          { FeatureName: 'event_time', ValueAsString: new Date().toISOString() },
          { FeatureName: 'lifetime_value', ValueAsString: '1234.5' },
        ],
      }),
    );
    const { Record } = await runtime.send(
      new GetRecordCommand({ FeatureGroupName: 'customers', RecordIdentifierValueAsString: 'c1' }),
    );
    expect(Record).toContainEqual({ FeatureName: 'lifetime_value', ValueAsString: '1234.5' });
    expect(featureStore.offlineRecords('customers')).toHaveLength(1);
  });

  test('the polling loop, with Creating lasting a minute and jest fake timers', async () => {
    featureStore = mockFeatureStore({ behaviour: { featureGroupStatusDurations: { Creating: '1m' } } });
    jest.useFakeTimers();
    try {
      let done = false;
      const provisioned = provisionFeatureGroups().finally(() => (done = true));
      // Step the timers until the loop ends: an SDK client's first call also does real I/O.
      while (!done) await jest.advanceTimersByTimeAsync(5_000);
      await provisioned;
      expect(Date.now() - featureStore.store.registry.all()[0]!.creationTime).toBeGreaterThanOrEqual(60_000);
    } finally {
      jest.useRealTimers();
    }
  });
});
