import {
  DescribeFeatureMetadataCommand,
  ResourceNotFound,
  UpdateFeatureGroupCommand,
  UpdateFeatureMetadataCommand,
  type UpdateFeatureMetadataCommandInput,
} from '@aws-sdk/client-sagemaker';
import { describeEachTarget } from '../support/targets.js';
import { createGroup, customersRequest, expectSageMakerError, validationException } from './helpers.js';

describeEachTarget('DescribeFeatureMetadata and UpdateFeatureMetadata', (session) => {
  const describeFeature = (FeatureName: string, FeatureGroupName = 'customers') =>
    session().sagemaker.send(new DescribeFeatureMetadataCommand({ FeatureGroupName, FeatureName }));
  const updateFeature = (input: Omit<UpdateFeatureMetadataCommandInput, 'FeatureGroupName'>) =>
    session().sagemaker.send(new UpdateFeatureMetadataCommand({ FeatureGroupName: 'customers', ...input }));

  beforeEach(async () => {
    session().featureStore.clock.set('2026-04-01T09:00:00Z');
    await createGroup(session().sagemaker, customersRequest());
  });

  test('a new feature has its type and creation time, no description and no parameters', async () => {
    const { $metadata: _metadata, ...described } = await describeFeature('age');
    expect(described).toEqual({
      FeatureGroupArn: 'arn:aws:sagemaker:us-east-1:123456789012:feature-group/customers',
      FeatureGroupName: 'customers',
      FeatureName: 'age',
      FeatureType: 'Integral',
      CreationTime: new Date('2026-04-01T09:00:00Z'),
      LastModifiedTime: new Date('2026-04-01T09:00:00Z'),
      Parameters: [],
    });
  });

  test('description and parameters: additions overwrite by key, removals drop keys', async () => {
    session().featureStore.clock.advance('1h');
    await updateFeature({
      FeatureName: 'age',
      Description: 'Age in years',
      ParameterAdditions: [
        { Key: 'unit', Value: 'years' },
        { Key: 'owner', Value: 'crm-team' },
      ],
    });
    await updateFeature({
      FeatureName: 'age',
      ParameterAdditions: [{ Key: 'owner', Value: 'data-platform' }],
      ParameterRemovals: ['unit', 'never-added'],
    });
    const described = await describeFeature('age');
    expect(described.Description).toBe('Age in years');
    expect(described.Parameters).toEqual([{ Key: 'owner', Value: 'data-platform' }]);
    expect(described.CreationTime).toEqual(new Date('2026-04-01T09:00:00Z'));
    expect(described.LastModifiedTime).toEqual(new Date('2026-04-01T10:00:00Z'));
    expect((await describeFeature('score')).Parameters).toEqual([]);
  });

  test('a feature added later has its own creation time', async () => {
    session().featureStore.clock.advance('2h');
    await session().sagemaker.send(
      new UpdateFeatureGroupCommand({
        FeatureGroupName: 'customers',
        FeatureAdditions: [{ FeatureName: 'segment', FeatureType: 'String' }],
      }),
    );
    const described = await describeFeature('segment');
    expect(described.FeatureType).toBe('String');
    expect(described.CreationTime).toEqual(new Date('2026-04-01T11:00:00Z'));
  });

  test('an unknown group or feature is ResourceNotFound', async () => {
    await expectSageMakerError(describeFeature('age', 'nope'), {
      type: ResourceNotFound,
      name: 'ResourceNotFound',
      message: "can't find a FeatureGroup with name nope",
    });
    await expectSageMakerError(describeFeature('height'), {
      type: ResourceNotFound,
      name: 'ResourceNotFound',
      message: "can't find a Feature with name height in FeatureGroup customers",
    });
    await expectSageMakerError(updateFeature({ FeatureName: 'height', Description: 'cm' }), {
      type: ResourceNotFound,
      name: 'ResourceNotFound',
      message: 'height',
    });
  });

  test('model limits: description 255, parameter text pattern, 25 parameters', async () => {
    await expectSageMakerError(
      updateFeature({ FeatureName: 'age', Description: 'x'.repeat(256) }),
      validationException(
        "at 'description' failed to satisfy constraint: Member must have length less than or equal to 255",
      ),
    );
    await expectSageMakerError(
      updateFeature({ FeatureName: 'age', ParameterAdditions: [{ Key: 'a;b', Value: 'v' }] }),
      validationException("Value 'a;b' at 'parameterAdditions.1.member.key' failed to satisfy constraint"),
    );
    const parameters = (from: number, count: number) =>
      Array.from({ length: count }, (_, i) => ({ Key: `k${from + i}`, Value: 'v' }));
    await updateFeature({ FeatureName: 'age', ParameterAdditions: parameters(0, 20) });
    await expectSageMakerError(
      updateFeature({ FeatureName: 'age', ParameterAdditions: parameters(20, 6) }),
      validationException('at most 25 parameters'),
    );
    expect((await describeFeature('age')).Parameters).toHaveLength(20);
  });
});
