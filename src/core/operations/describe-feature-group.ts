import { FeatureStoreError } from '../errors.js';
import type { FeatureGroup } from '../feature-group.js';
import type { OperationContext } from '../operation-context.js';
import { resolveForControlPlane } from '../resolve-feature-group.js';
import type {
  DescribeFeatureGroupOutput,
  OfflineStoreConfig,
  OfflineStoreStatusValue,
  OnlineStoreConfig,
} from '../shapes.js';
import { Constraints } from '../validation/constraints.js';
import { MAX_CONTROL_PLANE_NAME_OR_ARN, utf8Length } from '../validation/patterns.js';
import { asInputObject, checkFeatureGroupNameOrArn } from '../validation/request-shapes.js';

/** The Glue database and catalog Feature Store registers offline tables in, when it creates them. */
export const GLUE_DATABASE = 'sagemaker_featurestore';
export const GLUE_CATALOG = 'AwsDataCatalog';

const epochSeconds = (ms: number): number => Math.floor(ms / 1000);

/**
 * The offline store configuration as DescribeFeatureGroup reports it: the request's, plus
 * `ResolvedOutputS3Uri` (`<S3Uri>/<account>/sagemaker/<region>/offline-store/<name>-<epoch>/data`,
 * the developer guide's layout) and, unless Glue table creation is disabled, the generated
 * Glue table `<name>_<epoch>` in `sagemaker_featurestore` (docs/control-plane.md has the evidence).
 */
export const resolvedOfflineStoreConfig = (group: FeatureGroup): OfflineStoreConfig | undefined => {
  const requested = group.definition.OfflineStoreConfig;
  if (requested === undefined) return undefined;
  const { scope, name } = group;
  const created = epochSeconds(group.creationTime);
  const s3Uri = requested.S3StorageConfig.S3Uri;
  const root = s3Uri.replace(/\/+$/, '');
  const config: OfflineStoreConfig = {
    S3StorageConfig: {
      ...requested.S3StorageConfig,
      ResolvedOutputS3Uri: `${root}/${scope.accountId}/sagemaker/${scope.region}/offline-store/${name}-${created}/data`,
    },
    DisableGlueTableCreation: requested.DisableGlueTableCreation ?? false,
  };
  if (requested.DataCatalogConfig !== undefined) config.DataCatalogConfig = { ...requested.DataCatalogConfig };
  else if (requested.DisableGlueTableCreation !== true) {
    // Glue keeps table names in lower case.
    config.DataCatalogConfig = {
      TableName: `${name.toLowerCase()}_${created}`,
      Catalog: GLUE_CATALOG,
      Database: GLUE_DATABASE,
    };
  }
  if (requested.TableFormat !== undefined) config.TableFormat = requested.TableFormat;
  return config;
};

/** The OnlineStoreConfig as created, with the current TtlDuration and StorageType. */
const currentOnlineStoreConfig = (group: FeatureGroup): OnlineStoreConfig | undefined => {
  const requested = group.definition.OnlineStoreConfig;
  if (requested === undefined) return undefined;
  const config: OnlineStoreConfig = structuredClone(requested);
  delete config.TtlDuration;
  if (group.defaultTtl !== undefined) config.TtlDuration = { ...group.defaultTtl };
  if (requested.StorageType !== undefined || group.storageType !== 'Standard') config.StorageType = group.storageType;
  return config;
};

/** `Active` when the group has an offline store, else `Disabled`. */
export const offlineStoreStatusOf = (group: FeatureGroup): OfflineStoreStatusValue =>
  group.offlineStoreEnabled ? 'Active' : 'Disabled';

const onlineStoreSizeBytes = (group: FeatureGroup, now: number): number => {
  let bytes = 0;
  for (const [recordId, record] of group.online.entries(now)) {
    if (record.deleted) continue;
    bytes += utf8Length(recordId);
    for (const value of record.values) {
      if (typeof value === 'string') bytes += utf8Length(value);
      else if (value !== undefined) for (const element of value) bytes += utf8Length(element);
    }
  }
  return bytes;
};

export const describeGroup = (group: FeatureGroup, now: number): DescribeFeatureGroupOutput => {
  const { definition } = group;
  const output: DescribeFeatureGroupOutput = {
    FeatureGroupArn: group.arn,
    FeatureGroupName: group.name,
    RecordIdentifierFeatureName: definition.RecordIdentifierFeatureName,
    EventTimeFeatureName: definition.EventTimeFeatureName,
    FeatureDefinitions: structuredClone(group.features),
    CreationTime: new Date(group.creationTime),
    FeatureGroupStatus: group.status,
    OfflineStoreStatus: { Status: offlineStoreStatusOf(group) },
    ThroughputConfig: { ...group.throughput },
    // Every feature fits on one page: a group has at most 2,500, the page size.
    NextToken: '',
  };
  const online = currentOnlineStoreConfig(group);
  if (online !== undefined) output.OnlineStoreConfig = online;
  const offline = resolvedOfflineStoreConfig(group);
  if (offline !== undefined) output.OfflineStoreConfig = offline;
  if (definition.RoleArn !== undefined) output.RoleArn = definition.RoleArn;
  if (definition.Description !== undefined) output.Description = definition.Description;
  if (group.lastModifiedTime !== undefined) {
    output.LastModifiedTime = new Date(group.lastModifiedTime);
    output.LastUpdateStatus = { Status: 'Successful' };
  }
  if (group.onlineStoreEnabled) output.OnlineStoreTotalSizeBytes = onlineStoreSizeBytes(group, now);
  return output;
};

/** DescribeFeatureGroup: the group in any status (Creating, Created, Deleting). */
export const describeFeatureGroup = (input: unknown, ctx: OperationContext): DescribeFeatureGroupOutput => {
  const c = new Constraints();
  const request = asInputObject(c, input);
  checkFeatureGroupNameOrArn(c, request.FeatureGroupName, 'featureGroupName', MAX_CONTROL_PLANE_NAME_OR_ARN);
  if (c.optional(request.NextToken, 'nextToken', 'string')) c.length(request.NextToken as string, 'nextToken', 0, 8192);
  c.throwIfAny('ValidationException');
  const group = resolveForControlPlane(ctx, request.FeatureGroupName as string);
  if (request.NextToken !== undefined && request.NextToken !== '') {
    throw new FeatureStoreError('ValidationException', `The NextToken ${String(request.NextToken)} is not valid.`);
  }
  return describeGroup(group, ctx.now);
};
