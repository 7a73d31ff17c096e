import { ValidationError } from '@aws-sdk/client-sagemaker-featurestore-runtime';
import { customersGroup } from '../support/fixtures.js';
import { describeEachTarget } from '../support/targets.js';
import {
  expectServiceError,
  featureValues,
  fractionalTimeGroup,
  notFoundMessage,
  runtimeCalls,
  snapshotOf,
  NOW,
  T_EARLIER,
  T_LATER,
  T_STORED,
} from './helpers.js';

describeEachTarget('PutRecord', (session) => {
  const calls = runtimeCalls(session);

  beforeEach(() => {
    session().featureStore.createFeatureGroup(customersGroup());
    session().featureStore.clock.set(NOW);
  });

  test('answers 200 with no output members and appends one offline row with every defined feature as a column', async () => {
    const output = await calls.putCustomer('c1', T_STORED, { age: '42' });
    expect(output).toEqual({ $metadata: expect.objectContaining({ httpStatusCode: 200 }) });
    expect(output.$metadata.requestId).toEqual(expect.any(String));
    expect(session().featureStore.offlineRecords('customers')).toEqual([
      {
        customer_id: 'c1',
        event_time: T_STORED,
        age: '42',
        score: null,
        city: null,
        write_time: NOW,
        api_invocation_time: NOW,
        is_deleted: false,
      },
    ]);
  });

  test('stores values verbatim: numbers are not normalised, an empty String is a value', async () => {
    await calls.putCustomer('c1', T_STORED, { age: '+0042', score: '1e3', city: '' });
    const got = await calls.get('c1');
    expect(got.Record).toEqual([
      { FeatureName: 'customer_id', ValueAsString: 'c1' },
      { FeatureName: 'event_time', ValueAsString: T_STORED },
      { FeatureName: 'age', ValueAsString: '+0042' },
      { FeatureName: 'score', ValueAsString: '1e3' },
      { FeatureName: 'city', ValueAsString: '' },
    ]);
  });

  test('a historic put (older EventTime) goes to the offline store only', async () => {
    await calls.putCustomer('c1', T_STORED, { city: 'current' });
    await calls.putCustomer('c1', T_EARLIER, { city: 'historic' });
    const got = await calls.get('c1');
    expect(got.Record).toContainEqual({ FeatureName: 'city', ValueAsString: 'current' });
    expect(
      session()
        .featureStore.offlineRecords('customers')
        .map((row) => row.city),
    ).toEqual(['current', 'historic']);
  });

  test('an equal EventTime overwrites the online record (A1)', async () => {
    await calls.putCustomer('c1', T_STORED, { city: 'first' });
    await calls.putCustomer('c1', T_STORED, { city: 'second' });
    expect((await calls.get('c1')).Record).toContainEqual({ FeatureName: 'city', ValueAsString: 'second' });
  });

  test('a newer put is a full overwrite: features missing from it are gone online and null offline', async () => {
    await calls.putCustomer('c1', T_STORED, { age: '42', score: '0.5', city: 'Paris' });
    await calls.putCustomer('c1', T_LATER, { city: 'Lyon' });
    expect((await calls.get('c1')).Record).toEqual([
      { FeatureName: 'customer_id', ValueAsString: 'c1' },
      { FeatureName: 'event_time', ValueAsString: T_LATER },
      { FeatureName: 'city', ValueAsString: 'Lyon' },
    ]);
    expect(session().featureStore.offlineRecords('customers')[1]).toMatchObject({
      age: null,
      score: null,
      city: 'Lyon',
    });
  });

  test('the Record may list features in any order', async () => {
    await calls.put({
      Record: featureValues({ city: 'Oslo', event_time: T_STORED, customer_id: 'c1' }),
    });
    expect((await calls.get('c1')).Record).toEqual([
      { FeatureName: 'customer_id', ValueAsString: 'c1' },
      { FeatureName: 'event_time', ValueAsString: T_STORED },
      { FeatureName: 'city', ValueAsString: 'Oslo' },
    ]);
  });

  describe('EventTime is compared as a parsed instant, not as text', () => {
    test('String: "…00.5Z" is later than "…00Z" (text order says the opposite)', async () => {
      await calls.putCustomer('c1', '2026-01-01T00:00:00.5Z', { city: 'half-past' });
      await calls.putCustomer('c1', '2026-01-01T00:00:00Z', { city: 'on-the-second' });
      expect((await calls.get('c1')).Record).toContainEqual({ FeatureName: 'city', ValueAsString: 'half-past' });
    });

    test('String: the same instant with and without fraction digits is equal, so it overwrites', async () => {
      await calls.putCustomer('c1', '2026-01-01T00:00:00Z', { city: 'plain' });
      await calls.putCustomer('c1', '2026-01-01T00:00:00.000Z', { city: 'millis' });
      expect((await calls.get('c1')).Record).toContainEqual({ FeatureName: 'city', ValueAsString: 'millis' });
      await calls.putCustomer('c1', '2026-01-01T00:00:00.000000000Z', { city: 'nanos' });
      const got = await calls.get('c1');
      expect(got.Record).toContainEqual({ FeatureName: 'city', ValueAsString: 'nanos' });
      // The stored text is the request's own.
      expect(got.Record).toContainEqual({ FeatureName: 'event_time', ValueAsString: '2026-01-01T00:00:00.000000000Z' });
    });

    test('String: nanoseconds count', async () => {
      await calls.putCustomer('c1', '2026-01-01T00:00:00.000000001Z', { city: 'one-nanosecond' });
      await calls.putCustomer('c1', '2026-01-01T00:00:00Z', { city: 'older-by-1ns' });
      expect((await calls.get('c1')).Record).toContainEqual({ FeatureName: 'city', ValueAsString: 'one-nanosecond' });
      await calls.putCustomer('c1', '2026-01-01T00:00:00.000000002Z', { city: 'two-nanoseconds' });
      expect((await calls.get('c1')).Record).toContainEqual({ FeatureName: 'city', ValueAsString: 'two-nanoseconds' });
    });

    test('Fractional: seconds are compared as numbers', async () => {
      session().featureStore.createFeatureGroup(fractionalTimeGroup());
      const put = (ts: string, reading: string) =>
        calls.put({ FeatureGroupName: 'sensors', Record: featureValues({ sensor_id: 's1', ts, reading }) });
      const reading = async () =>
        (await calls.get('s1', { FeatureGroupName: 'sensors' })).Record?.find((v) => v.FeatureName === 'reading');

      await put('1000000000', '1');
      await put('999999999.9', '2'); // shorter text, larger string, earlier instant: historic
      expect(await reading()).toEqual({ FeatureName: 'reading', ValueAsString: '1' });
      await put('1e9', '3'); // the same instant: overwrites
      expect(await reading()).toEqual({ FeatureName: 'reading', ValueAsString: '3' });
      await put('1000000000.001', '4'); // a millisecond later
      expect(await reading()).toEqual({ FeatureName: 'reading', ValueAsString: '4' });
      expect(
        session()
          .featureStore.offlineRecords('sensors')
          .map((row) => row.ts),
      ).toEqual(['1000000000', '999999999.9', '1e9', '1000000000.001']);
    });
  });

  describe('FeatureGroupName', () => {
    test('accepts the feature group ARN', async () => {
      const { FeatureGroupArn } = session().featureStore.createFeatureGroup(
        customersGroup({ FeatureGroupName: 'by-arn' }),
      );
      expect(FeatureGroupArn).toBe('arn:aws:sagemaker:us-east-1:123456789012:feature-group/by-arn');
      await calls.putCustomer('c1', T_STORED, {}, { FeatureGroupName: FeatureGroupArn });
      expect(session().featureStore.offlineRecords('by-arn')).toHaveLength(1);
    });

    test('resolves a name case-insensitively (A28)', async () => {
      await calls.putCustomer('c1', T_STORED, {}, { FeatureGroupName: 'CUSTOMERS' });
      expect(session().featureStore.onlineRecord('customers', 'c1')).toMatchObject({ deleted: false });
    });

    test.each([
      ['an unknown name', 'nope'],
      ['the ARN of another region', 'arn:aws:sagemaker:eu-west-1:123456789012:feature-group/customers'],
      ['the ARN of another account', 'arn:aws:sagemaker:us-east-1:999999999999:feature-group/customers'],
    ])('%s is not found: ValidationError "Resource Not Found" (A4)', async (_case, FeatureGroupName) => {
      const before = snapshotOf(session, 'customers', ['c1']);
      await expectServiceError(calls.putCustomer('c1', T_STORED, {}, { FeatureGroupName }), {
        type: ValidationError,
        name: 'ValidationError',
        status: 400,
        message: notFoundMessage(FeatureGroupName),
      });
      expect(snapshotOf(session, 'customers', ['c1'])).toEqual(before);
    });
  });
});
