import {
  GetRecordCommand,
  PutRecordCommand,
  SageMakerFeatureStoreRuntimeClient,
} from '@aws-sdk/client-sagemaker-featurestore-runtime';
import {
  DeleteFeatureGroupCommand,
  DescribeFeatureGroupCommand,
  SageMakerClient,
  UpdateFeatureGroupCommand,
} from '@aws-sdk/client-sagemaker';
import { featureStore } from '../../src/jest/setup.js';
import { customersGroup } from '../support/fixtures.js';

const client = new SageMakerFeatureStoreRuntimeClient({});
const put = (FeatureGroupName: string, id: string) =>
  client.send(
    new PutRecordCommand({
      FeatureGroupName,
      Record: [
        { FeatureName: 'customer_id', ValueAsString: id },
        { FeatureName: 'event_time', ValueAsString: '2026-01-01T00:00:00Z' },
      ],
    }),
  );

featureStore.createFeatureGroup(customersGroup());
featureStore.createFeatureGroup(customersGroup({ FeatureGroupName: 'from-module-scope' }));

describe('the preset resets before each test', () => {
  beforeAll(() => {
    featureStore.createFeatureGroup(customersGroup({ FeatureGroupName: 'from-before-all' }));
  });

  test('a test writes records and creates a group of its own', async () => {
    featureStore.createFeatureGroup(customersGroup({ FeatureGroupName: 'test-only' }));
    await put('customers', 'c1');
    await put('test-only', 'c1');
    featureStore.clock.set('2030-01-01T00:00:00Z');
    expect(featureStore).toHaveOnlineRecord('customers', 'c1');
  });

  test('the next test sees no records, no test-created group and a clock back on Date.now', async () => {
    const out = await client.send(
      new GetRecordCommand({ FeatureGroupName: 'customers', RecordIdentifierValueAsString: 'c1' }),
    );
    expect(out.Record).toBeUndefined();
    expect(featureStore.offlineRecords('customers')).toEqual([]);
    expect(featureStore.featureGroupNames().sort()).toEqual(['customers', 'from-before-all', 'from-module-scope']);
    expect(Math.abs(featureStore.clock.now() - Date.now())).toBeLessThan(1000);
  });
});

test('matchers report what the store holds when they fail', async () => {
  await put('customers', 'c9');
  expect(() => expect(featureStore).toHaveOfflineDeleteMarker('customers', 'c9')).toThrow(/Offline rows of c9/);
  expect(() => expect(featureStore).toHaveOnlineRecord('customers', 'c9', { city: 'Paris' })).toThrow(/Online state/);
  expect(featureStore).not.toHaveOfflineDeleteMarker('customers', 'c9');
});

describe('suite-level feature groups come back as declared after a test changed them', () => {
  const sagemaker = new SageMakerClient({});
  const describeGroup = (FeatureGroupName: string) =>
    sagemaker.send(new DescribeFeatureGroupCommand({ FeatureGroupName }));

  test('a test deletes one suite group, alters another and adds features', async () => {
    featureStore.createFeatureGroup(customersGroup({ FeatureGroupName: 'test-only-2' }));
    await sagemaker.send(new DeleteFeatureGroupCommand({ FeatureGroupName: 'from-module-scope' }));
    await sagemaker.send(
      new UpdateFeatureGroupCommand({
        FeatureGroupName: 'customers',
        FeatureAdditions: [{ FeatureName: 'added_in_test', FeatureType: 'String' }],
      }),
    );
    await sagemaker.send(
      new UpdateFeatureGroupCommand({
        FeatureGroupName: 'customers',
        OnlineStoreConfig: { TtlDuration: { Unit: 'Hours', Value: 1 } },
      }),
    );
    await expect(describeGroup('from-module-scope')).rejects.toThrow(/can't find a FeatureGroup/);
    expect((await describeGroup('customers')).FeatureDefinitions).toHaveLength(6);
  });

  test('the next test sees them as the suite declared them', async () => {
    const customers = await describeGroup('customers');
    expect(customers.FeatureDefinitions?.map((f) => f.FeatureName)).not.toContain('added_in_test');
    expect(customers.OnlineStoreConfig?.TtlDuration).toBeUndefined();
    await expect(describeGroup('from-module-scope')).resolves.toMatchObject({ FeatureGroupStatus: 'Created' });
    await expect(describeGroup('test-only-2')).rejects.toThrow(/can't find a FeatureGroup/);
    await put('from-module-scope', 'c1');
    expect(featureStore).toHaveOnlineRecord('from-module-scope', 'c1');
  });
});

describe('configure({ behaviour }) changes behaviour switches on a running mock', () => {
  const runtime = new SageMakerFeatureStoreRuntimeClient({});
  const getWithUnknownFeature = () =>
    runtime.send(
      new GetRecordCommand({
        FeatureGroupName: 'customers',
        RecordIdentifierValueAsString: 'c1',
        FeatureNames: ['nope'],
      }),
    );

  test('inside a test, until the next reset', async () => {
    await expect(getWithUnknownFeature()).rejects.toThrow(/nope/);
    featureStore.configure({ behaviour: { unknownFeatureNames: 'ignore' } });
    await expect(getWithUnknownFeature()).resolves.toMatchObject({ $metadata: { httpStatusCode: 200 } });
    expect(featureStore.store.behaviour.hardDeleteConflictCode).toBe('ValidationError');
  });

  test('the next test has the suite switches again', async () => {
    await expect(getWithUnknownFeature()).rejects.toThrow(/nope/);
  });
});
