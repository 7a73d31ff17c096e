import {
  GetRecordCommand,
  PutRecordCommand,
  ResourceNotFound,
  SageMakerFeatureStoreRuntimeClient,
} from '@aws-sdk/client-sagemaker-featurestore-runtime';
import { mockFeatureStore } from '../src/index.js';
import { customersGroup } from './support/fixtures.js';

test('put then get through the real client', async () => {
  const fs = mockFeatureStore();
  try {
    fs.createFeatureGroup(customersGroup());
    const client = new SageMakerFeatureStoreRuntimeClient({});
    await client.send(
      new PutRecordCommand({
        FeatureGroupName: 'customers',
        Record: [
          { FeatureName: 'customer_id', ValueAsString: 'c1' },
          { FeatureName: 'event_time', ValueAsString: '2026-01-01T00:00:00Z' },
          { FeatureName: 'age', ValueAsString: '42' },
        ],
      }),
    );
    const out = await client.send(
      new GetRecordCommand({ FeatureGroupName: 'customers', RecordIdentifierValueAsString: 'c1' }),
    );
    expect(out.Record).toEqual([
      { FeatureName: 'customer_id', ValueAsString: 'c1' },
      { FeatureName: 'event_time', ValueAsString: '2026-01-01T00:00:00Z' },
      { FeatureName: 'age', ValueAsString: '42' },
    ]);
    expect(fs.offlineRecords('customers')).toHaveLength(1);
    await expect(
      client.send(new GetRecordCommand({ FeatureGroupName: 'nope', RecordIdentifierValueAsString: 'c1' })),
    ).rejects.toBeInstanceOf(ResourceNotFound);
  } finally {
    fs.restore();
  }
});
