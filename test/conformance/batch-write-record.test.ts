import {
  BatchWriteRecordCommand,
  PutRecordCommand,
  ResourceNotFound,
  ValidationError,
  type BatchWriteRecordEntry,
} from '@aws-sdk/client-sagemaker-featurestore-runtime';
import { customersGroup } from '../support/fixtures.js';
import { describeEachTarget, type TargetSession } from '../support/targets.js';
import {
  expectServiceError,
  featureValues,
  fractionalTimeGroup,
  onlineOnlyGroup,
  runtimeCalls,
  snapshotOf,
  NOW,
  T_EARLIER,
  T_LATER,
  T_STORED,
} from './helpers.js';

const customer = (id: string, eventTime: string, others: Record<string, string> = {}): BatchWriteRecordEntry => ({
  FeatureGroupName: 'customers',
  Record: featureValues({ customer_id: id, event_time: eventTime, ...others }),
});

const sensor = (id: string, ts: string, reading: string): BatchWriteRecordEntry => ({
  FeatureGroupName: 'sensors',
  Record: featureValues({ sensor_id: id, ts, reading }),
});

describeEachTarget('BatchWriteRecord', (session) => {
  const calls = runtimeCalls(session);
  const batchWrite = (input: ConstructorParameters<typeof BatchWriteRecordCommand>[0]) =>
    session().runtime.send(new BatchWriteRecordCommand(input));

  beforeEach(() => {
    session().featureStore.createFeatureGroup(customersGroup());
    session().featureStore.createFeatureGroup(fractionalTimeGroup());
    session().featureStore.clock.set(NOW);
  });

  test('writes entries of several feature groups and answers with empty Errors and UnprocessedEntries', async () => {
    const output = await batchWrite({
      Entries: [
        customer('c1', T_STORED, { age: '41' }),
        sensor('s1', '1767225600.5', '0.25'),
        customer('c2', T_STORED, { city: 'Lyon' }),
      ],
    });
    expect(output).toEqual({
      Errors: [],
      UnprocessedEntries: [],
      $metadata: expect.objectContaining({ httpStatusCode: 200 }),
    });
    expect((await calls.get('c1')).Record).toContainEqual({ FeatureName: 'age', ValueAsString: '41' });
    expect((await calls.get('c2')).Record).toContainEqual({ FeatureName: 'city', ValueAsString: 'Lyon' });
    expect(session().featureStore.onlineRecord('sensors', 's1')?.features).toEqual({
      sensor_id: 's1',
      ts: '1767225600.5',
      reading: '0.25',
    });
    expect(
      session()
        .featureStore.offlineRecords('customers')
        .map((row) => row.customer_id),
    ).toEqual(['c1', 'c2']);
    expect(session().featureStore.offlineRecords('sensors')).toHaveLength(1);
  });

  test('a failing entry is reported in Errors with the entry as sent, and the other entries are written', async () => {
    const missingIdentifier: BatchWriteRecordEntry = {
      FeatureGroupName: 'customers',
      Record: featureValues({ event_time: T_STORED, age: '5' }),
      TargetStores: ['OnlineStore'],
    };
    const output = await batchWrite({
      Entries: [customer('c1', T_STORED), missingIdentifier, customer('c3', T_STORED)],
    });
    expect(output.UnprocessedEntries).toEqual([]);
    expect(output.Errors).toEqual([
      {
        Entry: missingIdentifier,
        ErrorCode: 'ValidationError',
        ErrorMessage: expect.stringContaining('RecordIdentifierFeatureName customer_id'),
      },
    ]);
    expect((await calls.get('c1')).Record).toBeDefined();
    expect((await calls.get('c3')).Record).toBeDefined();
    expect(
      session()
        .featureStore.offlineRecords('customers')
        .map((row) => row.customer_id),
    ).toEqual(['c1', 'c3']);
  });

  test('each entry is checked like a PutRecord: unknown feature, bad value, a store the group lacks', async () => {
    session().featureStore.createFeatureGroup(onlineOnlyGroup());
    const unknownFeature = customer('c1', T_STORED, { colour: 'red' });
    const badIntegral = customer('c2', T_STORED, { age: '4.5' });
    const offlineTarget: BatchWriteRecordEntry = {
      ...customer('o1', T_STORED),
      FeatureGroupName: 'online-only',
      TargetStores: ['OfflineStore'],
    };
    const fine = customer('c4', T_STORED);
    const output = await batchWrite({ Entries: [unknownFeature, badIntegral, offlineTarget, fine] });
    expect(output.Errors?.map((error) => [error.Entry, error.ErrorCode])).toEqual([
      [unknownFeature, 'ValidationError'],
      [badIntegral, 'ValidationError'],
      [offlineTarget, 'ValidationError'],
    ]);
    expect(output.Errors?.map((error) => error.ErrorMessage)).toEqual([
      expect.stringContaining('colour'),
      expect.stringContaining("'4.5' of feature age is not a valid Integral"),
      expect.stringContaining('OfflineStore'),
    ]);
    expect(session().featureStore.onlineRecord('customers', 'c4')).toBeDefined();
    expect(session().featureStore.onlineRecord('customers', 'c1')).toBeUndefined();
    expect(session().featureStore.onlineRecord('online-only', 'o1')).toBeUndefined();
  });

  test('entries follow the PutRecord event-time rules, in order: a later entry for the same record wins only if not older', async () => {
    await calls.putCustomer('c1', T_STORED, { city: 'stored' });
    const output = await batchWrite({
      Entries: [
        customer('c1', T_EARLIER, { city: 'historic' }),
        customer('c2', T_STORED, { city: 'first' }),
        customer('c2', T_LATER, { city: 'second' }),
        customer('c3', T_LATER, { city: 'newer' }),
        customer('c3', T_STORED, { city: 'older' }),
      ],
    });
    expect(output.Errors).toEqual([]);
    const city = async (id: string) =>
      (await calls.get(id)).Record?.find((feature) => feature.FeatureName === 'city')?.ValueAsString;
    expect(await city('c1')).toBe('stored');
    expect(await city('c2')).toBe('second');
    expect(await city('c3')).toBe('newer');
    // Historic entries still reach the offline store: one row per entry, in order.
    expect(
      session()
        .featureStore.offlineRecords('customers')
        .map((row) => row.city),
    ).toEqual(['stored', 'historic', 'first', 'second', 'newer', 'older']);
  });

  test('TargetStores per entry: online only, offline only, both by default', async () => {
    await batchWrite({
      Entries: [
        { ...customer('on', T_STORED), TargetStores: ['OnlineStore'] },
        { ...customer('off', T_STORED), TargetStores: ['OfflineStore'] },
        customer('both', T_STORED),
      ],
    });
    expect(session().featureStore.onlineRecord('customers', 'on')).toBeDefined();
    expect(session().featureStore.onlineRecord('customers', 'off')).toBeUndefined();
    expect(session().featureStore.onlineRecord('customers', 'both')).toBeDefined();
    expect(
      session()
        .featureStore.offlineRecords('customers')
        .map((row) => row.customer_id),
    ).toEqual(['off', 'both']);
  });

  test('the request TtlDuration applies to entries without their own; an entry TtlDuration overrides it', async () => {
    const eventTime = '2026-06-01T11:00:00Z';
    await batchWrite({
      TtlDuration: { Unit: 'Hours', Value: 2 },
      Entries: [
        customer('request-ttl', eventTime),
        { ...customer('entry-ttl', eventTime), TtlDuration: { Unit: 'Minutes', Value: 90 } },
      ],
    });
    const expiresAt = async (id: string) => (await calls.get(id, { ExpirationTimeResponse: 'Enabled' })).ExpiresAt;
    expect(await expiresAt('request-ttl')).toBe('2026-06-01T13:00:00Z');
    expect(await expiresAt('entry-ttl')).toBe('2026-06-01T12:30:00Z');
    session().featureStore.clock.set('2026-06-01T12:30:00Z');
    expect((await calls.get('entry-ttl')).Record).toBeUndefined();
    expect((await calls.get('request-ttl')).Record).toBeDefined();
  });

  test("without any TtlDuration in the request, the group's default TtlDuration applies", async () => {
    session().featureStore.createFeatureGroup(
      customersGroup({
        FeatureGroupName: 'expiring',
        OnlineStoreConfig: { EnableOnlineStore: true, TtlDuration: { Unit: 'Days', Value: 1 } },
      }),
    );
    await batchWrite({
      Entries: [{ ...customer('c1', '2026-06-01T00:00:00Z'), FeatureGroupName: 'expiring' }],
    });
    expect(session().featureStore.onlineRecord('expiring', 'c1')?.expiresAt).toBe('2026-06-02T00:00:00Z');
  });

  test('the same entries give the same online and offline state as one PutRecord each', async () => {
    session().featureStore.createFeatureGroup(customersGroup({ FeatureGroupName: 'via-put' }));
    const entries: BatchWriteRecordEntry[] = [
      customer('a', T_STORED, { age: '1' }),
      customer('a', T_EARLIER, { age: '2' }),
      {
        ...customer('b', T_LATER, { score: '0.5' }),
        TargetStores: ['OnlineStore'],
        TtlDuration: { Unit: 'Weeks', Value: 1 },
      },
      customer('c', T_STORED, { age: 'x' }),
    ];
    const batch = await batchWrite({ Entries: entries });
    expect(batch.Errors?.map((error) => error.Entry)).toEqual([entries[3]]);
    for (const entry of entries) {
      await session()
        .runtime.send(new PutRecordCommand({ ...entry, FeatureGroupName: 'via-put' }))
        .catch((error: unknown) => expect(error).toBeInstanceOf(ValidationError));
    }
    const state = (group: string) => ({
      ...snapshotOf(session, group, ['a', 'b', 'c']),
    });
    expect(state('customers')).toEqual(state('via-put'));
  });

  describe('whole-request rejections write nothing', () => {
    const expectNothingWritten = (s: TargetSession) => {
      expect(s.featureStore.offlineRecords('customers')).toEqual([]);
      expect(s.featureStore.onlineRecord('customers', 'c1')).toBeUndefined();
    };

    test('no entries, or more than 25', async () => {
      await expectServiceError(batchWrite({ Entries: [] }), {
        type: ValidationError,
        name: 'ValidationError',
        status: 400,
        message: ["at 'entries'", 'length greater than or equal to 1'],
      });
      const many = Array.from({ length: 26 }, (_, i) => customer(`c${i + 1}`, T_STORED));
      await expectServiceError(batchWrite({ Entries: many }), {
        type: ValidationError,
        name: 'ValidationError',
        status: 400,
        message: ["at 'entries'", 'length less than or equal to 25'],
      });
      expectNothingWritten(session());
    });

    test('25 entries are accepted', async () => {
      const output = await batchWrite({
        Entries: Array.from({ length: 25 }, (_, i) => customer(`c${i + 1}`, T_STORED)),
      });
      expect(output.Errors).toEqual([]);
      expect(session().featureStore.offlineRecords('customers')).toHaveLength(25);
    });

    test("a model-constraint violation in any entry names that entry's member path", async () => {
      await expectServiceError(
        batchWrite({
          Entries: [
            customer('c1', T_STORED),
            { FeatureGroupName: 'customers', Record: [] },
            { ...customer('c3', T_STORED), TargetStores: ['Nowhere' as 'OnlineStore'] },
          ],
        }),
        {
          type: ValidationError,
          name: 'ValidationError',
          status: 400,
          message: [
            '2 validation errors detected',
            "at 'entries.2.member.record'",
            "Value 'Nowhere' at 'entries.3.member.targetStores.1.member'",
          ],
        },
      );
      expectNothingWritten(session());
    });

    test('an invalid request-level TtlDuration', async () => {
      await expectServiceError(
        batchWrite({ Entries: [customer('c1', T_STORED)], TtlDuration: { Unit: 'Hours', Value: 0 } }),
        {
          type: ValidationError,
          name: 'ValidationError',
          status: 400,
          message: "Value '0' at 'ttlDuration.value'",
        },
      );
      expectNothingWritten(session());
    });

    test('an entry naming a feature group that does not exist: ResourceNotFound', async () => {
      await expectServiceError(
        batchWrite({ Entries: [customer('c1', T_STORED), { ...customer('x', T_STORED), FeatureGroupName: 'nope' }] }),
        {
          type: ResourceNotFound,
          name: 'ResourceNotFound',
          status: 404,
          message: "Resource Not Found: Amazon SageMaker can't find a FeatureGroup with name nope",
        },
      );
      expectNothingWritten(session());
    });
  });
});
