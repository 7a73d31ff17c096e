import { ResourceNotFound, ValidationError } from '@aws-sdk/client-sagemaker-featurestore-runtime';
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

describeEachTarget(
  'GetRecord',
  (session) => {
    const calls = runtimeCalls(session);

    beforeEach(() => {
      session().featureStore.createFeatureGroup(customersGroup());
      session().featureStore.clock.set(NOW);
    });

    test('returns the features that have a value, in FeatureDefinitions order (A9), and no ExpiresAt', async () => {
      await calls.putCustomer('c1', T_STORED, { city: 'Paris', age: '42' });
      const got = await calls.get('c1');
      expect(got).toEqual({
        $metadata: expect.objectContaining({ httpStatusCode: 200 }),
        Record: [
          { FeatureName: 'customer_id', ValueAsString: 'c1' },
          { FeatureName: 'event_time', ValueAsString: T_STORED },
          { FeatureName: 'age', ValueAsString: '42' },
          { FeatureName: 'city', ValueAsString: 'Paris' },
        ],
      });
    });

    describe('an empty result (no Record member) for a record that is not there', () => {
      test.each([
        ['never written', async () => {}],
        ['written to another identifier', async () => void (await calls.putCustomer('c2', T_STORED))],
        [
          'soft-deleted',
          async () => {
            await calls.putCustomer('c1', T_STORED);
            await calls.delete('c1', T_LATER);
          },
        ],
        [
          'hard-deleted',
          async () => {
            await calls.putCustomer('c1', T_STORED);
            await calls.delete('c1', T_LATER, { DeletionMode: 'HardDelete' });
          },
        ],
        [
          'expired',
          async () => {
            await calls.putCustomer('c1', T_STORED, {}, { TtlDuration: { Unit: 'Seconds', Value: 1 } });
          },
        ],
      ])('%s', async (_case, arrange) => {
        await arrange();
        const got = await calls.get('c1', { ExpirationTimeResponse: 'Enabled' });
        expect(got).toEqual({ $metadata: expect.objectContaining({ httpStatusCode: 200 }) });
      });
    });

    test('matches the record identifier as exact text (A10)', async () => {
      await calls.putCustomer('1', T_STORED);
      expect(await calls.get('1.0')).not.toHaveProperty('Record');
      expect(await calls.get(' 1')).not.toHaveProperty('Record');
      expect((await calls.get('1')).Record).toHaveLength(2);
    });

    test('record identifiers with characters the URL must escape round-trip', async () => {
      const id = 'a b/c&d?e=f%20ü#';
      await calls.putCustomer(id, T_STORED);
      expect((await calls.get(id)).Record).toContainEqual({ FeatureName: 'customer_id', ValueAsString: id });
    });

    describe('FeatureNames', () => {
      beforeEach(async () => {
        await calls.putCustomer('c1', T_STORED, { age: '42', score: '0.5', city: 'Paris' });
      });

      test('returns only the named features, in FeatureDefinitions order whatever the request order (A9)', async () => {
        const got = await calls.get('c1', { FeatureNames: ['city', 'customer_id', 'age'] });
        expect(got.Record).toEqual([
          { FeatureName: 'customer_id', ValueAsString: 'c1' },
          { FeatureName: 'age', ValueAsString: '42' },
          { FeatureName: 'city', ValueAsString: 'Paris' },
        ]);
      });

      test('a named feature that has no value is left out; none with a value gives Record: [] (A25)', async () => {
        await calls.putCustomer('c2', T_STORED, { city: 'Rome' });
        expect((await calls.get('c2', { FeatureNames: ['age', 'city'] })).Record).toEqual([
          { FeatureName: 'city', ValueAsString: 'Rome' },
        ]);
        const got = await calls.get('c2', { FeatureNames: ['age', 'score'] });
        expect(got.Record).toEqual([]);
      });

      test('an empty list never reaches the service, so it reads as no filter', async () => {
        expect((await calls.get('c1', { FeatureNames: [] })).Record).toHaveLength(5);
      });

      test('a name the group does not define is a ValidationError naming it (A8)', async () => {
        await expectServiceError(calls.get('c1', { FeatureNames: ['city', 'ctiy'] }), {
          type: ValidationError,
          name: 'ValidationError',
          status: 400,
          message: ['ctiy', 'customers'],
        });
      });
    });

    describe('FeatureGroupName', () => {
      beforeEach(async () => {
        await calls.putCustomer('c1', T_STORED);
      });

      localOnly('account-ids')('accepts the ARN and a name in another case (A28)', async () => {
        const arn = 'arn:aws:sagemaker:us-east-1:123456789012:feature-group/customers';
        expect((await calls.get('c1', { FeatureGroupName: arn })).Record).toHaveLength(2);
        expect((await calls.get('c1', { FeatureGroupName: 'Customers' })).Record).toHaveLength(2);
      });

      localOnly('account-ids').each([
        ['an unknown name', 'nope'],
        ['the ARN of another region', 'arn:aws:sagemaker:eu-west-1:123456789012:feature-group/customers'],
        ['the ARN of another account', 'arn:aws:sagemaker:us-east-1:999999999999:feature-group/customers'],
      ])('%s is ResourceNotFound, 404 (A5)', async (_case, FeatureGroupName) => {
        await expectServiceError(calls.get('c1', { FeatureGroupName }), {
          type: ResourceNotFound,
          name: 'ResourceNotFound',
          status: 404,
          message: notFoundMessage(FeatureGroupName),
        });
      });

      test('a group with no online store is a ValidationError (A30)', async () => {
        session().featureStore.createFeatureGroup(offlineOnlyGroup());
        await expectServiceError(calls.get('c1', { FeatureGroupName: 'offline-only' }), {
          type: ValidationError,
          name: 'ValidationError',
          status: 400,
          message: ['offline-only', 'OnlineStore'],
        });
      });
    });
  },
  { remote: true },
);

describeEachTarget(
  'GetRecord with behaviour.unknownFeatureNames = "ignore"',
  (session) => {
    const calls = runtimeCalls(session);

    test('names the group does not define are ignored (A8 switch)', async () => {
      session().featureStore.createFeatureGroup(customersGroup());
      await calls.putCustomer('c1', T_STORED, { city: 'Paris' });
      expect((await calls.get('c1', { FeatureNames: ['city', 'ctiy'] })).Record).toEqual([
        { FeatureName: 'city', ValueAsString: 'Paris' },
      ]);
    });
  },
  { behaviour: { unknownFeatureNames: 'ignore' } },
);
