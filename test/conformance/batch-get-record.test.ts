import { ValidationError } from '@aws-sdk/client-sagemaker-featurestore-runtime';
import { customersGroup } from '../support/fixtures.js';
import { describeEachTarget, localOnly } from '../support/targets.js';
import {
  expectServiceError,
  notFoundMessage,
  offlineOnlyGroup,
  runtimeCalls,
  NOW,
  T_LATER,
  T_STORED,
} from './helpers.js';

const ARN = 'arn:aws:sagemaker:us-east-1:123456789012:feature-group/customers';

describeEachTarget(
  'BatchGetRecord',
  (session) => {
    const calls = runtimeCalls(session);

    beforeEach(async () => {
      session().featureStore.createFeatureGroup(customersGroup());
      session().featureStore.createFeatureGroup(customersGroup({ FeatureGroupName: 'orders' }));
      session().featureStore.clock.set(NOW);
      await calls.putCustomer('c1', T_STORED, { city: 'Paris' });
      await calls.putCustomer('c2', T_STORED, { city: 'Rome', age: '30' });
      await calls.putCustomer('o1', T_STORED, { city: 'Oslo' }, { FeatureGroupName: 'orders' });
    });

    test('always answers with Records, Errors and UnprocessedIdentifiers, even when they are empty', async () => {
      const none = await calls.batchGet({
        Identifiers: [{ FeatureGroupName: 'customers', RecordIdentifiersValueAsString: ['missing'] }],
      });
      expect(none).toEqual({
        $metadata: expect.objectContaining({ httpStatusCode: 200 }),
        Records: [],
        Errors: [],
        UnprocessedIdentifiers: [],
      });
    });

    test('returns found records in request order across groups, echoing group and identifier', async () => {
      const out = await calls.batchGet({
        Identifiers: [
          { FeatureGroupName: 'customers', RecordIdentifiersValueAsString: ['c2', 'missing', 'c1'] },
          { FeatureGroupName: 'orders', RecordIdentifiersValueAsString: ['o1'] },
        ],
      });
      expect(out.Records).toEqual([
        {
          FeatureGroupName: 'customers',
          RecordIdentifierValueAsString: 'c2',
          Record: [
            { FeatureName: 'customer_id', ValueAsString: 'c2' },
            { FeatureName: 'event_time', ValueAsString: T_STORED },
            { FeatureName: 'age', ValueAsString: '30' },
            { FeatureName: 'city', ValueAsString: 'Rome' },
          ],
        },
        {
          FeatureGroupName: 'customers',
          RecordIdentifierValueAsString: 'c1',
          Record: [
            { FeatureName: 'customer_id', ValueAsString: 'c1' },
            { FeatureName: 'event_time', ValueAsString: T_STORED },
            { FeatureName: 'city', ValueAsString: 'Paris' },
          ],
        },
        {
          FeatureGroupName: 'orders',
          RecordIdentifierValueAsString: 'o1',
          Record: [
            { FeatureName: 'customer_id', ValueAsString: 'o1' },
            { FeatureName: 'event_time', ValueAsString: T_STORED },
            { FeatureName: 'city', ValueAsString: 'Oslo' },
          ],
        },
      ]);
      expect(out.Errors).toEqual([]);
      expect(out.UnprocessedIdentifiers).toEqual([]);
    });

    test('missing, soft-deleted, hard-deleted and expired records are left out silently', async () => {
      await calls.putCustomer('soft', T_STORED);
      await calls.delete('soft', T_LATER);
      await calls.putCustomer('hard', T_STORED);
      await calls.delete('hard', T_LATER, { DeletionMode: 'HardDelete' });
      await calls.putCustomer('expired', T_STORED, {}, { TtlDuration: { Unit: 'Minutes', Value: 1 } });
      const out = await calls.batchGet({
        Identifiers: [
          { FeatureGroupName: 'customers', RecordIdentifiersValueAsString: ['soft', 'hard', 'expired', 'never', 'c1'] },
        ],
      });
      expect(out.Records?.map((r) => r.RecordIdentifierValueAsString)).toEqual(['c1']);
      expect(out.Errors).toEqual([]);
    });

    test('a repeated identifier is answered once (A26)', async () => {
      const out = await calls.batchGet({
        Identifiers: [{ FeatureGroupName: 'customers', RecordIdentifiersValueAsString: ['c1', 'c2', 'c1'] }],
      });
      expect(out.Records?.map((r) => r.RecordIdentifierValueAsString)).toEqual(['c1', 'c2']);
    });

    localOnly('account-ids')('echoes FeatureGroupName as sent: an ARN stays an ARN (A32)', async () => {
      const out = await calls.batchGet({
        Identifiers: [{ FeatureGroupName: ARN, RecordIdentifiersValueAsString: ['c1'] }],
      });
      expect(out.Records).toEqual([
        expect.objectContaining({ FeatureGroupName: ARN, RecordIdentifierValueAsString: 'c1' }),
      ]);
    });

    test('applies each identifier its own FeatureNames; a named feature with no value is left out', async () => {
      const out = await calls.batchGet({
        Identifiers: [
          {
            FeatureGroupName: 'customers',
            RecordIdentifiersValueAsString: ['c1', 'c2'],
            FeatureNames: ['age', 'city'],
          },
          { FeatureGroupName: 'orders', RecordIdentifiersValueAsString: ['o1'], FeatureNames: ['customer_id'] },
        ],
      });
      expect(out.Records?.map((r) => r.Record)).toEqual([
        [{ FeatureName: 'city', ValueAsString: 'Paris' }],
        [
          { FeatureName: 'age', ValueAsString: '30' },
          { FeatureName: 'city', ValueAsString: 'Rome' },
        ],
        [{ FeatureName: 'customer_id', ValueAsString: 'o1' }],
      ]);
    });

    test('an unknown group gives one Errors entry per identifier, ResourceNotFound, and the others are still read (A6)', async () => {
      const out = await calls.batchGet({
        Identifiers: [
          { FeatureGroupName: 'nope', RecordIdentifiersValueAsString: ['x1', 'x2'] },
          { FeatureGroupName: 'customers', RecordIdentifiersValueAsString: ['c1'] },
        ],
      });
      expect(out.Errors).toEqual([
        {
          FeatureGroupName: 'nope',
          RecordIdentifierValueAsString: 'x1',
          ErrorCode: 'ResourceNotFound',
          ErrorMessage: expect.stringMatching(notFoundMessage('nope')),
        },
        {
          FeatureGroupName: 'nope',
          RecordIdentifierValueAsString: 'x2',
          ErrorCode: 'ResourceNotFound',
          ErrorMessage: expect.stringMatching(notFoundMessage('nope')),
        },
      ]);
      expect(out.Records?.map((r) => r.RecordIdentifierValueAsString)).toEqual(['c1']);
      expect(out.UnprocessedIdentifiers).toEqual([]);
    });

    localOnly('account-ids')('the ARN of another region is an unknown group too', async () => {
      const other = 'arn:aws:sagemaker:eu-west-1:123456789012:feature-group/customers';
      const out = await calls.batchGet({
        Identifiers: [{ FeatureGroupName: other, RecordIdentifiersValueAsString: ['c1'] }],
      });
      expect(out.Records).toEqual([]);
      expect(out.Errors).toEqual([expect.objectContaining({ FeatureGroupName: other, ErrorCode: 'ResourceNotFound' })]);
    });

    test('a group that cannot be read (offline only) or an undefined FeatureName fails that identifier as ValidationError entries (INF)', async () => {
      session().featureStore.createFeatureGroup(offlineOnlyGroup());
      const out = await calls.batchGet({
        Identifiers: [
          { FeatureGroupName: 'offline-only', RecordIdentifiersValueAsString: ['c1'] },
          { FeatureGroupName: 'orders', RecordIdentifiersValueAsString: ['o1'], FeatureNames: ['nope'] },
          { FeatureGroupName: 'customers', RecordIdentifiersValueAsString: ['c1'] },
        ],
      });
      expect(out.Errors).toEqual([
        expect.objectContaining({
          FeatureGroupName: 'offline-only',
          RecordIdentifierValueAsString: 'c1',
          ErrorCode: 'ValidationError',
        }),
        expect.objectContaining({
          FeatureGroupName: 'orders',
          RecordIdentifierValueAsString: 'o1',
          ErrorCode: 'ValidationError',
        }),
      ]);
      expect(out.Errors?.[1]?.ErrorMessage).toContain('nope');
      expect(out.Records?.map((r) => r.RecordIdentifierValueAsString)).toEqual(['c1']);
    });

    describe('the 100-record limit', () => {
      const ids = (count: number, prefix = 'id') => Array.from({ length: count }, (_, i) => `${prefix}${i}`);

      test('100 records over several identifiers are accepted', async () => {
        const out = await calls.batchGet({
          Identifiers: [
            { FeatureGroupName: 'customers', RecordIdentifiersValueAsString: [...ids(49), 'c1'] },
            { FeatureGroupName: 'orders', RecordIdentifiersValueAsString: [...ids(49), 'o1'] },
          ],
        });
        expect(out.Records).toHaveLength(2);
      });

      test('more than 100 records in total is a ValidationError, even when each identifier is within its own limit (A27)', async () => {
        await expectServiceError(
          calls.batchGet({
            Identifiers: [
              { FeatureGroupName: 'customers', RecordIdentifiersValueAsString: ids(51) },
              { FeatureGroupName: 'orders', RecordIdentifiersValueAsString: ids(50) },
            ],
          }),
          { type: ValidationError, name: 'ValidationError', status: 400, message: ['identifiers', '101'] },
        );
      });
    });
  },
  { remote: true },
);
