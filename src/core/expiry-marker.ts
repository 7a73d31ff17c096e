import type { FeatureGroup } from './feature-group.js';
import { formatInstant, type Instant } from './instant.js';
import type { OfflineRow } from './offline-store.js';
import type { FeatureRecord } from './online-store.js';

/** The event-time column's text for an instant, in the group's event-time type. */
const eventTimeText = (group: FeatureGroup, instant: Instant): string =>
  group.eventTimeType === 'String' ? formatInstant(instant) : String(instant.ms / 1000);

/**
 * The offline row for a record that expired by TTL, when `offlineMarkerOnExpiry` is on
 * (spec A21): a deleted-record marker at ExpiresAt, written when the record expired.
 */
export const expiryMarkerRow = (group: FeatureGroup, recordId: string, record: FeatureRecord): OfflineRow => {
  const expiry = record.expiresAt as Instant;
  const values: (string | null)[] = new Array<string | null>(group.features.length).fill(null);
  values[group.recordIdentifierIndex] = recordId;
  values[group.eventTimeIndex] = eventTimeText(group, expiry);
  return { recordId, values, eventTime: expiry, apiInvocationTime: expiry.ms, writeTime: expiry.ms, isDeleted: true };
};
