import {
  ConflictException,
  ResourceNotFound,
  UpdateRecordCommand,
  ValidationError,
  type UpdateRecordCommandInput,
} from '@aws-sdk/client-sagemaker-featurestore-runtime';
import { customersGroup } from '../support/fixtures.js';
import { describeEachTarget } from '../support/targets.js';
import {
  expectServiceError,
  featureValues,
  onlineOnlyGroup,
  runtimeCalls,
  snapshotOf,
  NOW,
  T_EARLIER,
  T_LATER,
  T_STORED,
} from './helpers.js';

/** The customers group on the Standard_V2 tier, with both stores. */
const standardV2 = (overrides: Parameters<typeof customersGroup>[0] = {}) =>
  customersGroup({ OnlineStoreConfig: { EnableOnlineStore: true, StorageType: 'Standard_V2' }, ...overrides });

describeEachTarget('UpdateRecord', (session) => {
  const calls = runtimeCalls(session);
  const update = (id: string, values: Record<string, string>, input: Partial<UpdateRecordCommandInput> = {}) =>
    session().runtime.send(
      new UpdateRecordCommand({
        FeatureGroupName: 'customers',
        RecordIdentifierValueAsString: id,
        Features: featureValues(values),
        ...input,
      }),
    );
  const online = (id: string) => session().featureStore.onlineRecord('customers', id);
  const state = () => snapshotOf(session, 'customers', ['c1']);

  beforeEach(() => {
    session().featureStore.createFeatureGroup(standardV2());
    session().featureStore.clock.set(NOW);
  });

  test('changes the named features and keeps the others; answers 200 with no output members', async () => {
    await calls.putCustomer('c1', T_STORED, { age: '41', score: '0.5', city: 'Paris' });
    const output = await update('c1', { city: 'Lyon' });
    expect(output).toEqual({ $metadata: expect.objectContaining({ httpStatusCode: 200 }) });
    expect((await calls.get('c1')).Record).toEqual(
      featureValues({ customer_id: 'c1', event_time: T_STORED, age: '41', score: '0.5', city: 'Lyon' }),
    );
  });

  test('a feature the record had no value for can be added', async () => {
    await calls.putCustomer('c1', T_STORED);
    await update('c1', { age: '7' });
    expect(online('c1')?.features).toEqual({ customer_id: 'c1', event_time: T_STORED, age: '7' });
  });

  test('without an EventTime the record keeps its EventTime', async () => {
    await calls.putCustomer('c1', T_STORED, { age: '1' });
    await update('c1', { age: '2' });
    expect(online('c1')?.eventTime).toBe(T_STORED);
    expect(online('c1')?.features.event_time).toBe(T_STORED);
  });

  test('an EventTime equal to or newer than the record’s applies and becomes the record’s EventTime', async () => {
    await calls.putCustomer('c1', T_STORED, { age: '1' });
    await update('c1', { age: '2', event_time: T_STORED });
    expect(online('c1')?.features.age).toBe('2');
    await update('c1', { age: '3', event_time: T_LATER });
    expect(online('c1')?.features).toMatchObject({ age: '3', event_time: T_LATER });
    expect(online('c1')?.eventTime).toBe(T_LATER);
  });

  test('an EventTime older than the record’s: ConflictException (409), nothing changes', async () => {
    await calls.putCustomer('c1', T_STORED, { age: '1' });
    const before = state();
    await expectServiceError(update('c1', { age: '2', event_time: T_EARLIER }), {
      type: ConflictException,
      name: 'ConflictException',
      status: 409,
      message: [T_EARLIER, T_STORED, 'c1'],
    });
    expect(state()).toEqual(before);
  });

  test('event times compare as instants, not strings (nine fraction digits)', async () => {
    await calls.putCustomer('c1', '2026-01-01T00:00:10.500Z');
    await expectServiceError(update('c1', { age: '2', event_time: '2026-01-01T00:00:10.4999Z' }), {
      type: ConflictException,
      name: 'ConflictException',
      status: 409,
      message: 'older',
    });
    await update('c1', { age: '3', event_time: '2026-01-01T00:00:10.500000000Z' });
    expect(online('c1')?.features.age).toBe('3');
  });

  describe('the record must exist: ResourceNotFound (404) otherwise', () => {
    const expectNotFound = (id: string) =>
      expectServiceError(update(id, { age: '9' }), {
        type: ResourceNotFound,
        name: 'ResourceNotFound',
        status: 404,
        message: [id, 'PutRecord'],
      });

    test('never written', async () => {
      await expectNotFound('c1');
      expect(state()).toEqual({ offline: [], online: [undefined] });
    });

    test('soft-deleted', async () => {
      await calls.putCustomer('c1', T_STORED);
      await calls.delete('c1', T_LATER);
      const before = state();
      await expectNotFound('c1');
      expect(state()).toEqual(before);
    });

    test('hard-deleted', async () => {
      await calls.putCustomer('c1', T_STORED);
      await calls.delete('c1', T_LATER, { DeletionMode: 'HardDelete' });
      await expectNotFound('c1');
    });

    test('expired by TTL', async () => {
      await calls.putCustomer('c1', '2026-06-01T11:00:00Z', {}, { TtlDuration: { Unit: 'Hours', Value: 2 } });
      session().featureStore.clock.set('2026-06-01T13:00:00Z');
      await expectNotFound('c1');
    });

    test('written to the offline store only', async () => {
      await calls.putCustomer('c1', T_STORED, {}, { TargetStores: ['OfflineStore'] });
      await expectNotFound('c1');
    });

    test('the feature group does not exist', async () => {
      await expectServiceError(update('c1', { age: '1' }, { FeatureGroupName: 'nope' }), {
        type: ResourceNotFound,
        name: 'ResourceNotFound',
        status: 404,
        message: "Resource Not Found: Amazon SageMaker can't find a FeatureGroup with name nope",
      });
    });
  });

  describe('the offline store', () => {
    test('gets a row holding the whole merged record, is_deleted false', async () => {
      await calls.putCustomer('c1', T_STORED, { age: '41', city: 'Paris' });
      session().featureStore.clock.set('2026-06-01T12:05:00.000Z');
      await update('c1', { city: 'Lyon', event_time: T_LATER });
      expect(session().featureStore.offlineRecords('customers')).toEqual([
        expect.objectContaining({ customer_id: 'c1', city: 'Paris', event_time: T_STORED }),
        {
          customer_id: 'c1',
          event_time: T_LATER,
          age: '41',
          score: null,
          city: 'Lyon',
          write_time: '2026-06-01T12:05:00.000Z',
          api_invocation_time: '2026-06-01T12:05:00.000Z',
          is_deleted: false,
        },
      ]);
    });

    test('TargetStores OnlineStore: no row; OfflineStore: a merged row and the online record unchanged', async () => {
      await calls.putCustomer('c1', T_STORED, { age: '1' });
      await update('c1', { age: '2' }, { TargetStores: ['OnlineStore'] });
      expect(session().featureStore.offlineRecords('customers')).toHaveLength(1);
      expect(online('c1')?.features.age).toBe('2');

      await update('c1', { age: '3', city: 'Nice' }, { TargetStores: ['OfflineStore'] });
      expect(online('c1')?.features).toEqual({ customer_id: 'c1', event_time: T_STORED, age: '2' });
      expect(session().featureStore.offlineRecords('customers')[1]).toMatchObject({
        customer_id: 'c1',
        event_time: T_STORED,
        age: '3',
        city: 'Nice',
        is_deleted: false,
      });
    });
  });

  describe('TtlDuration and ExpiresAt', () => {
    test('a TtlDuration without an EventTime is a ValidationError', async () => {
      await calls.putCustomer('c1', T_STORED);
      const before = state();
      await expectServiceError(update('c1', { age: '2' }, { TtlDuration: { Unit: 'Days', Value: 1 } }), {
        type: ValidationError,
        name: 'ValidationError',
        status: 400,
        message: ['TtlDuration', 'event_time'],
      });
      expect(state()).toEqual(before);
    });

    test('with an EventTime, ExpiresAt = EventTime + TtlDuration', async () => {
      await calls.putCustomer('c1', T_STORED);
      await update('c1', { event_time: '2026-06-01T11:00:00Z' }, { TtlDuration: { Unit: 'Hours', Value: 3 } });
      expect((await calls.get('c1', { ExpirationTimeResponse: 'Enabled' })).ExpiresAt).toBe('2026-06-01T14:00:00Z');
      session().featureStore.clock.set('2026-06-01T14:00:00Z');
      expect((await calls.get('c1')).Record).toBeUndefined();
    });

    test('without a TtlDuration the existing ExpiresAt is kept, even when the EventTime moves', async () => {
      await calls.putCustomer('c1', '2026-06-01T11:00:00Z', {}, { TtlDuration: { Unit: 'Hours', Value: 2 } });
      await update('c1', { age: '5', event_time: '2026-06-01T11:30:00Z' });
      expect(online('c1')?.expiresAt).toBe('2026-06-01T13:00:00Z');
      await update('c1', { age: '6' });
      expect(online('c1')?.expiresAt).toBe('2026-06-01T13:00:00Z');
    });

    test("the group's default TtlDuration is not re-applied from the new EventTime", async () => {
      session().featureStore.createFeatureGroup(
        standardV2({
          FeatureGroupName: 'ttl-group',
          OnlineStoreConfig: {
            EnableOnlineStore: true,
            StorageType: 'Standard_V2',
            TtlDuration: { Unit: 'Hours', Value: 2 },
          },
        }),
      );
      await calls.putCustomer('c1', '2026-06-01T11:00:00Z', {}, { FeatureGroupName: 'ttl-group' });
      expect(session().featureStore.onlineRecord('ttl-group', 'c1')?.expiresAt).toBe('2026-06-01T13:00:00Z');
      await update('c1', { event_time: '2026-06-01T11:45:00Z' }, { FeatureGroupName: 'ttl-group' });
      expect(session().featureStore.onlineRecord('ttl-group', 'c1')?.expiresAt).toBe('2026-06-01T13:00:00Z');
    });
  });

  describe('validation: ValidationError, nothing changes', () => {
    beforeEach(async () => {
      await calls.putCustomer('c1', T_STORED, { age: '1' });
    });

    test.each([
      ['an unknown feature', { colour: 'red' }, 'colour'],
      ['a value of the wrong type', { age: 'old' }, "'old' of feature age is not a valid Integral"],
      ['an unparseable EventTime', { event_time: 'yesterday' }, "EventTime value 'yesterday'"],
      ['a different record identifier', { customer_id: 'c2' }, 'customer_id'],
    ])('%s', async (_title, values, message) => {
      const before = state();
      await expectServiceError(update('c1', values), {
        type: ValidationError,
        name: 'ValidationError',
        status: 400,
        message,
      });
      expect(state()).toEqual(before);
    });

    test('the record identifier may be repeated among Features with the same value', async () => {
      await update('c1', { customer_id: 'c1', age: '2' });
      expect(online('c1')?.features.age).toBe('2');
    });

    test('no Features, or more than 100', async () => {
      await expectServiceError(update('c1', {}), {
        type: ValidationError,
        name: 'ValidationError',
        status: 400,
        message: ["at 'features'", 'length greater than or equal to 1'],
      });
      const many = Object.fromEntries(Array.from({ length: 101 }, (_, i) => [`f${i}`, 'v']));
      await expectServiceError(update('c1', many), {
        type: ValidationError,
        name: 'ValidationError',
        status: 400,
        message: ["at 'features'", 'length less than or equal to 100'],
      });
    });

    test('100 features are within the limit', async () => {
      const features = Array.from({ length: 98 }, (_, i) => ({ FeatureName: `f${i}`, FeatureType: 'String' as const }));
      session().featureStore.createFeatureGroup(
        standardV2({
          FeatureGroupName: 'wide',
          FeatureDefinitions: [
            { FeatureName: 'customer_id', FeatureType: 'String' },
            { FeatureName: 'event_time', FeatureType: 'String' },
            ...features,
          ],
        }),
      );
      await calls.putCustomer('w', T_STORED, {}, { FeatureGroupName: 'wide' });
      const values = Object.fromEntries([
        ['customer_id', 'w'],
        ['event_time', T_LATER],
        ...features.map((f) => [f.FeatureName, 'x']),
      ]);
      await update('w', values, { FeatureGroupName: 'wide' });
      expect(Object.keys(session().featureStore.onlineRecord('wide', 'w')?.features ?? {})).toHaveLength(100);
    });

    test('a TargetStores the group lacks', async () => {
      session().featureStore.createFeatureGroup({
        ...onlineOnlyGroup('v2-online'),
        OnlineStoreConfig: { EnableOnlineStore: true, StorageType: 'Standard_V2' },
      });
      await calls.putCustomer('c1', T_STORED, {}, { FeatureGroupName: 'v2-online' });
      await expectServiceError(
        update('c1', { age: '2' }, { FeatureGroupName: 'v2-online', TargetStores: ['OfflineStore'] }),
        {
          type: ValidationError,
          name: 'ValidationError',
          status: 400,
          message: 'OfflineStore',
        },
      );
    });
  });
});
