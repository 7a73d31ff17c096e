import type { Instant } from './instant.js';
import { isExpired } from './ttl.js';

/** A stored value: a scalar string, or the elements of a collection feature. */
export type StoredValue = string | readonly string[];

/**
 * The online state of one record identifier (spec §7.1): live, or a soft-delete tombstone
 * that keeps only the identifier and the EventTime of the delete. Values are indexed like
 * the feature group's feature definitions, which keeps a stored record small.
 */
export interface FeatureRecord {
  readonly values: readonly (StoredValue | undefined)[];
  readonly eventTime: Instant;
  readonly expiresAt?: Instant;
  readonly deleted: boolean;
}

/** Latest record per record identifier; expired records read as absent. */
export class OnlineStore {
  private readonly records = new Map<string, FeatureRecord>();

  /** The live record or tombstone, or undefined when absent or expired. */
  current(recordId: string, nowMs: number): FeatureRecord | undefined {
    const record = this.records.get(recordId);
    if (record === undefined) return undefined;
    if (!record.deleted && isExpired(record.expiresAt, nowMs)) {
      // TTL is a hard delete (spec §7.6); purge lazily on read.
      this.records.delete(recordId);
      return undefined;
    }
    return record;
  }

  /** The live record, or undefined when absent, soft-deleted or expired. */
  live(recordId: string, nowMs: number): FeatureRecord | undefined {
    const record = this.current(recordId, nowMs);
    return record === undefined || record.deleted ? undefined : record;
  }

  put(recordId: string, record: FeatureRecord): void {
    this.records.set(recordId, record);
  }

  remove(recordId: string): void {
    this.records.delete(recordId);
  }

  /** Record identifiers in insertion order, with their state; expired ones are skipped. */
  *entries(nowMs: number): IterableIterator<[string, FeatureRecord]> {
    for (const [recordId, record] of this.records) {
      if (!record.deleted && isExpired(record.expiresAt, nowMs)) continue;
      yield [recordId, record];
    }
  }

  get size(): number {
    return this.records.size;
  }

  clear(): void {
    this.records.clear();
  }
}
