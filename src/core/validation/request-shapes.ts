import { parseFeatureGroupNameOrArn } from '../feature-group-registry.js';
import type { Constraints } from './constraints.js';
import {
  FEATURE_GROUP_NAME_OR_ARN_PATTERN_TEXT,
  FEATURE_NAME_PATTERN_TEXT,
  FEATURE_NAME_TEST,
  MAX_FEATURE_GROUP_NAME_OR_ARN,
  MAX_VALUE_AS_STRING,
  TARGET_STORES,
  TTL_UNITS,
  type TextTest,
} from './patterns.js';

/**
 * Model-constraint checks of the members the runtime operations share. Each records
 * violations on `c` and never throws, so one request reports all of them at once.
 */

/** The model pattern, through the registry's parse of the same expression (remembered per name). */
const NAME_OR_ARN_TEST: TextTest = { test: (text) => parseFeatureGroupNameOrArn(text) !== undefined };

/** `max`: 150 in the runtime model, 256 in the SageMaker model (spec §4). */
export const checkFeatureGroupNameOrArn = (
  c: Constraints,
  value: unknown,
  path: string,
  max = MAX_FEATURE_GROUP_NAME_OR_ARN,
): void => {
  if (!c.present(value, path, 'string')) return;
  const text = value as string;
  if (!c.length(text, path, 1, max)) return;
  c.pattern(text, path, NAME_OR_ARN_TEST, FEATURE_GROUP_NAME_OR_ARN_PATTERN_TEXT);
};

export const checkFeatureName = (c: Constraints, value: unknown, path: string): void => {
  if (!c.present(value, path, 'string')) return;
  const text = value as string;
  if (!c.length(text, path, 1, 64)) return;
  c.pattern(text, path, FEATURE_NAME_TEST, FEATURE_NAME_PATTERN_TEXT);
};

export const checkValueAsString = (c: Constraints, value: unknown, path: string, required: boolean): void => {
  if (required ? !c.present(value, path, 'string') : !c.optional(value, path, 'string')) return;
  c.length(value as string, path, 0, MAX_VALUE_AS_STRING);
};

const isValueAsString = (value: unknown): boolean => typeof value === 'string' && value.length <= MAX_VALUE_AS_STRING;

/**
 * True when `checkRecord` would find nothing: the common case, answered without building
 * the member paths that only a violation's message needs.
 */
export const isWellFormedRecord = (value: unknown): boolean => {
  if (!Array.isArray(value) || value.length === 0) return false;
  for (const item of value as unknown[]) {
    if (typeof item !== 'object' || item === null || Array.isArray(item)) return false;
    const { FeatureName, ValueAsString, ValueAsStringList } = item as Record<string, unknown>;
    if (typeof FeatureName !== 'string' || FeatureName.length < 1 || FeatureName.length > 64) return false;
    if (!FEATURE_NAME_TEST.test(FeatureName)) return false;
    if (ValueAsString !== undefined && ValueAsString !== null && !isValueAsString(ValueAsString)) return false;
    if (ValueAsStringList !== undefined && ValueAsStringList !== null) {
      if (!Array.isArray(ValueAsStringList)) return false;
      for (const element of ValueAsStringList as unknown[]) if (!isValueAsString(element)) return false;
    }
  }
  return true;
};

/** `Record`: a list of 1+ FeatureValues, each with a FeatureName and at most one value form. */
export const checkRecord = (c: Constraints, value: unknown, path: string): void => {
  if (!isWellFormedRecord(value)) checkRecordMembers(c, value, path);
};

/** `checkRecord` member by member, recording each violation with its path. */
export const checkRecordMembers = (c: Constraints, value: unknown, path: string): void => {
  if (!c.present(value, path, 'array')) return;
  const record = value as unknown[];
  c.count(record, path, 1, Number.MAX_SAFE_INTEGER);
  record.forEach((item, i) => {
    const itemPath = `${path}.${i + 1}.member`;
    if (!c.present(item, itemPath, 'object')) return;
    const featureValue = item as Record<string, unknown>;
    checkFeatureName(c, featureValue.FeatureName, `${itemPath}.featureName`);
    checkValueAsString(c, featureValue.ValueAsString, `${itemPath}.valueAsString`, false);
    const list = featureValue.ValueAsStringList;
    if (c.optional(list, `${itemPath}.valueAsStringList`, 'array')) {
      (list as unknown[]).forEach((element, j) =>
        checkValueAsString(c, element, `${itemPath}.valueAsStringList.${j + 1}.member`, true),
      );
    }
  });
};

export const checkTargetStores = (c: Constraints, value: unknown, path: string): void => {
  if (!c.optional(value, path, 'array')) return;
  const stores = value as unknown[];
  if (!c.count(stores, path, 1, 2)) return;
  stores.forEach((store, i) => c.oneOf(store, `${path}.${i + 1}.member`, TARGET_STORES));
};

export const checkTtlDuration = (c: Constraints, value: unknown, path: string): void => {
  if (!c.optional(value, path, 'object')) return;
  const ttl = value as Record<string, unknown>;
  if (c.present(ttl.Unit, `${path}.unit`, 'string')) c.oneOf(ttl.Unit, `${path}.unit`, TTL_UNITS);
  // `TtlDurationValue` is a Smithy integer: 32 bits.
  if (c.present(ttl.Value, `${path}.value`, 'number')) c.range(ttl.Value as number, `${path}.value`, 1, 2_147_483_647);
};

export const checkFeatureNames = (c: Constraints, value: unknown, path: string): void => {
  if (!c.optional(value, path, 'array')) return;
  const names = value as unknown[];
  c.count(names, path, 1, Number.MAX_SAFE_INTEGER);
  names.forEach((name, i) => checkFeatureName(c, name, `${path}.${i + 1}.member`));
};

/** Any input must be a JSON object; the SDK always sends one, raw HTTP callers might not. */
export const asInputObject = (c: Constraints, input: unknown): Record<string, unknown> => {
  if (typeof input === 'object' && input !== null && !Array.isArray(input)) return input as Record<string, unknown>;
  c.fail('input', input, 'be a structure');
  c.throwIfAny();
  return {};
};
