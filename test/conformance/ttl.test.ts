import type { TtlDuration } from '@aws-sdk/client-sagemaker-featurestore-runtime';
import { customersGroup } from '../support/fixtures.js';
import { describeEachTarget } from '../support/targets.js';
import { featureValues, fractionalTimeGroup, runtimeCalls, NOW } from './helpers.js';

/** The event time of most puts here: the instant the clock is set to. */
const E = NOW;
const E_MS = Date.parse(E);
const at = (msAfterE: number): string => new Date(E_MS + msAfterE).toISOString();

describeEachTarget('TTL', (session) => {
  const calls = runtimeCalls(session);
  const expiresAt = async (id: string, FeatureGroupName = 'customers') =>
    (await calls.get(id, { FeatureGroupName, ExpirationTimeResponse: 'Enabled' })).ExpiresAt;

  beforeEach(() => {
    session().featureStore.createFeatureGroup(customersGroup());
    session().featureStore.createFeatureGroup(
      customersGroup({
        FeatureGroupName: 'with-group-ttl',
        OnlineStoreConfig: { EnableOnlineStore: true, TtlDuration: { Unit: 'Hours', Value: 1 } },
      }),
    );
    session().featureStore.clock.set(E);
  });

  describe('ExpiresAt = EventTime + TtlDuration', () => {
    test.each<[TtlDuration, string]>([
      [{ Unit: 'Seconds', Value: 30 }, '2026-06-01T12:00:30Z'],
      [{ Unit: 'Minutes', Value: 2 }, '2026-06-01T12:02:00Z'],
      [{ Unit: 'Hours', Value: 3 }, '2026-06-01T15:00:00Z'],
      [{ Unit: 'Days', Value: 4 }, '2026-06-05T12:00:00Z'],
      [{ Unit: 'Weeks', Value: 5 }, '2026-07-06T12:00:00Z'],
    ])('%o → %s, the same in GetRecord and BatchGetRecord', async (TtlDuration, expected) => {
      await calls.putCustomer('c1', E, {}, { TtlDuration });
      expect(await expiresAt('c1')).toBe(expected);
      const batch = await calls.batchGet({
        Identifiers: [{ FeatureGroupName: 'customers', RecordIdentifiersValueAsString: ['c1'] }],
        ExpirationTimeResponse: 'Enabled',
      });
      expect(batch.Records?.[0]?.ExpiresAt).toBe(expected);
    });

    test('counts from the EventTime, not from when the record was written', async () => {
      await calls.putCustomer('c1', at(-3_600_000), {}, { TtlDuration: { Unit: 'Hours', Value: 2 } });
      expect(await expiresAt('c1')).toBe('2026-06-01T13:00:00Z');
    });

    test('keeps the EventTime precision: milliseconds, microseconds and nanoseconds (A20)', async () => {
      const ttl = { TtlDuration: { Unit: 'Seconds', Value: 1 } } as const;
      await calls.putCustomer('ms', '2026-06-01T12:00:00.5Z', {}, ttl);
      await calls.putCustomer('us', '2026-06-01T12:00:00.123456Z', {}, ttl);
      await calls.putCustomer('ns', '2026-06-01T12:00:00.123456789Z', {}, ttl);
      expect(await expiresAt('ms')).toBe('2026-06-01T12:00:01.500Z');
      expect(await expiresAt('us')).toBe('2026-06-01T12:00:01.123456Z');
      expect(await expiresAt('ns')).toBe('2026-06-01T12:00:01.123456789Z');
    });

    test('a Fractional EventTime gives an ISO-8601 ExpiresAt', async () => {
      session().featureStore.createFeatureGroup(fractionalTimeGroup());
      await calls.put({
        FeatureGroupName: 'sensors',
        Record: featureValues({ sensor_id: 's1', ts: '1780315200.25' }),
        TtlDuration: { Unit: 'Minutes', Value: 1 },
      });
      expect(await expiresAt('s1', 'sensors')).toBe('2026-06-01T12:01:00.250Z');
    });
  });

  describe('group-level and record-level TtlDuration', () => {
    test('the group TtlDuration applies when the put names none', async () => {
      await calls.putCustomer('c1', E, {}, { FeatureGroupName: 'with-group-ttl' });
      expect(await expiresAt('c1', 'with-group-ttl')).toBe('2026-06-01T13:00:00Z');
    });

    test('a record TtlDuration supersedes the group one, shorter or longer', async () => {
      await calls.putCustomer(
        'short',
        E,
        {},
        { FeatureGroupName: 'with-group-ttl', TtlDuration: { Unit: 'Minutes', Value: 5 } },
      );
      await calls.putCustomer(
        'long',
        E,
        {},
        { FeatureGroupName: 'with-group-ttl', TtlDuration: { Unit: 'Days', Value: 1 } },
      );
      expect(await expiresAt('short', 'with-group-ttl')).toBe('2026-06-01T12:05:00Z');
      expect(await expiresAt('long', 'with-group-ttl')).toBe('2026-06-02T12:00:00Z');
      session().featureStore.clock.advance('5m');
      expect((await calls.get('short', { FeatureGroupName: 'with-group-ttl' })).Record).toBeUndefined();
      session().featureStore.clock.advance('1h');
      expect((await calls.get('long', { FeatureGroupName: 'with-group-ttl' })).Record).toHaveLength(2);
    });

    test('with neither, the record never expires and has no ExpiresAt', async () => {
      await calls.putCustomer('c1', E);
      expect(await expiresAt('c1')).toBeUndefined();
      session().featureStore.clock.advance('5200w');
      expect((await calls.get('c1')).Record).toHaveLength(2);
    });

    test('each put sets the expiry anew: a newer put without TTL clears it; a historic put leaves it', async () => {
      await calls.putCustomer('c1', E, {}, { TtlDuration: { Unit: 'Minutes', Value: 1 } });
      await calls.putCustomer('c1', at(-1000), {}, { TtlDuration: { Unit: 'Weeks', Value: 1 } });
      expect(await expiresAt('c1')).toBe('2026-06-01T12:01:00Z');
      await calls.putCustomer('c1', at(1000));
      expect(await expiresAt('c1')).toBeUndefined();
    });
  });

  describe('ExpiresAt is returned only with ExpirationTimeResponse = Enabled', () => {
    beforeEach(async () => {
      await calls.putCustomer('c1', E, {}, { TtlDuration: { Unit: 'Hours', Value: 1 } });
    });

    test.each([
      ['omitted', undefined],
      ['Disabled', 'Disabled'],
    ] as const)('%s: no ExpiresAt in GetRecord or BatchGetRecord', async (_case, ExpirationTimeResponse) => {
      const got = await calls.get('c1', { ExpirationTimeResponse });
      expect(got.Record).toHaveLength(2);
      expect(got).not.toHaveProperty('ExpiresAt');
      const batch = await calls.batchGet({
        Identifiers: [{ FeatureGroupName: 'customers', RecordIdentifiersValueAsString: ['c1'] }],
        ExpirationTimeResponse,
      });
      expect(batch.Records?.[0]).not.toHaveProperty('ExpiresAt');
    });

    test('Enabled on a record without expiry: no ExpiresAt', async () => {
      await calls.putCustomer('forever', E);
      expect(await calls.get('forever', { ExpirationTimeResponse: 'Enabled' })).not.toHaveProperty('ExpiresAt');
    });
  });

  describe('an expired record is absent (expiry at now >= ExpiresAt, A19)', () => {
    const batchIds = async () =>
      (
        await calls.batchGet({
          Identifiers: [{ FeatureGroupName: 'customers', RecordIdentifiersValueAsString: ['c1'] }],
        })
      ).Records?.map((r) => r.RecordIdentifierValueAsString);

    beforeEach(async () => {
      await calls.putCustomer('c1', E, {}, { TtlDuration: { Unit: 'Seconds', Value: 60 } });
    });

    test('one millisecond before ExpiresAt it is readable', async () => {
      session().featureStore.clock.set(at(59_999));
      expect((await calls.get('c1')).Record).toHaveLength(2);
      expect(await batchIds()).toEqual(['c1']);
    });

    test('at ExpiresAt GetRecord is empty and BatchGetRecord leaves it out without an error', async () => {
      session().featureStore.clock.set(at(60_000));
      expect(await calls.get('c1', { ExpirationTimeResponse: 'Enabled' })).toEqual({
        $metadata: expect.objectContaining({ httpStatusCode: 200 }),
      });
      const batch = await calls.batchGet({
        Identifiers: [{ FeatureGroupName: 'customers', RecordIdentifiersValueAsString: ['c1'] }],
      });
      expect(batch.Records).toEqual([]);
      expect(batch.Errors).toEqual([]);
    });

    test('clock.advance moves time forward in steps', async () => {
      session().featureStore.clock.advance('59s');
      session().featureStore.clock.advance(999);
      expect((await calls.get('c1')).Record).toHaveLength(2);
      session().featureStore.clock.advance(1);
      expect((await calls.get('c1')).Record).toBeUndefined();
    });

    test('expiry writes no offline row by default (A21): the put row is all there is', async () => {
      session().featureStore.clock.advance('1h');
      await calls.get('c1');
      expect(session().featureStore.offlineRecords('customers')).toEqual([
        expect.objectContaining({ customer_id: 'c1', is_deleted: false }),
      ]);
    });
  });

  test('a put whose EventTime + TtlDuration is already past is written offline but never readable (INF)', async () => {
    await calls.putCustomer('c1', at(-120_000), {}, { TtlDuration: { Unit: 'Minutes', Value: 1 } });
    expect(await calls.get('c1')).not.toHaveProperty('Record');
    expect(session().featureStore.offlineRecords('customers')).toHaveLength(1);
  });
});

describeEachTarget(
  'TTL with offlineMarkerOnExpiry (A21 switch)',
  (session) => {
    const calls = runtimeCalls(session);

    beforeEach(() => {
      session().featureStore.createFeatureGroup(customersGroup());
      session().featureStore.createFeatureGroup(fractionalTimeGroup());
      session().featureStore.clock.set(E);
    });

    test('an expired record gets a deleted-record marker at ExpiresAt, even if nothing reads it', async () => {
      await calls.putCustomer('c1', E, { city: 'Paris' }, { TtlDuration: { Unit: 'Minutes', Value: 5 } });
      await calls.putCustomer('c2', E, {}, { TtlDuration: { Unit: 'Hours', Value: 1 } });
      session().featureStore.clock.advance('5m');

      const rows = session().featureStore.offlineRecords('customers');
      expect(rows.filter((row) => row.is_deleted)).toEqual([
        expect.objectContaining({
          customer_id: 'c1',
          event_time: '2026-06-01T12:05:00Z',
          city: null,
          write_time: '2026-06-01T12:05:00.000Z',
          api_invocation_time: '2026-06-01T12:05:00.000Z',
        }),
      ]);
      expect((await calls.get('c1')).Record).toBeUndefined();
    });

    test('the marker is written once, and not for a record overwritten before it expired', async () => {
      await calls.putCustomer('c1', E, {}, { TtlDuration: { Unit: 'Minutes', Value: 5 } });
      await calls.putCustomer('c1', at(60_000), {});
      session().featureStore.clock.advance('10m');
      await calls.get('c1');
      expect(
        session()
          .featureStore.offlineRecords('customers')
          .filter((row) => row.is_deleted),
      ).toEqual([]);

      await calls.putCustomer('c3', at(600_000), {}, { TtlDuration: { Unit: 'Seconds', Value: 1 } });
      session().featureStore.clock.advance('1h');
      await calls.get('c3');
      session().featureStore.offlineRecords('customers');
      expect(
        session()
          .featureStore.offlineRecords('customers')
          .filter((row) => row.is_deleted),
      ).toHaveLength(1);
    });

    test('a Fractional event time marker carries ExpiresAt in epoch seconds', async () => {
      await calls.put({
        FeatureGroupName: 'sensors',
        Record: featureValues({ sensor_id: 's1', ts: String(E_MS / 1000) }),
        TtlDuration: { Unit: 'Seconds', Value: 90 },
      });
      session().featureStore.clock.advance('2m');
      expect(
        session()
          .featureStore.offlineRecords('sensors')
          .filter((row) => row.is_deleted),
      ).toEqual([expect.objectContaining({ sensor_id: 's1', ts: String(E_MS / 1000 + 90) })]);
    });
  },
  { behaviour: { offlineMarkerOnExpiry: true } },
);
