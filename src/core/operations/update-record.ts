import { FeatureStoreError, validationError } from '../errors.js';
import type { FeatureGroup } from '../feature-group.js';
import { compareInstants } from '../instant.js';
import type { StoredValue } from '../online-store.js';
import type { OperationContext } from '../operation-context.js';
import { resolveTargetStores, writeRecord } from '../record-writer.js';
import { requireOnlineStore, resolveForRead } from '../resolve-feature-group.js';
import type { UpdateRecordInput } from '../shapes.js';
import { Constraints } from '../validation/constraints.js';
import { MAX_VALUE_AS_STRING } from '../validation/patterns.js';
import {
  asInputObject,
  checkFeatureGroupNameOrArn,
  checkRecord,
  checkTargetStores,
  checkTtlDuration,
} from '../validation/request-shapes.js';
import { checkRecordIdentifierSize, checkRecordSize, validateRecord } from '../validation/validate-record.js';

/** "You can update up to 100 features per call." */
export const MAX_UPDATE_FEATURES = 100;

const checkShape = (c: Constraints, request: Record<string, unknown>): void => {
  checkFeatureGroupNameOrArn(c, request.FeatureGroupName, 'featureGroupName');
  if (c.present(request.RecordIdentifierValueAsString, 'recordIdentifierValueAsString', 'string')) {
    c.length(request.RecordIdentifierValueAsString as string, 'recordIdentifierValueAsString', 0, MAX_VALUE_AS_STRING);
  }
  checkRecord(c, request.Features, 'features');
  if (Array.isArray(request.Features) && request.Features.length > MAX_UPDATE_FEATURES) {
    c.fail('features', request.Features, `have length less than or equal to ${MAX_UPDATE_FEATURES}`);
  }
  checkTargetStores(c, request.TargetStores, 'targetStores');
  checkTtlDuration(c, request.TtlDuration, 'ttlDuration');
};

/** Partial updates exist only on the Standard_V2 and InMemory online store tiers. */
const requireUpdatableTier = (group: FeatureGroup): void => {
  if (group.storageType !== 'Standard_V2' && group.storageType !== 'InMemory') {
    throw validationError(
      `UpdateRecord is available only for feature groups whose OnlineStore StorageType is Standard_V2 or InMemory; FeatureGroup ${group.name} uses ${group.storageType}.`,
    );
  }
};

/**
 * UpdateRecord (spec §12): writes some features of an existing record and keeps the rest.
 * The record must be live online (absent, soft-deleted or expired → ResourceNotFound); an
 * EventTime among `Features` older than the record's → ConflictException, equal or newer
 * applies, none keeps the record's. The merged record then goes through the PutRecord write
 * path: online overwrite, and an offline row holding the whole merged record (is_deleted
 * false). Without a TtlDuration the record's ExpiresAt is kept; with one (which needs an
 * EventTime) ExpiresAt = EventTime + TtlDuration. See docs/behaviour.md.
 */
export const updateRecord = (input: unknown, ctx: OperationContext): object => {
  const c = new Constraints();
  const request = asInputObject(c, input);
  checkShape(c, request);
  c.throwIfAny();
  const {
    FeatureGroupName,
    RecordIdentifierValueAsString: recordId,
    Features,
    TargetStores,
    TtlDuration,
  } = request as unknown as UpdateRecordInput;

  const group = resolveForRead(ctx, FeatureGroupName);
  requireOnlineStore(group);
  requireUpdatableTier(group);
  checkRecordIdentifierSize(recordId);
  const update = validateRecord(group, Features, false);
  if (update.recordId !== undefined && update.recordId !== recordId) {
    throw validationError(
      `The feature ${group.recordIdentifierFeatureName} in Features is '${update.recordId}', but RecordIdentifierValueAsString is '${recordId}'; the record identifier can't be updated.`,
    );
  }
  if (TtlDuration !== undefined && update.eventTime === undefined) {
    throw validationError(
      `A TtlDuration needs an EventTime: include the feature ${group.eventTimeFeatureName} in Features.`,
    );
  }
  const targets = resolveTargetStores(group, TargetStores);

  const current = group.online.live(recordId, ctx.now);
  if (current === undefined) {
    throw new FeatureStoreError(
      'ResourceNotFound',
      `The record ${recordId} does not exist in the OnlineStore of FeatureGroup ${group.name}. Use PutRecord to create it.`,
    );
  }
  const eventTime = update.eventTime ?? current.eventTime;
  if (compareInstants(eventTime, current.eventTime) < 0) {
    throw new FeatureStoreError(
      'ConflictException',
      `The EventTime ${String(update.values[group.eventTimeIndex])} is older than the EventTime ${String(current.values[group.eventTimeIndex])} of record ${recordId}. Resubmit with an EventTime equal to or newer than the record's.`,
    );
  }

  const values: (StoredValue | undefined)[] = [...current.values];
  values.length = group.features.length;
  // Only the named features change; an empty collection clears its feature (spec A17).
  for (const featureValue of Features) {
    const index = group.indexOf(featureValue.FeatureName) as number;
    values[index] = update.values[index];
  }
  checkRecordSize(values);
  writeRecord(group, ctx, {
    recordId,
    eventTime,
    values,
    targets,
    ttl: TtlDuration,
    ...(TtlDuration === undefined ? { keepExpiresAt: { expiresAt: current.expiresAt } } : {}),
  });
  return {};
};
