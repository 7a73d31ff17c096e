import type { FeatureGroup } from './feature-group.js';
import { formatInstant, formatTimestamp } from './instant.js';
import type { OfflineRow } from './offline-store.js';

/**
 * An offline-store row as a user reads it: each feature of the group (null when the
 * write had no value), then `write_time`, `api_invocation_time` and `is_deleted`.
 */
export interface OfflineRecord {
  readonly [column: string]: string | null | boolean;
  readonly write_time: string;
  readonly api_invocation_time: string;
  readonly is_deleted: boolean;
}

/** An online record as a user reads it: feature name to value, plus its EventTime and ExpiresAt. */
export interface OnlineRecord {
  readonly recordIdentifier: string;
  readonly eventTime: string;
  readonly expiresAt: string | undefined;
  readonly deleted: boolean;
  readonly features: Readonly<Record<string, string | readonly string[]>>;
}

export const toOfflineRecord = (group: FeatureGroup, row: OfflineRow): OfflineRecord => {
  const record: Record<string, string | null | boolean> = {};
  group.features.forEach((feature, index) => {
    record[feature.FeatureName] = row.values[index] ?? null;
  });
  record.write_time = formatTimestamp(row.writeTime);
  record.api_invocation_time = formatTimestamp(row.apiInvocationTime);
  record.is_deleted = row.isDeleted;
  return record as OfflineRecord;
};

export const offlineRecordsOf = (group: FeatureGroup, now: number, recordId?: string): OfflineRecord[] => {
  // Expiry markers (offlineMarkerOnExpiry) are due at ExpiresAt whether or not anything read the record.
  group.online.sweepExpired(now);
  return group.offline.delivered(now, recordId).map((row) => toOfflineRecord(group, row));
};

/** The online state of a record, including a soft-delete tombstone; undefined when absent or expired. */
export const onlineRecordOf = (group: FeatureGroup, recordId: string, now: number): OnlineRecord | undefined => {
  const record = group.online.current(recordId, now);
  if (record === undefined) return undefined;
  const features: Record<string, string | readonly string[]> = {};
  group.features.forEach((feature, index) => {
    const value = record.values[index];
    if (value !== undefined) features[feature.FeatureName] = value;
  });
  return {
    recordIdentifier: recordId,
    eventTime: formatInstant(record.eventTime),
    expiresAt: record.expiresAt === undefined ? undefined : formatInstant(record.expiresAt),
    deleted: record.deleted,
    features,
  };
};
