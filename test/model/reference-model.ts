/**
 * A reference model of the Feature Store runtime, written from the spec
 * (/work/shared/spec/featurestore-semantics.md: decision table 7.7.1, TTL §7.6, TargetStores,
 * §10 validation, §12 for BatchWriteRecord, ListRecords and UpdateRecord) and the INF choices
 * of docs/behaviour.md. It is deliberately naive: maps and arrays, times as BigInt
 * nanoseconds, every rule spelled out where it applies. It shares no code with src/, so the
 * property tests compare two independent readings of the same rules.
 *
 * `execute(operation, input)` answers like the service: an output, or an error code with the
 * fields its message must name.
 */

export type ModelOutcome =
  | { readonly ok: true; readonly output: Record<string, unknown> }
  | {
      readonly ok: false;
      readonly code: string;
      /** Text the error message must contain: a member path (`at 'record.1.member'`), a feature, a member name. */
      readonly fields: readonly string[];
      /** For model-constraint failures: how many violations the message counts. */
      readonly violations?: number;
      /** For model-constraint failures: the member path of every violation. */
      readonly violationPaths?: readonly string[];
    };

export interface ModelFeature {
  readonly FeatureName: string;
  readonly FeatureType: 'String' | 'Integral' | 'Fractional';
  readonly CollectionType?: 'List' | 'Set' | 'Vector';
  readonly CollectionConfig?: { readonly VectorConfig: { readonly Dimension: number } };
}

/** The CreateFeatureGroup request members the runtime depends on. */
export interface ModelGroupDefinition {
  readonly FeatureGroupName: string;
  readonly RecordIdentifierFeatureName: string;
  readonly EventTimeFeatureName: string;
  readonly FeatureDefinitions: readonly ModelFeature[];
  readonly OnlineStoreConfig?: {
    readonly EnableOnlineStore?: boolean;
    readonly StorageType?: 'Standard' | 'Standard_V2' | 'InMemory';
    readonly TtlDuration?: { readonly Unit: string; readonly Value: number };
  };
  readonly OfflineStoreConfig?: { readonly S3StorageConfig: { readonly S3Uri: string } };
}

/** An online record as the emulator's `onlineRecord()` shows it. */
export interface ModelOnlineRecord {
  readonly recordIdentifier: string;
  readonly eventTime: string;
  readonly expiresAt: string | undefined;
  readonly deleted: boolean;
  readonly features: Record<string, string | string[]>;
}

export const MODEL_REGION = 'us-east-1';
export const MODEL_ACCOUNT = '123456789012';

const NS_PER_MS = 1_000_000n;
const NS_PER_S = 1_000_000_000n;
const TTL_UNIT_SECONDS: Record<string, bigint> = {
  Seconds: 1n,
  Minutes: 60n,
  Hours: 3600n,
  Days: 86400n,
  Weeks: 604800n,
};
const MAX_VALUE = 358400;
const MAX_RECORD_BYTES = 358400;
const MAX_ID_BYTES = 2048;
const INT32_MAX = 2147483647;
const NAME = /^[a-zA-Z0-9]([-_]*[a-zA-Z0-9]){0,63}$/;
const NAME_OR_ARN =
  /^(?<arn>arn:(?<partition>aws[a-z-]*):sagemaker:(?<region>[a-z0-9-]*):(?<account>[0-9]{12}):feature-group\/)?(?<name>[a-zA-Z0-9]([-_]*[a-zA-Z0-9]){0,63})$/;

/** A failed call; `fields` must appear in the message. */
class Failure extends Error {
  constructor(
    readonly code: string,
    readonly fields: string[],
    readonly violations?: number,
    readonly violationPaths?: readonly string[],
  ) {
    super(`${code}: ${fields.join(', ')}`);
  }
}

const fail = (code: string, ...fields: string[]): never => {
  throw new Failure(code, fields);
};

const absent = (value: unknown): boolean => value === undefined || value === null;
const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const bytes = (text: string): number => new TextEncoder().encode(text).length;

/**
 * Model constraints (spec §4, §10), one member at a time: a member that is missing when
 * required, of the wrong JSON type, or outside its length, range, pattern or enum is one
 * violation at its path. All violations of a request are reported together.
 */
class Violations {
  readonly paths: string[] = [];

  add(path: string): void {
    this.paths.push(path);
  }

  /** A string member; returns it when it is present and a string, else undefined (recording a violation if needed). */
  string(value: unknown, path: string, required: boolean, min: number, max: number): string | undefined {
    if (absent(value)) {
      if (required) this.add(path);
      return undefined;
    }
    if (typeof value !== 'string' || value.length < min || value.length > max) {
      this.add(path);
      return undefined;
    }
    return value;
  }

  pattern(value: unknown, path: string, required: boolean, max: number, regex: RegExp): void {
    const text = this.string(value, path, required, 1, max);
    if (text !== undefined && !regex.test(text)) this.add(path);
  }

  list(value: unknown, path: string, required: boolean, min: number, max: number): unknown[] | undefined {
    if (absent(value)) {
      if (required) this.add(path);
      return undefined;
    }
    if (!Array.isArray(value)) {
      this.add(path);
      return undefined;
    }
    if (value.length < min || value.length > max) this.add(path);
    return value;
  }

  structure(value: unknown, path: string, required: boolean): Record<string, unknown> | undefined {
    if (absent(value)) {
      if (required) this.add(path);
      return undefined;
    }
    if (!isObject(value)) {
      this.add(path);
      return undefined;
    }
    return value;
  }

  oneOf(value: unknown, path: string, required: boolean, allowed: readonly string[]): void {
    if (absent(value)) {
      if (required) this.add(path);
      return;
    }
    if (typeof value !== 'string' || !allowed.includes(value)) this.add(path);
  }

  integer(value: unknown, path: string, required: boolean, min: number, max: number): void {
    if (absent(value)) {
      if (required) this.add(path);
      return;
    }
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) this.add(path);
  }

  boolean(value: unknown, path: string): void {
    if (!absent(value) && typeof value !== 'boolean') this.add(path);
  }

  /** The message counts the violations and lists those that fit its 2048 characters, in no particular order. */
  throwIfAny(): void {
    if (this.paths.length > 0) {
      throw new Failure('ValidationError', [], this.paths.length, this.paths);
    }
  }
}

const checkGroupName = (v: Violations, value: unknown, path: string): void =>
  v.pattern(value, path, true, 150, NAME_OR_ARN);

const checkFeatureName = (v: Violations, value: unknown, path: string): void => v.pattern(value, path, true, 64, NAME);

const checkRecordShape = (v: Violations, value: unknown, path: string, max: number): void => {
  const items = v.list(value, path, true, 1, max);
  items?.forEach((item, i) => {
    const itemPath = `${path}.${i + 1}.member`;
    const featureValue = v.structure(item, itemPath, true);
    if (featureValue === undefined) return;
    checkFeatureName(v, featureValue.FeatureName, `${itemPath}.featureName`);
    v.string(featureValue.ValueAsString, `${itemPath}.valueAsString`, false, 0, MAX_VALUE);
    const list = v.list(featureValue.ValueAsStringList, `${itemPath}.valueAsStringList`, false, 0, Infinity);
    list?.forEach((element, j) =>
      v.string(element, `${itemPath}.valueAsStringList.${j + 1}.member`, true, 0, MAX_VALUE),
    );
  });
};

const checkTargetStores = (v: Violations, value: unknown, path: string): void => {
  const stores = v.list(value, path, false, 1, 2);
  if (stores === undefined || stores.length < 1 || stores.length > 2) return;
  stores.forEach((store, i) => v.oneOf(store, `${path}.${i + 1}.member`, true, ['OnlineStore', 'OfflineStore']));
};

/** `TtlDuration.Value` is a Smithy integer (32-bit), at least 1. */
const checkTtl = (v: Violations, value: unknown, path: string): void => {
  const ttl = v.structure(value, path, false);
  if (ttl === undefined) return;
  v.oneOf(ttl.Unit, `${path}.unit`, true, Object.keys(TTL_UNIT_SECONDS));
  v.integer(ttl.Value, `${path}.value`, true, 1, INT32_MAX);
};

const checkFeatureNames = (v: Violations, value: unknown, path: string): void => {
  const names = v.list(value, path, false, 1, Infinity);
  names?.forEach((name, i) => checkFeatureName(v, name, `${path}.${i + 1}.member`));
};

const checkPutShape = (v: Violations, input: Record<string, unknown>, prefix: string): void => {
  checkGroupName(v, input.FeatureGroupName, `${prefix}featureGroupName`);
  checkRecordShape(v, input.Record, `${prefix}record`, Infinity);
  checkTargetStores(v, input.TargetStores, `${prefix}targetStores`);
  checkTtl(v, input.TtlDuration, `${prefix}ttlDuration`);
};

// ---- time ------------------------------------------------------------------------------

const ISO = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?Z$/;
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const utc = (year: number, month: number, day: number): number => {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return date.getTime();
};
/** Event times lie in [0000-01-01T00:00:00Z, 9999-12-31T23:59:59.999Z] (§6.1). */
const MIN_MS = utc(0, 1, 1);
const MAX_MS = utc(10000, 1, 1) - 1;

/** A String event time (A11): UTC, seconds with 0-9 fraction digits, a real calendar date. */
const parseIso = (text: string): bigint | undefined => {
  const m = ISO.exec(text);
  if (m === null) return undefined;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number) as number[];
  const date = new Date(0);
  date.setUTCFullYear(year!, month! - 1, day!);
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month! - 1 || date.getUTCDate() !== day) {
    return undefined;
  }
  if (hour! > 23 || minute! > 59 || second! > 59) return undefined;
  const ms = date.getTime() + hour! * 3_600_000 + minute! * 60_000 + second! * 1000;
  const fraction = BigInt((m[7] ?? '.').slice(1).padEnd(9, '0'));
  return BigInt(ms) * NS_PER_MS + fraction;
};

/** A Fractional event time (A12): seconds since the epoch, compared at millisecond precision. */
const parseFractional = (text: string): bigint | undefined => {
  if (!DECIMAL.test(text) || !Number.isFinite(Number(text))) return undefined;
  const ms = Math.round(Number(text) * 1000);
  if (ms < MIN_MS || ms > MAX_MS) return undefined;
  return BigInt(ms) * NS_PER_MS;
};

/** Days since 1970-01-01 → [year, month, day] (proleptic Gregorian), in BigInt so no year is out of range. */
const civilFromDays = (days: bigint): [bigint, bigint, bigint] => {
  const z = days + 719468n;
  const era = (z >= 0n ? z : z - 146096n) / 146097n;
  const doe = z - era * 146097n;
  const yoe = (doe - doe / 1460n + doe / 36524n - doe / 146096n) / 365n;
  const doy = doe - (365n * yoe + yoe / 4n - yoe / 100n);
  const mp = (5n * doy + 2n) / 153n;
  const day = doy - (153n * mp + 2n) / 5n + 1n;
  const month = mp < 10n ? mp + 3n : mp - 9n;
  return [yoe + era * 400n + (month <= 2n ? 1n : 0n), month, day];
};

const pad = (value: bigint, width: number): string => value.toString().padStart(width, '0');

/**
 * An instant as Java's `Instant.toString()` writes it (A20): `YYYY-MM-DDTHH:mm:ssZ`, years past
 * 9999 with a `+`, and a fraction only when not zero, in groups of 3 digits.
 */
export const formatModelInstant = (ns: bigint): string => {
  let seconds = ns / NS_PER_S;
  let fraction = ns % NS_PER_S;
  if (fraction < 0n) {
    fraction += NS_PER_S;
    seconds -= 1n;
  }
  let days = seconds / 86400n;
  let secondOfDay = seconds % 86400n;
  if (secondOfDay < 0n) {
    secondOfDay += 86400n;
    days -= 1n;
  }
  const [year, month, day] = civilFromDays(days);
  const yearText = year > 9999n ? `+${year}` : pad(year, 4);
  const time = `${pad(secondOfDay / 3600n, 2)}:${pad((secondOfDay % 3600n) / 60n, 2)}:${pad(secondOfDay % 60n, 2)}`;
  let digits = fraction === 0n ? '' : pad(fraction, 9);
  while (digits.endsWith('000')) digits = digits.slice(0, -3);
  return `${yearText}-${pad(month, 2)}-${pad(day, 2)}T${time}${digits === '' ? '' : `.${digits}`}Z`;
};

// ---- state -----------------------------------------------------------------------------

type Value = string | string[];

interface ModelRecord {
  deleted: boolean;
  values: Map<string, Value>;
  eventTime: bigint;
  expiresAt: bigint | undefined;
  /** Listing position, given when the identifier enters the online store (ListRecords order). */
  readonly seq: number;
}

class ModelGroup {
  readonly records = new Map<string, ModelRecord>();
  readonly rows: Record<string, string | boolean | null>[] = [];
  nextSeq = 0;
  readonly arn: string;

  constructor(
    readonly def: ModelGroupDefinition,
    readonly incarnation: number,
  ) {
    this.arn = `arn:aws:sagemaker:${MODEL_REGION}:${MODEL_ACCOUNT}:feature-group/${def.FeatureGroupName.toLowerCase()}`;
  }

  get name(): string {
    return this.def.FeatureGroupName;
  }
  get online(): boolean {
    return this.def.OnlineStoreConfig?.EnableOnlineStore === true;
  }
  get offline(): boolean {
    return this.def.OfflineStoreConfig !== undefined;
  }
  get tier(): string {
    return this.def.OnlineStoreConfig?.StorageType ?? 'Standard';
  }
  get eventTimeIsString(): boolean {
    return this.feature(this.def.EventTimeFeatureName)!.FeatureType === 'String';
  }
  feature(name: string): ModelFeature | undefined {
    return this.def.FeatureDefinitions.find((f) => f.FeatureName === name);
  }
}

/** A write the PutRecord rules apply to (PutRecord, a BatchWriteRecord entry, UpdateRecord's merged record). */
interface Write {
  readonly id: string;
  readonly eventTime: bigint;
  readonly values: Map<string, Value>;
  readonly targets: readonly string[];
  /** ExpiresAt of the online record, when the write lands there. */
  readonly expiresAt: bigint | undefined;
}

export class ReferenceModel {
  /** The clock, epoch milliseconds. */
  now: number;
  private readonly groups = new Map<string, ModelGroup>();
  private incarnations = 0;

  constructor(nowMs: number) {
    this.now = nowMs;
  }

  get nowNs(): bigint {
    return BigInt(this.now) * NS_PER_MS;
  }

  execute(operation: string, input: unknown): ModelOutcome {
    try {
      const output = this.run(operation, input);
      return { ok: true, output };
    } catch (error) {
      if (!(error instanceof Failure)) throw error;
      return {
        ok: false,
        code: error.code,
        fields: error.fields,
        violations: error.violations,
        violationPaths: error.violationPaths,
      };
    }
  }

  groupNames(): string[] {
    return [...this.groups.values()].map((group) => group.name);
  }

  /** Offline rows of a group, oldest first; undefined when the group does not exist. */
  offlineRows(name: string): Record<string, string | boolean | null>[] | undefined {
    return this.groups.get(name.toLowerCase())?.rows;
  }

  onlineRecord(name: string, id: string): ModelOnlineRecord | undefined {
    const group = this.groups.get(name.toLowerCase());
    const record = group === undefined ? undefined : this.current(group, id);
    if (record === undefined) return undefined;
    return {
      recordIdentifier: id,
      eventTime: formatModelInstant(record.eventTime),
      expiresAt: record.expiresAt === undefined ? undefined : formatModelInstant(record.expiresAt),
      deleted: record.deleted,
      features: Object.fromEntries(record.values),
    };
  }

  /** The token ListRecords would answer with, for a runner that keeps its own tokens. */
  private token(group: ModelGroup, seq: number): string {
    return `model-token:${group.incarnation}:${seq}`;
  }

  private run(operation: string, input: unknown): Record<string, unknown> {
    if (operation === 'CreateFeatureGroup') return this.createFeatureGroup(input as ModelGroupDefinition);
    if (operation === 'DeleteFeatureGroup') return this.deleteFeatureGroup(input as { FeatureGroupName: string });
    if (!isObject(input)) {
      throw new Failure('ValidationError', [`at 'input'`], 1);
    }
    switch (operation) {
      case 'PutRecord':
        return this.putRecord(input);
      case 'GetRecord':
        return this.getRecord(input);
      case 'BatchGetRecord':
        return this.batchGetRecord(input);
      case 'DeleteRecord':
        return this.deleteRecord(input);
      case 'BatchWriteRecord':
        return this.batchWriteRecord(input);
      case 'ListRecords':
        return this.listRecords(input);
      case 'UpdateRecord':
        return this.updateRecord(input);
      default:
        throw new Error(`the model has no operation ${operation}`);
    }
  }

  // ---- control plane (valid definitions only; CreateFeatureGroup validation is not modelled) ----

  private createFeatureGroup(def: ModelGroupDefinition): Record<string, unknown> {
    const key = def.FeatureGroupName.toLowerCase();
    if (this.groups.has(key)) fail('ResourceInUse', def.FeatureGroupName);
    const group = new ModelGroup(structuredClone(def), ++this.incarnations);
    this.groups.set(key, group);
    return { FeatureGroupArn: group.arn };
  }

  private deleteFeatureGroup(input: { FeatureGroupName: string }): Record<string, unknown> {
    const key = input.FeatureGroupName.toLowerCase();
    if (!this.groups.has(key)) fail('ResourceNotFound', input.FeatureGroupName);
    this.groups.delete(key);
    return {};
  }

  // ---- shared rules ----

  /** Name or ARN of this account and region, case-insensitive (A28); undefined when not found. */
  private find(nameOrArn: string): ModelGroup | undefined {
    const parts = NAME_OR_ARN.exec(nameOrArn)?.groups;
    if (parts === undefined) return undefined;
    // An ARN names its partition, region and account: all three must be the caller's.
    const elsewhere = parts.partition !== 'aws' || parts.region !== MODEL_REGION || parts.account !== MODEL_ACCOUNT;
    if (parts.arn !== undefined && elsewhere) return undefined;
    return this.groups.get(parts.name!.toLowerCase());
  }

  /** PutRecord and DeleteRecord do not model ResourceNotFound: ValidationError (A4). */
  private groupForWrite(nameOrArn: string): ModelGroup {
    return this.find(nameOrArn) ?? fail('ValidationError', nameOrArn);
  }

  private groupForRead(nameOrArn: string): ModelGroup {
    return this.find(nameOrArn) ?? fail('ResourceNotFound', nameOrArn);
  }

  private requireOnline(group: ModelGroup): void {
    if (!group.online) fail('ValidationError', group.name);
  }

  /** The record or tombstone; an expired record is gone (TTL is a hard delete, A19: expired when now >= ExpiresAt). */
  private current(group: ModelGroup, id: string): ModelRecord | undefined {
    const record = group.records.get(id);
    if (record !== undefined && !record.deleted && record.expiresAt !== undefined && this.nowNs >= record.expiresAt) {
      group.records.delete(id);
      return undefined;
    }
    return record;
  }

  private live(group: ModelGroup, id: string): ModelRecord | undefined {
    const record = this.current(group, id);
    return record === undefined || record.deleted ? undefined : record;
  }

  private parseEventTime(group: ModelGroup, text: string, field: string): bigint {
    const ns = group.eventTimeIsString ? parseIso(text) : parseFractional(text);
    return ns ?? fail('ValidationError', field);
  }

  /** Default: every store the group has; a named store the group lacks is a ValidationError (A18). */
  private targets(group: ModelGroup, requested: unknown): string[] {
    if (requested === undefined || requested === null) {
      return [...(group.online ? ['OnlineStore'] : []), ...(group.offline ? ['OfflineStore'] : [])];
    }
    for (const store of requested as string[]) {
      if (store === 'OnlineStore' && !group.online) fail('ValidationError', 'TargetStores', 'OnlineStore');
      if (store === 'OfflineStore' && !group.offline) fail('ValidationError', 'TargetStores', 'OfflineStore');
    }
    return [...new Set(requested as string[])];
  }

  private checkIdSize(id: string): void {
    if (bytes(id) > MAX_ID_BYTES) fail('ValidationError', 'record identifier');
  }

  /**
   * The values of a Record against the group's definitions (spec §6, A7, A13-A17), in
   * request order: defined, not repeated, the value form that fits the feature, a valid
   * value. Then the record size, and for a whole record the identifier and event time.
   */
  private values(group: ModelGroup, record: readonly Record<string, unknown>[], whole: boolean): Map<string, Value> {
    const values = new Map<string, Value>();
    const seen = new Set<string>();
    for (const featureValue of record) {
      const name = featureValue.FeatureName as string;
      const feature = group.feature(name) ?? fail('ValidationError', name);
      if (seen.has(name)) fail('ValidationError', name);
      seen.add(name);
      const scalar = featureValue.ValueAsString as string | null | undefined;
      const list = featureValue.ValueAsStringList as string[] | null | undefined;
      if (!absent(scalar) && !absent(list)) fail('ValidationError', name);
      if (feature.CollectionType === undefined) {
        if (absent(scalar)) fail('ValidationError', name);
        if (!isValidScalar(feature.FeatureType, scalar!)) fail('ValidationError', name);
        values.set(name, scalar!);
      } else {
        if (absent(list)) fail('ValidationError', name);
        for (const element of list!) if (!isValidScalar(feature.FeatureType, element)) fail('ValidationError', name);
        if (list!.length === 0) continue; // an empty collection is no value (A17)
        if (feature.CollectionType === 'Vector' && list!.length !== feature.CollectionConfig!.VectorConfig.Dimension) {
          fail('ValidationError', name);
        }
        values.set(name, feature.CollectionType === 'Set' ? [...new Set(list)] : [...list!]);
      }
    }
    checkRecordSize(values);
    const id = values.get(group.def.RecordIdentifierFeatureName) as string | undefined;
    const eventTime = values.get(group.def.EventTimeFeatureName) as string | undefined;
    if (whole) {
      if (id === undefined || id === '') fail('ValidationError', group.def.RecordIdentifierFeatureName);
      if (eventTime === undefined || eventTime === '') fail('ValidationError', group.def.EventTimeFeatureName);
    }
    if (id !== undefined) this.checkIdSize(id);
    if (eventTime !== undefined) this.parseEventTime(group, eventTime, group.def.EventTimeFeatureName);
    return values;
  }

  private expiry(group: ModelGroup, eventTime: bigint, ttl: unknown): bigint | undefined {
    const effective = (ttl ?? group.def.OnlineStoreConfig?.TtlDuration) as { Unit: string; Value: number } | undefined;
    if (effective === undefined) return undefined;
    return eventTime + BigInt(effective.Value) * TTL_UNIT_SECONDS[effective.Unit]! * NS_PER_S;
  }

  private offlineRow(group: ModelGroup, values: Map<string, Value>, deleted: boolean): void {
    const row: Record<string, string | boolean | null> = {};
    for (const feature of group.def.FeatureDefinitions) {
      const value = values.get(feature.FeatureName);
      row[feature.FeatureName] = value === undefined ? null : typeof value === 'string' ? value : JSON.stringify(value);
    }
    row.write_time = new Date(this.now).toISOString();
    row.api_invocation_time = new Date(this.now).toISOString();
    row.is_deleted = deleted;
    group.rows.push(row);
  }

  /** Decision table 7.7.1, PutRecord column: online when t >= c (live or tombstone), a row offline always. */
  private write(group: ModelGroup, write: Write): void {
    if (write.targets.includes('OnlineStore')) {
      const current = this.current(group, write.id);
      if (current === undefined || write.eventTime >= current.eventTime) {
        group.records.set(write.id, {
          deleted: false,
          values: new Map(write.values),
          eventTime: write.eventTime,
          expiresAt: write.expiresAt,
          seq: current?.seq ?? group.nextSeq++,
        });
      }
    }
    if (write.targets.includes('OfflineStore')) this.offlineRow(group, write.values, false);
  }

  // ---- operations ----

  private putRecord(input: Record<string, unknown>): Record<string, unknown> {
    const v = new Violations();
    checkPutShape(v, input, '');
    v.throwIfAny();
    this.applyPut(input, input.TtlDuration);
    return {};
  }

  private applyPut(entry: Record<string, unknown>, ttl: unknown): void {
    const group = this.groupForWrite(entry.FeatureGroupName as string);
    const values = this.values(group, entry.Record as Record<string, unknown>[], true);
    const targets = this.targets(group, entry.TargetStores);
    const eventTime = this.parseEventTime(group, values.get(group.def.EventTimeFeatureName) as string, 'EventTime');
    this.write(group, {
      id: values.get(group.def.RecordIdentifierFeatureName) as string,
      eventTime,
      values,
      targets,
      expiresAt: this.expiry(group, eventTime, ttl),
    });
  }

  private getRecord(input: Record<string, unknown>): Record<string, unknown> {
    const v = new Violations();
    checkGroupName(v, input.FeatureGroupName, 'featureGroupName');
    v.string(input.RecordIdentifierValueAsString, 'recordIdentifierValueAsString', true, 0, MAX_VALUE);
    checkFeatureNames(v, input.FeatureNames, 'featureNames');
    v.oneOf(input.ExpirationTimeResponse, 'expirationTimeResponse', false, ['Enabled', 'Disabled']);
    v.throwIfAny();
    const group = this.groupForRead(input.FeatureGroupName as string);
    this.requireOnline(group);
    const id = input.RecordIdentifierValueAsString as string;
    this.checkIdSize(id);
    const names = this.selected(group, input.FeatureNames as string[] | undefined);
    const record = this.live(group, id);
    if (record === undefined) return {};
    return {
      Record: this.featureValues(group, record, names),
      ...this.expiresAtMember(record, input.ExpirationTimeResponse),
    };
  }

  /** FeatureNames: each must be defined (A8); the answer lists each once, in definition order (A9). */
  private selected(group: ModelGroup, names: readonly string[] | undefined): Set<string> | undefined {
    if (names === undefined || names === null) return undefined;
    for (const name of names) if (group.feature(name) === undefined) fail('ValidationError', name);
    return new Set(names);
  }

  private featureValues(group: ModelGroup, record: ModelRecord, names: Set<string> | undefined): unknown[] {
    const out: unknown[] = [];
    for (const feature of group.def.FeatureDefinitions) {
      if (names !== undefined && !names.has(feature.FeatureName)) continue;
      const value = record.values.get(feature.FeatureName);
      if (value === undefined) continue;
      out.push(
        typeof value === 'string'
          ? { FeatureName: feature.FeatureName, ValueAsString: value }
          : { FeatureName: feature.FeatureName, ValueAsStringList: [...value] },
      );
    }
    return out;
  }

  private expiresAtMember(record: ModelRecord, response: unknown): { ExpiresAt?: string } {
    return response === 'Enabled' && record.expiresAt !== undefined
      ? { ExpiresAt: formatModelInstant(record.expiresAt) }
      : {};
  }

  private batchGetRecord(input: Record<string, unknown>): Record<string, unknown> {
    const v = new Violations();
    const identifiers = v.list(input.Identifiers, 'identifiers', true, 1, 100);
    let total = 0;
    if (identifiers !== undefined && identifiers.length >= 1 && identifiers.length <= 100) {
      identifiers.forEach((item, i) => {
        const path = `identifiers.${i + 1}.member`;
        const identifier = v.structure(item, path, true);
        if (identifier === undefined) return;
        checkGroupName(v, identifier.FeatureGroupName, `${path}.featureGroupName`);
        const ids = v.list(
          identifier.RecordIdentifiersValueAsString,
          `${path}.recordIdentifiersValueAsString`,
          true,
          1,
          100,
        );
        total += ids?.length ?? 0;
        ids?.forEach((id, j) =>
          v.string(id, `${path}.recordIdentifiersValueAsString.${j + 1}.member`, true, 0, MAX_VALUE),
        );
        checkFeatureNames(v, identifier.FeatureNames, `${path}.featureNames`);
      });
      // At most 100 records per call in all (A27).
      if (v.paths.length === 0 && total > 100) v.add('identifiers');
    }
    v.oneOf(input.ExpirationTimeResponse, 'expirationTimeResponse', false, ['Enabled', 'Disabled']);
    v.throwIfAny();
    const list = identifiers as {
      FeatureGroupName: string;
      RecordIdentifiersValueAsString: string[];
      FeatureNames?: string[];
    }[];
    for (const identifier of list) for (const id of identifier.RecordIdentifiersValueAsString) this.checkIdSize(id);

    const Records: unknown[] = [];
    const Errors: unknown[] = [];
    // One result per distinct (group, record identifier) in the request, in request order (A26).
    const answered = new Set<string>();
    for (const identifier of list) {
      const name = identifier.FeatureGroupName;
      let group: ModelGroup | undefined;
      let names: Set<string> | undefined;
      let error: Failure | undefined;
      try {
        group = this.groupForRead(name);
        this.requireOnline(group);
        names = this.selected(group, identifier.FeatureNames);
      } catch (failure) {
        if (!(failure instanceof Failure)) throw failure;
        error = failure;
      }
      for (const id of identifier.RecordIdentifiersValueAsString) {
        const key = `${group === undefined ? `?${name.toLowerCase()}` : group.incarnation}\u0000${id}`;
        if (answered.has(key)) continue;
        answered.add(key);
        if (error !== undefined) {
          Errors.push({
            FeatureGroupName: name,
            RecordIdentifierValueAsString: id,
            ErrorCode: error.code,
            fields: error.fields,
          });
          continue;
        }
        const record = this.live(group!, id);
        if (record === undefined) continue;
        Records.push({
          FeatureGroupName: name,
          RecordIdentifierValueAsString: id,
          Record: this.featureValues(group!, record, names),
          ...this.expiresAtMember(record, input.ExpirationTimeResponse),
        });
      }
    }
    return { Records, Errors, UnprocessedIdentifiers: [] };
  }

  private deleteRecord(input: Record<string, unknown>): Record<string, unknown> {
    const v = new Violations();
    checkGroupName(v, input.FeatureGroupName, 'featureGroupName');
    v.string(input.RecordIdentifierValueAsString, 'recordIdentifierValueAsString', true, 0, MAX_VALUE);
    v.string(input.EventTime, 'eventTime', true, 0, MAX_VALUE);
    checkTargetStores(v, input.TargetStores, 'targetStores');
    v.oneOf(input.DeletionMode, 'deletionMode', false, ['SoftDelete', 'HardDelete']);
    v.throwIfAny();
    const group = this.groupForWrite(input.FeatureGroupName as string);
    const id = input.RecordIdentifierValueAsString as string;
    this.checkIdSize(id);
    const eventTimeText = input.EventTime as string;
    const eventTime = this.parseEventTime(group, eventTimeText, 'EventTime');
    const targets = this.targets(group, input.TargetStores);
    const hard = input.DeletionMode === 'HardDelete';

    if (targets.includes('OnlineStore')) {
      const current = this.current(group, id);
      const later = current === undefined || eventTime > current.eventTime;
      // A delete that is not later (A2): SoftDelete changes nothing online; HardDelete fails, no marker.
      if (hard && !later) fail('ValidationError', 'EventTime');
      if (later && hard) group.records.delete(id);
      if (later && !hard) {
        group.records.set(id, {
          deleted: true,
          values: new Map(),
          eventTime,
          expiresAt: undefined,
          seq: current?.seq ?? group.nextSeq++,
        });
      }
    }
    if (targets.includes('OfflineStore')) {
      const marker = new Map<string, Value>([
        [group.def.RecordIdentifierFeatureName, id],
        [group.def.EventTimeFeatureName, eventTimeText],
      ]);
      this.offlineRow(group, marker, true);
    }
    return {};
  }

  private batchWriteRecord(input: Record<string, unknown>): Record<string, unknown> {
    const v = new Violations();
    const entries = v.list(input.Entries, 'entries', true, 1, 25);
    if (entries !== undefined && entries.length >= 1 && entries.length <= 25) {
      entries.forEach((item, i) => {
        const entry = v.structure(item, `entries.${i + 1}.member`, true);
        if (entry !== undefined) checkPutShape(v, entry, `entries.${i + 1}.member.`);
      });
    }
    checkTtl(v, input.TtlDuration, 'ttlDuration');
    v.throwIfAny();
    const list = entries as Record<string, unknown>[];
    // A group that does not exist fails the whole request: the operation models ResourceNotFound.
    for (const entry of list) this.groupForRead(entry.FeatureGroupName as string);
    const Errors: unknown[] = [];
    for (const entry of list) {
      try {
        this.applyPut(entry, entry.TtlDuration ?? input.TtlDuration);
      } catch (failure) {
        if (!(failure instanceof Failure)) throw failure;
        Errors.push({ Entry: entry, ErrorCode: failure.code, fields: failure.fields });
      }
    }
    return { Errors, UnprocessedEntries: [] };
  }

  private listRecords(input: Record<string, unknown>): Record<string, unknown> {
    const v = new Violations();
    checkGroupName(v, input.FeatureGroupName, 'featureGroupName');
    v.integer(input.MaxResults, 'maxResults', false, 1, 100);
    v.string(input.NextToken, 'nextToken', false, 1, 8192);
    v.boolean(input.IncludeSoftDeletedRecords, 'includeSoftDeletedRecords');
    v.throwIfAny();
    const group = this.groupForRead(input.FeatureGroupName as string);
    this.requireOnline(group);
    let after = -1;
    if (typeof input.NextToken === 'string') {
      const m = /^model-token:(\d+):(\d+)$/.exec(input.NextToken);
      if (m === null || Number(m[1]) !== group.incarnation) fail('ValidationError', 'NextToken');
      after = Number(m![2]);
    }
    const limit = (input.MaxResults as number | undefined) ?? 100;
    // First-write order; soft-deleted only on request; expired never.
    const listable = [...group.records.keys()]
      .map((id) => this.current(group, id))
      .filter((record): record is ModelRecord => record !== undefined)
      .filter((record) => input.IncludeSoftDeletedRecords === true || !record.deleted)
      .filter((record) => record.seq > after)
      .sort((a, b) => a.seq - b.seq);
    const idOf = new Map([...group.records].map(([id, record]) => [record, id]));
    const page = listable.slice(0, limit);
    const output: Record<string, unknown> = { RecordIdentifiers: page.map((record) => idOf.get(record)) };
    if (listable.length > limit) output.NextToken = this.token(group, page[page.length - 1]!.seq);
    return output;
  }

  private updateRecord(input: Record<string, unknown>): Record<string, unknown> {
    const v = new Violations();
    checkGroupName(v, input.FeatureGroupName, 'featureGroupName');
    v.string(input.RecordIdentifierValueAsString, 'recordIdentifierValueAsString', true, 0, MAX_VALUE);
    checkRecordShape(v, input.Features, 'features', 100);
    checkTargetStores(v, input.TargetStores, 'targetStores');
    checkTtl(v, input.TtlDuration, 'ttlDuration');
    v.throwIfAny();
    const group = this.groupForRead(input.FeatureGroupName as string);
    this.requireOnline(group);
    // Partial updates: Standard_V2 and InMemory only.
    if (group.tier !== 'Standard_V2' && group.tier !== 'InMemory') fail('ValidationError', 'StorageType');
    const id = input.RecordIdentifierValueAsString as string;
    this.checkIdSize(id);
    const update = this.values(group, input.Features as Record<string, unknown>[], false);
    const updateId = update.get(group.def.RecordIdentifierFeatureName);
    if (updateId !== undefined && updateId !== id) fail('ValidationError', 'RecordIdentifierValueAsString');
    const updateTime = update.get(group.def.EventTimeFeatureName) as string | undefined;
    if (input.TtlDuration !== undefined && input.TtlDuration !== null && updateTime === undefined) {
      fail('ValidationError', 'TtlDuration');
    }
    const targets = this.targets(group, input.TargetStores);
    // The record must exist: not absent, soft-deleted or expired.
    const current = this.live(group, id) ?? fail('ResourceNotFound', id);
    const eventTime =
      updateTime === undefined ? current.eventTime : this.parseEventTime(group, updateTime, 'EventTime');
    if (eventTime < current.eventTime) fail('ConflictException', 'EventTime');
    const merged = new Map(current.values);
    for (const featureValue of input.Features as { FeatureName: string }[]) {
      const value = update.get(featureValue.FeatureName);
      if (value === undefined)
        merged.delete(featureValue.FeatureName); // an empty collection clears it
      else merged.set(featureValue.FeatureName, value);
    }
    checkRecordSize(merged);
    this.write(group, {
      id,
      eventTime,
      values: merged,
      targets,
      // Without a TtlDuration the record keeps its ExpiresAt; the group default is not re-applied.
      expiresAt:
        input.TtlDuration === undefined || input.TtlDuration === null
          ? current.expiresAt
          : this.expiry(group, eventTime, input.TtlDuration),
    });
    return {};
  }
}

/** Integral: int64 (A13); Fractional: a finite decimal (A13); String: anything. */
const isValidScalar = (type: ModelFeature['FeatureType'], text: string): boolean => {
  if (type === 'String') return true;
  if (type === 'Integral') {
    if (!/^[+-]?\d+$/.test(text)) return false;
    const value = BigInt(text);
    return value >= -(2n ** 63n) && value <= 2n ** 63n - 1n;
  }
  return DECIMAL.test(text) && Number.isFinite(Number(text));
};

/** The record-size quota (§6.3): at most 350 KB of UTF-8 values. */
const checkRecordSize = (values: Map<string, Value>): void => {
  let total = 0;
  for (const value of values.values()) {
    for (const text of typeof value === 'string' ? [value] : value) total += bytes(text);
  }
  if (total > MAX_RECORD_BYTES) fail('ValidationError', 'Record');
};
