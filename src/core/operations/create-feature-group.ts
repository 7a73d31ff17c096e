import { FeatureStoreError } from '../errors.js';
import { FeatureGroup } from '../feature-group.js';
import { beginCreating, settleStatus, settledGroupsInScope } from '../feature-group-lifecycle.js';
import type { OperationContext } from '../operation-context.js';
import type { CreateFeatureGroupInput, CreateFeatureGroupOutput, FeatureDefinition } from '../shapes.js';
import { Constraints } from '../validation/constraints.js';
import {
  COLLECTION_TYPES,
  FEATURE_GROUP_NAME,
  FEATURE_GROUP_NAME_PATTERN_TEXT,
  FEATURE_TYPES,
  RESERVED_FEATURE_NAMES,
  STORAGE_TYPES,
  TABLE_FORMATS,
} from '../validation/patterns.js';
import { asInputObject, checkFeatureName, checkTtlDuration } from '../validation/request-shapes.js';
import { checkThroughputMode, checkThroughputShape } from '../throughput-config.js';

const ROLE_ARN = /^arn:aws[a-z-]*:iam::\d{12}:role\/?[a-zA-Z_0-9+=,.@\-_/]+$/;

/** The SageMaker control plane reports rule violations with the unmodelled `ValidationException` (spec §3.4). */
const invalid = (message: string): FeatureStoreError => new FeatureStoreError('ValidationException', message);

export const checkFeatureDefinitions = (c: Constraints, value: unknown, path: string, max: number): void => {
  if (!c.present(value, path, 'array')) return;
  const definitions = value as unknown[];
  c.count(definitions, path, 1, max);
  definitions.forEach((item, i) => {
    const itemPath = `${path}.${i + 1}.member`;
    if (!c.present(item, itemPath, 'object')) return;
    const definition = item as Record<string, unknown>;
    checkFeatureName(c, definition.FeatureName, `${itemPath}.featureName`);
    if (c.present(definition.FeatureType, `${itemPath}.featureType`, 'string')) {
      c.oneOf(definition.FeatureType, `${itemPath}.featureType`, FEATURE_TYPES);
    }
    if (c.optional(definition.CollectionType, `${itemPath}.collectionType`, 'string')) {
      c.oneOf(definition.CollectionType, `${itemPath}.collectionType`, COLLECTION_TYPES);
    }
    if (c.optional(definition.CollectionConfig, `${itemPath}.collectionConfig`, 'object')) {
      const vector = (definition.CollectionConfig as Record<string, unknown>).VectorConfig;
      const vectorPath = `${itemPath}.collectionConfig.vectorConfig`;
      if (c.present(vector, vectorPath, 'object')) {
        const dimension = (vector as Record<string, unknown>).Dimension;
        if (c.present(dimension, `${vectorPath}.dimension`, 'number')) {
          c.range(dimension as number, `${vectorPath}.dimension`, 1, 8192);
        }
      }
    }
  });
};

const checkShape = (c: Constraints, request: Record<string, unknown>): void => {
  if (c.present(request.FeatureGroupName, 'featureGroupName', 'string')) {
    const name = request.FeatureGroupName as string;
    if (c.length(name, 'featureGroupName', 1, 64)) {
      c.pattern(name, 'featureGroupName', FEATURE_GROUP_NAME, FEATURE_GROUP_NAME_PATTERN_TEXT);
    }
  }
  checkFeatureName(c, request.RecordIdentifierFeatureName, 'recordIdentifierFeatureName');
  checkFeatureName(c, request.EventTimeFeatureName, 'eventTimeFeatureName');
  checkFeatureDefinitions(c, request.FeatureDefinitions, 'featureDefinitions', 2500);
  if (c.optional(request.OnlineStoreConfig, 'onlineStoreConfig', 'object')) {
    const online = request.OnlineStoreConfig as Record<string, unknown>;
    c.optional(online.EnableOnlineStore, 'onlineStoreConfig.enableOnlineStore', 'boolean');
    checkTtlDuration(c, online.TtlDuration, 'onlineStoreConfig.ttlDuration');
    if (c.optional(online.StorageType, 'onlineStoreConfig.storageType', 'string')) {
      c.oneOf(online.StorageType, 'onlineStoreConfig.storageType', STORAGE_TYPES);
    }
  }
  if (c.optional(request.OfflineStoreConfig, 'offlineStoreConfig', 'object')) {
    const offline = request.OfflineStoreConfig as Record<string, unknown>;
    if (c.present(offline.S3StorageConfig, 'offlineStoreConfig.s3StorageConfig', 'object')) {
      const s3 = offline.S3StorageConfig as Record<string, unknown>;
      if (c.present(s3.S3Uri, 'offlineStoreConfig.s3StorageConfig.s3Uri', 'string')) {
        c.pattern(
          s3.S3Uri as string,
          'offlineStoreConfig.s3StorageConfig.s3Uri',
          /^(https|s3):\/\/.+/,
          '^(https|s3)://([^/]+)/?(.*)$',
        );
      }
    }
    if (c.optional(offline.TableFormat, 'offlineStoreConfig.tableFormat', 'string')) {
      c.oneOf(offline.TableFormat, 'offlineStoreConfig.tableFormat', TABLE_FORMATS);
    }
    c.optional(offline.DisableGlueTableCreation, 'offlineStoreConfig.disableGlueTableCreation', 'boolean');
    if (c.optional(offline.DataCatalogConfig, 'offlineStoreConfig.dataCatalogConfig', 'object')) {
      const catalog = offline.DataCatalogConfig as Record<string, unknown>;
      for (const member of ['TableName', 'Catalog', 'Database'] as const) {
        const path = `offlineStoreConfig.dataCatalogConfig.${member.charAt(0).toLowerCase()}${member.slice(1)}`;
        if (c.present(catalog[member], path, 'string')) c.length(catalog[member] as string, path, 1, 255);
      }
    }
  }
  checkThroughputShape(c, request.ThroughputConfig, 'throughputConfig', true);
  if (c.optional(request.RoleArn, 'roleArn', 'string') && c.length(request.RoleArn as string, 'roleArn', 20, 2048)) {
    c.pattern(
      request.RoleArn as string,
      'roleArn',
      ROLE_ARN,
      'arn:aws[a-z\\-]*:iam::\\d{12}:role/?[a-zA-Z_0-9+=,.@\\-_/]+',
    );
  }
  if (c.optional(request.Description, 'description', 'string'))
    c.length(request.Description as string, 'description', 0, 128);
  if (c.optional(request.Tags, 'tags', 'array')) c.count(request.Tags as unknown[], 'tags', 0, 50);
};

/** The rules CreateFeatureGroup enforces beyond the model's shape constraints (spec §5). */
export const checkFeatureGroupRules = (request: CreateFeatureGroupInput): void => {
  const { FeatureDefinitions: features, RecordIdentifierFeatureName, EventTimeFeatureName } = request;
  const names = new Set<string>();
  for (const feature of features) {
    if (RESERVED_FEATURE_NAMES.includes(feature.FeatureName.toLowerCase())) {
      throw invalid(
        `The feature name ${feature.FeatureName} is reserved: ${RESERVED_FEATURE_NAMES.join(', ')} can't be feature names.`,
      );
    }
    if (names.has(feature.FeatureName.toLowerCase())) {
      throw invalid(`The feature name ${feature.FeatureName} is defined more than once in FeatureDefinitions.`);
    }
    names.add(feature.FeatureName.toLowerCase());
  }
  const byName = (name: string): FeatureDefinition | undefined => features.find((f) => f.FeatureName === name);
  const recordIdentifier = byName(RecordIdentifierFeatureName);
  if (recordIdentifier === undefined) {
    throw invalid(
      `The RecordIdentifierFeatureName ${RecordIdentifierFeatureName} must be one of the FeatureDefinitions.`,
    );
  }
  const eventTime = byName(EventTimeFeatureName);
  if (eventTime === undefined) {
    throw invalid(`The EventTimeFeatureName ${EventTimeFeatureName} must be one of the FeatureDefinitions.`);
  }
  if (eventTime.FeatureType === 'Integral') {
    throw invalid(
      `The EventTimeFeatureName ${EventTimeFeatureName} must be of FeatureType String or Fractional, not Integral.`,
    );
  }
  for (const identity of [recordIdentifier, eventTime]) {
    if (identity.CollectionType !== undefined) {
      throw invalid(
        `The feature ${identity.FeatureName} is the record identifier or event time and can't be a collection type.`,
      );
    }
  }
  const online = request.OnlineStoreConfig;
  const onlineEnabled = online?.EnableOnlineStore === true;
  const storageType = online?.StorageType ?? 'Standard';
  if (!onlineEnabled && request.OfflineStoreConfig === undefined) {
    throw invalid(
      'Validation Error: OnlineStore and OfflineStore cannot be both disabled. Please enable at least one of them and retry the request.',
    );
  }
  if (request.OfflineStoreConfig?.TableFormat === 'Iceberg' && eventTime.FeatureType !== 'String') {
    throw invalid(
      `Feature groups in the Iceberg table format need a String event time; ${EventTimeFeatureName} is ${eventTime.FeatureType}.`,
    );
  }
  if (
    request.OfflineStoreConfig?.TableFormat === 'Iceberg' &&
    request.OfflineStoreConfig.DisableGlueTableCreation === true
  ) {
    throw invalid('The Iceberg TableFormat is supported only when DisableGlueTableCreation is false.');
  }
  checkThroughputMode(request.ThroughputConfig?.ThroughputMode, onlineEnabled, storageType);
  if (onlineEnabled && storageType === 'InMemory' && request.OfflineStoreConfig !== undefined) {
    throw invalid('An OnlineStore with the InMemory StorageType does not support an OfflineStore.');
  }
  const collections = features.filter((f) => f.CollectionType !== undefined);
  if (collections.length > 0 && !(onlineEnabled && storageType === 'InMemory')) {
    throw invalid(
      `The feature ${(collections[0] as FeatureDefinition).FeatureName} has a CollectionType; only InMemory online store feature groups support collection types.`,
    );
  }
  const vectors = collections.filter((f) => f.CollectionType === 'Vector');
  if (vectors.length > 1) throw invalid('A feature group can have at most one Vector collection type.');
  for (const feature of collections) {
    const hasVectorConfig = feature.CollectionConfig?.VectorConfig !== undefined;
    if (feature.CollectionType === 'Vector' && (feature.FeatureType !== 'Fractional' || !hasVectorConfig)) {
      throw invalid(
        `The Vector feature ${feature.FeatureName} must be Fractional and have a CollectionConfig.VectorConfig.Dimension.`,
      );
    }
    if (feature.CollectionType !== 'Vector' && hasVectorConfig) {
      throw invalid(
        `The feature ${feature.FeatureName} has a VectorConfig but its CollectionType is ${feature.CollectionType}.`,
      );
    }
  }
};

/** CreateFeatureGroup: declare a group in the caller's region and account. */
export const createFeatureGroup = (input: unknown, ctx: OperationContext): CreateFeatureGroupOutput => {
  const c = new Constraints();
  const request = asInputObject(c, input);
  checkShape(c, request);
  c.throwIfAny('ValidationException');
  const definition = request as unknown as CreateFeatureGroupInput;
  checkFeatureGroupRules(definition);
  const existing = ctx.registry.get(ctx.scope, definition.FeatureGroupName);
  if (existing !== undefined) settleStatus(ctx.registry, existing, ctx.now);
  // A group that is still Deleting keeps its name until it is gone.
  if (ctx.registry.get(ctx.scope, definition.FeatureGroupName) !== undefined) {
    throw new FeatureStoreError(
      'ResourceInUse',
      `Resource Already Exists: FeatureGroup with name ${definition.FeatureGroupName} already exists. Choose a different name.`,
    );
  }
  const limit = ctx.behaviour.featureGroupLimit;
  const count = settledGroupsInScope(ctx).length;
  if (count >= limit) {
    throw new FeatureStoreError(
      'ResourceLimitExceeded',
      `The account-level service limit 'Maximum number of feature groups' is ${limit} FeatureGroups, with current utilization of ${count} FeatureGroups and a request delta of 1 FeatureGroups. Please use AWS Service Quotas to request an increase for this quota.`,
    );
  }
  const group = new FeatureGroup(definition, ctx.scope, ctx.now);
  beginCreating(ctx, group);
  ctx.registry.add(group);
  return { FeatureGroupArn: group.arn };
};
