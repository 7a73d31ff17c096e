import { FeatureStoreError } from '../errors.js';
import type { FeatureGroup, FeatureMetadata } from '../feature-group.js';
import type { OperationContext } from '../operation-context.js';
import { resolveForControlPlane } from '../resolve-feature-group.js';
import type { DescribeFeatureMetadataOutput, FeatureDefinition } from '../shapes.js';
import { Constraints } from '../validation/constraints.js';
import { MAX_CONTROL_PLANE_NAME_OR_ARN } from '../validation/patterns.js';
import { asInputObject, checkFeatureGroupNameOrArn, checkFeatureName } from '../validation/request-shapes.js';

/** Checks `FeatureGroupName` and `FeatureName`, shared by Describe- and UpdateFeatureMetadata. */
export const checkFeatureReference = (c: Constraints, request: Record<string, unknown>): void => {
  checkFeatureGroupNameOrArn(c, request.FeatureGroupName, 'featureGroupName', MAX_CONTROL_PLANE_NAME_OR_ARN);
  checkFeatureName(c, request.FeatureName, 'featureName');
};

/** The group and the metadata of one of its features; ResourceNotFound for either missing. */
export const resolveFeature = (
  ctx: OperationContext,
  nameOrArn: string,
  featureName: string,
): { group: FeatureGroup; feature: FeatureDefinition; metadata: FeatureMetadata } => {
  const group = resolveForControlPlane(ctx, nameOrArn);
  const index = group.indexOf(featureName);
  const feature = index === undefined ? undefined : group.features[index];
  const metadata = group.featureMetadata.get(featureName);
  if (feature === undefined || metadata === undefined) {
    throw new FeatureStoreError(
      'ResourceNotFound',
      `Resource Not Found: Amazon SageMaker can't find a Feature with name ${featureName} in FeatureGroup ${group.name}`,
    );
  }
  return { group, feature, metadata };
};

/** DescribeFeatureMetadata: a feature's type, description and parameters. */
export const describeFeatureMetadata = (input: unknown, ctx: OperationContext): DescribeFeatureMetadataOutput => {
  const c = new Constraints();
  const request = asInputObject(c, input);
  checkFeatureReference(c, request);
  c.throwIfAny('ValidationException');
  const { group, feature, metadata } = resolveFeature(
    ctx,
    request.FeatureGroupName as string,
    request.FeatureName as string,
  );
  const output: DescribeFeatureMetadataOutput = {
    FeatureGroupArn: group.arn,
    FeatureGroupName: group.name,
    FeatureName: feature.FeatureName,
    FeatureType: feature.FeatureType,
    CreationTime: new Date(metadata.creationTime),
    LastModifiedTime: new Date(metadata.lastModifiedTime),
    Parameters: [...metadata.parameters].map(([Key, Value]) => ({ Key, Value })),
  };
  if (metadata.description !== undefined) output.Description = metadata.description;
  return output;
};
