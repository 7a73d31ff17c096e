import { eventTimeFormatHint, parseEventTime } from '../event-time.js';
import { validationError } from '../errors.js';
import type { FeatureGroup } from '../feature-group.js';
import type { Instant } from '../instant.js';
import type { StoredValue } from '../online-store.js';
import type { FeatureDefinition, FeatureValue } from '../shapes.js';
import {
  DECIMAL,
  INT64_MAX,
  INT64_MIN,
  INTEGRAL,
  MAX_RECORD_BYTES,
  MAX_RECORD_IDENTIFIER_BYTES,
  utf8Length,
} from './patterns.js';

/** A record whose every value was checked against the group's feature definitions. */
export interface ValidatedRecord {
  /** Values indexed like the group's features; undefined where the request had none. */
  readonly values: (StoredValue | undefined)[];
  readonly recordId: string | undefined;
  readonly eventTime: Instant | undefined;
}

const isScalarValid = (feature: FeatureDefinition, text: string): boolean => {
  switch (feature.FeatureType) {
    case 'String':
      return true;
    case 'Integral': {
      if (!INTEGRAL.test(text)) return false;
      if (text.length < 19) return true;
      const value = BigInt(text);
      return value >= INT64_MIN && value <= INT64_MAX;
    }
    case 'Fractional':
      return DECIMAL.test(text) && Number.isFinite(Number(text));
  }
};

const invalidValue = (feature: FeatureDefinition, text: string): Error =>
  validationError(
    `The value '${text.length > 120 ? `${text.slice(0, 120)}...` : text}' of feature ${feature.FeatureName} is not a valid ${feature.FeatureType}.`,
  );

const checkCollection = (group: FeatureGroup, feature: FeatureDefinition, list: readonly string[]): StoredValue => {
  for (const element of list) {
    if (!isScalarValid(feature, element)) throw invalidValue(feature, element);
  }
  if (feature.CollectionType === 'Vector') {
    const dimension = feature.CollectionConfig?.VectorConfig?.Dimension;
    if (list.length !== dimension) {
      throw validationError(
        `The feature ${feature.FeatureName} of FeatureGroup ${group.name} is a Vector of dimension ${String(dimension)}; got ${list.length} elements.`,
      );
    }
  }
  // A Set keeps the first occurrence of each element (spec A15).
  return feature.CollectionType === 'Set' ? [...new Set(list)] : [...list];
};

/**
 * Checks each FeatureValue against its FeatureDefinition (spec §6, A7, A13-A17). With
 * `requireIdentity`, the record identifier and event time must be present (PutRecord);
 * UpdateRecord passes false and checks what it gets.
 */
export const validateRecord = (
  group: FeatureGroup,
  record: readonly FeatureValue[],
  requireIdentity: boolean,
): ValidatedRecord => {
  const values: (StoredValue | undefined)[] = new Array(group.features.length);
  const seen = new Uint8Array(group.features.length);
  for (const featureValue of record) {
    const index = group.indexOf(featureValue.FeatureName);
    if (index === undefined) {
      throw validationError(`The feature ${featureValue.FeatureName} is not defined in FeatureGroup ${group.name}.`);
    }
    if (seen[index] === 1) {
      throw validationError(`The feature ${featureValue.FeatureName} appears more than once in the Record.`);
    }
    seen[index] = 1;
    const feature = group.features[index] as FeatureDefinition;
    const scalar = featureValue.ValueAsString;
    const list = featureValue.ValueAsStringList;
    if (scalar !== undefined && list !== undefined) {
      throw validationError(
        `The feature ${feature.FeatureName} sets both ValueAsString and ValueAsStringList; set exactly one.`,
      );
    }
    if (feature.CollectionType === undefined) {
      if (scalar === undefined) {
        throw validationError(
          list === undefined
            ? `The feature ${feature.FeatureName} has no value; set ValueAsString.`
            : `The feature ${feature.FeatureName} is not a collection type; use ValueAsString, not ValueAsStringList.`,
        );
      }
      if (!isScalarValid(feature, scalar)) throw invalidValue(feature, scalar);
      values[index] = scalar;
    } else {
      if (list === undefined) {
        throw validationError(
          `The feature ${feature.FeatureName} is a ${feature.CollectionType} collection; use ValueAsStringList, not ValueAsString.`,
        );
      }
      // An empty collection is accepted and stored as no value (spec A17).
      if (list.length > 0) values[index] = checkCollection(group, feature, list);
    }
  }
  checkRecordSize(values);

  const recordId = values[group.recordIdentifierIndex] as string | undefined;
  const eventTimeText = values[group.eventTimeIndex] as string | undefined;
  if (requireIdentity) {
    if (recordId === undefined || recordId === '') {
      throw validationError(
        `Record must contain a value for the RecordIdentifierFeatureName ${group.recordIdentifierFeatureName}.`,
      );
    }
    if (eventTimeText === undefined || eventTimeText === '') {
      throw validationError(`Record must contain a value for the EventTimeFeatureName ${group.eventTimeFeatureName}.`);
    }
  }
  if (recordId !== undefined) checkRecordIdentifierSize(recordId);
  return {
    values,
    recordId,
    eventTime: eventTimeText === undefined ? undefined : parseGroupEventTime(group, eventTimeText),
  };
};

/** The record-size quota (spec §6.3), over the values as stored; UpdateRecord checks the merged record. */
export const checkRecordSize = (values: readonly (StoredValue | undefined)[]): void => {
  let bytes = 0;
  for (const value of values) {
    if (typeof value === 'string') bytes += utf8Length(value);
    else if (value !== undefined) for (const element of value) bytes += utf8Length(element);
  }
  if (bytes > MAX_RECORD_BYTES) {
    throw validationError(`The Record is ${bytes} bytes; the maximum record size is ${MAX_RECORD_BYTES} bytes.`);
  }
};

export const checkRecordIdentifierSize = (recordId: string): void => {
  if (recordId.length * 3 > MAX_RECORD_IDENTIFIER_BYTES && utf8Length(recordId) > MAX_RECORD_IDENTIFIER_BYTES) {
    throw validationError(
      `The record identifier is ${utf8Length(recordId)} bytes; the maximum record identifier size is ${MAX_RECORD_IDENTIFIER_BYTES} bytes.`,
    );
  }
};

/** Parses an EventTime per the group's event-time feature type, or throws ValidationError. */
export const parseGroupEventTime = (group: FeatureGroup, text: string): Instant => {
  const instant = parseEventTime(group.eventTimeType, text);
  if (instant === undefined) {
    throw validationError(
      `The EventTime value '${text}' of feature ${group.eventTimeFeatureName} is invalid. It must be ${eventTimeFormatHint(group.eventTimeType)}, between 0000-01-01T00:00:00Z and 9999-12-31T23:59:59.999Z.`,
    );
  }
  return instant;
};
