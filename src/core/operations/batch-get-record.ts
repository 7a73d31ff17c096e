import { isFeatureStoreError } from '../errors.js';
import type { OperationContext } from '../operation-context.js';
import { findUsableGroup, requireOnlineStore, resolveForRead } from '../resolve-feature-group.js';
import type { BatchGetRecordIdentifier, BatchGetRecordInput, BatchGetRecordOutput } from '../shapes.js';
import { Constraints } from '../validation/constraints.js';
import { MAX_BATCH_GET_RECORDS, MAX_VALUE_AS_STRING } from '../validation/patterns.js';
import { asInputObject, checkFeatureGroupNameOrArn, checkFeatureNames } from '../validation/request-shapes.js';
import { checkRecordIdentifierSize } from '../validation/validate-record.js';
import { checkExpirationTimeResponse, expiresAtFor, selectFeatures, toFeatureValues } from './get-record.js';

const checkIdentifiers = (c: Constraints, value: unknown): void => {
  if (!c.present(value, 'identifiers', 'array')) return;
  const identifiers = value as unknown[];
  if (!c.count(identifiers, 'identifiers', 1, 100)) return;
  let total = 0;
  identifiers.forEach((item, i) => {
    const path = `identifiers.${i + 1}.member`;
    if (!c.present(item, path, 'object')) return;
    const identifier = item as Record<string, unknown>;
    checkFeatureGroupNameOrArn(c, identifier.FeatureGroupName, `${path}.featureGroupName`);
    const ids = identifier.RecordIdentifiersValueAsString;
    if (c.present(ids, `${path}.recordIdentifiersValueAsString`, 'array')) {
      const list = ids as unknown[];
      total += list.length;
      c.count(list, `${path}.recordIdentifiersValueAsString`, 1, 100);
      list.forEach((id, j) => {
        if (typeof id === 'string' && id.length <= MAX_VALUE_AS_STRING) return; // valid: no path needed
        const idPath = `${path}.recordIdentifiersValueAsString.${j + 1}.member`;
        if (c.present(id, idPath, 'string')) c.length(id as string, idPath, 0, MAX_VALUE_AS_STRING);
      });
    }
    checkFeatureNames(c, identifier.FeatureNames, `${path}.featureNames`);
  });
  // Quota: one call reads at most 100 records in all (spec A27).
  if (c.ok && total > MAX_BATCH_GET_RECORDS) {
    c.fail('identifiers', `${total} record identifiers`, `request at most ${MAX_BATCH_GET_RECORDS} records in total`);
  }
};

/**
 * BatchGetRecord (spec §7.5): found records in request order, absent ones silently
 * omitted, per-group failures as Errors entries with GetRecord's codes (spec A6).
 */
export const batchGetRecord = (input: unknown, ctx: OperationContext): BatchGetRecordOutput => {
  const c = new Constraints();
  const request = asInputObject(c, input);
  checkIdentifiers(c, request.Identifiers);
  checkExpirationTimeResponse(c, request.ExpirationTimeResponse, 'expirationTimeResponse');
  c.throwIfAny();
  const { Identifiers, ExpirationTimeResponse } = request as unknown as BatchGetRecordInput;
  // The 2 KB record identifier quota fails the whole call, like the model constraints above.
  for (const identifier of Identifiers) identifier.RecordIdentifiersValueAsString.forEach(checkRecordIdentifierSize);

  const output: BatchGetRecordOutput = { Records: [], Errors: [], UnprocessedIdentifiers: [] };
  // One result per distinct (group, record identifier) of the whole request (spec A26).
  const answered = new Set<string>();
  for (const identifier of Identifiers) readIdentifier(identifier, ExpirationTimeResponse, ctx, output, answered);
  return output;
};

const readIdentifier = (
  identifier: BatchGetRecordIdentifier,
  expirationTimeResponse: BatchGetRecordInput['ExpirationTimeResponse'],
  ctx: OperationContext,
  output: BatchGetRecordOutput,
  answered: Set<string>,
): void => {
  const { FeatureGroupName } = identifier;
  const found = findUsableGroup(ctx, FeatureGroupName);
  // Records already answered for this group (by an earlier identifier, or earlier in this list) are not answered again.
  const groupKey = found === undefined ? `?${FeatureGroupName.toLowerCase()}` : found.arn;
  const recordIds = identifier.RecordIdentifiersValueAsString.filter((recordId) => {
    const key = `${groupKey}\u0000${recordId}`;
    if (answered.has(key)) return false;
    answered.add(key);
    return true;
  });
  try {
    const group = resolveForRead(ctx, FeatureGroupName);
    requireOnlineStore(group);
    const selected = selectFeatures(group, identifier.FeatureNames, ctx);
    for (const recordId of recordIds) {
      const record = group.online.live(recordId, ctx.now);
      if (record === undefined) continue;
      const expiry = expiresAtFor(record, expirationTimeResponse);
      output.Records.push({
        FeatureGroupName,
        RecordIdentifierValueAsString: recordId,
        Record: toFeatureValues(group, record, selected),
        ...(expiry === undefined ? {} : { ExpiresAt: expiry }),
      });
    }
  } catch (error) {
    if (!isFeatureStoreError(error)) throw error;
    for (const recordId of recordIds) {
      output.Errors.push({
        FeatureGroupName,
        RecordIdentifierValueAsString: recordId,
        ErrorCode: error.code,
        ErrorMessage: error.message,
      });
    }
  }
};
