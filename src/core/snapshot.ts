import { FeatureGroup, type FeatureMetadata } from './feature-group.js';
import type { FeatureStore } from './feature-store.js';
import { daysFromCivil, formatInstant, formatTimestamp, type Instant } from './instant.js';
import type { FeatureRecord, StoredValue } from './online-store.js';
import type {
  CreateFeatureGroupInput,
  FeatureGroupStatus,
  StorageType,
  ThroughputConfig,
  TtlDuration,
} from './shapes.js';

export const SNAPSHOT_FORMAT = 'sagemaker-featurestore-mock/snapshot';
export const SNAPSHOT_VERSION = 1;

/**
 * The whole emulator as JSON: feature groups with their control-plane state, online
 * records, offline rows (delivered or still buffered) and the clock. Times are ISO-8601
 * UTC strings; values are keyed by feature name, so a snapshot can be read and edited.
 */
export interface FeatureStoreSnapshot {
  readonly format: typeof SNAPSHOT_FORMAT;
  readonly version: number;
  readonly clock: { readonly now: string; readonly frozen: boolean };
  readonly featureGroups: readonly FeatureGroupSnapshot[];
}

export interface FeatureGroupSnapshot {
  readonly region: string;
  readonly accountId: string;
  /** The CreateFeatureGroup request, with features added later by UpdateFeatureGroup at the end. */
  readonly definition: CreateFeatureGroupInput;
  readonly creationTime: string;
  readonly status?: FeatureGroupStatus;
  readonly statusUntil?: string;
  readonly storageType?: StorageType;
  /** The group-level TtlDuration now; null when UpdateFeatureGroup removed it. */
  readonly defaultTtl?: TtlDuration | null;
  readonly throughput?: ThroughputConfig;
  readonly lastModifiedTime?: string;
  readonly onDemandSwitchTime?: string;
  readonly featureMetadata?: Readonly<Record<string, FeatureMetadataSnapshot>>;
  readonly onlineRecords: readonly OnlineRecordSnapshot[];
  readonly offlineRows: readonly OfflineRowSnapshot[];
}

export interface FeatureMetadataSnapshot {
  readonly creationTime: string;
  readonly lastModifiedTime: string;
  readonly description?: string;
  readonly parameters?: Readonly<Record<string, string>>;
}

export interface OnlineRecordSnapshot {
  readonly recordIdentifier: string;
  readonly eventTime: string;
  readonly expiresAt?: string;
  /** A soft-delete tombstone: no features, only the delete's EventTime. */
  readonly deleted?: boolean;
  /** An offline deleted-record marker is due when it expires (offlineMarkerOnExpiry was on when written). */
  readonly markOnExpiry?: boolean;
  readonly features: Readonly<Record<string, string | readonly string[]>>;
}

export interface OfflineRowSnapshot {
  readonly recordIdentifier: string;
  readonly eventTime: string;
  readonly features: Readonly<Record<string, string | null>>;
  readonly apiInvocationTime: string;
  readonly writeTime: string;
  readonly isDeleted: boolean;
}

const iso = (ms: number | undefined): string | undefined => (ms === undefined ? undefined : formatTimestamp(ms));

const byName = <T>(group: FeatureGroup, values: readonly (T | undefined)[]): Record<string, T> => {
  const named: Record<string, T> = {};
  group.features.forEach((feature, index) => {
    const value = values[index];
    if (value !== undefined) named[feature.FeatureName] = value;
  });
  return named;
};

const metadataSnapshot = (metadata: FeatureMetadata): FeatureMetadataSnapshot => ({
  creationTime: formatTimestamp(metadata.creationTime),
  lastModifiedTime: formatTimestamp(metadata.lastModifiedTime),
  ...(metadata.description === undefined ? {} : { description: metadata.description }),
  ...(metadata.parameters.size === 0 ? {} : { parameters: Object.fromEntries(metadata.parameters) }),
});

const onlineSnapshot = (
  group: FeatureGroup,
  recordIdentifier: string,
  record: FeatureRecord,
): OnlineRecordSnapshot => ({
  recordIdentifier,
  eventTime: formatInstant(record.eventTime),
  ...(record.expiresAt === undefined ? {} : { expiresAt: formatInstant(record.expiresAt) }),
  ...(record.deleted ? { deleted: true } : {}),
  ...(record.markOnExpiry === true ? { markOnExpiry: true } : {}),
  features: byName<StoredValue>(group, record.values),
});

const groupSnapshot = (group: FeatureGroup, now: number, withRecords = true): FeatureGroupSnapshot => {
  return {
    region: group.scope.region,
    accountId: group.scope.accountId,
    // The group's feature list is its definition's, additions included.
    definition: structuredClone({ ...group.definition, FeatureDefinitions: group.features }),
    creationTime: formatTimestamp(group.creationTime),
    status: group.status,
    ...(group.statusUntil === undefined ? {} : { statusUntil: iso(group.statusUntil) }),
    storageType: group.storageType,
    defaultTtl: group.defaultTtl ?? null,
    throughput: structuredClone(group.throughput),
    ...(group.lastModifiedTime === undefined ? {} : { lastModifiedTime: iso(group.lastModifiedTime) }),
    ...(group.onDemandSwitchTime === undefined ? {} : { onDemandSwitchTime: iso(group.onDemandSwitchTime) }),
    featureMetadata: Object.fromEntries(
      [...group.featureMetadata].map(([name, meta]) => [name, metadataSnapshot(meta)]),
    ),
    ...(withRecords ? groupSnapshotRecords(group, now) : { onlineRecords: [], offlineRows: [] }),
  };
};

/** A group's control-plane state alone (definition, TTL, status, metadata), without records. */
export const groupConfigSnapshot = (group: FeatureGroup): FeatureGroupSnapshot => ({
  ...groupSnapshot(group, Number.NEGATIVE_INFINITY, false),
  onlineRecords: [],
  offlineRows: [],
});

/** A group's records alone: its online records and every offline row, delivered or buffered. */
export type GroupRecordsSnapshot = Pick<FeatureGroupSnapshot, 'onlineRecords' | 'offlineRows'>;

export const groupSnapshotRecords = (group: FeatureGroup, now: number): GroupRecordsSnapshot => ({
  onlineRecords: [...group.online.entries(now)].map(([id, record]) => onlineSnapshot(group, id, record)),
  offlineRows: group.offline.delivered(Infinity).map((row) => ({
    recordIdentifier: row.recordId,
    eventTime: formatInstant(row.eventTime),
    features: byName<string | null>(
      group,
      row.values.map((value) => value ?? undefined),
    ),
    apiInvocationTime: formatTimestamp(row.apiInvocationTime),
    writeTime: formatTimestamp(row.writeTime),
    isDeleted: row.isDeleted,
  })),
});

/** The whole store, as JSON-ready data. Expired records are left out: they are gone. */
export const exportSnapshot = (store: FeatureStore): FeatureStoreSnapshot => {
  const now = store.clock.now();
  return {
    format: SNAPSHOT_FORMAT,
    version: SNAPSHOT_VERSION,
    clock: { now: formatTimestamp(now), frozen: store.clock.frozen },
    featureGroups: store.registry.all().map((group) => groupSnapshot(group, now)),
  };
};

/** Thrown for a snapshot that cannot be loaded; names the place in the snapshot. */
export class SnapshotError extends Error {
  override readonly name = 'SnapshotError';
}

const ISO_INSTANT = /^\+?(\d{4,6})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?Z$/;

/** ISO-8601 UTC with up to 9 fraction digits, back to an Instant (years beyond 9999 allowed for ExpiresAt). */
export const parseSnapshotInstant = (text: unknown, where: string): Instant => {
  const match = typeof text === 'string' ? ISO_INSTANT.exec(text) : null;
  if (match === null) throw new SnapshotError(`${where}: expected an ISO-8601 UTC time, got ${JSON.stringify(text)}`);
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const fraction = (match[7] ?? '').padEnd(9, '0');
  const ms =
    daysFromCivil(year, month, day) * 86_400_000 +
    hour * 3_600_000 +
    minute * 60_000 +
    second * 1000 +
    Number(fraction.slice(0, 3));
  return { ms, nanos: Number(fraction.slice(3)) };
};

const parseMs = (text: unknown, where: string): number => parseSnapshotInstant(text, where).ms;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Checks the envelope; the groups are checked as they are loaded. */
export const asSnapshot = (value: unknown): FeatureStoreSnapshot => {
  if (!isObject(value) || value.format !== SNAPSHOT_FORMAT) {
    throw new SnapshotError(`Not a feature store snapshot: expected { "format": "${SNAPSHOT_FORMAT}", ... }`);
  }
  if (value.version !== SNAPSHOT_VERSION) {
    throw new SnapshotError(
      `Snapshot version ${String(value.version)} is not supported; this version reads ${SNAPSHOT_VERSION}.`,
    );
  }
  if (!isObject(value.clock) || !Array.isArray(value.featureGroups)) {
    throw new SnapshotError('A snapshot needs "clock" and "featureGroups".');
  }
  return value as unknown as FeatureStoreSnapshot;
};

const valuesByIndex = <T>(
  group: FeatureGroup,
  features: unknown,
  where: string,
  check: (value: unknown) => value is T,
): (T | undefined)[] => {
  if (!isObject(features)) throw new SnapshotError(`${where}.features must be an object of feature values`);
  const values: (T | undefined)[] = new Array(group.features.length);
  for (const [name, value] of Object.entries(features)) {
    const index = group.indexOf(name);
    if (index === undefined) throw new SnapshotError(`${where}: feature ${name} is not defined in ${group.name}`);
    if (!check(value)) throw new SnapshotError(`${where}: bad value for feature ${name}: ${JSON.stringify(value)}`);
    values[index] = value;
  }
  return values;
};

const isStoredValue = (value: unknown): value is StoredValue =>
  typeof value === 'string' || (Array.isArray(value) && value.every((item) => typeof item === 'string'));
const isOfflineValue = (value: unknown): value is string | null => typeof value === 'string' || value === null;

/** Fills a group's stores from its snapshot (they are expected empty). */
export const loadGroupRecords = (group: FeatureGroup, snapshot: GroupRecordsSnapshot, where: string): void => {
  snapshot.onlineRecords.forEach((record, i) => {
    const at = `${where}.onlineRecords[${i}]`;
    if (typeof record.recordIdentifier !== 'string') throw new SnapshotError(`${at}.recordIdentifier must be a string`);
    group.online.put(record.recordIdentifier, {
      values: record.deleted === true ? [] : valuesByIndex(group, record.features, at, isStoredValue),
      eventTime: parseSnapshotInstant(record.eventTime, `${at}.eventTime`),
      ...(record.expiresAt === undefined
        ? {}
        : { expiresAt: parseSnapshotInstant(record.expiresAt, `${at}.expiresAt`) }),
      deleted: record.deleted === true,
      markOnExpiry: record.markOnExpiry === true,
    });
  });
  snapshot.offlineRows.forEach((row, i) => {
    const at = `${where}.offlineRows[${i}]`;
    if (typeof row.recordIdentifier !== 'string') throw new SnapshotError(`${at}.recordIdentifier must be a string`);
    const values = valuesByIndex(group, row.features, at, isOfflineValue).map((value) => value ?? null);
    group.offline.append({
      recordId: row.recordIdentifier,
      values,
      eventTime: parseSnapshotInstant(row.eventTime, `${at}.eventTime`),
      apiInvocationTime: parseMs(row.apiInvocationTime, `${at}.apiInvocationTime`),
      writeTime: parseMs(row.writeTime, `${at}.writeTime`),
      isDeleted: row.isDeleted === true,
    });
  });
};

const metadataFrom = (snapshot: FeatureMetadataSnapshot, where: string): FeatureMetadata => ({
  creationTime: parseMs(snapshot.creationTime, `${where}.creationTime`),
  lastModifiedTime: parseMs(snapshot.lastModifiedTime, `${where}.lastModifiedTime`),
  description: snapshot.description,
  parameters: new Map(Object.entries(snapshot.parameters ?? {})),
});

/** A FeatureGroup with the control-plane state of its snapshot, and no records yet. */
export const groupFromSnapshot = (snapshot: FeatureGroupSnapshot, where: string): FeatureGroup => {
  if (!isObject(snapshot) || !isObject(snapshot.definition)) throw new SnapshotError(`${where}.definition is missing`);
  const group = new FeatureGroup(
    snapshot.definition,
    { region: snapshot.region, accountId: snapshot.accountId },
    parseMs(snapshot.creationTime, `${where}.creationTime`),
  );
  if (snapshot.status !== undefined) group.status = snapshot.status;
  if (snapshot.statusUntil !== undefined) group.statusUntil = parseMs(snapshot.statusUntil, `${where}.statusUntil`);
  if (snapshot.storageType !== undefined) group.storageType = snapshot.storageType;
  if (snapshot.defaultTtl !== undefined) group.defaultTtl = snapshot.defaultTtl ?? undefined;
  if (snapshot.throughput !== undefined) group.throughput = structuredClone(snapshot.throughput);
  if (snapshot.lastModifiedTime !== undefined) {
    group.lastModifiedTime = parseMs(snapshot.lastModifiedTime, `${where}.lastModifiedTime`);
  }
  if (snapshot.onDemandSwitchTime !== undefined) {
    group.onDemandSwitchTime = parseMs(snapshot.onDemandSwitchTime, `${where}.onDemandSwitchTime`);
  }
  for (const [name, meta] of Object.entries(snapshot.featureMetadata ?? {})) {
    if (group.indexOf(name) === undefined) throw new SnapshotError(`${where}.featureMetadata: no feature ${name}`);
    group.featureMetadata.set(name, metadataFrom(meta, `${where}.featureMetadata.${name}`));
  }
  return group;
};

export interface ImportedSnapshot {
  /** The groups the snapshot declared, now in the registry. */
  readonly added: readonly FeatureGroup[];
  /** Groups of the same name and scope that they replaced. */
  readonly replaced: readonly FeatureGroup[];
}

/**
 * Loads a snapshot: each of its groups, with records and offline rows, replaces a group
 * of the same name in the same account and region (other groups stay); a frozen clock is
 * set to the snapshot's time. All or nothing: a bad snapshot changes nothing.
 */
export const importSnapshot = (store: FeatureStore, value: unknown): ImportedSnapshot => {
  const snapshot = asSnapshot(value);
  const groups = snapshot.featureGroups.map((groupSnapshot, i) => {
    const where = `featureGroups[${i}]`;
    const group = groupFromSnapshot(groupSnapshot, where);
    loadGroupRecords(group, groupSnapshot, where);
    return group;
  });
  const frozenAt = snapshot.clock.frozen === true ? parseMs(snapshot.clock.now, 'clock.now') : undefined;
  const replaced: FeatureGroup[] = [];
  for (const group of groups) {
    const existing = store.registry.get(group.scope, group.name);
    if (existing !== undefined) {
      store.registry.remove(existing);
      replaced.push(existing);
    }
    store.registry.add(group);
  }
  if (frozenAt !== undefined) store.clock.set(frozenAt);
  return { added: groups, replaced };
};

/**
 * Puts a snapshot's records back into the groups of the same name that are declared now,
 * after `clearRecords()`: how a suite-level snapshot survives the per-test reset.
 */
export const restoreSnapshotRecords = (store: FeatureStore, value: unknown): void => {
  const snapshot = asSnapshot(value);
  snapshot.featureGroups.forEach((groupSnapshot, i) => {
    const group = store.registry.get(
      { region: groupSnapshot.region, accountId: groupSnapshot.accountId },
      groupSnapshot.definition.FeatureGroupName,
    );
    if (group !== undefined) loadGroupRecords(group, groupSnapshot, `featureGroups[${i}]`);
  });
  if (snapshot.clock.frozen === true) store.clock.set(parseMs(snapshot.clock.now, 'clock.now'));
};

/** Puts back records taken with groupSnapshotRecords (the group's stores are expected empty). */
export const restoreGroupRecords = (group: FeatureGroup, records: GroupRecordsSnapshot): void =>
  loadGroupRecords(group, records, group.name);
