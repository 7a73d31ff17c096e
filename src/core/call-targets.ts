/**
 * What one call touches: the feature groups and record identifiers named in its input.
 * Call history and fault rules both match on these, so a rule for
 * `{ featureGroup: 'customers', recordIdentifier: 'c1' }` sees a PutRecord, a GetRecord or
 * one entry of a batch alike.
 */
export interface CallTarget {
  /** As the input names it: a name or an ARN. */
  readonly featureGroupName: string;
  readonly recordIdentifier?: string;
}

/** The RecordIdentifierFeatureName of a declared group, to find the identifier inside a `Record`. */
export type RecordIdentifierNameOf = (featureGroupName: string) => string | undefined;

type Input = Readonly<Record<string, unknown>>;

const asObject = (value: unknown): Input | undefined =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Input) : undefined;

const asString = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

/** The identifier inside a PutRecord-shaped `Record`, when the group is known. */
const identifierInRecord = (record: unknown, featureName: string | undefined): string | undefined => {
  if (featureName === undefined || !Array.isArray(record)) return undefined;
  for (const value of record) {
    const feature = asObject(value);
    if (feature?.FeatureName === featureName) return asString(feature.ValueAsString);
  }
  return undefined;
};

/** A write of a whole record (PutRecord, one BatchWriteRecord entry). */
export const recordWriteTarget = (entry: unknown, identifierName: RecordIdentifierNameOf): CallTarget | undefined => {
  const input = asObject(entry);
  const featureGroupName = asString(input?.FeatureGroupName);
  if (featureGroupName === undefined) return undefined;
  const recordIdentifier = identifierInRecord(input?.Record, identifierName(featureGroupName));
  return recordIdentifier === undefined ? { featureGroupName } : { featureGroupName, recordIdentifier };
};

/** One target per record a BatchGetRecord identifier asks for. */
export const batchGetTargets = (identifier: unknown): CallTarget[] => {
  const input = asObject(identifier);
  const featureGroupName = asString(input?.FeatureGroupName);
  if (featureGroupName === undefined) return [];
  const ids = input?.RecordIdentifiersValueAsString;
  if (!Array.isArray(ids)) return [{ featureGroupName }];
  return ids.flatMap((id) => (typeof id === 'string' ? [{ featureGroupName, recordIdentifier: id }] : []));
};

/**
 * The targets of any call, runtime or control plane. Inputs are read defensively: the
 * call may be invalid, and history records it all the same.
 */
export const callTargets = (
  operation: string,
  input: unknown,
  identifierName: RecordIdentifierNameOf,
): CallTarget[] => {
  const request = asObject(input);
  if (request === undefined) return [];
  switch (operation) {
    case 'PutRecord': {
      const target = recordWriteTarget(request, identifierName);
      return target === undefined ? [] : [target];
    }
    case 'BatchGetRecord':
      return Array.isArray(request.Identifiers) ? request.Identifiers.flatMap(batchGetTargets) : [];
    case 'BatchWriteRecord':
      return Array.isArray(request.Entries)
        ? request.Entries.flatMap((entry) => recordWriteTarget(entry, identifierName) ?? [])
        : [];
    default: {
      const featureGroupName = asString(request.FeatureGroupName);
      if (featureGroupName === undefined) return [];
      const recordIdentifier = asString(request.RecordIdentifierValueAsString);
      return [recordIdentifier === undefined ? { featureGroupName } : { featureGroupName, recordIdentifier }];
    }
  }
};

/** The bare, lower-cased name of a feature group name or ARN, for matching (names are case-insensitive, spec A28). */
export const featureGroupKey = (nameOrArn: string): string =>
  nameOrArn.slice(nameOrArn.lastIndexOf('/') + 1).toLowerCase();
