import {
  ResourceNotFound,
  SageMakerFeatureStoreRuntimeServiceException,
  ValidationError,
} from '@aws-sdk/client-sagemaker-featurestore-runtime';
import { customersGroup } from '../support/fixtures.js';
import { describeEachTarget, localOnly } from '../support/targets.js';
import { expectServiceError, notFoundMessage, runtimeCalls, NOW, T_LATER, T_STORED } from './helpers.js';

describeEachTarget(
  'errors',
  (session) => {
    const calls = runtimeCalls(session);

    beforeEach(() => {
      session().featureStore.createFeatureGroup(customersGroup());
      session().featureStore.clock.set(NOW);
    });

    test('arrive as the SDK’s own exception classes, with $fault, $metadata and no leftover Message member', async () => {
      const error = await expectServiceError(calls.get('c1', { FeatureGroupName: 'nope' }), {
        type: ResourceNotFound,
        name: 'ResourceNotFound',
        status: 404,
        message: notFoundMessage('nope'),
      });
      expect(error.$metadata.requestId).toMatch(/^[0-9a-f-]{36}$/);
      expect(error).not.toHaveProperty('Message');
    });

    test('each call gets its own request id', async () => {
      const first = await calls.putCustomer('c1', T_STORED);
      const second = await calls.putCustomer('c1', T_LATER);
      expect(first.$metadata.requestId).not.toBe(second.$metadata.requestId);
    });

    describe('an unknown feature group, per operation', () => {
      test('PutRecord: ValidationError, 400 (the operation models no ResourceNotFound; A4)', async () => {
        await expectServiceError(calls.putCustomer('c1', T_STORED, {}, { FeatureGroupName: 'nope' }), {
          type: ValidationError,
          name: 'ValidationError',
          status: 400,
          message: notFoundMessage('nope'),
        });
      });

      test('DeleteRecord: ValidationError, 400 (A4)', async () => {
        await expectServiceError(calls.delete('c1', T_STORED, { FeatureGroupName: 'nope' }), {
          type: ValidationError,
          name: 'ValidationError',
          status: 400,
          message: notFoundMessage('nope'),
        });
      });

      test('GetRecord: ResourceNotFound, 404 (A5)', async () => {
        await expectServiceError(calls.get('c1', { FeatureGroupName: 'nope' }), {
          type: ResourceNotFound,
          name: 'ResourceNotFound',
          status: 404,
          message: notFoundMessage('nope'),
        });
      });

      test('BatchGetRecord: 200 with an Errors entry per identifier (A6)', async () => {
        const out = await calls.batchGet({
          Identifiers: [{ FeatureGroupName: 'nope', RecordIdentifiersValueAsString: ['c1'] }],
        });
        expect(out.Errors).toEqual([
          {
            FeatureGroupName: 'nope',
            RecordIdentifierValueAsString: 'c1',
            ErrorCode: 'ResourceNotFound',
            ErrorMessage: expect.stringMatching(notFoundMessage('nope')),
          },
        ]);
      });
    });

    localOnly('emulator-extension')(
      'a group of that name in another region is named in the message, to explain a misconfigured client',
      async () => {
        session().featureStore.createFeatureGroup(customersGroup({ FeatureGroupName: 'elsewhere' }), {
          region: 'eu-west-1',
        });
        await expectServiceError(calls.get('c1', { FeatureGroupName: 'elsewhere' }), {
          type: ResourceNotFound,
          name: 'ResourceNotFound',
          status: 404,
          message: [notFoundMessage('elsewhere'), 'us-east-1', 'eu-west-1'],
        });
      },
    );

    test('a stale HardDelete is the modelled ValidationError by default, a subclass of the base exception (A3; the switch to the unmodelled ValidationException is in delete-record.test.ts)', async () => {
      await calls.putCustomer('c1', T_STORED);
      const error = await expectServiceError(calls.delete('c1', T_STORED, { DeletionMode: 'HardDelete' }), {
        type: ValidationError,
        name: 'ValidationError',
        status: 400,
        message: 'EventTime',
      });
      expect(error).toBeInstanceOf(SageMakerFeatureStoreRuntimeServiceException);
    });
  },
  { remote: true },
);
