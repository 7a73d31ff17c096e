import {
  SageMakerFeatureStoreRuntimeServiceException,
  ValidationError,
} from '@aws-sdk/client-sagemaker-featurestore-runtime';
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

const marker = (id: string, eventTime: string) => ({
  customer_id: id,
  event_time: eventTime,
  age: null,
  score: null,
  city: null,
  write_time: NOW,
  api_invocation_time: NOW,
  is_deleted: true,
});

describeEachTarget('DeleteRecord', (session) => {
  const calls = runtimeCalls(session);
  const offline = () => session().featureStore.offlineRecords('customers');

  beforeEach(async () => {
    session().featureStore.createFeatureGroup(customersGroup());
    session().featureStore.clock.set(NOW);
    await calls.putCustomer('c1', T_STORED, { age: '42', city: 'Paris' });
    await calls.putCustomer('c2', T_STORED, { city: 'Rome' });
  });

  test('answers 200 with no output members; SoftDelete is the default mode and leaves a tombstone with the delete EventTime', async () => {
    const output = await calls.delete('c1', T_LATER);
    expect(output).toEqual({ $metadata: expect.objectContaining({ httpStatusCode: 200 }) });
    expect(await calls.get('c1')).not.toHaveProperty('Record');
    expect(session().featureStore.onlineRecord('customers', 'c1')).toMatchObject({ deleted: true, eventTime: T_LATER });
  });

  test('HardDelete removes the record completely: no tombstone', async () => {
    await calls.delete('c1', T_LATER, { DeletionMode: 'HardDelete' });
    expect(await calls.get('c1')).not.toHaveProperty('Record');
    expect(session().featureStore.onlineRecord('customers', 'c1')).toBeUndefined();
  });

  test('the offline marker keeps the identifier and the delete EventTime (verbatim), nulls every other feature, is_deleted = true', async () => {
    await calls.delete('c1', '2026-01-01T00:00:20.000Z');
    await calls.delete('c2', T_LATER, { DeletionMode: 'HardDelete' });
    expect(offline().slice(2)).toEqual([marker('c1', '2026-01-01T00:00:20.000Z'), marker('c2', T_LATER)]);
  });

  test('other records are untouched', async () => {
    await calls.delete('c1', T_LATER, { DeletionMode: 'HardDelete' });
    expect((await calls.get('c2')).Record).toContainEqual({ FeatureName: 'city', ValueAsString: 'Rome' });
  });

  describe('an EventTime that is not later than the record', () => {
    test.each([
      ['equal', T_STORED],
      ['equal, written with fraction digits', '2026-01-01T00:00:10.000000000Z'],
      ['earlier', T_EARLIER],
    ])('%s: SoftDelete leaves the record but still writes the marker (A2)', async (_case, eventTime) => {
      await calls.delete('c1', eventTime);
      expect((await calls.get('c1')).Record).toContainEqual({ FeatureName: 'city', ValueAsString: 'Paris' });
      expect(offline().slice(2)).toEqual([marker('c1', eventTime)]);
    });

    test.each([
      ['equal', T_STORED],
      ['equal, written with fraction digits', '2026-01-01T00:00:10.000000000Z'],
      ['earlier', T_EARLIER],
    ])(
      '%s: HardDelete is a 400 ValidationError naming the EventTime, writes no marker (A2, A3)',
      async (_case, eventTime) => {
        const before = snapshotOf(session, 'customers', ['c1', 'c2']);
        await expectServiceError(calls.delete('c1', eventTime, { DeletionMode: 'HardDelete' }), {
          type: ValidationError,
          name: 'ValidationError',
          status: 400,
          message: [`EventTime ${eventTime}`, 'c1', 'must be later than'],
        });
        expect(snapshotOf(session, 'customers', ['c1', 'c2'])).toEqual(before);
      },
    );

    test('one nanosecond later is later', async () => {
      await calls.delete('c1', '2026-01-01T00:00:10.000000001Z', { DeletionMode: 'HardDelete' });
      expect(session().featureStore.onlineRecord('customers', 'c1')).toBeUndefined();
    });
  });

  describe('a record that does not exist (A22)', () => {
    test('SoftDelete answers 200, leaves a tombstone and writes the marker', async () => {
      await calls.delete('ghost', T_EARLIER);
      expect(session().featureStore.onlineRecord('customers', 'ghost')).toMatchObject({
        deleted: true,
        eventTime: T_EARLIER,
      });
      expect(offline().slice(2)).toEqual([marker('ghost', T_EARLIER)]);
    });

    test('HardDelete answers 200 and writes only the marker', async () => {
      await calls.delete('ghost', T_EARLIER, { DeletionMode: 'HardDelete' });
      expect(session().featureStore.onlineRecord('customers', 'ghost')).toBeUndefined();
      expect(offline().slice(2)).toEqual([marker('ghost', T_EARLIER)]);
    });
  });

  describe('a put after a delete', () => {
    test('after SoftDelete, an older put is historic: offline row, the record stays hidden (A24)', async () => {
      await calls.delete('c1', T_LATER);
      await calls.putCustomer('c1', T_STORED, { city: 'Lyon' });
      expect(await calls.get('c1')).not.toHaveProperty('Record');
      expect(offline().at(-1)).toMatchObject({ customer_id: 'c1', city: 'Lyon', is_deleted: false });
    });

    test('after SoftDelete, a put at the delete EventTime or later brings the record back', async () => {
      await calls.delete('c1', T_LATER);
      await calls.putCustomer('c1', T_LATER, { city: 'Lyon' });
      expect((await calls.get('c1')).Record).toEqual(
        featureValues({ customer_id: 'c1', event_time: T_LATER, city: 'Lyon' }),
      );
    });

    test('after HardDelete, even a put older than the deleted record is live: no EventTime is remembered', async () => {
      await calls.delete('c1', T_LATER, { DeletionMode: 'HardDelete' });
      await calls.putCustomer('c1', T_EARLIER, { city: 'Lyon' });
      expect((await calls.get('c1')).Record).toEqual(
        featureValues({ customer_id: 'c1', event_time: T_EARLIER, city: 'Lyon' }),
      );
    });
  });

  test('Fractional event times: compared as numbers, the marker keeps the text', async () => {
    session().featureStore.createFeatureGroup(fractionalTimeGroup());
    await calls.put({
      FeatureGroupName: 'sensors',
      Record: featureValues({ sensor_id: 's1', ts: '1000000000', reading: '1' }),
    });
    const del = (EventTime: string, DeletionMode: 'SoftDelete' | 'HardDelete') =>
      calls.delete('s1', EventTime, { FeatureGroupName: 'sensors', DeletionMode });
    await expectServiceError(del('999999999.999', 'HardDelete'), {
      type: ValidationError,
      name: 'ValidationError',
      status: 400,
      message: 'EventTime',
    });
    await expectServiceError(del('1e9', 'HardDelete'), {
      type: ValidationError,
      name: 'ValidationError',
      status: 400,
      message: 'EventTime',
    });
    await del('1000000000.001', 'HardDelete');
    expect(session().featureStore.onlineRecord('sensors', 's1')).toBeUndefined();
    expect(session().featureStore.offlineRecords('sensors').at(-1)).toMatchObject({
      sensor_id: 's1',
      ts: '1000000000.001',
      reading: null,
      is_deleted: true,
    });
  });

  test('accepts the feature group ARN', async () => {
    await calls.delete('c1', T_LATER, {
      FeatureGroupName: 'arn:aws:sagemaker:us-east-1:123456789012:feature-group/customers',
    });
    expect(session().featureStore.onlineRecord('customers', 'c1')).toMatchObject({ deleted: true });
  });

  test('an unknown group is a ValidationError "Resource Not Found" (A4), nothing written', async () => {
    const before = snapshotOf(session, 'customers', ['c1']);
    await expectServiceError(calls.delete('c1', T_LATER, { FeatureGroupName: 'nope' }), {
      type: ValidationError,
      name: 'ValidationError',
      status: 400,
      message: notFoundMessage('nope'),
    });
    expect(snapshotOf(session, 'customers', ['c1'])).toEqual(before);
  });
});

describeEachTarget(
  'DeleteRecord with behaviour.hardDeleteConflictCode = "ValidationException"',
  (session) => {
    const calls = runtimeCalls(session);

    test('a stale HardDelete answers the documented, unmodelled code: the SDK base exception named ValidationException (A3)', async () => {
      session().featureStore.createFeatureGroup(customersGroup());
      session().featureStore.clock.set(NOW);
      await calls.putCustomer('c1', T_STORED);
      const before = snapshotOf(session, 'customers', ['c1']);
      const error = await expectServiceError(calls.delete('c1', T_STORED, { DeletionMode: 'HardDelete' }), {
        type: SageMakerFeatureStoreRuntimeServiceException,
        name: 'ValidationException',
        status: 400,
        message: 'EventTime',
      });
      expect(error).not.toBeInstanceOf(ValidationError);
      expect(snapshotOf(session, 'customers', ['c1'])).toEqual(before);
    });
  },
  { behaviour: { hardDeleteConflictCode: 'ValidationException' } },
);
