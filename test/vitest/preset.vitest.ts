import {
  GetRecordCommand,
  PutRecordCommand,
  SageMakerFeatureStoreRuntimeClient,
} from '@aws-sdk/client-sagemaker-featurestore-runtime';
import { mockClient } from 'aws-sdk-client-mock';
import 'aws-sdk-client-mock-jest/vitest';
import { ListModelsCommand, SageMakerClient } from '@aws-sdk/client-sagemaker';
import { afterAll, afterEach, describe, expect, test } from 'vitest';
import { featureStore } from '../../src/vitest/setup.js';
import { customersGroup } from '../support/fixtures.js';

const client = new SageMakerFeatureStoreRuntimeClient({});
const put = (id: string) =>
  client.send(
    new PutRecordCommand({
      FeatureGroupName: 'customers',
      Record: [
        { FeatureName: 'customer_id', ValueAsString: id },
        { FeatureName: 'event_time', ValueAsString: '2026-01-01T00:00:00Z' },
        { FeatureName: 'age', ValueAsString: '42' },
      ],
    }),
  );

featureStore.createFeatureGroup(customersGroup());

describe('the vitest preset', () => {
  test('a test writes, creates a group, freezes the clock, adds a fault', async () => {
    featureStore.createFeatureGroup(customersGroup({ FeatureGroupName: 'test-only' }));
    await put('c1');
    featureStore.clock.set('2030-01-01T00:00:00Z');
    featureStore.faults.add({ operation: 'ListRecords', error: 'InternalFailure' });
    expect(featureStore).toHaveOnlineRecord('customers', 'c1', { age: '42' });
    expect(featureStore).toHaveOfflineRecord('customers', 'c1', { is_deleted: false });
    expect(featureStore).toHaveReceivedPutRecord('customers', 'c1', { age: expect.stringMatching(/^4/) });
    expect(featureStore).not.toHaveOfflineDeleteMarker('customers', 'c1');
  });

  test('the next test starts clean: no records, no test group, no faults, clock on Date.now', async () => {
    const out = await client.send(
      new GetRecordCommand({ FeatureGroupName: 'customers', RecordIdentifierValueAsString: 'c1' }),
    );
    expect(out.Record).toBeUndefined();
    expect(featureStore.featureGroupNames()).toEqual(['customers']);
    expect(featureStore.faults.list()).toEqual([]);
    expect(featureStore.calls().map((call) => call.operation)).toEqual(['GetRecord']);
    expect(Math.abs(featureStore.clock.now() - Date.now())).toBeLessThan(1000);
  });

  test('a failing matcher explains itself through vitest', async () => {
    await put('c9');
    expect(() => expect(featureStore).toHaveOnlineRecord('customers', 'c9', { city: 'Paris' })).toThrow(/Online state/);
  });
});

describe('next to aws-sdk-client-mock-jest/vitest', () => {
  const sagemakerMock = mockClient(SageMakerClient);
  // Unstubbed SageMaker commands (the feature-group ones) go on to the emulator; reset() forgets that.
  sagemakerMock.send.callThrough();
  afterEach(() => {
    sagemakerMock.reset();
    sagemakerMock.send.callThrough();
  });
  afterAll(() => sagemakerMock.restore());

  test('both sets of matchers on the same expect', async () => {
    sagemakerMock.on(ListModelsCommand).resolves({ Models: [] });
    await new SageMakerClient({}).send(new ListModelsCommand({}));
    await put('c1');
    expect(sagemakerMock).toHaveReceivedCommandTimes(ListModelsCommand, 1);
    expect(featureStore).toHaveReceivedCommandFor(PutRecordCommand, 'customers', 'c1');
  });
});
