import { isFeatureStoreError } from './errors.js';
import type { FeatureGroup } from './feature-group.js';
import type { ExecuteScope, FeatureStore } from './feature-store.js';
import type { FixtureRow } from './fixture-rows.js';
import type { FeatureValue, TargetStore, TtlDuration } from './shapes.js';
import { groupSnapshotRecords, restoreGroupRecords } from './snapshot.js';

export interface SeedOptions {
  /** Region of the feature group; default: the emulator's default region. */
  readonly region?: string;
  /** TargetStores of every PutRecord; default: every store the group has. */
  readonly targetStores?: readonly TargetStore[];
  /** TtlDuration of every PutRecord; default: the group's. */
  readonly ttlDuration?: TtlDuration;
  /** Where the rows come from, for error messages (a file name). */
  readonly source?: string;
}

export interface SeedResult {
  /** Rows written with PutRecord. */
  readonly put: number;
  /** Rows with `is_deleted = true`, replayed as DeleteRecord. */
  readonly deleted: number;
}

/** Thrown when a row breaks the PutRecord rules; nothing of the seed is kept. */
export class SeedError extends Error {
  override readonly name = 'SeedError';
  constructor(
    message: string,
    /** The service's error code, e.g. `ValidationError`. */
    readonly code: string | undefined,
    /** 1-based row of the fixture. */
    readonly row: number,
  ) {
    super(message);
  }
}

/** Offline-store columns of an Athena export; not features (spec §8.1). */
const OFFLINE_COLUMNS: ReadonlySet<string> = new Set(['write_time', 'api_invocation_time', 'is_deleted']);
/** Glue partition columns of an offline-store table (spec §8.3), dropped unless the group defines them. */
const PARTITION_COLUMNS: ReadonlySet<string> = new Set(['year', 'month', 'day', 'hour']);

const isTrue = (value: unknown): boolean => value === true || value === 'true' || value === 'True' || value === 'TRUE';

/** A fixture value as the API's FeatureValue: text as is, numbers and booleans as text, arrays as lists. */
const toFeatureValue = (FeatureName: string, value: unknown, where: string): FeatureValue | undefined => {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'string') return { FeatureName, ValueAsString: value };
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') {
    return { FeatureName, ValueAsString: String(value) };
  }
  if (Array.isArray(value)) return { FeatureName, ValueAsStringList: value.map((item) => String(item)) };
  throw new SeedError(
    `${where}: column ${FeatureName} holds ${JSON.stringify(value)}, which is not a feature value`,
    undefined,
    0,
  );
};

const textOf = (value: unknown): string | undefined =>
  value === null || value === undefined ? undefined : typeof value === 'string' ? value : String(value);

/**
 * Writes fixture rows into a feature group through the core's own PutRecord, so every
 * row follows exactly the rules a PutRecord call follows (validation, EventTime order,
 * TTL, offline rows). A row whose `is_deleted` is true (an offline-store export's
 * deletion marker) is replayed as a SoftDelete DeleteRecord. All or nothing: when a row
 * is refused, the group's records are put back as they were and a SeedError names the row.
 */
export const seedRecords = (
  store: FeatureStore,
  featureGroupName: string,
  rows: readonly FixtureRow[],
  options: SeedOptions = {},
): SeedResult => {
  const scope: ExecuteScope = { region: options.region };
  const group: FeatureGroup | undefined = store.findFeatureGroup(
    featureGroupName,
    options.region ?? store.defaultRegion,
  );
  if (group === undefined) {
    throw new SeedError(
      `Can't seed feature group ${featureGroupName}: it is not declared${options.region === undefined ? '' : ` in ${options.region}`}. Declare it first (createFeatureGroup).`,
      'ResourceNotFound',
      0,
    );
  }
  const source = options.source ?? featureGroupName;
  const before = groupSnapshotRecords(group, store.clock.now());
  let put = 0;
  let deleted = 0;
  rows.forEach((row, i) => {
    const where = `${source} row ${i + 1}`;
    try {
      if (isTrue(row.is_deleted) && group.indexOf('is_deleted') === undefined) {
        store.execute(
          'DeleteRecord',
          {
            FeatureGroupName: group.name,
            RecordIdentifierValueAsString: textOf(row[group.recordIdentifierFeatureName]),
            EventTime: textOf(row[group.eventTimeFeatureName]),
            ...(options.targetStores === undefined ? {} : { TargetStores: [...options.targetStores] }),
          },
          scope,
        );
        deleted++;
        return;
      }
      const record: FeatureValue[] = [];
      for (const [column, value] of Object.entries(row)) {
        const isFeature = group.indexOf(column) !== undefined;
        if (!isFeature && (OFFLINE_COLUMNS.has(column) || PARTITION_COLUMNS.has(column))) continue;
        const featureValue = toFeatureValue(column, value, where);
        if (featureValue !== undefined) record.push(featureValue);
      }
      store.execute(
        'PutRecord',
        {
          FeatureGroupName: group.name,
          Record: record,
          ...(options.targetStores === undefined ? {} : { TargetStores: [...options.targetStores] }),
          ...(options.ttlDuration === undefined ? {} : { TtlDuration: options.ttlDuration }),
        },
        scope,
      );
      put++;
    } catch (error) {
      group.online.clear();
      group.offline.clear();
      restoreGroupRecords(group, before);
      if (error instanceof SeedError) throw new SeedError(error.message, error.code, i + 1);
      if (!isFeatureStoreError(error)) throw error;
      throw new SeedError(`${where}: ${error.code}: ${error.message}`, error.code, i + 1);
    }
  });
  return { put, deleted };
};
