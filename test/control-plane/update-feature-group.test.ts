import {
  ResourceLimitExceeded,
  ResourceNotFound as SageMakerResourceNotFound,
  UpdateFeatureGroupCommand,
  type UpdateFeatureGroupCommandInput,
} from '@aws-sdk/client-sagemaker';
import {
  GetRecordCommand,
  PutRecordCommand,
  UpdateRecordCommand,
} from '@aws-sdk/client-sagemaker-featurestore-runtime';
import { featureValues } from '../conformance/helpers.js';
import { describeEachTarget } from '../support/targets.js';
import {
  createGroup,
  customersRequest,
  describeGroup,
  expectSageMakerError,
  offlineOnlyRequest,
  onlineOnlyRequest,
  validationException,
} from './helpers.js';

describeEachTarget('UpdateFeatureGroup', (session) => {
  const update = (input: Omit<UpdateFeatureGroupCommandInput, 'FeatureGroupName'>, name = 'customers') =>
    session().sagemaker.send(new UpdateFeatureGroupCommand({ FeatureGroupName: name, ...input }));
  const put = (id: string, eventTime: string, others: Record<string, string> = {}) =>
    session().runtime.send(
      new PutRecordCommand({
        FeatureGroupName: 'customers',
        Record: featureValues({ customer_id: id, event_time: eventTime, ...others }),
      }),
    );
  const get = (id: string) =>
    session().runtime.send(
      new GetRecordCommand({
        FeatureGroupName: 'customers',
        RecordIdentifierValueAsString: id,
        ExpirationTimeResponse: 'Enabled',
      }),
    );

  beforeEach(async () => {
    session().featureStore.clock.set('2026-05-01T12:00:00Z');
    await createGroup(session().sagemaker, customersRequest());
  });

  test('a new TtlDuration applies to records written afterwards only (spec §7.6)', async () => {
    await put('before', '2026-05-01T11:00:00Z');
    const output = await update({ OnlineStoreConfig: { TtlDuration: { Unit: 'Minutes', Value: 90 } } });
    expect(output.FeatureGroupArn).toBe('arn:aws:sagemaker:us-east-1:123456789012:feature-group/customers');
    await put('after', '2026-05-01T11:00:00Z');

    expect((await get('before')).ExpiresAt).toBeUndefined();
    expect((await get('after')).ExpiresAt).toBe('2026-05-01T12:30:00Z');
    session().featureStore.clock.advance('31m');
    expect((await get('after')).Record).toBeUndefined();
    expect((await get('before')).Record).toHaveLength(2);

    const described = await describeGroup(session().sagemaker, 'customers');
    expect(described.OnlineStoreConfig?.TtlDuration).toEqual({ Unit: 'Minutes', Value: 90 });
    expect(described.LastModifiedTime).toEqual(new Date('2026-05-01T12:00:00Z'));
    expect(described.LastUpdateStatus).toEqual({ Status: 'Successful' });
  });

  test('TtlDuration with Unit and Value null removes the default; records keep the ExpiresAt they got', async () => {
    await update({ OnlineStoreConfig: { TtlDuration: { Unit: 'Hours', Value: 1 } } });
    await put('with-ttl', '2026-05-01T11:30:00Z');
    await update({ OnlineStoreConfig: { TtlDuration: {} } });
    await put('without-ttl', '2026-05-01T11:30:00Z');

    expect((await describeGroup(session().sagemaker, 'customers')).OnlineStoreConfig).toEqual({
      EnableOnlineStore: true,
    });
    expect((await get('with-ttl')).ExpiresAt).toBe('2026-05-01T12:30:00Z');
    expect((await get('without-ttl')).ExpiresAt).toBeUndefined();
  });

  test('a TtlDuration with only a Unit or only a Value is rejected', async () => {
    await expectSageMakerError(
      update({ OnlineStoreConfig: { TtlDuration: { Unit: 'Hours' } } }),
      validationException("Value null at 'onlineStoreConfig.ttlDuration.value' failed to satisfy constraint"),
    );
    await expectSageMakerError(
      update({ OnlineStoreConfig: { TtlDuration: { Unit: 'Hours', Value: 0 } } }),
      validationException("at 'onlineStoreConfig.ttlDuration.value' failed to satisfy constraint"),
    );
    expect((await describeGroup(session().sagemaker, 'customers')).LastModifiedTime).toBeUndefined();
  });

  test('added features can be put and read at once; earlier records read as before', async () => {
    await put('c1', '2026-05-01T10:00:00Z', { age: '30' });
    await update({
      FeatureAdditions: [
        { FeatureName: 'segment', FeatureType: 'String' },
        { FeatureName: 'lifetime_value', FeatureType: 'Fractional' },
      ],
    });
    await put('c2', '2026-05-01T10:00:00Z', { segment: 'gold', lifetime_value: '1234.5' });

    expect((await get('c1')).Record).toEqual(
      featureValues({ customer_id: 'c1', event_time: '2026-05-01T10:00:00Z', age: '30' }),
    );
    expect((await get('c2')).Record).toEqual(
      featureValues({
        customer_id: 'c2',
        event_time: '2026-05-01T10:00:00Z',
        segment: 'gold',
        lifetime_value: '1234.5',
      }),
    );
    const definitions = (await describeGroup(session().sagemaker, 'customers')).FeatureDefinitions ?? [];
    expect(definitions.slice(-2)).toEqual([
      { FeatureName: 'segment', FeatureType: 'String' },
      { FeatureName: 'lifetime_value', FeatureType: 'Fractional' },
    ]);
    const offline = session().featureStore.offlineRecords('customers', { recordIdentifier: 'c2' });
    expect(offline[0]).toMatchObject({ segment: 'gold', lifetime_value: '1234.5' });
  });

  test('a value for an added feature is still checked against its type', async () => {
    await update({ FeatureAdditions: [{ FeatureName: 'visits', FeatureType: 'Integral' }] });
    await expect(put('c1', '2026-05-01T10:00:00Z', { visits: 'many' })).rejects.toMatchObject({
      name: 'ValidationError',
    });
  });

  test('FeatureAdditions follow the CreateFeatureGroup definition rules', async () => {
    const additionsOf = (...names: string[]) =>
      names.map((FeatureName) => ({ FeatureName, FeatureType: 'String' as const }));
    await expectSageMakerError(
      update({ FeatureAdditions: additionsOf('age') }),
      validationException('The feature age already exists in FeatureGroup customers'),
    );
    await expectSageMakerError(
      update({ FeatureAdditions: additionsOf('AGE') }),
      validationException('The feature AGE already exists'),
    );
    await expectSageMakerError(
      update({ FeatureAdditions: additionsOf('write_time') }),
      validationException('write_time is reserved'),
    );
    await expectSageMakerError(
      update({ FeatureAdditions: additionsOf('x', 'x') }),
      validationException('defined more than once'),
    );
    await expectSageMakerError(
      update({ FeatureAdditions: [{ FeatureName: 'tags', FeatureType: 'String', CollectionType: 'List' }] }),
      validationException('only InMemory online store feature groups support collection types'),
    );
    await expectSageMakerError(
      update({ FeatureAdditions: [] }),
      validationException(
        "at 'featureAdditions' failed to satisfy constraint: Member must have length greater than or equal to 1",
      ),
    );
    await expectSageMakerError(
      update({ FeatureAdditions: additionsOf(...Array.from({ length: 101 }, (_, i) => `f${i}`)) }),
      validationException(
        "at 'featureAdditions' failed to satisfy constraint: Member must have length less than or equal to 100",
      ),
    );
    await expectSageMakerError(
      update({ FeatureAdditions: [{ FeatureName: 'bad name', FeatureType: 'String' }] }),
      validationException("at 'featureAdditions.1.member.featureName' failed to satisfy constraint"),
    );
    expect((await describeGroup(session().sagemaker, 'customers')).FeatureDefinitions).toHaveLength(5);
  });

  test('more than 2,500 features in all is ResourceLimitExceeded', async () => {
    const batch = (from: number) =>
      Array.from({ length: 100 }, (_, i) => ({ FeatureName: `f${from + i}`, FeatureType: 'String' as const }));
    for (let from = 0; from < 2495; from += 100) {
      const additions = batch(from).slice(0, Math.min(100, 2495 - from));
      await update({ FeatureAdditions: additions });
    }
    expect((await describeGroup(session().sagemaker, 'customers')).FeatureDefinitions).toHaveLength(2500);
    await expectSageMakerError(update({ FeatureAdditions: batch(5000).slice(0, 1) }), {
      type: ResourceLimitExceeded,
      name: 'ResourceLimitExceeded',
      message: 'at most 2500 features',
    });
  });

  test('one of FeatureAdditions, OnlineStoreConfig or ThroughputConfig per call', async () => {
    await expectSageMakerError(update({}), validationException('needs one of FeatureAdditions'));
    await expectSageMakerError(
      update({
        FeatureAdditions: [{ FeatureName: 'segment', FeatureType: 'String' }],
        OnlineStoreConfig: { TtlDuration: { Unit: 'Hours', Value: 1 } },
      }),
      validationException('not FeatureAdditions and OnlineStoreConfig'),
    );
    const described = await describeGroup(session().sagemaker, 'customers');
    expect(described.FeatureDefinitions).toHaveLength(5);
    expect(described.OnlineStoreConfig?.TtlDuration).toBeUndefined();
  });

  test('an unknown group is ResourceNotFound', async () => {
    await expectSageMakerError(update({ OnlineStoreConfig: { TtlDuration: { Unit: 'Hours', Value: 1 } } }, 'nope'), {
      type: SageMakerResourceNotFound,
      name: 'ResourceNotFound',
      message: "can't find a FeatureGroup with name nope",
    });
  });

  test('OnlineStoreConfig of a group without an online store is rejected', async () => {
    await createGroup(session().sagemaker, offlineOnlyRequest('history'));
    await expectSageMakerError(
      update({ OnlineStoreConfig: { TtlDuration: { Unit: 'Hours', Value: 1 } } }, 'history'),
      validationException('has no OnlineStore'),
    );
  });

  test('ThroughputConfig: Provisioned capacity shows in Describe; back to OnDemand once per 24 hours', async () => {
    const sagemaker = session().sagemaker;
    expect((await describeGroup(sagemaker, 'customers')).ThroughputConfig).toEqual({ ThroughputMode: 'OnDemand' });
    await update({
      ThroughputConfig: {
        ThroughputMode: 'Provisioned',
        ProvisionedReadCapacityUnits: 10,
        ProvisionedWriteCapacityUnits: 5,
      },
    });
    await update({ ThroughputConfig: { ProvisionedWriteCapacityUnits: 8 } });
    expect((await describeGroup(sagemaker, 'customers')).ThroughputConfig).toEqual({
      ThroughputMode: 'Provisioned',
      ProvisionedReadCapacityUnits: 10,
      ProvisionedWriteCapacityUnits: 8,
    });
    await update({ ThroughputConfig: { ThroughputMode: 'OnDemand' } });
    await update({ ThroughputConfig: { ThroughputMode: 'Provisioned', ProvisionedWriteCapacityUnits: 1 } });
    await expectSageMakerError(
      update({ ThroughputConfig: { ThroughputMode: 'OnDemand' } }),
      validationException('only once in a 24 hour period'),
    );
    session().featureStore.clock.advance('24h');
    await update({ ThroughputConfig: { ThroughputMode: 'OnDemand' } });
    expect((await describeGroup(sagemaker, 'customers')).ThroughputConfig).toEqual({ ThroughputMode: 'OnDemand' });
  });

  test('ThroughputConfig: capacity units on OnDemand, out-of-range units and Provisioned InMemory are rejected', async () => {
    await expectSageMakerError(
      update({ ThroughputConfig: { ProvisionedReadCapacityUnits: 5 } }),
      validationException('apply only to ThroughputMode Provisioned'),
    );
    await expectSageMakerError(
      update({ ThroughputConfig: { ThroughputMode: 'Provisioned', ProvisionedWriteCapacityUnits: -1 } }),
      validationException("at 'throughputConfig.provisionedWriteCapacityUnits' failed to satisfy constraint"),
    );
    await createGroup(session().sagemaker, {
      ...onlineOnlyRequest('cache'),
      OnlineStoreConfig: { EnableOnlineStore: true, StorageType: 'InMemory' },
    });
    await expectSageMakerError(
      update({ ThroughputConfig: { ThroughputMode: 'Provisioned', ProvisionedWriteCapacityUnits: 1 } }, 'cache'),
      validationException('supported only for offline-only feature groups or the Standard online store'),
    );
  });

  test('StorageType Standard migrates to Standard_V2 (one way), after which UpdateRecord works', async () => {
    await put('c1', '2026-05-01T10:00:00Z', { age: '30' });
    const updateRecord = () =>
      session().runtime.send(
        new UpdateRecordCommand({
          FeatureGroupName: 'customers',
          RecordIdentifierValueAsString: 'c1',
          Features: featureValues({ age: '31' }),
        }),
      );
    await expect(updateRecord()).rejects.toMatchObject({ name: 'ValidationError' });
    await update({ OnlineStoreConfig: { StorageType: 'Standard_V2' } });
    await updateRecord();
    expect((await get('c1')).Record).toEqual(
      featureValues({ customer_id: 'c1', event_time: '2026-05-01T10:00:00Z', age: '31' }),
    );
    expect((await describeGroup(session().sagemaker, 'customers')).OnlineStoreConfig).toEqual({
      EnableOnlineStore: true,
      StorageType: 'Standard_V2',
    });
    await expectSageMakerError(
      update({ OnlineStoreConfig: { StorageType: 'Standard' } }),
      validationException('the only migration is Standard to Standard_V2'),
    );
  });
});
