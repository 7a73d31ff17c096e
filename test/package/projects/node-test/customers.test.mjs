// node:test has no preset: install the mock for the file, reset it before each test.
import assert from 'node:assert/strict';
import { after, beforeEach, mock, test } from 'node:test';
import { PutRecordCommand, SageMakerFeatureStoreRuntimeClient } from '@aws-sdk/client-sagemaker-featurestore-runtime';
import { mockFeatureStore } from 'sagemaker-featurestore-mock';

const featureStore = mockFeatureStore();
featureStore.loadFeatureGroups('customers-group.json');
beforeEach(() => featureStore.reset());
after(() => featureStore.restore());

const client = new SageMakerFeatureStoreRuntimeClient({});
const put = (id) =>
  client.send(
    new PutRecordCommand({
      FeatureGroupName: 'customers',
      Record: [
        { FeatureName: 'customer_id', ValueAsString: id },
        { FeatureName: 'event_time', ValueAsString: new Date().toISOString() },
      ],
    }),
  );

test('ESM: the real client reaches the emulator', async () => {
  await put('c1');
  assert.equal(featureStore.onlineRecord('customers', 'c1')?.features.customer_id, 'c1');
  assert.deepEqual(
    featureStore.commandCalls('PutRecord').map((call) => call.recordIdentifiers),
    [['c1']],
  );
});

test('node:test mock timers move the emulator clock', async () => {
  mock.timers.enable({ apis: ['Date', 'setTimeout'], now: Date.parse('2026-01-01T00:00:00Z') });
  try {
    await put('c2');
    assert.equal(featureStore.offlineRecords('customers')[0]?.write_time, '2026-01-01T00:00:00.000Z');
    mock.timers.tick(15 * 60_000);
    assert.equal(featureStore.onlineRecord('customers', 'c2'), undefined);
  } finally {
    mock.timers.reset();
  }
});
