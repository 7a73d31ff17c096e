import type { FeatureGroup } from './feature-group.js';
import { formatInstant, formatTimestamp } from './instant.js';

/**
 * Why an assertion found nothing: the likely cause in one or two sentences, for matcher
 * failure messages and not-found answers. A test that fails with an empty list and no
 * reason sends its author reading the emulator's source; these name the setting or call
 * that explains it.
 */

/** How many other record identifiers a message lists before it stops. */
const LISTED = 5;

const listIds = (ids: readonly string[]): string =>
  ids.length <= LISTED ? ids.join(', ') : `${ids.slice(0, LISTED).join(', ')} and ${ids.length - LISTED} more`;

/**
 * Why `recordId` has no live online record in `group` at `now`, or undefined when it has
 * one. Reads through the online store, so a record past its ExpiresAt is purged, as a
 * GetRecord would.
 */
export const explainOnlineAbsence = (group: FeatureGroup, recordId: string, now: number): string | undefined => {
  if (!group.onlineStoreEnabled) {
    return (
      `${group.name} has no online store: its OnlineStoreConfig does not set EnableOnlineStore: true, ` +
      'so writes reach the offline store only. Assert on offline rows instead (toHaveOfflineRecord).'
    );
  }
  const record = group.online.current(recordId, now);
  if (record !== undefined) {
    return record.deleted
      ? `${recordId} is soft-deleted: a DeleteRecord (DeletionMode SoftDelete) at EventTime ${formatInstant(record.eventTime)} ` +
          'left a tombstone, and GetRecord answers ResourceNotFound until a write with a later EventTime.'
      : undefined;
  }
  const expiredAt = group.online.expiredAt(recordId);
  if (expiredAt !== undefined) {
    return (
      `${recordId} expired by TTL at ${formatInstant(expiredAt)} (ExpiresAt = EventTime + TtlDuration); ` +
      `the emulator's clock is at ${formatTimestamp(now)}. Pin the clock (clock.set()) or write a later EventTime.`
    );
  }
  const others: string[] = [];
  for (const [id] of group.online.entries(now)) if (others.push(id) > LISTED) break;
  return others.length === 0
    ? `The online store of ${group.name} is empty: nothing was written to it since the last reset, ` +
        'or every write failed (see featureStore.calls()).'
    : `No record ${recordId} in ${group.name} (never written, hard-deleted, or written under another identifier); ` +
        `it holds ${listIds(others)}.`;
};

/**
 * Why `recordId` has no (or no further) delivered offline row in `group` at `now`: no offline
 * store, rows still buffered, or none written. Undefined when delivered rows exist and none
 * wait (a matcher then shows the rows themselves).
 */
export const explainOfflineAbsence = (group: FeatureGroup, recordId: string, now: number): string | undefined => {
  if (!group.offlineStoreEnabled) {
    return (
      `${group.name} has no offline store: its CreateFeatureGroup request has no OfflineStoreConfig, ` +
      'so no write produces offline rows. Add an OfflineStoreConfig, or assert online (toHaveOnlineRecord).'
    );
  }
  // Pending rows explain a miss even beside delivered ones: the newest write is often the one asserted.
  const pending = group.offline.pending(now, recordId);
  const first = pending[0];
  if (first !== undefined) {
    const rows =
      pending.length === 1 ? `1 offline row of ${recordId} is` : `${pending.length} offline rows of ${recordId} are`;
    return (
      `${rows} written but not delivered yet: offline delivery is delayed (offlineDelivery: { delay }), and the first ` +
      `lands at write_time ${formatTimestamp(first.writeTime)} while the emulator's clock is at ${formatTimestamp(now)}. ` +
      'Call featureStore.flushOffline() to deliver them now, or advance the clock past write_time.'
    );
  }
  if (group.offline.delivered(now, recordId).length > 0) return undefined;
  const others = group.offline.deliveredRecordIds(now);
  return others.length === 0
    ? `The offline store of ${group.name} is empty: nothing was written to it since the last reset, ` +
        'or every write failed or left out OfflineStore in its TargetStores (see featureStore.calls()).'
    : `No offline row of ${recordId} in ${group.name} (never written, or written with TargetStores leaving out ` +
        `OfflineStore); it holds rows of ${listIds(others)}.`;
};
