// An ES module project under jest --experimental-vm-modules: import of the package and the preset.
import { expect, test } from '@jest/globals';
import { PutRecordCommand, SageMakerFeatureStoreRuntimeClient } from '@aws-sdk/client-sagemaker-featurestore-runtime';
import { featureStore } from 'sagemaker-featurestore-mock/jest';
import { getActiveFeatureStoreMock } from 'sagemaker-featurestore-mock';

featureStore.loadFeatureGroups('customers-group.json');
const client = new SageMakerFeatureStoreRuntimeClient({});

test('import finds the one installed mock, and the real client reaches it', async () => {
  expect(getActiveFeatureStoreMock()).toBe(featureStore);
  await client.send(
    new PutRecordCommand({
      FeatureGroupName: 'customers',
      Record: [
        { FeatureName: 'customer_id', ValueAsString: 'c1' },
        { FeatureName: 'event_time', ValueAsString: new Date().toISOString() },
      ],
    }),
  );
  expect(featureStore).toHaveOnlineRecord('customers', 'c1');
  expect(featureStore.calls().map((call) => call.operation)).toEqual(['PutRecord']);
});

test('each test starts clean', () => {
  expect(featureStore.onlineRecord('customers', 'c1')).toBeUndefined();
});
