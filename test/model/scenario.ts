import fc from 'fast-check';
import type { ModelFeature, ModelGroupDefinition } from './reference-model.js';

/**
 * What the model-based property tests run: a few feature groups of every tier and store
 * combination, and random steps over them drawn from small pools (record identifiers, event
 * times equal, older and newer, values valid and not), so records collide all the time.
 * Inputs are built at generation time, so a shrunk counterexample shows the exact requests.
 */

/** 2026-01-01T00:00:00Z: the clock starts here, next to the event times below, so TTLs expire within a run. */
export const START_MS = Date.UTC(2026, 0, 1);

const S3 = { S3StorageConfig: { S3Uri: 's3://bucket/model' } };

const stringTimeFeatures: ModelFeature[] = [
  { FeatureName: 'id', FeatureType: 'String' },
  { FeatureName: 'et', FeatureType: 'String' },
  { FeatureName: 'age', FeatureType: 'Integral' },
  { FeatureName: 'score', FeatureType: 'Fractional' },
  { FeatureName: 'city', FeatureType: 'String' },
];

const fractionalTimeFeatures: ModelFeature[] = [
  { FeatureName: 'id', FeatureType: 'String' },
  { FeatureName: 'ts', FeatureType: 'Fractional' },
  { FeatureName: 'reading', FeatureType: 'Fractional' },
  { FeatureName: 'count', FeatureType: 'Integral' },
];

const collectionFeatures: ModelFeature[] = [
  { FeatureName: 'id', FeatureType: 'String' },
  { FeatureName: 'et', FeatureType: 'String' },
  { FeatureName: 'tags', FeatureType: 'String', CollectionType: 'List' },
  { FeatureName: 'nums', FeatureType: 'Integral', CollectionType: 'Set' },
  {
    FeatureName: 'vec',
    FeatureType: 'Fractional',
    CollectionType: 'Vector',
    CollectionConfig: { VectorConfig: { Dimension: 2 } },
  },
  { FeatureName: 'note', FeatureType: 'String' },
];

const group = (
  name: string,
  features: ModelFeature[],
  online: ModelGroupDefinition['OnlineStoreConfig'] | undefined,
  offline: boolean,
): ModelGroupDefinition => ({
  FeatureGroupName: name,
  RecordIdentifierFeatureName: 'id',
  EventTimeFeatureName: features[1]!.FeatureName,
  FeatureDefinitions: features,
  ...(online === undefined ? {} : { OnlineStoreConfig: online }),
  ...(offline ? { OfflineStoreConfig: S3 } : {}),
});

/** Standard (default and named), Standard_V2, InMemory; online only, offline only, both; String and Fractional event times; group TTLs. */
export const GROUPS: readonly ModelGroupDefinition[] = [
  group('std-both', stringTimeFeatures, { EnableOnlineStore: true }, true),
  group(
    'std-online-ttl',
    stringTimeFeatures,
    { EnableOnlineStore: true, StorageType: 'Standard', TtlDuration: { Unit: 'Seconds', Value: 2 } },
    false,
  ),
  group('offline-frac', fractionalTimeFeatures, undefined, true),
  group(
    'v2-both-ttl',
    stringTimeFeatures,
    { EnableOnlineStore: true, StorageType: 'Standard_V2', TtlDuration: { Unit: 'Seconds', Value: 3 } },
    true,
  ),
  group('v2-frac', fractionalTimeFeatures, { EnableOnlineStore: true, StorageType: 'Standard_V2' }, false),
  group('mem', collectionFeatures, { EnableOnlineStore: true, StorageType: 'InMemory' }, false),
];

/** Identifiers that collide, differ only by case (A10), or need escaping in a URL. */
export const ID_POOL = ['r1', 'r2', 'R1', 'a b/c&d?=%'] as const;

const TIMES = {
  String: [
    '2026-01-01T00:00:00Z',
    '2026-01-01T00:00:00.000Z', // the same instant as the first
    '2026-01-01T00:00:00.000000001Z',
    '2026-01-01T00:00:01Z',
    '2026-01-01T00:00:01.5Z',
    '2026-01-01T00:00:03Z',
    '2025-12-31T23:59:59.999999999Z',
    '2026-01-01T00:01:00Z',
  ],
  Fractional: [
    '1767225600',
    '1767225600.000', // the same instant as the first
    '1767225600.001',
    '1767225601',
    '1767225601.5',
    '1767225603',
    '1.7672256e9', // the first again, in exponent form
    '1767225660',
  ],
};
const BAD_TIMES = {
  String: ['2026-01-01 00:00:00Z', '2026-02-30T00:00:00Z', '', '1767225600', '2026-01-01T00:00:00+00:00'],
  Fractional: ['NaN', 'Infinity', '2026-01-01T00:00:00Z', '', '1,5'],
};

const SCALARS = {
  Integral: { good: ['1', '-7', '+0042', '9223372036854775807', '0'], bad: ['9223372036854775808', '1.5', '', '0x1F'] },
  Fractional: { good: ['0.5', '1e3', '-0', '25', '.5'], bad: ['NaN', 'Infinity', '1,5', '', '1e400'] },
  String: { good: ['x', '', 'ü€😀', 'a b/c&d', 'long '.repeat(20)], bad: [] as string[] },
};
const COLLECTIONS: Record<string, { good: string[][]; bad: string[][] }> = {
  tags: { good: [['a', 'b', 'a'], [], [''], ['x']], bad: [] },
  nums: { good: [['1', '1', '2'], ['3'], [], ['2', '1']], bad: [['x'], ['1.5']] },
  vec: { good: [['0.1', '0.2'], ['1', '2'], []], bad: [['0.1'], ['a', 'b'], ['1', '2', '3']] },
};

export const CLOCK_STEPS_MS = [1, 499, 500, 1000, 1000, 2000, 2000, 60_000] as const;

export type Input = Record<string, unknown>;

export type Step =
  | {
      readonly op: 'PutRecord' | 'GetRecord' | 'BatchGetRecord' | 'DeleteRecord' | 'BatchWriteRecord';
      readonly input: Input;
    }
  /** `putFirst`: a PutRecord of the same record just before, so the update finds something to update. */
  | { readonly op: 'UpdateRecord'; readonly input: Input; readonly putFirst?: Input }
  /** `continueFrom`: pass the NextToken last returned for that group (if any). */
  | {
      readonly op: 'ListRecords';
      readonly group: number;
      readonly input: Input;
      readonly continueFrom?: number;
      readonly bogusToken?: true;
    }
  | { readonly op: 'CreateFeatureGroup'; readonly group: number }
  | { readonly op: 'DeleteFeatureGroup'; readonly group: number }
  | { readonly op: 'RestoreFeatureGroups' }
  | { readonly op: 'AdvanceClock'; readonly ms: number };

const rare = fc.oneof({ weight: 15, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) });
const groupIndex = fc.nat(GROUPS.length - 1);
/** Record identifiers, the first ones more often, so records collide. */
const idIndex: fc.Arbitrary<number> = fc.oneof(
  { weight: 4, arbitrary: fc.constant(0) },
  { weight: 2, arbitrary: fc.constant(1) },
  { weight: 1, arbitrary: fc.constantFrom(2, 3) },
);
const pick = <T>(pool: readonly T[], index: number): T => pool[index % pool.length]!;

/** Mostly the name; sometimes another case (A28), the ARN, or a name or ARN that finds nothing. */
const refKind = fc.oneof(
  { weight: 14, arbitrary: fc.constant('name') },
  { weight: 1, arbitrary: fc.constant('upper') },
  { weight: 2, arbitrary: fc.constant('arn') },
  { weight: 1, arbitrary: fc.constantFrom('arn-other-region', 'arn-other-account', 'missing') },
);
const refOf = (g: number, kind: string): string => {
  const name = GROUPS[g]!.FeatureGroupName;
  switch (kind) {
    case 'upper':
      return name.toUpperCase();
    case 'arn':
      return `arn:aws:sagemaker:us-east-1:123456789012:feature-group/${name}`;
    case 'arn-other-region':
      return `arn:aws:sagemaker:eu-west-1:123456789012:feature-group/${name}`;
    case 'arn-other-account':
      return `arn:aws:sagemaker:us-east-1:210987654321:feature-group/${name}`;
    case 'missing':
      return 'missing-group';
    default:
      return name;
  }
};

const eventTimeType = (g: number): 'String' | 'Fractional' =>
  GROUPS[g]!.FeatureDefinitions.find((f) => f.FeatureName === GROUPS[g]!.EventTimeFeatureName)!.FeatureType as
    'String' | 'Fractional';

const eventTimeOf = (g: number, t: number, bad: boolean): string =>
  pick(bad ? BAD_TIMES[eventTimeType(g)] : TIMES[eventTimeType(g)], t);

const featureValueOf = (feature: ModelFeature, v: number, bad: boolean): Input => {
  if (feature.CollectionType !== undefined) {
    const pools = COLLECTIONS[feature.FeatureName]!;
    return {
      FeatureName: feature.FeatureName,
      ValueAsStringList: pick(bad && pools.bad.length > 0 ? pools.bad : pools.good, v),
    };
  }
  const pools = SCALARS[feature.FeatureType];
  return {
    FeatureName: feature.FeatureName,
    ValueAsString: pick(bad && pools.bad.length > 0 ? pools.bad : pools.good, v),
  };
};

const rarely = fc.oneof({ weight: 40, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) });
const fieldsArb = fc.array(fc.record({ f: fc.nat(9), v: fc.nat(99), bad: rarely }), { maxLength: 4 });

/** At most one deliberate mistake per record, in about one record of six. */
const mistakeArb = fc.oneof(
  { weight: 30, arbitrary: fc.constant(undefined) },
  { weight: 6, arbitrary: fc.constantFrom('omitId', 'omitTime', 'badTime', 'repeat', 'unknown', 'wrongForm') },
);

const recordArb = fc.record({
  id: idIndex,
  t: fc.nat(99),
  fields: fieldsArb,
  mistake: mistakeArb,
});
type RecordChoice = typeof recordArb extends fc.Arbitrary<infer T> ? T : never;

/** A Record for group `g`: identifier and event time (unless omitted), then other features from the pools. */
const buildRecord = (g: number, r: RecordChoice, identity: { id: boolean; time: boolean }): Input[] => {
  const def = GROUPS[g]!;
  const others = def.FeatureDefinitions.filter(
    (f) => f.FeatureName !== def.RecordIdentifierFeatureName && f.FeatureName !== def.EventTimeFeatureName,
  );
  const record: Input[] = [];
  if (identity.id) record.push({ FeatureName: def.RecordIdentifierFeatureName, ValueAsString: pick(ID_POOL, r.id) });
  if (identity.time) {
    record.push({ FeatureName: def.EventTimeFeatureName, ValueAsString: eventTimeOf(g, r.t, r.mistake === 'badTime') });
  }
  const seen = new Set<string>();
  for (const field of r.fields) {
    const feature = pick(others, field.f);
    if (seen.has(feature.FeatureName) && r.mistake !== 'repeat') continue;
    seen.add(feature.FeatureName);
    record.push(featureValueOf(feature, field.v, field.bad));
  }
  if (r.mistake === 'unknown') record.push({ FeatureName: 'undefined_feature', ValueAsString: '1' });
  if (r.mistake === 'wrongForm' && record.length > 0) {
    // A scalar sent as a list or the other way round (A14).
    const last = record[record.length - 1]!;
    record[record.length - 1] =
      'ValueAsString' in last
        ? { FeatureName: last.FeatureName, ValueAsStringList: [last.ValueAsString] }
        : { FeatureName: last.FeatureName, ValueAsString: String((last.ValueAsStringList as string[])[0] ?? '') };
  }
  return record;
};

const ttlArb = fc.oneof(
  { weight: 20, arbitrary: fc.constant(undefined) },
  {
    weight: 8,
    arbitrary: fc.constantFrom(
      { Unit: 'Seconds', Value: 1 },
      { Unit: 'Seconds', Value: 2 },
      { Unit: 'Seconds', Value: 3 },
      { Unit: 'Minutes', Value: 1 },
    ),
  },
  { weight: 1, arbitrary: fc.constantFrom({ Unit: 'Seconds', Value: 0 }, { Unit: 'Fortnights', Value: 1 }) },
);

const targetsArb = fc.oneof(
  { weight: 18, arbitrary: fc.constant(undefined) },
  { weight: 6, arbitrary: fc.constantFrom(['OnlineStore'], ['OfflineStore'], ['OnlineStore', 'OfflineStore']) },
  { weight: 1, arbitrary: fc.constantFrom(['OfflineStore', 'OfflineStore'], [], ['Archive']) },
);

/** `{ ...base, key: value }` without members that are undefined, so inputs print cleanly. */
const withOptional = (base: Input, optional: Input): Input => {
  const out = { ...base };
  for (const [key, value] of Object.entries(optional)) if (value !== undefined) out[key] = value;
  return out;
};

/** Most writes name only stores the group has; the others exercise A18. */
const fitTargets = (g: number, targets: readonly string[] | undefined, fit: boolean): readonly string[] | undefined => {
  if (!fit || targets === undefined) return targets;
  const def = GROUPS[g]!;
  const kept = targets.filter((store) =>
    store === 'OnlineStore'
      ? def.OnlineStoreConfig !== undefined
      : store === 'OfflineStore'
        ? def.OfflineStoreConfig !== undefined
        : true,
  );
  return kept.length === 0 ? undefined : kept;
};
const fitArb = fc.oneof({ weight: 4, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) });

const putEntryArb = fc
  .record({ g: groupIndex, ref: refKind, record: recordArb, targets: targetsArb, fit: fitArb, ttl: ttlArb })
  .map(({ g, ref, record, targets, fit, ttl }) =>
    withOptional(
      {
        FeatureGroupName: refOf(g, ref),
        Record: buildRecord(g, record, { id: record.mistake !== 'omitId', time: record.mistake !== 'omitTime' }),
      },
      { TargetStores: fitTargets(g, targets, fit), TtlDuration: ttl },
    ),
  );

const featureNamesArb = (g: number, picks: number[] | null, unknown: boolean): string[] | undefined => {
  if (picks === null) return undefined;
  const names = picks.map((p) => pick(GROUPS[g]!.FeatureDefinitions, p).FeatureName);
  return unknown ? [...names, 'undefined_feature'] : names;
};
const namesArb = fc.option(fc.array(fc.nat(9), { minLength: 1, maxLength: 3 }), { freq: 2 });
const expirationArb = fc.constantFrom(undefined, undefined, 'Enabled', 'Disabled');

const putStep = putEntryArb.map((input): Step => ({ op: 'PutRecord', input }));

const getStep = fc
  .record({ g: groupIndex, ref: refKind, id: idIndex, names: namesArb, unknown: rare, expiration: expirationArb })
  .map(({ g, ref, id, names, unknown, expiration }): Step => ({
    op: 'GetRecord',
    input: withOptional(
      { FeatureGroupName: refOf(g, ref), RecordIdentifierValueAsString: pick(ID_POOL, id) },
      { FeatureNames: featureNamesArb(g, names, unknown), ExpirationTimeResponse: expiration },
    ),
  }));

const batchGetStep = fc
  .record({
    identifiers: fc.array(
      fc.record({
        g: groupIndex,
        ref: refKind,
        ids: fc.array(idIndex, { minLength: 1, maxLength: 3 }),
        names: namesArb,
        unknown: rare,
      }),
      { minLength: 1, maxLength: 3 },
    ),
    expiration: expirationArb,
  })
  .map(({ identifiers, expiration }): Step => ({
    op: 'BatchGetRecord',
    input: withOptional(
      {
        Identifiers: identifiers.map(({ g, ref, ids, names, unknown }) =>
          withOptional(
            { FeatureGroupName: refOf(g, ref), RecordIdentifiersValueAsString: ids.map((i) => pick(ID_POOL, i)) },
            { FeatureNames: featureNamesArb(g, names, unknown) },
          ),
        ),
      },
      { ExpirationTimeResponse: expiration },
    ),
  }));

const deleteStep = fc
  .record({
    g: groupIndex,
    ref: refKind,
    id: idIndex,
    t: fc.nat(99),
    badTime: rare,
    mode: fc.oneof(
      { weight: 6, arbitrary: fc.constantFrom(undefined, 'SoftDelete', 'HardDelete') },
      { weight: 1, arbitrary: fc.constant('Purge') },
    ),
    targets: targetsArb,
    fit: fitArb,
  })
  .map(({ g, ref, id, t, badTime, mode, targets, fit }): Step => ({
    op: 'DeleteRecord',
    input: withOptional(
      {
        FeatureGroupName: refOf(g, ref),
        RecordIdentifierValueAsString: pick(ID_POOL, id),
        EventTime: eventTimeOf(g, t, badTime),
      },
      // An empty query list never reaches the service (the SDK drops it), so it is not a DeleteRecord case.
      { DeletionMode: mode, TargetStores: targets?.length === 0 ? undefined : fitTargets(g, targets, fit) },
    ),
  }));

const batchWriteStep = fc
  .record({ entries: fc.array(putEntryArb, { minLength: 1, maxLength: 4 }), ttl: ttlArb })
  .map(({ entries, ttl }): Step => ({
    op: 'BatchWriteRecord',
    input: withOptional({ Entries: entries }, { TtlDuration: ttl }),
  }));

const listStep = fc
  .record({
    g: groupIndex,
    ref: refKind,
    max: fc.oneof(
      { weight: 8, arbitrary: fc.constantFrom(undefined, 1, 2, 3) },
      { weight: 1, arbitrary: fc.constantFrom(0, 101) },
    ),
    includeDeleted: fc.constantFrom(undefined, true, false),
    // Continue this group's listing, usually; sometimes pass another group's token.
    continueFrom: fc.oneof(
      { weight: 2, arbitrary: fc.constant('none' as const) },
      { weight: 4, arbitrary: fc.constant('same' as const) },
      { weight: 1, arbitrary: groupIndex },
    ),
    bogusToken: rare,
  })
  .map(({ g, ref, max, includeDeleted, continueFrom, bogusToken }): Step => {
    const input = withOptional(
      { FeatureGroupName: refOf(g, ref) },
      { MaxResults: max, IncludeSoftDeletedRecords: includeDeleted },
    );
    return {
      op: 'ListRecords',
      group: g,
      input,
      ...(continueFrom === 'none' ? {} : { continueFrom: continueFrom === 'same' ? g : continueFrom }),
      ...(bogusToken ? { bogusToken: true as const } : {}),
    };
  });

/** UpdateRecord mostly on the tiers that have it (Standard_V2, InMemory). */
const updatableGroup = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(3, 4, 5) },
  { weight: 1, arbitrary: groupIndex },
);

const updateStep = fc
  .record({
    g: updatableGroup,
    ref: refKind,
    id: idIndex,
    record: recordArb,
    withTime: fc.boolean(),
    withId: rare,
    otherId: rare,
    targets: targetsArb,
    fit: fitArb,
    ttl: ttlArb,
    putFirst: fc.option(fc.record({ t: fc.nat(99), fields: fieldsArb }), { freq: 2 }),
  })
  .map(({ g, ref, id, record, withTime, withId, otherId, targets, fit, ttl, putFirst }): Step => {
    // The identifier among Features: usually absent, sometimes the same, rarely another (INF).
    const features = buildRecord(
      g,
      { ...record, id: otherId ? id + 1 : id },
      { id: withId || otherId, time: withTime },
    );
    const put =
      putFirst === null
        ? undefined
        : {
            FeatureGroupName: GROUPS[g]!.FeatureGroupName,
            Record: buildRecord(
              g,
              { id, t: putFirst.t, fields: putFirst.fields, mistake: undefined },
              { id: true, time: true },
            ),
          };
    return {
      op: 'UpdateRecord',
      ...(put === undefined ? {} : { putFirst: put }),
      input: withOptional(
        { FeatureGroupName: refOf(g, ref), RecordIdentifierValueAsString: pick(ID_POOL, id), Features: features },
        { TargetStores: fitTargets(g, targets, fit), TtlDuration: ttl },
      ),
    };
  });

/** Groups are deleted now and then, and `RestoreFeatureGroups` creates every missing one again, so they come back. */
const controlStep = fc
  .record({ kind: fc.constantFrom('restore', 'restore', 'restore', 'create', 'delete'), group: groupIndex })
  .map(({ kind, group: g }): Step =>
    kind === 'restore'
      ? { op: 'RestoreFeatureGroups' }
      : { op: kind === 'create' ? 'CreateFeatureGroup' : 'DeleteFeatureGroup', group: g },
  );

const clockStep = fc.constantFrom(...CLOCK_STEPS_MS).map((ms): Step => ({ op: 'AdvanceClock', ms }));

/** A call of one of the seven runtime operations, with its input. */
export const runtimeCallArb: fc.Arbitrary<{ readonly op: string; readonly input: Input }> = fc.oneof(
  putStep,
  getStep,
  batchGetStep,
  deleteStep,
  batchWriteStep,
  listStep,
  updateStep,
) as fc.Arbitrary<{ readonly op: string; readonly input: Input }>;

/** One step of a sequence: the seven runtime operations, group create/delete, clock advances. */
export const stepArb: fc.Arbitrary<Step> = fc.oneof(
  { weight: 12, arbitrary: putStep },
  { weight: 6, arbitrary: getStep },
  { weight: 4, arbitrary: batchGetStep },
  { weight: 6, arbitrary: deleteStep },
  { weight: 4, arbitrary: batchWriteStep },
  { weight: 4, arbitrary: listStep },
  { weight: 6, arbitrary: updateStep },
  { weight: 2, arbitrary: controlStep },
  { weight: 4, arbitrary: clockStep },
);
