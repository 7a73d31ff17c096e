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
  /** Append a deleted-record marker offline when this record expires (BehaviourOptions.offlineMarkerOnExpiry). */
  readonly markOnExpiry?: boolean;
}

/**
 * One record identifier's place in the listing order. `seq` is given once, when the
 * identifier first enters the store, and never changes while it stays there (overwrites
 * and soft deletes keep it); a removed identifier that comes back gets a new one.
 */
interface Slot {
  readonly recordId: string;
  readonly seq: number;
  record: FeatureRecord;
  removed: boolean;
}

/** One page of record identifiers, and where the next page starts. */
export interface RecordIdentifierPage {
  readonly recordIds: string[];
  /** The `seq` to resume after, or undefined when nothing follows. */
  readonly resumeAfter: number | undefined;
}

export interface PageOptions {
  /** Resume after this `seq` (from an earlier page); undefined starts at the beginning. */
  readonly after: number | undefined;
  readonly limit: number;
  readonly includeDeleted: boolean;
  readonly nowMs: number;
  /**
   * How many slots one page may examine. Soft-deleted or expired records between live ones
   * are skipped, and a page stops early (with a resume point) once this many were examined,
   * so a page never costs more than this, as a DynamoDB Scan page is bounded by its size.
   */
  readonly examineAtMost: number;
}

/**
 * Latest record per record identifier; expired records read as absent. Besides the map,
 * an append-only array of slots in first-write order (sorted by `seq`) lets ListRecords
 * resume a page in O(log n) from the `seq` in its token, however the store changed since.
 * Removed slots stay in the array, marked, until they outnumber the live ones; then the
 * array is compacted, which keeps it sorted, so binary search still finds the resume point.
 */
export class OnlineStore {
  private readonly records = new Map<string, Slot>();
  private order: Slot[] = [];
  private removedInOrder = 0;
  private nextSeq = 0;
  /** Set once a record asks for an expiry marker; until then sweeping has nothing to find. */
  private expiryMarkersWanted = false;
  /** Called when a record expires, before it is purged. */
  onExpire: ((recordId: string, record: FeatureRecord) => void) | undefined;
  /**
   * ExpiresAt of records purged by TTL and not written since, so an inspection that finds
   * nothing can say the record expired rather than that it was never there.
   */
  private readonly expired = new Map<string, Instant>();

  /** The live record or tombstone, or undefined when absent or expired. */
  current(recordId: string, nowMs: number): FeatureRecord | undefined {
    const slot = this.records.get(recordId);
    if (slot === undefined) return undefined;
    if (this.expireIfDue(slot, nowMs)) return undefined;
    return slot.record;
  }

  /** The live record, or undefined when absent, soft-deleted or expired. */
  live(recordId: string, nowMs: number): FeatureRecord | undefined {
    const record = this.current(recordId, nowMs);
    return record === undefined || record.deleted ? undefined : record;
  }

  put(recordId: string, record: FeatureRecord): void {
    if (record.markOnExpiry === true) this.expiryMarkersWanted = true;
    if (this.expired.size > 0) this.expired.delete(recordId);
    const slot = this.records.get(recordId);
    if (slot !== undefined) {
      slot.record = record;
      return;
    }
    const added: Slot = { recordId, seq: this.nextSeq++, record, removed: false };
    this.records.set(recordId, added);
    this.order.push(added);
  }

  remove(recordId: string): void {
    if (this.expired.size > 0) this.expired.delete(recordId);
    const slot = this.records.get(recordId);
    if (slot !== undefined) this.removeSlot(slot);
  }

  /** Record identifiers in first-write order, with their state; expired ones are skipped. */
  *entries(nowMs: number): IterableIterator<[string, FeatureRecord]> {
    // Compaction replaces `this.order` with a new array; this one stays valid while iterating.
    for (const slot of this.order) {
      if (slot.removed || this.expireIfDue(slot, nowMs)) continue;
      yield [slot.recordId, slot.record];
    }
  }

  /**
   * Up to `limit` record identifiers after the `seq` `after`, in first-write order:
   * live records, and soft-deleted ones when `includeDeleted`. An identifier present
   * throughout a paging session keeps its `seq`, so it is listed exactly once.
   */
  page(options: PageOptions): RecordIdentifierPage {
    const { limit, includeDeleted, nowMs } = options;
    // Compaction replaces `this.order` with a new array; this reference stays valid meanwhile.
    const order = this.order;
    const recordIds: string[] = [];
    let lastReturnedSeq: number | undefined;
    let index = options.after === undefined ? 0 : this.firstIndexAfter(options.after);
    for (let examined = 0; index < order.length; index++) {
      const slot = order[index] as Slot;
      if (++examined > options.examineAtMost) {
        // Budget spent: resume after the last slot examined, so every page makes progress.
        return { recordIds, resumeAfter: (order[index - 1] as Slot).seq };
      }
      if (slot.removed || this.expireIfDue(slot, nowMs)) continue;
      if (!includeDeleted && slot.record.deleted) continue;
      if (recordIds.length === limit) {
        // Full, and something listable follows: resume after the last identifier returned.
        return { recordIds, resumeAfter: lastReturnedSeq };
      }
      recordIds.push(slot.recordId);
      lastReturnedSeq = slot.seq;
    }
    return { recordIds, resumeAfter: undefined };
  }

  /**
   * Purges every record whose ExpiresAt has passed, so each one's expiry is observed
   * (and its marker written) even if nothing reads it. A no-op unless markers are wanted.
   */
  sweepExpired(nowMs: number): void {
    if (!this.expiryMarkersWanted) return;
    for (const slot of this.order) if (!slot.removed) this.expireIfDue(slot, nowMs);
  }

  get size(): number {
    return this.records.size;
  }

  /** When the record was purged by TTL, if that is why it is absent now. */
  expiredAt(recordId: string): Instant | undefined {
    return this.expired.get(recordId);
  }

  clear(): void {
    this.expired.clear();
    this.records.clear();
    this.order = [];
    this.removedInOrder = 0;
  }

  /** TTL is a hard delete (spec §7.6); expired records are purged lazily when read. */
  private expireIfDue(slot: Slot, nowMs: number): boolean {
    if (slot.record.deleted || !isExpired(slot.record.expiresAt, nowMs)) return false;
    this.onExpire?.(slot.recordId, slot.record);
    this.removeSlot(slot);
    this.expired.set(slot.recordId, slot.record.expiresAt as Instant);
    return true;
  }

  private removeSlot(slot: Slot): void {
    if (slot.removed) return;
    slot.removed = true;
    this.records.delete(slot.recordId);
    this.removedInOrder++;
    if (this.removedInOrder > 1024 && this.removedInOrder * 2 > this.order.length) {
      this.order = this.order.filter((s) => !s.removed);
      this.removedInOrder = 0;
    }
  }

  /** Index of the first slot whose seq is greater than `seq` (binary search; `order` is sorted by seq). */
  private firstIndexAfter(seq: number): number {
    let low = 0;
    let high = this.order.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if ((this.order[mid] as Slot).seq <= seq) low = mid + 1;
      else high = mid;
    }
    return low;
  }
}
