import type { OperationContext } from '../operation-context.js';
import { resolveTargetStores, writeRecord } from '../record-writer.js';
import { resolveForWrite } from '../resolve-feature-group.js';
import type { PutRecordInput } from '../shapes.js';
import { Constraints } from '../validation/constraints.js';
import {
  asInputObject,
  checkFeatureGroupNameOrArn,
  checkRecord,
  checkTargetStores,
  checkTtlDuration,
} from '../validation/request-shapes.js';
import { validateRecord } from '../validation/validate-record.js';

export const checkPutRecordShape = (c: Constraints, input: Record<string, unknown>, prefix = ''): void => {
  checkFeatureGroupNameOrArn(c, input.FeatureGroupName, `${prefix}featureGroupName`);
  checkRecord(c, input.Record, `${prefix}record`);
  checkTargetStores(c, input.TargetStores, `${prefix}targetStores`);
  checkTtlDuration(c, input.TtlDuration, `${prefix}ttlDuration`);
};

/**
 * Validates and applies one PutRecord-shaped write. BatchWriteRecord runs each entry
 * through this same function, so both follow one set of rules.
 */
export const applyPutRecord = (request: PutRecordInput, ctx: OperationContext): void => {
  const group = resolveForWrite(ctx, request.FeatureGroupName);
  const record = validateRecord(group, request.Record, true);
  const targets = resolveTargetStores(group, request.TargetStores);
  writeRecord(group, ctx, {
    recordId: record.recordId as string,
    eventTime: record.eventTime!,
    values: record.values,
    targets,
    ttl: request.TtlDuration,
  });
};

/** PutRecord: write a whole record to the group's stores (spec §7.3). */
export const putRecord = (input: unknown, ctx: OperationContext): object => {
  const c = new Constraints();
  const request = asInputObject(c, input);
  checkPutRecordShape(c, request);
  c.throwIfAny();
  applyPutRecord(request as unknown as PutRecordInput, ctx);
  return {};
};
