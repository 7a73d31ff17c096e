import {
  GetRecordCommand,
  PutRecordCommand,
  SageMakerFeatureStoreRuntimeClient,
} from '@aws-sdk/client-sagemaker-featurestore-runtime';
import { afterEach, expect, test, vi } from 'vitest';
import { featureStore } from '../../src/vitest/setup.js';
import { customersGroup } from '../support/fixtures.js';

const client = new SageMakerFeatureStoreRuntimeClient({});
featureStore.createFeatureGroup(
  customersGroup({ OnlineStoreConfig: { EnableOnlineStore: true, TtlDuration: { Unit: 'Minutes', Value: 15 } } }),
);
const put = () =>
  client.send(
    new PutRecordCommand({
      FeatureGroupName: 'customers',
      Record: [
        { FeatureName: 'customer_id', ValueAsString: 'c1' },
        { FeatureName: 'event_time', ValueAsString: '2026-07-01T09:00:00Z' },
      ],
    }),
  );
const get = () =>
  client.send(
    new GetRecordCommand({
      FeatureGroupName: 'customers',
      RecordIdentifierValueAsString: 'c1',
      ExpirationTimeResponse: 'Enabled',
    }),
  );

afterEach(() => {
  vi.useRealTimers();
});

test('vi.useFakeTimers() drives TTL, ExpiresAt and the offline timestamps', async () => {
  vi.useFakeTimers({ now: new Date('2026-07-01T09:00:00Z') });
  await put();
  expect((await get()).ExpiresAt).toBe('2026-07-01T09:15:00Z');
  expect(featureStore.offlineRecords('customers')[0]).toMatchObject({
    api_invocation_time: '2026-07-01T09:00:00.000Z',
    write_time: '2026-07-01T09:00:00.000Z',
  });
  vi.advanceTimersByTime(15 * 60_000 - 1);
  expect((await get()).Record).toBeDefined();
  vi.advanceTimersByTime(1);
  expect((await get()).Record).toBeUndefined();
});

test('vi.setSystemTime() moves the clock too', async () => {
  vi.useFakeTimers();
  vi.setSystemTime(new Date('2026-07-01T09:20:00Z'));
  await put();
  expect((await get()).Record).toBeUndefined();
});

test('an injected delay resolves when vitest advances the timers', async () => {
  vi.useFakeTimers({ now: new Date('2026-07-01T09:00:00Z') });
  featureStore.faults.add({ operation: 'GetRecord', delay: '2s' });
  let settled = false;
  const pending = get().then(() => {
    settled = true;
  });
  await vi.advanceTimersByTimeAsync(1999);
  expect(settled).toBe(false);
  await vi.advanceTimersByTimeAsync(1);
  await pending;
  expect(settled).toBe(true);
  expect(featureStore.calls()[0]?.durationMs).toBe(2000);
});

test('retries after a throttle: the SDK back-off runs on the fake timers', async () => {
  vi.useFakeTimers();
  featureStore.faults.add({ operation: 'PutRecord', error: 'ThrottlingException', times: 2 });
  const sent = put();
  await vi.runAllTimersAsync();
  expect((await sent).$metadata.attempts).toBe(3);
});
