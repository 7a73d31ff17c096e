import {
  CreateTrainingJobCommand,
  ListFeatureGroupsCommand,
  ListModelsCommand,
  SageMakerClient,
  SageMakerServiceException,
} from '@aws-sdk/client-sagemaker';
import { mockFeatureStore, type FeatureStoreMock } from '../../src/index.js';

/**
 * SageMaker commands other than the feature-group ones are not emulated. They must fail
 * loudly, as the SDK's base exception naming the operation, and never reach the network.
 */
describe('SageMaker commands the emulator does not implement', () => {
  let featureStore: FeatureStoreMock;
  beforeEach(() => {
    featureStore = mockFeatureStore();
  });
  afterEach(() => {
    featureStore.restore();
  });

  const clientWithNetworkSpy = () => {
    const handle = jest.fn(() => Promise.reject(new Error('the request reached the network layer')));
    const client = new SageMakerClient({ region: 'us-east-1', maxAttempts: 1, requestHandler: { handle } });
    return { client, handle };
  };

  test.each([
    ['ListModels', () => new ListModelsCommand({})],
    [
      'CreateTrainingJob',
      () =>
        new CreateTrainingJobCommand({
          TrainingJobName: 'train',
          AlgorithmSpecification: { TrainingInputMode: 'File', TrainingImage: 'image' },
          RoleArn: 'arn:aws:iam::123456789012:role/Role',
          OutputDataConfig: { S3OutputPath: 's3://bucket/out' },
          ResourceConfig: { InstanceType: 'ml.m5.large', InstanceCount: 1, VolumeSizeInGB: 1 },
          StoppingCondition: { MaxRuntimeInSeconds: 60 },
        }),
    ],
  ])('%s fails as UnknownOperationException and never reaches the network', async (operation, command) => {
    const { client, handle } = clientWithNetworkSpy();
    const error: unknown = await client.send(command() as never).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SageMakerServiceException);
    const serviceError = error as SageMakerServiceException;
    expect(serviceError.constructor).toBe(SageMakerServiceException);
    expect(serviceError.name).toBe('UnknownOperationException');
    expect(serviceError.message).toContain(`does not implement the SageMaker operation ${operation}`);
    expect(serviceError.message).toContain('CreateFeatureGroup, DescribeFeatureGroup, UpdateFeatureGroup');
    expect(serviceError.$metadata.attempts).toBe(1);
    expect(handle).not.toHaveBeenCalled();
  });

  test('feature-group commands on the same client are answered by the emulator, not the network', async () => {
    const { client, handle } = clientWithNetworkSpy();
    await client.send(new ListModelsCommand({})).catch(() => undefined);
    const listed = await client.send(new ListFeatureGroupsCommand({}));
    expect(listed.FeatureGroupSummaries).toEqual([]);
    expect(handle).not.toHaveBeenCalled();
  });
});
