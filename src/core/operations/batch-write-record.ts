import { isFeatureStoreError } from '../errors.js';
import type { OperationContext } from '../operation-context.js';
import { resolveForRead } from '../resolve-feature-group.js';
import type { BatchWriteRecordInput, BatchWriteRecordOutput } from '../shapes.js';
import { Constraints } from '../validation/constraints.js';
import { asInputObject, checkTtlDuration } from '../validation/request-shapes.js';
import { applyPutRecord, checkPutRecordShape } from './put-record.js';

export const MAX_BATCH_WRITE_ENTRIES = 25;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const checkEntries = (c: Constraints, value: unknown): void => {
  if (!c.present(value, 'entries', 'array')) return;
  const entries = value as unknown[];
  if (!c.count(entries, 'entries', 1, MAX_BATCH_WRITE_ENTRIES)) return;
  // Each entry is checked first without its member path; only one that fails is checked
  // again with the path its messages need, so a valid batch builds no path strings.
  let scratch = new Constraints();
  entries.forEach((item, i) => {
    if (isObject(item)) {
      checkPutRecordShape(scratch, item);
      if (scratch.ok) return;
      scratch = new Constraints();
    }
    const path = `entries.${i + 1}.member`;
    if (c.present(item, path, 'object')) checkPutRecordShape(c, item as Record<string, unknown>, `${path}.`);
  });
};

/**
 * BatchWriteRecord (spec §12): each entry is one PutRecord, through the same function.
 *
 * - Model-constraint violations anywhere in the request (entry count, an entry's member
 *   shapes) reject the whole request with ValidationError, as the service's model
 *   validation does before the operation runs; nothing is written.
 * - An entry naming a feature group that does not exist rejects the whole request with
 *   ResourceNotFound, nothing written: the operation models ResourceNotFound, which PutRecord
 *   and BatchGetRecord do not (see docs/behaviour.md).
 * - Every other failure (unknown feature, bad value, missing identifier, a target store the
 *   group lacks) is that entry's `Errors` item, and the other entries are still written.
 */
export const batchWriteRecord = (input: unknown, ctx: OperationContext): BatchWriteRecordOutput => {
  const c = new Constraints();
  const request = asInputObject(c, input);
  checkEntries(c, request.Entries);
  checkTtlDuration(c, request.TtlDuration, 'ttlDuration');
  c.throwIfAny();
  const { Entries, TtlDuration } = request as unknown as BatchWriteRecordInput;

  for (const entry of Entries) resolveForRead(ctx, entry.FeatureGroupName);

  const output: BatchWriteRecordOutput = { Errors: [], UnprocessedEntries: [] };
  for (const entry of Entries) {
    try {
      // The entry's own TtlDuration overrides the request's; PutRecord then falls back to the group's.
      const ttl = entry.TtlDuration ?? TtlDuration;
      applyPutRecord(ttl === entry.TtlDuration ? entry : { ...entry, TtlDuration: ttl }, ctx);
    } catch (error) {
      if (!isFeatureStoreError(error)) throw error;
      output.Errors.push({ Entry: structuredClone(entry), ErrorCode: error.code, ErrorMessage: error.message });
    }
  }
  return output;
};
