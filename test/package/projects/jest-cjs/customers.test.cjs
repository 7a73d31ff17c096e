// A CommonJS project: require() of the package and of the preset, plain JS, no transform.
// (`jest` itself is a name jest's module wrapper already defines, hence `jestApi`.)
const { expect, jest: jestApi, test } = require('@jest/globals');
const {
  GetRecordCommand,
  PutRecordCommand,
  SageMakerFeatureStoreRuntimeClient,
} = require('@aws-sdk/client-sagemaker-featurestore-runtime');
const { featureStore } = require('sagemaker-featurestore-mock/jest');
const { getActiveFeatureStoreMock } = require('sagemaker-featurestore-mock');

featureStore.loadFeatureGroups('customers-group.json');
const client = new SageMakerFeatureStoreRuntimeClient({});
const put = (id) =>
  client.send(
    new PutRecordCommand({
      FeatureGroupName: 'customers',
      Record: [
        { FeatureName: 'customer_id', ValueAsString: id },
        { FeatureName: 'event_time', ValueAsString: new Date().toISOString() },
        { FeatureName: 'age', ValueAsString: '42' },
      ],
    }),
  );

test('the preset serves the real client and registers the matchers', async () => {
  await put('c1');
  expect(featureStore).toHaveOnlineRecord('customers', 'c1', { age: '42' });
  expect(featureStore).toHaveReceivedPutRecord('customers', 'c1', { age: '42' });
  expect(getActiveFeatureStoreMock()).toBe(featureStore);
});

test('each test starts clean; faults go through the SDK retries', async () => {
  expect(featureStore.onlineRecord('customers', 'c1')).toBeUndefined();
  featureStore.faults.add({ operation: 'GetRecord', error: 'ServiceUnavailable', times: 1 });
  const output = await client.send(
    new GetRecordCommand({ FeatureGroupName: 'customers', RecordIdentifierValueAsString: 'c1' }),
  );
  expect(output.$metadata.attempts).toBe(2);
});

test('jest fake timers drive the emulator clock', async () => {
  jestApi.useFakeTimers({ now: new Date('2026-01-01T00:00:00Z') });
  try {
    await put('c2');
    jestApi.advanceTimersByTime(15 * 60_000);
    expect(featureStore.onlineRecord('customers', 'c2')).toBeUndefined();
    expect(featureStore.offlineRecords('customers')[0].api_invocation_time).toBe('2026-01-01T00:00:00.000Z');
  } finally {
    jestApi.useRealTimers();
  }
});
