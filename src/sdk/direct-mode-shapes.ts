/**
 * What the wire would do to a command's input and to the emulator's output, computed
 * without the wire. The SDK's schema-based clients carry their operation's model as a
 * static schema (`command.schema`: smithy's array format); this module reads the part of
 * that format the Feature Store and SageMaker feature-group operations use and reproduces,
 * value by value, the serializer followed by the emulator's decoder (input) and the
 * emulator's encoder followed by the deserializer (output). A schema using anything
 * else compiles to `undefined`, and such a command keeps the wire path.
 */

/** A compiled shape: the few kinds the JSON protocols treat differently. */
export type Shape =
  | { readonly kind: 'string' | 'number' | 'boolean' | 'unit' }
  | { readonly kind: 'timestamp'; readonly format: 4 | 5 | 7 }
  | { readonly kind: 'list'; readonly member: Shape }
  | StructShape;

export interface StructShape {
  readonly kind: 'struct';
  readonly union: boolean;
  readonly members: Member[];
}

export interface Member {
  readonly name: string;
  /** Where restJson1 puts it: a path label, a query parameter, or (default) the JSON body. */
  readonly location: 'label' | 'query' | 'body';
  /** Filled after compilation, so recursive shapes compile. */
  shape: Shape;
}

/** An operation as direct mode runs it. */
export interface OperationShapes {
  readonly operation: string;
  readonly input: StructShape;
  readonly output: Shape;
}

/**
 * Thrown when an input holds something whose wire form is not obviously the same value
 * (a BigInt in a list, a struct with `__type`, a lone surrogate in a path label...):
 * the caller then sends that command down the wire path, which decides exactly.
 */
export const NOT_DIRECT = Symbol('sagemaker-featurestore-mock.not-direct');

const TIMESTAMP_DEFAULT = 4;
const TIMESTAMP_DATE_TIME = 5;
const TIMESTAMP_EPOCH_SECONDS = 7;
const LIST_MODIFIER = 0b0100_0000;

/** Member traits that change nothing on the JSON wire; any other makes the operation "not direct". */
const HARMLESS_TRAIT_BITS = 0b0000_1010; // idempotent, sensitive
const HTTP_LABEL_BIT = 0b0000_0001;
const HARMLESS_TRAIT_KEYS = new Set(['sensitive', 'idempotent', 'httpLabel', 'httpQuery']);

type SchemaRef = unknown;

const STRING: Shape = { kind: 'string' };
const NUMBER: Shape = { kind: 'number' };
const BOOLEAN: Shape = { kind: 'boolean' };
const UNIT: Shape = { kind: 'unit' };

const deref = (ref: SchemaRef): SchemaRef => (typeof ref === 'function' ? (ref as () => SchemaRef)() : ref);

/** A member's location from its traits (a bitmask or an object); undefined when a trait is unsupported. */
const memberLocation = (traits: unknown): Member['location'] | undefined => {
  if (traits === 0 || traits === undefined) return 'body';
  if (typeof traits === 'number') {
    if ((traits & ~(HTTP_LABEL_BIT | HARMLESS_TRAIT_BITS)) !== 0) return undefined;
    return (traits & HTTP_LABEL_BIT) !== 0 ? 'label' : 'body';
  }
  if (typeof traits !== 'object' || traits === null) return undefined;
  const keys = Object.keys(traits);
  if (!keys.every((key) => HARMLESS_TRAIT_KEYS.has(key))) return undefined;
  const { httpLabel, httpQuery } = traits as { httpLabel?: unknown; httpQuery?: unknown };
  if (httpLabel !== undefined && httpQuery !== undefined) return undefined;
  if (httpLabel !== undefined) return 'label';
  // The member name is what the emulator's decoder reads back, whatever the wire name.
  return typeof httpQuery === 'string' ? 'query' : httpQuery === undefined ? 'body' : undefined;
};

/** Compiles smithy static schemas, memoised, so each schema object is read once per process. */
class SchemaCompiler {
  private readonly compiled = new Map<object, Shape>();

  compile(ref: SchemaRef): Shape | undefined {
    const schema = deref(ref);
    if (schema === 'unit') return UNIT;
    if (typeof schema === 'number') return this.simple(schema);
    if (!Array.isArray(schema)) return undefined;
    const known = this.compiled.get(schema);
    if (known !== undefined) return known;
    const [type, , , traits] = schema as [number, string, string, unknown];
    if (traits !== 0 && traits !== undefined) return undefined; // shape-level traits (sparse, mediaType...)
    if (type === 0) return this.compile(schema[4]); // a named alias of a simple type
    if (type === 1) {
      const member = this.compile(schema[4]);
      return member === undefined || member.kind === 'unit' ? undefined : { kind: 'list', member };
    }
    if (type === 3 || type === -3 || type === 4) return this.struct(schema, type === 4);
    return undefined; // maps, event streams, anything newer
  }

  private simple(code: number): Shape | undefined {
    if (code === 0) return STRING;
    if (code === 1) return NUMBER;
    if (code === 2) return BOOLEAN;
    if (code === TIMESTAMP_DEFAULT || code === TIMESTAMP_DATE_TIME || code === TIMESTAMP_EPOCH_SECONDS) {
      return { kind: 'timestamp', format: code };
    }
    if ((code & 0b1100_0000) === LIST_MODIFIER) {
      const member = this.simple(code & 0b0011_1111);
      return member === undefined ? undefined : { kind: 'list', member };
    }
    return undefined; // blobs, big numbers, documents, maps
  }

  private struct(schema: readonly unknown[], union: boolean): StructShape | undefined {
    const names = schema[4];
    const refs = schema[5];
    if (!Array.isArray(names) || !Array.isArray(refs) || names.length !== refs.length) return undefined;
    const members: Member[] = [];
    const shape: StructShape = { kind: 'struct', union, members };
    this.compiled.set(schema, shape); // before the members: a shape may contain itself
    for (let i = 0; i < names.length; i++) {
      let ref = refs[i] as SchemaRef;
      let traits: unknown = 0;
      if (Array.isArray(ref) && ref.length === 2) [ref, traits] = ref as [SchemaRef, unknown];
      const location = memberLocation(traits);
      const memberShape = this.compile(ref);
      if (location === undefined || memberShape === undefined) {
        this.compiled.delete(schema);
        return undefined;
      }
      members.push({ name: String(names[i]), location, shape: memberShape });
    }
    return shape;
  }
}

const compiler = new SchemaCompiler();
const operations = new WeakMap<object, OperationShapes | null>();

/**
 * The shapes of an operation schema (`[9, namespace, name, traits, input, output]`), or
 * undefined when it uses something direct mode does not reproduce. Cached per schema.
 */
export const operationShapes = (schema: unknown): OperationShapes | undefined => {
  if (!Array.isArray(schema) || schema[0] !== 9 || typeof schema[2] !== 'string') return undefined;
  const cached = operations.get(schema);
  if (cached !== undefined) return cached ?? undefined;
  const input = compiler.compile(schema[4]);
  const output = compiler.compile(schema[5]);
  const shapes =
    input?.kind === 'struct' && output !== undefined ? { operation: schema[2] as string, input, output } : undefined;
  operations.set(schema, shapes ?? null);
  return shapes;
};

// ---------------------------------------------------------------------------------------
// Input: what the emulator's decoder would hand the core after the SDK's serializer.

/** JSON.stringify then JSON.parse: the serializer's fallback for values that don't fit their shape. */
const jsonClone = (value: unknown): unknown => {
  const text = JSON.stringify(value);
  if (text === undefined) throw NOT_DIRECT;
  return JSON.parse(text) as unknown;
};

const isFiniteNumber = (value: number): boolean => value - value === 0;

/** An element of a list of strings, numbers or booleans: the serializer writes the list with JSON.stringify. */
const simpleListElement = (item: unknown): unknown => {
  switch (typeof item) {
    case 'string':
    case 'boolean':
      return item;
    case 'number':
      return isFiniteNumber(item) ? item : String(item);
    case 'object':
      return jsonClone(item);
    case 'function':
    case 'symbol':
      return null;
    default:
      throw NOT_DIRECT; // bigint: JSON.stringify throws in the serializer
  }
};

const writeList = (member: Shape, list: readonly unknown[]): unknown[] => {
  const out: unknown[] = [];
  const simple = member.kind === 'string' || member.kind === 'number' || member.kind === 'boolean';
  for (const item of list) {
    if (item === null || item === undefined) continue; // not sparse: the serializer drops them
    out.push(simple ? simpleListElement(item) : bodyValue(member, item));
  }
  return out;
};

const writeStruct = (shape: StructShape, value: Record<string, unknown>): Record<string, unknown> => {
  if (typeof value.__type === 'string') throw NOT_DIRECT; // the serializer then writes every other key as a document
  const out: Record<string, unknown> = {};
  let wroteAny = false;
  for (const member of shape.members) {
    const item = value[member.name];
    if (item === null || item === undefined) continue;
    out[member.name] = bodyValue(member.shape, item);
    wroteAny = true;
  }
  if (shape.union && !wroteAny && value.$unknown !== undefined) throw NOT_DIRECT;
  return out;
};

const writeTimestamp = (format: 4 | 5 | 7, date: Date): unknown => {
  const ms = date.getTime();
  if (!isFiniteNumber(ms)) throw NOT_DIRECT; // "NaN" on the wire is not JSON
  return format === TIMESTAMP_DATE_TIME ? date.toISOString().replace('.000Z', 'Z') : ms / 1000;
};

/** One JSON body value (never null or undefined) as the core would receive it. */
const bodyValue = (shape: Shape, value: unknown): unknown => {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      return isFiniteNumber(value) ? value : String(value);
    case 'bigint':
      return Number(value);
    case 'object':
      break;
    default:
      throw NOT_DIRECT; // functions and symbols become text that is not JSON
  }
  const object = value as object;
  if (shape.kind === 'struct') return writeStruct(shape, object as Record<string, unknown>);
  if (shape.kind === 'list' && Array.isArray(object)) return writeList(shape.member, object);
  if (shape.kind === 'timestamp' && object instanceof Date) return writeTimestamp(shape.format, object);
  return jsonClone(object);
};

/** False when the text has a lone surrogate, which encodeURIComponent (the path label) rejects. */
const isWellFormed = (text: string): boolean => {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0xd800 || code > 0xdfff) continue;
    const next = text.charCodeAt(i + 1);
    if (code > 0xdbff || !(next >= 0xdc00 && next <= 0xdfff)) return false;
    i++;
  }
  return true;
};

/** A path label or query value: the serializer writes `String(value)`; the decoder reads the same text back. */
const httpText = (value: unknown): string => {
  if (typeof value === 'symbol') throw NOT_DIRECT;
  const text = String(value);
  if (!isWellFormed(text)) throw NOT_DIRECT;
  return text;
};

/**
 * The input the core would receive over the wire: members the model doesn't know dropped,
 * null and undefined dropped, empty query lists absent, Dates as the protocol's timestamps.
 * Throws `NOT_DIRECT` when only the wire can tell; any other throw is the error the
 * serializer throws for that input (a missing path label, a circular structure).
 */
export const wireInput = (
  shape: StructShape,
  protocol: 'restJson1' | 'awsJson1_1',
  input: unknown,
): Record<string, unknown> => {
  const source = (typeof input === 'object' && input !== null ? input : {}) as Record<string, unknown>;
  if (typeof source.__type === 'string') throw NOT_DIRECT; // the serializer then writes every key into the body
  if (protocol === 'awsJson1_1') return writeStruct(shape, source);
  const out: Record<string, unknown> = {};
  for (const member of shape.members) {
    const value = source[member.name];
    if (member.location === 'body') {
      if (value !== null && value !== undefined) out[member.name] = bodyValue(member.shape, value);
    } else if (value === null || value === undefined) {
      if (member.location === 'label') {
        throw new Error(`No value provided for input HTTP label: ${member.name}.`);
      }
    } else if (member.location === 'label' || member.shape.kind !== 'list') {
      out[member.name] = httpText(value);
    } else {
      if (!Array.isArray(value)) throw NOT_DIRECT;
      // The decoder reads an empty query list as absent, as it is on the wire.
      if (value.length === 0) continue;
      const texts: string[] = [];
      for (const item of value as unknown[]) texts.push(httpText(item)); // holes too, as `for...of` in the serializer
      out[member.name] = texts;
    }
  }
  return out;
};

// ---------------------------------------------------------------------------------------
// Output: what the SDK's deserializer would return for the emulator's encoded answer.

/** A core value as its JSON encoding carries it: Dates per protocol, other objects as they are. */
const encoded = (value: unknown, epochSeconds: boolean): unknown =>
  value instanceof Date ? (epochSeconds ? value.getTime() / 1000 : value.toJSON()) : value;

const NUMERIC_SPECIALS: Readonly<Record<string, number>> = { Infinity, '-Infinity': -Infinity, NaN };

/** Reads one JSON value by its shape, as the SDK's JSON deserializer does; always copies containers. */
const readValue = (shape: Shape, raw: unknown, epochSeconds: boolean): unknown => {
  const value = encoded(raw, epochSeconds);
  if (value === undefined || typeof value === 'function' || typeof value === 'symbol') return null; // JSON null
  if (typeof value === 'object' && value !== null) {
    if (shape.kind === 'struct') return readStruct(shape, value as Record<string, unknown>, epochSeconds);
    if (shape.kind === 'list' && Array.isArray(value)) {
      const list: unknown[] = new Array(value.length);
      for (let i = 0; i < value.length; i++) list[i] = readValue(shape.member, value[i], epochSeconds);
      return list;
    }
    return jsonClone(value);
  }
  if (shape.kind === 'timestamp' && value !== null) {
    if (typeof value !== 'number') throw new TypeError('Epoch timestamps must be expressed as numbers');
    return new Date(Math.round(value * 1000));
  }
  if (shape.kind === 'number' && typeof value === 'string') return NUMERIC_SPECIALS[value] ?? value;
  return value;
};

const readStruct = (
  shape: StructShape,
  record: Record<string, unknown>,
  epochSeconds: boolean,
): Record<string, unknown> => {
  const out: Record<string, unknown> = {};
  for (const member of shape.members) {
    const value = encoded(record[member.name], epochSeconds);
    if (value !== null && value !== undefined) out[member.name] = readValue(member.shape, value, epochSeconds);
  }
  const hasType = typeof record.__type === 'string';
  if (!shape.union && !hasType) return out;
  // Keys the model doesn't name: a union's lone unknown as `$unknown`, or all of them next to `__type`.
  const unknown = Object.keys(record).filter(
    (key) => record[key] !== undefined && !shape.members.some((member) => member.name === key),
  );
  if (shape.union) {
    const key = unknown.filter((name) => name !== '__type');
    if (key.length === 1 && Object.keys(out).length === 0) out.$unknown = [key[0], jsonClone(record[key[0] as string])];
  } else {
    for (const key of unknown) if (!(key in out)) out[key] = jsonClone(record[key]);
  }
  return out;
};

/**
 * The members of the output the SDK would return for `output` answered with 200: only
 * the model's members, null and undefined dropped, fresh objects throughout, and for
 * awsJson1.1 timestamps as Dates. `$metadata` is the caller's.
 */
export const wireOutput = (shape: Shape, protocol: 'restJson1' | 'awsJson1_1', output: object): object => {
  const epochSeconds = protocol === 'awsJson1_1';
  if (shape.kind === 'struct') return readStruct(shape, output as Record<string, unknown>, epochSeconds);
  // A unit output: restJson1 reads no body; awsJson1.1 passes the parsed body through.
  return epochSeconds ? (JSON.parse(JSON.stringify(output, epochReplacer)) as object) : {};
};

function epochReplacer(this: Record<string, unknown>, key: string, value: unknown): unknown {
  const original = this[key];
  return original instanceof Date ? original.getTime() / 1000 : value;
}
