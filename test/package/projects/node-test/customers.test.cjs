// The same from CommonJS: require() gets the CJS build.
const assert = require('node:assert/strict');
const { after, beforeEach, test } = require('node:test');
const {
  PutRecordCommand,
  SageMakerFeatureStoreRuntimeClient,
} = require('@aws-sdk/client-sagemaker-featurestore-runtime');
const { mockFeatureStore } = require('sagemaker-featurestore-mock');

const featureStore = mockFeatureStore();
featureStore.loadFeatureGroups('customers-group.json');
beforeEach(() => featureStore.reset());
after(() => featureStore.restore());

test('CJS: the real client reaches the emulator', async () => {
  await new SageMakerFeatureStoreRuntimeClient({}).send(
    new PutRecordCommand({
      FeatureGroupName: 'customers',
      Record: [
        { FeatureName: 'customer_id', ValueAsString: 'c1' },
        { FeatureName: 'event_time', ValueAsString: new Date().toISOString() },
      ],
    }),
  );
  assert.ok(featureStore.onlineRecord('customers', 'c1'));
});
