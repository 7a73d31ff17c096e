import { PutRecordCommand, SageMakerFeatureStoreRuntimeClient } from '@aws-sdk/client-sagemaker-featurestore-runtime';
import { expect, test, vi } from 'vitest';
import { featureStore } from 'sagemaker-featurestore-mock/vitest';

featureStore.loadFeatureGroups('customers-group.json');
const client = new SageMakerFeatureStoreRuntimeClient({});

test('the vitest preset serves the real client; vi fake timers drive the clock', async () => {
  vi.useFakeTimers({ now: new Date('2026-01-01T00:00:00Z') });
  try {
    await client.send(
      new PutRecordCommand({
        FeatureGroupName: 'customers',
        Record: [
          { FeatureName: 'customer_id', ValueAsString: 'c1' },
          { FeatureName: 'event_time', ValueAsString: '2026-01-01T00:00:00Z' },
        ],
      }),
    );
    expect(featureStore).toHaveOnlineRecord('customers', 'c1');
    expect(featureStore).toHaveReceivedPutRecord('customers', 'c1');
    vi.advanceTimersByTime(15 * 60_000);
    expect(featureStore).not.toHaveOnlineRecord('customers', 'c1');
  } finally {
    vi.useRealTimers();
  }
});

test('each test starts clean', () => {
  expect(featureStore.offlineRecords('customers')).toEqual([]);
});
