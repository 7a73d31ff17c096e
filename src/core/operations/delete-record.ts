import { FeatureStoreError } from '../errors.js';
import { compareInstants } from '../instant.js';
import type { OperationContext } from '../operation-context.js';
import { appendOfflineRow, resolveTargetStores } from '../record-writer.js';
import { resolveForWrite } from '../resolve-feature-group.js';
import type { DeleteRecordInput } from '../shapes.js';
import { Constraints } from '../validation/constraints.js';
import { DELETION_MODES, MAX_VALUE_AS_STRING } from '../validation/patterns.js';
import { asInputObject, checkFeatureGroupNameOrArn, checkTargetStores } from '../validation/request-shapes.js';
import { checkRecordIdentifierSize, parseGroupEventTime } from '../validation/validate-record.js';

/**
 * DeleteRecord (spec §7.7, table 7.7.1). SoftDelete leaves a tombstone when the delete is
 * later than the record, and writes the offline marker either way; HardDelete removes the
 * record, but a delete that is not later fails and writes no marker.
 */
export const deleteRecord = (input: unknown, ctx: OperationContext): object => {
  const c = new Constraints();
  const request = asInputObject(c, input);
  checkFeatureGroupNameOrArn(c, request.FeatureGroupName, 'featureGroupName');
  for (const member of ['RecordIdentifierValueAsString', 'EventTime'] as const) {
    const path = member === 'EventTime' ? 'eventTime' : 'recordIdentifierValueAsString';
    if (c.present(request[member], path, 'string')) c.length(request[member] as string, path, 0, MAX_VALUE_AS_STRING);
  }
  checkTargetStores(c, request.TargetStores, 'targetStores');
  if (c.optional(request.DeletionMode, 'deletionMode', 'string'))
    c.oneOf(request.DeletionMode, 'deletionMode', DELETION_MODES);
  c.throwIfAny();
  const {
    FeatureGroupName,
    RecordIdentifierValueAsString: recordId,
    EventTime,
    TargetStores,
    DeletionMode,
  } = request as unknown as DeleteRecordInput;

  const group = resolveForWrite(ctx, FeatureGroupName);
  checkRecordIdentifierSize(recordId);
  const eventTime = parseGroupEventTime(group, EventTime);
  const targets = resolveTargetStores(group, TargetStores);
  const hard = DeletionMode === 'HardDelete';

  if (targets.includes('OnlineStore')) {
    const current = group.online.current(recordId, ctx.now);
    const later = current === undefined || compareInstants(eventTime, current.eventTime) > 0;
    if (hard && !later) {
      throw new FeatureStoreError(
        ctx.behaviour.hardDeleteConflictCode,
        `The EventTime ${EventTime} of the delete request must be later than the EventTime of the existing record ${recordId} in the OnlineStore.`,
      );
    }
    if (later) {
      if (hard) group.online.remove(recordId);
      else group.online.put(recordId, { values: [], eventTime, deleted: true });
    }
  }
  if (targets.includes('OfflineStore')) {
    const values: (string | undefined)[] = [];
    values[group.recordIdentifierIndex] = recordId;
    values[group.eventTimeIndex] = EventTime;
    appendOfflineRow(group, ctx, recordId, eventTime, values, true);
  }
  return {};
};
