import {
  CreateFeatureGroupCommand,
  DeleteFeatureGroupCommand,
  ListFeatureGroupsCommand,
  ResourceInUse,
  ResourceNotFound as SageMakerResourceNotFound,
  UpdateFeatureGroupCommand,
  type SageMakerClient,
} from '@aws-sdk/client-sagemaker';
import {
  GetRecordCommand,
  PutRecordCommand,
  ResourceNotFound,
  ValidationError,
} from '@aws-sdk/client-sagemaker-featurestore-runtime';
import { expectServiceError, featureValues } from '../conformance/helpers.js';
import { describeEachTarget } from '../support/targets.js';
import { createGroup, customersRequest, describeGroup, expectSageMakerError, validationException } from './helpers.js';

/** What applications write: poll DescribeFeatureGroup every second until the group leaves `status`. */
const waitWhileStatus = async (client: SageMakerClient, name: string, status: string) => {
  let polls = 0;
  for (;;) {
    polls++;
    const described = await describeGroup(client, name).catch((error: Error) => {
      if (error.name === 'ResourceNotFound') return undefined;
      throw error;
    });
    if (described?.FeatureGroupStatus !== status) return { status: described?.FeatureGroupStatus ?? 'gone', polls };
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
};

describeEachTarget('Feature groups are Created and gone at once by default', (session) => {
  test('Describe right after Create says Created; right after Delete, ResourceNotFound', async () => {
    const { sagemaker } = session();
    await createGroup(sagemaker, customersRequest());
    expect((await describeGroup(sagemaker, 'customers')).FeatureGroupStatus).toBe('Created');
    await sagemaker.send(new DeleteFeatureGroupCommand({ FeatureGroupName: 'customers' }));
    await expect(describeGroup(sagemaker, 'customers')).rejects.toBeInstanceOf(SageMakerResourceNotFound);
  });
});

describeEachTarget(
  'Feature groups pass through Creating and Deleting (featureGroupStatusDurations)',
  (session) => {
    const putC1 = () =>
      session().runtime.send(
        new PutRecordCommand({
          FeatureGroupName: 'customers',
          Record: featureValues({ customer_id: 'c1', event_time: '2026-01-01T00:00:00Z' }),
        }),
      );
    const getC1 = () =>
      session().runtime.send(
        new GetRecordCommand({ FeatureGroupName: 'customers', RecordIdentifierValueAsString: 'c1' }),
      );

    test('a Creating group is missing for the runtime API until the clock passes its creation time', async () => {
      const { sagemaker, featureStore } = session();
      featureStore.clock.set('2026-01-01T00:00:00Z');
      await createGroup(sagemaker, customersRequest());
      expect((await describeGroup(sagemaker, 'customers')).FeatureGroupStatus).toBe('Creating');
      await expectServiceError(putC1(), {
        type: ValidationError,
        name: 'ValidationError',
        status: 400,
        message: "Resource Not Found: Amazon SageMaker can't find a FeatureGroup with name customers",
      });
      await expectServiceError(getC1(), {
        type: ResourceNotFound,
        name: 'ResourceNotFound',
        status: 404,
        message: 'customers',
      });
      await expectSageMakerError(
        sagemaker.send(
          new UpdateFeatureGroupCommand({
            FeatureGroupName: 'customers',
            OnlineStoreConfig: { TtlDuration: { Unit: 'Days', Value: 1 } },
          }),
        ),
        validationException('FeatureGroup customers is Creating'),
      );
      await expectSageMakerError(
        sagemaker.send(new DeleteFeatureGroupCommand({ FeatureGroupName: 'customers' })),
        validationException('FeatureGroup customers is Creating'),
      );

      featureStore.clock.advance('4999ms');
      expect((await describeGroup(sagemaker, 'customers')).FeatureGroupStatus).toBe('Creating');
      featureStore.clock.advance('1ms');
      expect((await describeGroup(sagemaker, 'customers')).FeatureGroupStatus).toBe('Created');
      await putC1();
      expect((await getC1()).Record).toHaveLength(2);
    });

    test('a Deleting group keeps its name (ResourceInUse), lists as Deleting, and is gone after', async () => {
      const { sagemaker, featureStore } = session();
      featureStore.clock.set('2026-01-01T00:00:00Z');
      await createGroup(sagemaker, customersRequest());
      featureStore.clock.advance('5s');
      await putC1();
      await sagemaker.send(new DeleteFeatureGroupCommand({ FeatureGroupName: 'customers' }));

      expect((await describeGroup(sagemaker, 'customers')).FeatureGroupStatus).toBe('Deleting');
      await expectServiceError(getC1(), {
        type: ResourceNotFound,
        name: 'ResourceNotFound',
        status: 404,
        message: 'customers',
      });
      await expectSageMakerError(sagemaker.send(new CreateFeatureGroupCommand(customersRequest())), {
        type: ResourceInUse,
        name: 'ResourceInUse',
        message: 'already exists',
      });
      const deleting = await sagemaker.send(new ListFeatureGroupsCommand({ FeatureGroupStatusEquals: 'Deleting' }));
      expect(deleting.FeatureGroupSummaries?.map((s) => s.FeatureGroupName)).toEqual(['customers']);

      featureStore.clock.advance('2s');
      await expect(describeGroup(sagemaker, 'customers')).rejects.toBeInstanceOf(SageMakerResourceNotFound);
      await createGroup(sagemaker, customersRequest());
      expect((await describeGroup(sagemaker, 'customers')).FeatureGroupStatus).toBe('Creating');
    });

    test('code that polls DescribeFeatureGroup with setTimeout runs under jest fake timers', async () => {
      const { sagemaker } = session();
      jest.useFakeTimers({ now: new Date('2026-01-01T00:00:00Z') });
      // Step fake time until the polling loop ends; a call may also wait on real I/O (server mode).
      const settle = async <T>(running: Promise<T>): Promise<T> => {
        let done = false;
        const tracked = running.finally(() => (done = true));
        while (!done) await jest.advanceTimersByTimeAsync(1000);
        return tracked;
      };
      try {
        await createGroup(sagemaker, customersRequest());
        const created = await settle(waitWhileStatus(sagemaker, 'customers', 'Creating'));
        expect(created.status).toBe('Created');
        expect(created.polls).toBeGreaterThan(1);
        expect(Date.now() - Date.parse('2026-01-01T00:00:00Z')).toBeGreaterThanOrEqual(5000);

        const deleteTime = Date.now();
        await sagemaker.send(new DeleteFeatureGroupCommand({ FeatureGroupName: 'customers' }));
        const deleted = await settle(waitWhileStatus(sagemaker, 'customers', 'Deleting'));
        expect(deleted.status).toBe('gone');
        expect(deleted.polls).toBeGreaterThan(1);
        expect(Date.now() - deleteTime).toBeGreaterThanOrEqual(2000);
      } finally {
        jest.useRealTimers();
      }
    });
  },
  { behaviour: { featureGroupStatusDurations: { Creating: '5s', Deleting: '2s' } } },
);
