import { FeatureStoreError } from '../errors.js';
import type { FeatureGroup } from '../feature-group.js';
import type { OperationContext } from '../operation-context.js';
import { resolveForControlPlane } from '../resolve-feature-group.js';
import type {
  FeatureDefinition,
  StorageType,
  ThroughputConfig,
  TtlDuration,
  UpdateFeatureGroupInput,
  UpdateFeatureGroupOutput,
} from '../shapes.js';
import { checkThroughputMode, checkThroughputShape } from '../throughput-config.js';
import { Constraints } from '../validation/constraints.js';
import { MAX_CONTROL_PLANE_NAME_OR_ARN, STORAGE_TYPES, TTL_UNITS } from '../validation/patterns.js';
import { asInputObject, checkFeatureGroupNameOrArn } from '../validation/request-shapes.js';
import { checkFeatureDefinitions, checkFeatureGroupRules } from './create-feature-group.js';

const MAX_FEATURES = 2500;
const DAY_MS = 86_400_000;

const invalid = (message: string): FeatureStoreError => new FeatureStoreError('ValidationException', message);

/** Unit and Value are optional here: both null removes the group's TtlDuration (API doc). */
const checkTtlUpdate = (c: Constraints, value: unknown, path: string): void => {
  if (!c.optional(value, path, 'object')) return;
  const ttl = value as Record<string, unknown>;
  const unitGiven = ttl.Unit !== undefined && ttl.Unit !== null;
  const valueGiven = ttl.Value !== undefined && ttl.Value !== null;
  if (unitGiven !== valueGiven) {
    // One without the other: the missing one is reported as a null member.
    c.present(ttl.Unit, `${path}.unit`, 'string');
    c.present(ttl.Value, `${path}.value`, 'number');
  }
  if (unitGiven && c.optional(ttl.Unit, `${path}.unit`, 'string')) c.oneOf(ttl.Unit, `${path}.unit`, TTL_UNITS);
  if (valueGiven && c.optional(ttl.Value, `${path}.value`, 'number')) c.range(ttl.Value as number, `${path}.value`, 1);
};

const checkShape = (c: Constraints, request: Record<string, unknown>): void => {
  checkFeatureGroupNameOrArn(c, request.FeatureGroupName, 'featureGroupName', MAX_CONTROL_PLANE_NAME_OR_ARN);
  if (request.FeatureAdditions !== undefined) {
    checkFeatureDefinitions(c, request.FeatureAdditions, 'featureAdditions', 100);
  }
  if (c.optional(request.OnlineStoreConfig, 'onlineStoreConfig', 'object')) {
    const online = request.OnlineStoreConfig as Record<string, unknown>;
    checkTtlUpdate(c, online.TtlDuration, 'onlineStoreConfig.ttlDuration');
    if (c.optional(online.StorageType, 'onlineStoreConfig.storageType', 'string')) {
      c.oneOf(online.StorageType, 'onlineStoreConfig.storageType', STORAGE_TYPES);
    }
  }
  checkThroughputShape(c, request.ThroughputConfig, 'throughputConfig', false);
};

const addFeatures = (group: FeatureGroup, additions: FeatureDefinition[], now: number): void => {
  for (const feature of additions) {
    const existing = group.features.find((f) => f.FeatureName.toLowerCase() === feature.FeatureName.toLowerCase());
    if (existing !== undefined) {
      throw invalid(`The feature ${feature.FeatureName} already exists in FeatureGroup ${group.name}.`);
    }
  }
  if (group.features.length + additions.length > MAX_FEATURES) {
    throw new FeatureStoreError(
      'ResourceLimitExceeded',
      `A FeatureGroup can have at most ${MAX_FEATURES} features; ${group.name} has ${group.features.length} and the request adds ${additions.length}.`,
    );
  }
  // The definition rules of CreateFeatureGroup hold for the group as it would become.
  checkFeatureGroupRules({
    ...group.definition,
    FeatureDefinitions: [...group.features, ...additions],
    OnlineStoreConfig: { ...group.definition.OnlineStoreConfig, StorageType: group.storageType },
    ThroughputConfig: group.throughput,
  });
  group.addFeatures(additions, now);
};

const updateOnlineStore = (
  group: FeatureGroup,
  update: { TtlDuration?: Partial<TtlDuration> | null; StorageType?: StorageType },
): void => {
  if (!group.onlineStoreEnabled) {
    throw invalid(`FeatureGroup ${group.name} has no OnlineStore, so its OnlineStoreConfig can't be updated.`);
  }
  const storageType = update.StorageType;
  if (storageType !== undefined && storageType !== group.storageType) {
    if (group.storageType !== 'Standard' || storageType !== 'Standard_V2') {
      throw invalid(
        `The OnlineStore of FeatureGroup ${group.name} can't be migrated from ${group.storageType} to ${storageType}: the only migration is Standard to Standard_V2, and it is one-way.`,
      );
    }
    checkThroughputMode(group.throughput.ThroughputMode, true, storageType);
  }
  if ('TtlDuration' in update) {
    const ttl = update.TtlDuration;
    // Records already written keep their ExpiresAt; the new default applies to later writes.
    group.defaultTtl =
      ttl === null || ttl === undefined || ttl.Unit === undefined || ttl.Unit === null
        ? undefined
        : { Unit: ttl.Unit, Value: ttl.Value as number };
  }
  if (storageType !== undefined) group.storageType = storageType;
};

const updateThroughput = (group: FeatureGroup, update: Partial<ThroughputConfig>, now: number): void => {
  const current = group.throughput;
  const mode = update.ThroughputMode ?? current.ThroughputMode;
  checkThroughputMode(mode, group.onlineStoreEnabled, group.storageType);
  if (mode === 'OnDemand') {
    if (update.ProvisionedReadCapacityUnits !== undefined || update.ProvisionedWriteCapacityUnits !== undefined) {
      throw invalid('Provisioned capacity units apply only to ThroughputMode Provisioned.');
    }
    if (current.ThroughputMode === 'Provisioned') {
      // "You can switch a feature group to on-demand only once in a 24 hour period."
      if (group.onDemandSwitchTime !== undefined && now - group.onDemandSwitchTime < DAY_MS) {
        throw invalid(
          `FeatureGroup ${group.name} switched to OnDemand less than 24 hours ago; it can switch to OnDemand only once in a 24 hour period.`,
        );
      }
      group.onDemandSwitchTime = now;
    }
    group.throughput = { ThroughputMode: 'OnDemand' };
    return;
  }
  const previous: Partial<ThroughputConfig> = current.ThroughputMode === 'Provisioned' ? current : {};
  const next: ThroughputConfig = { ThroughputMode: 'Provisioned' };
  const read = update.ProvisionedReadCapacityUnits ?? previous.ProvisionedReadCapacityUnits;
  const write = update.ProvisionedWriteCapacityUnits ?? previous.ProvisionedWriteCapacityUnits;
  if (read !== undefined) next.ProvisionedReadCapacityUnits = read;
  if (write !== undefined) next.ProvisionedWriteCapacityUnits = write;
  group.throughput = next;
};

/**
 * UpdateFeatureGroup: add features, change the online store's default TtlDuration (or
 * migrate Standard to Standard_V2), or change the throughput mode, one at a time as the
 * API reference asks. The change is in effect when the call returns.
 */
export const updateFeatureGroup = (input: unknown, ctx: OperationContext): UpdateFeatureGroupOutput => {
  const c = new Constraints();
  const request = asInputObject(c, input);
  checkShape(c, request);
  c.throwIfAny('ValidationException');
  const update = request as unknown as UpdateFeatureGroupInput;
  const group = resolveForControlPlane(ctx, update.FeatureGroupName);
  if (group.status !== 'Created') {
    throw invalid(`FeatureGroup ${group.name} is ${group.status}; it can be updated once its status is Created.`);
  }
  const given = (['FeatureAdditions', 'OnlineStoreConfig', 'ThroughputConfig'] as const).filter(
    (member) => update[member] !== undefined && update[member] !== null,
  );
  if (given.length !== 1) {
    throw invalid(
      given.length === 0
        ? 'UpdateFeatureGroup needs one of FeatureAdditions, OnlineStoreConfig or ThroughputConfig.'
        : `UpdateFeatureGroup takes one of FeatureAdditions, OnlineStoreConfig or ThroughputConfig at a time, not ${given.join(' and ')}.`,
    );
  }
  if (update.FeatureAdditions !== undefined) addFeatures(group, update.FeatureAdditions, ctx.now);
  if (update.OnlineStoreConfig !== undefined) updateOnlineStore(group, update.OnlineStoreConfig);
  if (update.ThroughputConfig !== undefined) updateThroughput(group, update.ThroughputConfig, ctx.now);
  group.lastModifiedTime = ctx.now;
  return { FeatureGroupArn: group.arn };
};
