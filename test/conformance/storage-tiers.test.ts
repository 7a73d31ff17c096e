import { CreateFeatureGroupCommand, SageMakerServiceException } from '@aws-sdk/client-sagemaker';
import {
  ListRecordsCommand,
  UpdateRecordCommand,
  ValidationError,
  type FeatureValue,
} from '@aws-sdk/client-sagemaker-featurestore-runtime';
import type { CreateFeatureGroupInput, StorageType } from '../../src/index.js';
import { customersGroup } from '../support/fixtures.js';
import { describeEachTarget } from '../support/targets.js';
import { expectServiceError, featureValues, runtimeCalls, NOW, T_LATER, T_STORED } from './helpers.js';

/** The customers features on a given tier; InMemory gets no offline store (it can't have one). */
const onTier = (storageType: StorageType | undefined, name = 'customers'): CreateFeatureGroupInput => {
  const group = customersGroup({
    FeatureGroupName: name,
    OnlineStoreConfig: { EnableOnlineStore: true, ...(storageType === undefined ? {} : { StorageType: storageType }) },
  });
  if (storageType !== 'InMemory') return group;
  const { OfflineStoreConfig: _none, ...inMemory } = group;
  return inMemory;
};

describeEachTarget('Online store tiers', (session) => {
  const calls = runtimeCalls(session);
  const update = (id: string, values: Record<string, string>) =>
    session().runtime.send(
      new UpdateRecordCommand({
        FeatureGroupName: 'customers',
        RecordIdentifierValueAsString: id,
        Features: featureValues(values),
      }),
    );
  /** CreateFeatureGroup through the SageMaker client, for the control plane's rejections. */
  const createGroup = (input: CreateFeatureGroupInput) =>
    session().sagemaker.send(
      new CreateFeatureGroupCommand(input as ConstructorParameters<typeof CreateFeatureGroupCommand>[0]),
    );
  const expectControlPlaneRejection = async (input: CreateFeatureGroupInput, message: string) => {
    const error: unknown = await createGroup(input).then(
      () => new Error('CreateFeatureGroup succeeded'),
      (rejection: unknown) => rejection,
    );
    // SageMaker models no ValidationException: the SDK surfaces its base class with the code as name.
    expect(error).toBeInstanceOf(SageMakerServiceException);
    expect(error).toMatchObject({ name: 'ValidationException', $fault: 'client', $metadata: { httpStatusCode: 400 } });
    expect((error as Error).message).toContain(message);
    expect(session().featureStore.featureGroupNames()).not.toContain(input.FeatureGroupName);
  };
  const listValue: FeatureValue = { FeatureName: 'tags', ValueAsStringList: ['a', 'b'] };

  beforeEach(() => {
    session().featureStore.clock.set(NOW);
  });

  describe.each([
    ['Standard (no StorageType given)', undefined],
    ['Standard', 'Standard' as const],
    ['Standard_V2', 'Standard_V2' as const],
    ['InMemory', 'InMemory' as const],
  ])('%s', (_title, storageType) => {
    beforeEach(() => {
      session().featureStore.createFeatureGroup(onTier(storageType));
    });

    test('PutRecord, GetRecord, BatchGetRecord, DeleteRecord and ListRecords work', async () => {
      await calls.putCustomer('c1', T_STORED, { age: '3' });
      await calls.putCustomer('c2', T_STORED);
      expect((await calls.get('c1')).Record).toContainEqual({ FeatureName: 'age', ValueAsString: '3' });
      const batch = await calls.batchGet({
        Identifiers: [{ FeatureGroupName: 'customers', RecordIdentifiersValueAsString: ['c1', 'c2'] }],
      });
      expect(batch.Records?.map((record) => record.RecordIdentifierValueAsString)).toEqual(['c1', 'c2']);
      await calls.delete('c2', T_LATER);
      const listed = await session().runtime.send(new ListRecordsCommand({ FeatureGroupName: 'customers' }));
      expect(listed.RecordIdentifiers).toEqual(['c1']);
    });
  });

  test.each([undefined, 'Standard' as const, 'Standard_V2' as const])(
    'StorageType %s: a ValueAsStringList is a ValidationError (collection features are InMemory-only)',
    async (storageType) => {
      session().featureStore.createFeatureGroup(onTier(storageType));
      await expectServiceError(
        calls.put({
          Record: [
            ...featureValues({ customer_id: 'c1', event_time: T_STORED }),
            { ...listValue, FeatureName: 'city' },
          ],
        }),
        { type: ValidationError, name: 'ValidationError', status: 400, message: ['city', 'ValueAsStringList'] },
      );
      expect(session().featureStore.onlineRecord('customers', 'c1')).toBeUndefined();
    },
  );

  describe('UpdateRecord exists only on Standard_V2 and InMemory', () => {
    test.each([undefined, 'Standard' as const])(
      'StorageType %s: ValidationError naming the tier',
      async (storageType) => {
        session().featureStore.createFeatureGroup(onTier(storageType));
        await calls.putCustomer('c1', T_STORED, { age: '1' });
        await expectServiceError(update('c1', { age: '2' }), {
          type: ValidationError,
          name: 'ValidationError',
          status: 400,
          message: ['Standard_V2 or InMemory', 'uses Standard'],
        });
        expect(session().featureStore.onlineRecord('customers', 'c1')?.features.age).toBe('1');
        expect(session().featureStore.offlineRecords('customers')).toHaveLength(1);
      },
    );

    test.each(['Standard_V2' as const, 'InMemory' as const])(
      'StorageType %s: the update applies',
      async (storageType) => {
        session().featureStore.createFeatureGroup(onTier(storageType));
        await calls.putCustomer('c1', T_STORED, { age: '1', city: 'Oslo' });
        await update('c1', { age: '2' });
        expect(session().featureStore.onlineRecord('customers', 'c1')?.features).toEqual({
          customer_id: 'c1',
          event_time: T_STORED,
          age: '2',
          city: 'Oslo',
        });
      },
    );

    test('a group without an online store: ValidationError', async () => {
      const { OnlineStoreConfig: _none, ...offlineOnly } = customersGroup();
      session().featureStore.createFeatureGroup(offlineOnly);
      await expectServiceError(update('c1', { age: '2' }), {
        type: ValidationError,
        name: 'ValidationError',
        status: 400,
        message: 'no OnlineStore',
      });
    });
  });

  describe('InMemory has no offline store', () => {
    test('CreateFeatureGroup rejects an InMemory group with an OfflineStoreConfig', async () => {
      await expectControlPlaneRejection(
        customersGroup({ OnlineStoreConfig: { EnableOnlineStore: true, StorageType: 'InMemory' } }),
        'InMemory',
      );
    });

    test('writes reach the online store only; TargetStores OfflineStore is a ValidationError', async () => {
      session().featureStore.createFeatureGroup(onTier('InMemory'));
      await calls.putCustomer('c1', T_STORED);
      await update('c1', { age: '4' });
      await calls.delete('c1', T_LATER);
      expect(session().featureStore.offlineRecords('customers')).toEqual([]);
      await expectServiceError(calls.putCustomer('c2', T_STORED, {}, { TargetStores: ['OfflineStore'] }), {
        type: ValidationError,
        name: 'ValidationError',
        status: 400,
        message: 'OfflineStore',
      });
      expect(session().featureStore.onlineRecord('customers', 'c2')).toBeUndefined();
    });
  });

  test('Standard_V2 keeps an offline store: puts and updates append rows', async () => {
    session().featureStore.createFeatureGroup(onTier('Standard_V2'));
    await calls.putCustomer('c1', T_STORED, { age: '1' });
    await update('c1', { age: '2' });
    expect(
      session()
        .featureStore.offlineRecords('customers')
        .map((row) => row.age),
    ).toEqual(['1', '2']);
  });

  test.each(['Standard', 'Standard_V2'] as const)(
    'CreateFeatureGroup rejects collection features on %s',
    async (storageType) => {
      const group = onTier(storageType);
      await expectControlPlaneRejection(
        {
          ...group,
          FeatureDefinitions: [
            ...group.FeatureDefinitions,
            { FeatureName: 'tags', FeatureType: 'String', CollectionType: 'List' },
          ],
        },
        'only InMemory online store feature groups support collection types',
      );
    },
  );

  test('CreateFeatureGroup rejects an unknown StorageType', async () => {
    const error: unknown = await createGroup(onTier('Standard_V3' as StorageType)).catch(
      (rejection: unknown) => rejection,
    );
    expect(error).toBeInstanceOf(SageMakerServiceException);
    expect((error as Error).message).toContain('[Standard, Standard_V2, InMemory]');
  });
});
