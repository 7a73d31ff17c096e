import type { FeatureGroup } from '../feature-group.js';
import { formatInstant } from '../instant.js';
import type { FeatureRecord } from '../online-store.js';
import type { OperationContext } from '../operation-context.js';
import { requireOnlineStore, resolveForRead } from '../resolve-feature-group.js';
import type { ExpirationTimeResponse, FeatureValue, GetRecordInput, GetRecordOutput } from '../shapes.js';
import { validationError } from '../errors.js';
import { Constraints } from '../validation/constraints.js';
import { EXPIRATION_TIME_RESPONSES, MAX_VALUE_AS_STRING } from '../validation/patterns.js';
import { asInputObject, checkFeatureGroupNameOrArn, checkFeatureNames } from '../validation/request-shapes.js';
import { checkRecordIdentifierSize } from '../validation/validate-record.js';

/**
 * Indexes of the features to return: all, in definition order (spec A9), or the named ones.
 * Undefined names are an error unless the emulator is told to ignore them (spec A8).
 */
export const selectFeatures = (
  group: FeatureGroup,
  featureNames: readonly string[] | undefined,
  ctx: OperationContext,
): readonly number[] | undefined => {
  if (featureNames === undefined) return undefined;
  const indexes: number[] = [];
  for (const name of featureNames) {
    const index = group.indexOf(name);
    if (index !== undefined) indexes.push(index);
    else if (ctx.behaviour.unknownFeatureNames === 'error') {
      throw validationError(`The feature ${name} in FeatureNames is not defined in FeatureGroup ${group.name}.`);
    }
  }
  // A name listed twice is still one feature of the answer.
  return [...new Set(indexes)].sort((a, b) => a - b);
};

/** The `Record` of a stored record: features with a value, scalars as ValueAsString, collections as ValueAsStringList. */
export const toFeatureValues = (
  group: FeatureGroup,
  record: FeatureRecord,
  selected: readonly number[] | undefined,
): FeatureValue[] => {
  const out: FeatureValue[] = [];
  const count = selected === undefined ? group.features.length : selected.length;
  for (let k = 0; k < count; k++) {
    const index = selected === undefined ? k : (selected[k] as number);
    const value = record.values[index];
    if (value === undefined) continue;
    const name = (group.features[index] as { FeatureName: string }).FeatureName;
    out.push(
      typeof value === 'string'
        ? { FeatureName: name, ValueAsString: value }
        : { FeatureName: name, ValueAsStringList: [...value] },
    );
  }
  return out;
};

export const expiresAtFor = (
  record: FeatureRecord,
  response: ExpirationTimeResponse | undefined,
): string | undefined =>
  response === 'Enabled' && record.expiresAt !== undefined ? formatInstant(record.expiresAt) : undefined;

export const checkExpirationTimeResponse = (c: Constraints, value: unknown, path: string): void => {
  if (c.optional(value, path, 'string')) c.oneOf(value, path, EXPIRATION_TIME_RESPONSES);
};

/** GetRecord: the live record, or an empty result when it is absent, deleted or expired (spec §7.4). */
export const getRecord = (input: unknown, ctx: OperationContext): GetRecordOutput => {
  const c = new Constraints();
  const request = asInputObject(c, input);
  checkFeatureGroupNameOrArn(c, request.FeatureGroupName, 'featureGroupName');
  if (c.present(request.RecordIdentifierValueAsString, 'recordIdentifierValueAsString', 'string')) {
    c.length(request.RecordIdentifierValueAsString as string, 'recordIdentifierValueAsString', 0, MAX_VALUE_AS_STRING);
  }
  checkFeatureNames(c, request.FeatureNames, 'featureNames');
  checkExpirationTimeResponse(c, request.ExpirationTimeResponse, 'expirationTimeResponse');
  c.throwIfAny();
  const { FeatureGroupName, RecordIdentifierValueAsString, FeatureNames, ExpirationTimeResponse } =
    request as unknown as GetRecordInput;

  const group = resolveForRead(ctx, FeatureGroupName);
  requireOnlineStore(group);
  checkRecordIdentifierSize(RecordIdentifierValueAsString);
  const selected = selectFeatures(group, FeatureNames, ctx);
  const record = group.online.live(RecordIdentifierValueAsString, ctx.now);
  if (record === undefined) return {};
  const output: GetRecordOutput = { Record: toFeatureValues(group, record, selected) };
  const expiry = expiresAtFor(record, ExpirationTimeResponse);
  if (expiry !== undefined) output.ExpiresAt = expiry;
  return output;
};
