import { ValidationError, type FeatureValue } from '@aws-sdk/client-sagemaker-featurestore-runtime';
import { customersGroup } from '../support/fixtures.js';
import { describeEachTarget, type TargetSession } from '../support/targets.js';
import {
  expectServiceError,
  featureValues,
  fractionalTimeGroup,
  runtimeCalls,
  snapshotOf,
  NOW,
  T_LATER,
  T_STORED,
} from './helpers.js';

/**
 * Spec §10 (model constraints, which the SDK does not check client-side) and §6 (value
 * checks against the feature definitions). Every rejection is a ValidationError, 400,
 * whose message names the offending member and value, and leaves the store as it was.
 */

type Calls = ReturnType<typeof runtimeCalls>;
type Case = readonly [title: string, call: (calls: Calls) => Promise<unknown>, message: readonly string[]];

const long = (length: number, char = 'x') => char.repeat(length);
const ids = (count: number) => Array.from({ length: count }, (_, i) => `id${i}`);
const constraint = (path: string, rule: string) => [`at '${path}'`, `Member must ${rule}`];

// prettier-ignore
const shapeCases: readonly Case[] = [
  // FeatureGroupName: 1-150 characters, name-or-ARN pattern.
  ['PutRecord FeatureGroupName empty', (c) => c.putCustomer('c1', T_LATER, {}, { FeatureGroupName: '' }), constraint('featureGroupName', 'have length greater than or equal to 1')],
  ['PutRecord FeatureGroupName of 151 characters', (c) => c.putCustomer('c1', T_LATER, {}, { FeatureGroupName: long(151) }), constraint('featureGroupName', 'have length less than or equal to 150')],
  ['PutRecord FeatureGroupName not matching the pattern', (c) => c.putCustomer('c1', T_LATER, {}, { FeatureGroupName: 'bad name!' }), ["Value 'bad name!' at 'featureGroupName'", 'regular expression pattern']],
  ['GetRecord FeatureGroupName not matching the pattern', (c) => c.get('c1', { FeatureGroupName: '-customers' }), ["Value '-customers' at 'featureGroupName'", 'regular expression pattern']],
  ['GetRecord FeatureGroupName of 151 characters', (c) => c.get('c1', { FeatureGroupName: long(151) }), constraint('featureGroupName', 'have length less than or equal to 150')],
  ['DeleteRecord FeatureGroupName not matching the pattern', (c) => c.delete('c1', T_LATER, { FeatureGroupName: 'customers:1' }), ["Value 'customers:1' at 'featureGroupName'", 'regular expression pattern']],
  ['DeleteRecord FeatureGroupName empty', (c) => c.delete('c1', T_LATER, { FeatureGroupName: '' }), constraint('featureGroupName', 'have length greater than or equal to 1')],
  ['BatchGetRecord FeatureGroupName not matching the pattern', (c) => c.batchGet({ Identifiers: [{ FeatureGroupName: 'a b', RecordIdentifiersValueAsString: ['c1'] }] }), ["Value 'a b' at 'identifiers.1.member.featureGroupName'", 'regular expression pattern']],
  ['BatchGetRecord FeatureGroupName empty', (c) => c.batchGet({ Identifiers: [{ FeatureGroupName: '', RecordIdentifiersValueAsString: ['c1'] }] }), constraint('identifiers.1.member.featureGroupName', 'have length greater than or equal to 1')],
  // RecordIdentifierValueAsString: required on Get/Delete, at most 358400 characters.
  ['GetRecord without RecordIdentifierValueAsString', (c) => c.get(undefined as unknown as string), constraint('recordIdentifierValueAsString', 'not be null')],
  ['DeleteRecord without RecordIdentifierValueAsString', (c) => c.delete(undefined as unknown as string, T_LATER), constraint('recordIdentifierValueAsString', 'not be null')],
  ['GetRecord RecordIdentifierValueAsString over 358400 characters', (c) => c.get(long(358_401)), constraint('recordIdentifierValueAsString', 'have length less than or equal to 358400')],
  ['BatchGetRecord RecordIdentifiersValueAsString entry over 358400 characters', (c) => c.batchGet({ Identifiers: [{ FeatureGroupName: 'customers', RecordIdentifiersValueAsString: [long(358_401)] }] }), constraint('identifiers.1.member.recordIdentifiersValueAsString.1.member', 'have length less than or equal to 358400')],
  // EventTime: required on Delete.
  ['DeleteRecord without EventTime', (c) => c.delete('c1', undefined as unknown as string), constraint('eventTime', 'not be null')],
  // Record: at least one FeatureValue; FeatureName 1-64 characters, pattern.
  ['PutRecord with an empty Record', (c) => c.put({ Record: [] }), constraint('record', 'have length greater than or equal to 1')],
  ['PutRecord without Record', (c) => c.put({ Record: undefined as unknown as FeatureValue[] }), constraint('record', 'not be null')],
  ['PutRecord FeatureName empty', (c) => c.put({ Record: [...featureValues({ customer_id: 'c1', event_time: T_LATER }), { FeatureName: '', ValueAsString: 'x' }] }), constraint('record.3.member.featureName', 'have length greater than or equal to 1')],
  ['PutRecord FeatureName of 65 characters', (c) => c.put({ Record: [{ FeatureName: long(65), ValueAsString: 'x' }] }), constraint('record.1.member.featureName', 'have length less than or equal to 64')],
  ['PutRecord FeatureName not matching the pattern', (c) => c.put({ Record: [{ FeatureName: 'city name', ValueAsString: 'x' }] }), ["Value 'city name' at 'record.1.member.featureName'", 'regular expression pattern']],
  ['PutRecord without FeatureName', (c) => c.put({ Record: [{ ValueAsString: 'x' } as FeatureValue] }), constraint('record.1.member.featureName', 'not be null')],
  ['PutRecord ValueAsString over 358400 characters', (c) => c.putCustomer('c1', T_LATER, { city: long(358_401) }), constraint('record.3.member.valueAsString', 'have length less than or equal to 358400')],
  // FeatureNames: at least one if present (an empty list in the query never reaches the service), each a FeatureName.
  ['GetRecord FeatureNames entry not matching the pattern', (c) => c.get('c1', { FeatureNames: ['city', 'not valid'] }), ["Value 'not valid' at 'featureNames.2.member'", 'regular expression pattern']],
  ['BatchGetRecord empty FeatureNames', (c) => c.batchGet({ Identifiers: [{ FeatureGroupName: 'customers', RecordIdentifiersValueAsString: ['c1'], FeatureNames: [] }] }), constraint('identifiers.1.member.featureNames', 'have length greater than or equal to 1')],
  // TargetStores: 1-2 items of OnlineStore | OfflineStore.
  ['PutRecord empty TargetStores', (c) => c.putCustomer('c1', T_LATER, {}, { TargetStores: [] }), constraint('targetStores', 'have length greater than or equal to 1')],
  ['PutRecord three TargetStores', (c) => c.putCustomer('c1', T_LATER, {}, { TargetStores: ['OnlineStore', 'OfflineStore', 'OnlineStore'] }), constraint('targetStores', 'have length less than or equal to 2')],
  ['PutRecord TargetStores with an unknown store', (c) => c.putCustomer('c1', T_LATER, {}, { TargetStores: ['S3' as 'OfflineStore'] }), ["Value 'S3' at 'targetStores.1.member'", 'enum value set: [OnlineStore, OfflineStore]']],
  ['DeleteRecord TargetStores with an unknown store', (c) => c.delete('c1', T_LATER, { TargetStores: ['OnlineStore', 'Glue' as 'OfflineStore'] }), ["Value 'Glue' at 'targetStores.2.member'", 'enum value set']],
  // TtlDuration: Unit (enum) and Value (>= 1) both required.
  ['PutRecord TtlDuration.Value 0', (c) => c.putCustomer('c1', T_LATER, {}, { TtlDuration: { Unit: 'Seconds', Value: 0 } }), constraint('ttlDuration.value', 'have value greater than or equal to 1')],
  ['PutRecord TtlDuration.Value not an integer', (c) => c.putCustomer('c1', T_LATER, {}, { TtlDuration: { Unit: 'Seconds', Value: 1.5 } }), constraint('ttlDuration.value', 'be an integer')],
  ['PutRecord TtlDuration.Unit unknown', (c) => c.putCustomer('c1', T_LATER, {}, { TtlDuration: { Unit: 'Years' as 'Days', Value: 1 } }), ["Value 'Years' at 'ttlDuration.unit'", 'enum value set: [Seconds, Minutes, Hours, Days, Weeks]']],
  ['PutRecord TtlDuration without Value', (c) => c.putCustomer('c1', T_LATER, {}, { TtlDuration: { Unit: 'Days' } as { Unit: 'Days'; Value: number } }), constraint('ttlDuration.value', 'not be null')],
  ['PutRecord TtlDuration without Unit', (c) => c.putCustomer('c1', T_LATER, {}, { TtlDuration: { Value: 1 } as { Unit: 'Days'; Value: number } }), constraint('ttlDuration.unit', 'not be null')],
  // ExpirationTimeResponse and DeletionMode enums.
  ['GetRecord ExpirationTimeResponse unknown', (c) => c.get('c1', { ExpirationTimeResponse: 'Yes' as 'Enabled' }), ["Value 'Yes' at 'expirationTimeResponse'", 'enum value set: [Enabled, Disabled]']],
  ['BatchGetRecord ExpirationTimeResponse unknown', (c) => c.batchGet({ Identifiers: [{ FeatureGroupName: 'customers', RecordIdentifiersValueAsString: ['c1'] }], ExpirationTimeResponse: 'enabled' as 'Enabled' }), ["Value 'enabled' at 'expirationTimeResponse'", 'enum value set']],
  ['DeleteRecord DeletionMode unknown', (c) => c.delete('c1', T_LATER, { DeletionMode: 'Purge' as 'HardDelete' }), ["Value 'Purge' at 'deletionMode'", 'enum value set: [SoftDelete, HardDelete]']],
  // BatchGetRecord: Identifiers 1-100, RecordIdentifiersValueAsString 1-100 (the total of 100 is in batch-get-record.test.ts).
  ['BatchGetRecord empty Identifiers', (c) => c.batchGet({ Identifiers: [] }), constraint('identifiers', 'have length greater than or equal to 1')],
  ['BatchGetRecord 101 Identifiers', (c) => c.batchGet({ Identifiers: ids(101).map((id) => ({ FeatureGroupName: 'customers', RecordIdentifiersValueAsString: [id] })) }), constraint('identifiers', 'have length less than or equal to 100')],
  ['BatchGetRecord empty RecordIdentifiersValueAsString', (c) => c.batchGet({ Identifiers: [{ FeatureGroupName: 'customers', RecordIdentifiersValueAsString: [] }] }), constraint('identifiers.1.member.recordIdentifiersValueAsString', 'have length greater than or equal to 1')],
  ['BatchGetRecord 101 RecordIdentifiersValueAsString', (c) => c.batchGet({ Identifiers: [{ FeatureGroupName: 'customers', RecordIdentifiersValueAsString: ids(101) }] }), constraint('identifiers.1.member.recordIdentifiersValueAsString', 'have length less than or equal to 100')],
  ['BatchGetRecord without RecordIdentifiersValueAsString', (c) => c.batchGet({ Identifiers: [{ FeatureGroupName: 'customers' } as { FeatureGroupName: string; RecordIdentifiersValueAsString: string[] }] }), constraint('identifiers.1.member.recordIdentifiersValueAsString', 'not be null')],
  // Several violations are reported together.
  ['PutRecord with two violations', (c) => c.put({ Record: [], TargetStores: ['S3' as 'OfflineStore'] }), ['2 validation errors detected', "at 'record'", "at 'targetStores.1.member'"]],
];

const putCase = (title: string, others: Record<string, string>, message: readonly string[]): Case => [
  title,
  (c) => c.putCustomer('c1', T_LATER, others),
  message,
];

// prettier-ignore
const valueCases: readonly Case[] = [
  ['a feature the group does not define (A7)', (c) => c.putCustomer('c1', T_LATER, { nickname: 'Bob' }), ['nickname', 'not defined', 'customers']],
  ['a feature listed twice (A7)', (c) => c.put({ Record: [...featureValues({ customer_id: 'c1', event_time: T_LATER, city: 'a' }), { FeatureName: 'city', ValueAsString: 'b' }] }), ['city', 'more than once']],
  ['no record identifier', (c) => c.put({ Record: featureValues({ event_time: T_LATER, city: 'a' }) }), ['RecordIdentifierFeatureName customer_id']],
  ['an empty record identifier', (c) => c.putCustomer('', T_LATER), ['RecordIdentifierFeatureName customer_id']],
  ['no event time', (c) => c.put({ Record: featureValues({ customer_id: 'c1', city: 'a' }) }), ['EventTimeFeatureName event_time']],
  ['an empty event time', (c) => c.putCustomer('c1', ''), ['EventTimeFeatureName event_time']],
  ['ValueAsStringList on a scalar feature (A14)', (c) => c.put({ Record: [...featureValues({ customer_id: 'c1', event_time: T_LATER }), { FeatureName: 'city', ValueAsStringList: ['a'] }] }), ['city', 'ValueAsStringList']],
  ['both ValueAsString and ValueAsStringList (A14)', (c) => c.put({ Record: [...featureValues({ customer_id: 'c1', event_time: T_LATER }), { FeatureName: 'city', ValueAsString: 'a', ValueAsStringList: ['a'] }] }), ['city', 'both']],
  ['neither ValueAsString nor ValueAsStringList (A14)', (c) => c.put({ Record: [...featureValues({ customer_id: 'c1', event_time: T_LATER }), { FeatureName: 'city' }] }), ['city', 'no value']],
  putCase('Integral above 2^63 - 1', { age: '9223372036854775808' }, ["'9223372036854775808'", 'age', 'Integral']),
  putCase('Integral below -2^63', { age: '-9223372036854775809' }, ["'-9223372036854775809'", 'age', 'Integral']),
  putCase('Integral with a fraction', { age: '1.5' }, ["'1.5'", 'age', 'Integral']),
  putCase('Integral in exponent form', { age: '1e3' }, ["'1e3'", 'age', 'Integral']),
  putCase('Integral empty', { age: '' }, ["''", 'age', 'Integral']),
  putCase('Integral with spaces', { age: ' 1' }, ["' 1'", 'age', 'Integral']),
  putCase('Integral in hex', { age: '0x10' }, ["'0x10'", 'age', 'Integral']),
  putCase('Fractional NaN', { score: 'NaN' }, ["'NaN'", 'score', 'Fractional']),
  putCase('Fractional Infinity', { score: 'Infinity' }, ["'Infinity'", 'score', 'Fractional']),
  putCase('Fractional -Infinity', { score: '-Infinity' }, ["'-Infinity'", 'score', 'Fractional']),
  putCase('Fractional beyond double range', { score: '1e400' }, ["'1e400'", 'score', 'Fractional']),
  putCase('Fractional empty', { score: '' }, ["''", 'score', 'Fractional']),
  putCase('Fractional with a decimal comma', { score: '1,5' }, ["'1,5'", 'score', 'Fractional']),
];

// prettier-ignore
const rejectedStringEventTimes: readonly (readonly [string, string])[] = [
  ['10 fraction digits', '2026-01-01T00:00:00.1234567890Z'],
  ['a +00:00 offset', '2026-01-01T00:00:00+00:00'],
  ['a +02:00 offset', '2026-01-01T02:00:00+02:00'],
  ['a fraction and an offset', '2026-01-01T00:00:00.000-05:00'],
  ['a space for T', '2026-01-01 00:00:00Z'],
  ['no Z', '2026-01-01T00:00:00'],
  ['a date only', '2026-01-01'],
  ['no seconds', '2026-01-01T00:00Z'],
  ['lower-case t and z', '2026-01-01t00:00:00z'],
  ['month 13', '2026-13-01T00:00:00Z'],
  ['29 February of a common year', '2026-02-29T00:00:00Z'],
  ['hour 24', '2026-01-01T24:00:00Z'],
  ['minute 60', '2026-01-01T00:60:00Z'],
  ['a leap second', '2026-12-31T23:59:60Z'],
  ['a 5-digit year', '10000-01-01T00:00:00Z'],
  ['epoch seconds', '1767225600'],
  ['a trailing dot', '2026-01-01T00:00:00.Z'],
];

// prettier-ignore
const acceptedStringEventTimes: readonly string[] = [
  '2026-01-01T00:00:00Z',
  '2026-01-01T00:00:00.1Z',
  '2026-01-01T00:00:00.123Z',
  '2026-01-01T00:00:00.123456Z',
  '2026-01-01T00:00:00.123456789Z',
  '2024-02-29T23:59:59Z',
  '0000-01-01T00:00:00Z',
  '9999-12-31T23:59:59.999999999Z',
];

// prettier-ignore
const rejectedFractionalEventTimes: readonly (readonly [string, string])[] = [
  ['an ISO string', '2026-01-01T00:00:00Z'],
  ['NaN', 'NaN'],
  ['Infinity', 'Infinity'],
  ['text', 'soon'],
  ['after 9999-12-31T23:59:59.999Z', '253402300800'],
  ['before 0000-01-01T00:00:00Z', '-62167219201'],
];

// prettier-ignore
const acceptedFractionalEventTimes: readonly string[] = ['1700000000', '1700000000.123', '1.7e9', '0', '-1', '253402300799.999', '-62167219200'];

describeEachTarget('validation', (session: () => TargetSession) => {
  const calls = runtimeCalls(session);

  beforeEach(async () => {
    session().featureStore.createFeatureGroup(customersGroup());
    session().featureStore.createFeatureGroup(fractionalTimeGroup());
    session().featureStore.clock.set(NOW);
    await calls.putCustomer('c1', T_STORED, { city: 'Paris' });
  });

  const expectRejected = async (call: Promise<unknown>, message: readonly string[]): Promise<void> => {
    const before = {
      customers: snapshotOf(session, 'customers', ['c1']),
      sensors: snapshotOf(session, 'sensors', ['s1']),
    };
    await expectServiceError(call, { type: ValidationError, name: 'ValidationError', status: 400, message });
    expect({
      customers: snapshotOf(session, 'customers', ['c1']),
      sensors: snapshotOf(session, 'sensors', ['s1']),
    }).toEqual(before);
  };

  describe('model constraints (spec §10)', () => {
    test.each(shapeCases)('%s', async (_title, call, message) => {
      await expectRejected(call(calls), message);
    });
  });

  describe('values against the feature definitions (spec §6)', () => {
    test.each(valueCases)('%s', async (_title, call, message) => {
      await expectRejected(call(calls), message);
    });

    test.each([
      ['Integral', 'age', ['9223372036854775807', '-9223372036854775808', '+1', '007', '0']],
      ['Fractional', 'score', ['25', '-0.5', '1e3', '.5', '5.', '1E-7', '+3.25']],
      ['String', 'city', ['', ' spaced ', 'ünïcødé ✓', 'NaN']],
    ] as const)('%s accepts %s values %j, stored verbatim', async (_type, feature, values) => {
      for (const [i, value] of values.entries()) {
        await calls.putCustomer(`v${i}`, T_LATER, { [feature]: value });
        expect((await calls.get(`v${i}`, { FeatureNames: [feature] })).Record).toEqual([
          { FeatureName: feature, ValueAsString: value },
        ]);
      }
    });
  });

  describe('String event times: UTC ISO-8601, seconds with 0-9 fraction digits (A11)', () => {
    test.each(acceptedStringEventTimes)('accepts %s', async (eventTime) => {
      await calls.putCustomer('e1', eventTime);
      expect(session().featureStore.onlineRecord('customers', 'e1')).toMatchObject({ deleted: false });
      await calls.delete('e1', eventTime, { TargetStores: ['OfflineStore'] });
    });

    test.each(rejectedStringEventTimes)('rejects %s in PutRecord and DeleteRecord: %s', async (_case, eventTime) => {
      await expectRejected(calls.putCustomer('c1', eventTime), ['EventTime', `'${eventTime}'`, 'event_time']);
      await expectRejected(calls.delete('c1', eventTime), ['EventTime', `'${eventTime}'`, 'event_time']);
    });
  });

  describe('Fractional event times: seconds since the epoch (A12)', () => {
    test.each(acceptedFractionalEventTimes)('accepts %s', async (ts) => {
      await calls.put({ FeatureGroupName: 'sensors', Record: featureValues({ sensor_id: 'e1', ts }) });
      expect(session().featureStore.onlineRecord('sensors', 'e1')).toMatchObject({ deleted: false });
    });

    test.each(rejectedFractionalEventTimes)('rejects %s in PutRecord and DeleteRecord: %s', async (_case, ts) => {
      // PutRecord checks ts as a Fractional value first, so the message may speak of the feature rather than the EventTime.
      await expectRejected(calls.put({ FeatureGroupName: 'sensors', Record: featureValues({ sensor_id: 's1', ts }) }), [
        `'${ts}'`,
        'feature ts',
      ]);
      await expectRejected(calls.delete('s1', ts, { FeatureGroupName: 'sensors' }), ['EventTime', `'${ts}'`]);
    });
  });

  describe('size quotas (spec §6.3)', () => {
    // The record size is the UTF-8 bytes of its values: 'c1' + the 20-character event time + city.
    const cityBytesAtLimit = 350 * 1024 - 2 - 20;

    test('a record of exactly 350 KB is accepted', async () => {
      await calls.putCustomer('c1', T_LATER, { city: long(cityBytesAtLimit) });
      expect(session().featureStore.onlineRecord('customers', 'c1')?.eventTime).toBe(T_LATER);
    });

    test('a record of 350 KB + 1 byte is rejected', async () => {
      await expectRejected(calls.putCustomer('c1', T_LATER, { city: long(cityBytesAtLimit + 1) }), [
        'Record',
        String(350 * 1024 + 1),
        'maximum record size',
      ]);
    });

    test('multi-byte characters count as their UTF-8 bytes', async () => {
      // 'é' is 2 bytes: half as many characters reach the limit.
      await expectRejected(calls.putCustomer('c1', T_LATER, { city: long(cityBytesAtLimit / 2 + 1, 'é') }), [
        'maximum record size',
      ]);
    });

    test('a record identifier of 2 KB is accepted in every operation', async () => {
      for (const id of [long(2048), long(1024, 'é')]) {
        await calls.putCustomer(id, T_LATER);
        expect((await calls.get(id)).Record).toHaveLength(2);
        await calls.delete(id, '2026-01-01T00:00:30Z');
      }
    });

    test.each([
      ['2049 ASCII characters', long(2049)],
      ['1025 two-byte characters', long(1025, 'é')],
    ])(
      'a record identifier over 2 KB (%s) is rejected in PutRecord, GetRecord, BatchGetRecord and DeleteRecord',
      async (_case, id) => {
        const message = ['record identifier', 'maximum record identifier size is 2048 bytes'];
        await expectRejected(calls.putCustomer(id, T_LATER), message);
        await expectRejected(calls.get(id), message);
        await expectRejected(
          calls.batchGet({
            Identifiers: [{ FeatureGroupName: 'customers', RecordIdentifiersValueAsString: ['c1', id] }],
          }),
          message,
        );
        await expectRejected(calls.delete(id, T_LATER), message);
      },
    );
  });

  test('checks values only after finding the group: an unknown group is reported first', async () => {
    await expectRejected(calls.putCustomer('c1', 'not a time', {}, { FeatureGroupName: 'nope' }), [
      'Resource Not Found',
    ]);
  });
});
