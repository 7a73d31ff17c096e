import type { Instant } from './instant.js';

/**
 * One row of the offline store as the service writes it (spec §8.2): every feature,
 * plus `write_time`, `api_invocation_time` and `is_deleted`. Values are indexed like the
 * group's feature definitions; absent features are null.
 */
export interface OfflineRow {
  readonly recordId: string;
  readonly values: readonly (string | null)[];
  readonly eventTime: Instant;
  readonly apiInvocationTime: number;
  readonly writeTime: number;
  readonly isDeleted: boolean;
}

/** Append-only log of offline rows, indexed by record identifier for point reads. */
export class OfflineStore {
  private readonly rows: OfflineRow[] = [];
  private readonly byRecordId = new Map<string, OfflineRow[]>();

  append(row: OfflineRow): void {
    this.rows.push(row);
    const forRecord = this.byRecordId.get(row.recordId);
    if (forRecord === undefined) this.byRecordId.set(row.recordId, [row]);
    else forRecord.push(row);
  }

  /** Rows delivered by `nowMs` (write_time reached), in append order. */
  delivered(nowMs: number, recordId?: string): OfflineRow[] {
    const source = recordId === undefined ? this.rows : (this.byRecordId.get(recordId) ?? []);
    return source.filter((row) => row.writeTime <= nowMs);
  }

  /** Rows written but still buffered at `nowMs` (write_time ahead), in append order. */
  pending(nowMs: number, recordId?: string): OfflineRow[] {
    const source = recordId === undefined ? this.rows : (this.byRecordId.get(recordId) ?? []);
    return source.filter((row) => row.writeTime > nowMs);
  }

  /** Record identifiers with a delivered row, in first-row order. */
  deliveredRecordIds(nowMs: number): string[] {
    const ids: string[] = [];
    for (const [recordId, rows] of this.byRecordId) if (rows.some((row) => row.writeTime <= nowMs)) ids.push(recordId);
    return ids;
  }

  get size(): number {
    return this.rows.length;
  }

  /**
   * Delivers every row still buffered at `nowMs`, with `write_time` = `nowMs`: the
   * emulator's "flush to S3 now". Returns how many rows it delivered.
   */
  deliverPending(nowMs: number): number {
    let delivered = 0;
    for (const row of this.rows) {
      if (row.writeTime <= nowMs) continue;
      (row as { writeTime: number }).writeTime = nowMs;
      delivered += 1;
    }
    return delivered;
  }

  clear(): void {
    this.rows.length = 0;
    this.byRecordId.clear();
  }
}
