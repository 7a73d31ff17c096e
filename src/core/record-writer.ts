import type { FeatureGroup } from './feature-group.js';
import { compareInstants, type Instant } from './instant.js';
import type { OperationContext } from './operation-context.js';
import type { StoredValue } from './online-store.js';
import type { TargetStore, TtlDuration } from './shapes.js';
import { expiresAt } from './ttl.js';
import { validationError } from './errors.js';

/** Effective target stores: the request's, or every store the group uses (spec §7.3 step 3). */
export const resolveTargetStores = (
  group: FeatureGroup,
  requested: readonly TargetStore[] | undefined,
): readonly TargetStore[] => {
  if (requested === undefined) return group.enabledStores;
  for (const store of requested) {
    if (!group.hasStore(store)) {
      // No public source shows the service's wording; ValidationError per spec A18.
      throw validationError(
        `TargetStores includes ${store}, but FeatureGroup ${group.name} does not have an ${store} enabled.`,
      );
    }
  }
  return [...new Set(requested)];
};

/** Offline row values: scalars only (collection features exist only on InMemory groups, which have no offline store). */
const offlineValues = (
  group: FeatureGroup,
  values: readonly (StoredValue | undefined)[],
): readonly (string | null)[] => {
  // A value for every feature: the array is the row's values as it is. Stored value arrays
  // are never changed, so the online record and the offline row may share one.
  let complete = values.length === group.features.length;
  for (let i = 0; complete && i < values.length; i++) complete = typeof values[i] === 'string';
  if (complete) return values as readonly string[];
  const row: (string | null)[] = new Array(group.features.length);
  for (let i = 0; i < row.length; i++) {
    const value = values[i];
    row[i] = value === undefined ? null : typeof value === 'string' ? value : JSON.stringify(value);
  }
  return row;
};

export const appendOfflineRow = (
  group: FeatureGroup,
  ctx: OperationContext,
  recordId: string,
  eventTime: Instant,
  values: readonly (StoredValue | undefined)[],
  isDeleted: boolean,
): void => {
  group.offline.append({
    recordId,
    eventTime,
    values: offlineValues(group, values),
    apiInvocationTime: ctx.now,
    writeTime: ctx.now + ctx.behaviour.offlineDeliveryDelayMs,
    isDeleted,
  });
};

export interface RecordWrite {
  readonly recordId: string;
  readonly eventTime: Instant;
  readonly values: readonly (StoredValue | undefined)[];
  readonly targets: readonly TargetStore[];
  readonly ttl: TtlDuration | undefined;
  /**
   * An ExpiresAt to store as is instead of computing one from `ttl`: UpdateRecord without a
   * TtlDuration keeps the record's existing expiry ("remains unchanged").
   */
  readonly keepExpiresAt?: { readonly expiresAt: Instant | undefined };
}

/**
 * The PutRecord rules (spec §7.3, table 7.7.1), shared by every operation that writes a
 * whole record: online full overwrite when the EventTime is >= the stored one (live or
 * tombstone), historic writes offline only, and an offline row for every offline-targeted write.
 */
export const writeRecord = (group: FeatureGroup, ctx: OperationContext, write: RecordWrite): void => {
  if (write.targets.includes('OnlineStore')) {
    const current = group.online.current(write.recordId, ctx.now);
    if (current === undefined || compareInstants(write.eventTime, current.eventTime) >= 0) {
      const ttl = write.ttl ?? group.defaultTtl;
      const expiry =
        write.keepExpiresAt !== undefined
          ? write.keepExpiresAt.expiresAt
          : ttl === undefined
            ? undefined
            : expiresAt(write.eventTime, ttl);
      group.online.put(write.recordId, {
        values: write.values,
        eventTime: write.eventTime,
        expiresAt: expiry,
        deleted: false,
        markOnExpiry: expiry !== undefined && group.offlineStoreEnabled && ctx.behaviour.offlineMarkerOnExpiry,
      });
    }
  }
  if (write.targets.includes('OfflineStore')) {
    appendOfflineRow(group, ctx, write.recordId, write.eventTime, write.values, false);
  }
};
