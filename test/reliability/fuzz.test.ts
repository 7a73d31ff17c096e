import fc from 'fast-check';
import { request as httpRequest } from 'node:http';
import { isDeepStrictEqual } from 'node:util';
import { exportSnapshot, FeatureStoreError, type FeatureStore } from '../../src/core/index.js';
import { mockFeatureStore, type CreateFeatureGroupInput, type FeatureStoreMock } from '../../src/index.js';
import { startServer, type RunningServer } from '../../src/server/index.js';
import { ReferenceModel } from '../model/reference-model.js';
import {
  compareOutcome,
  compareState,
  coreTarget,
  plain,
  resetStore,
  sdkTarget,
  type Outcome,
} from '../model/run-sequence.js';
import { GROUPS, START_MS, type Input } from '../model/scenario.js';
import { brief, fuzzCaseArb, JSON_JUNK, mutate, SDK_ONLY_JUNK, type FuzzCase } from './fuzz-inputs.js';

/**
 * Bad input, through the real SDK client (in-process) and as raw HTTP against server mode.
 * Property: every call either succeeds as the reference model says, or fails with the error
 * the model gives (a modelled code, a message naming the field); a rejected call leaves the
 * store exactly as it was; and nothing else is ever thrown: no TypeError out of the emulator,
 * no 500 from the server, which keeps serving. Budgets: docs/reliability.md.
 */
const LONG = process.env.RELIABILITY_LONG === '1';
const SEED = Number(process.env.RELIABILITY_SEED ?? 20261125);
const SDK_CASES = LONG ? 20_000 : 1500;
const HTTP_CASES = LONG ? 20_000 : 1500;

/** Records written before each case, so a rejected call has something to leave unchanged. */
const SEED_CALLS: readonly { op: string; input: Input }[] = [
  ['std-both', 'r1', '2026-01-01T00:00:01Z'],
  ['std-both', 'r2', '2026-01-01T00:00:00Z'],
  ['v2-both-ttl', 'r1', '2026-01-01T00:00:01Z'],
  ['std-online-ttl', 'r1', '2026-01-01T00:00:01Z'],
  ['mem', 'r1', '2026-01-01T00:00:01Z'],
  ['v2-frac', 'r1', '1767225601'],
  ['offline-frac', 'r1', '1767225601'],
].map(([group, id, time]) => {
  const def = GROUPS.find((g) => g.FeatureGroupName === group)!;
  return {
    op: 'PutRecord',
    input: {
      FeatureGroupName: group,
      Record: [
        { FeatureName: 'id', ValueAsString: id },
        { FeatureName: def.EventTimeFeatureName, ValueAsString: time },
      ],
    },
  };
});

/** Watches the core: what it was asked to run, and anything other than a FeatureStoreError it threw. */
const watchExecute = (store: FeatureStore) => {
  const watch: { calls: { operation: string; input: unknown }[]; escaped: unknown[] } = { calls: [], escaped: [] };
  const execute = store.execute.bind(store);
  store.execute = (operation, input, scope) => {
    watch.calls.push({ operation, input: structuredClone(input) });
    try {
      return execute(operation, input, scope);
    } catch (error) {
      if (!(error instanceof FeatureStoreError)) watch.escaped.push(error);
      throw error;
    }
  };
  return watch;
};

const tally = new Map<string, number>();
const count = (key: string): void => {
  tally.set(key, (tally.get(key) ?? 0) + 1);
};
afterAll(() => {
  console.log(
    `fuzz outcomes:\n${[...tally]
      .sort()
      .map(([key, n]) => `  ${key}: ${n}`)
      .join('\n')}`,
  );
});

/** Errors of the protocol layer, answered before any operation runs. */
const PROTOCOL_CODES = [
  'SerializationException',
  'UnknownOperationException',
  'UnsupportedMediaTypeException',
  'RequestEntityTooLargeException',
];

/**
 * Checks one answer against the model, given what the core actually received: the model
 * answers that very input, so both read the same request, however the SDK or the codec shaped it.
 */
const checkAgainstModel = (
  model: ReferenceModel,
  received: { operation: string; input: unknown } | undefined,
  real: Outcome,
  where: () => string,
): void => {
  if (received === undefined) {
    // Refused before the core ran: only protocol errors may do that.
    if (real.ok || !PROTOCOL_CODES.includes(real.code)) {
      throw new Error(`${where()}\n  answered ${brief(real)} without running the operation`);
    }
    return;
  }
  compareOutcome(real, model.execute(received.operation, structuredClone(received.input)), where);
};

describe.each(['wire', 'direct'] as const)('fuzzed input through the SDK client (in-process, %s mode)', (mode) => {
  let mock: FeatureStoreMock;
  let watch: ReturnType<typeof watchExecute>;
  const target = sdkTarget();
  beforeAll(() => {
    mock = mockFeatureStore({ callHistory: false, mode });
    watch = watchExecute(mock.store);
  });
  afterAll(() => {
    target.destroy();
    mock.restore();
  });

  const prepare = (): ReferenceModel => {
    const model = resetStore(mock);
    const core = coreTarget(mock);
    for (const call of SEED_CALLS) {
      compareOutcome(
        core.send(call.op, call.input) as Outcome,
        model.execute(call.op, structuredClone(call.input)),
        () => brief(call),
      );
    }
    watch.calls.length = 0;
    watch.escaped.length = 0;
    return model;
  };

  test(`${SDK_CASES} mutated calls: the model's answer, the store unchanged after a rejection, nothing else thrown`, async () => {
    const junk = [...Object.keys(JSON_JUNK), ...Object.keys(SDK_ONLY_JUNK)];
    await fc.assert(
      fc.asyncProperty(fuzzCaseArb(junk), async ({ call, mutations }: FuzzCase) => {
        const model = prepare();
        const input = mutate(call.input, mutations);
        const where = (): string => `${call.op} ${brief(input)}\n  (from ${brief(call.input)} by ${brief(mutations)})`;
        const before = exportSnapshot(mock.store);
        let real: Outcome;
        try {
          real = await target.send(call.op, input as Input);
        } catch (error) {
          // The SDK refused the input itself (a cyclic list, a BigInt...): the emulator must not have run.
          if (watch.calls.length > 0 || watch.escaped.length > 0) {
            throw new Error(`${where()}\n  ${String(error)} after the emulator ran`, { cause: error });
          }
          count(`${mode}: refused by the SDK before sending`);
          expect(exportSnapshot(mock.store)).toEqual(before);
          return;
        }
        if (watch.escaped.length > 0) throw new Error(`${where()}\n  the emulator threw ${String(watch.escaped[0])}`);
        count(`${mode}: ${real.ok ? 'succeeded' : real.code}`);
        checkAgainstModel(model, watch.calls[0], real, where);
        if (real.ok) compareState(mock, model, where);
        else if (!isDeepStrictEqual(exportSnapshot(mock.store), before))
          throw new Error(`${where()}\n  a rejected call changed the store`);
      }),
      { seed: SEED, numRuns: SDK_CASES },
    );
  }, 600_000);
});

// ---- raw HTTP against server mode ----------------------------------------------------------------

interface RawRequest {
  readonly method: string;
  readonly path: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: Buffer;
}

/** RFC 3986 percent-encoding of the UTF-8 bytes (a lone surrogate goes as U+FFFD, as Node's HTTP client sends it). */
const percentEncode = (value: unknown): string =>
  [...Buffer.from(String(value), 'utf8')]
    .map((byte) =>
      /[A-Za-z0-9\-_.~]/.test(String.fromCharCode(byte))
        ? String.fromCharCode(byte)
        : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`,
    )
    .join('');
const label = (value: unknown): string => percentEncode(value);
const queryPart = (key: string, value: unknown): string[] =>
  value === undefined || value === null
    ? []
    : (Array.isArray(value) ? value : [value]).map((item) => `${key}=${percentEncode(item)}`);
const withoutNullMembers = (value: unknown): unknown =>
  Array.isArray(value)
    ? value.map(withoutNullMembers)
    : typeof value === 'object' && value !== null
      ? Object.fromEntries(
          Object.entries(value)
            .filter(([, item]) => item !== null)
            .map(([key, item]) => [key, withoutNullMembers(item)]),
        )
      : value;
const jsonBody = (value: unknown): Buffer => Buffer.from(JSON.stringify(value) ?? 'null', 'utf8');
const withoutName = (input: unknown): unknown => {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return input;
  const { FeatureGroupName: _name, ...rest } = input as Input;
  return rest;
};

/** restJson1 as the spec's §2.2 binds each operation, written independently of src/wire. */
const encodeRest = (op: string, input: unknown): RawRequest => {
  const members = (typeof input === 'object' && input !== null ? input : {}) as Input;
  const name = label(members.FeatureGroupName ?? '');
  const json = { 'content-type': 'application/json' };
  switch (op) {
    case 'PutRecord':
      return { method: 'PUT', path: `/FeatureGroup/${name}`, headers: json, body: jsonBody(withoutName(input)) };
    case 'GetRecord':
    case 'DeleteRecord': {
      const keys =
        op === 'GetRecord'
          ? [
              ['RecordIdentifierValueAsString', 'RecordIdentifierValueAsString'],
              ['FeatureName', 'FeatureNames'],
              ['ExpirationTimeResponse', 'ExpirationTimeResponse'],
            ]
          : [
              ['RecordIdentifierValueAsString', 'RecordIdentifierValueAsString'],
              ['EventTime', 'EventTime'],
              ['TargetStores', 'TargetStores'],
              ['DeletionMode', 'DeletionMode'],
            ];
      const query = keys.flatMap(([key, member]) => queryPart(key!, members[member!]));
      return { method: op === 'GetRecord' ? 'GET' : 'DELETE', path: `/FeatureGroup/${name}?${query.join('&')}` };
    }
    case 'BatchGetRecord':
    case 'BatchWriteRecord':
      return { method: 'POST', path: `/${op}`, headers: json, body: jsonBody(input) };
    case 'ListRecords':
      return {
        method: 'POST',
        path: `/FeatureGroup/${name}/ListRecords`,
        headers: json,
        body: jsonBody(withoutName(input)),
      };
    default:
      return {
        method: 'POST',
        path: `/FeatureGroup/${name}/Record`,
        headers: json,
        body: jsonBody(withoutName(input)),
      };
  }
};

/** Damage below JSON: bytes that are not UTF-8, broken percent-encoding, broken JSON, odd routes and sizes. */
const RAW_DAMAGE: Readonly<Record<string, (request: RawRequest) => RawRequest>> = {
  invalidUtf8InBody: (r) => ({
    ...r,
    body:
      r.body === undefined
        ? undefined
        : Buffer.concat([
            r.body.subarray(0, Math.max(1, r.body.indexOf(34) + 1)),
            Buffer.from([0xc3, 0x28, 0xff]),
            r.body.subarray(Math.max(1, r.body.indexOf(34) + 1)),
          ]),
  }),
  overlongUtf8InBody: (r) => ({
    ...r,
    body:
      r.body === undefined
        ? undefined
        : Buffer.concat([Buffer.from('{"x":"'), Buffer.from([0xc0, 0xaf]), Buffer.from('"}')]),
  }),
  invalidUtf8InLabel: (r) => ({ ...r, path: r.path.replace(/^\/FeatureGroup\/[^/?]*/, '/FeatureGroup/%C3%28') }),
  brokenPercentInLabel: (r) => ({ ...r, path: r.path.replace(/^\/FeatureGroup\/[^/?]*/, '/FeatureGroup/%E0%A4%A') }),
  invalidUtf8InQuery: (r) => ({
    ...r,
    path: `${r.path}${r.path.includes('?') ? '&' : '?'}RecordIdentifierValueAsString=%FF%FE`,
  }),
  truncatedJson: (r) => ({
    ...r,
    body: r.body === undefined ? undefined : r.body.subarray(0, Math.floor(r.body.length / 2)),
  }),
  nanLiteral: (r) => ({
    ...r,
    body: Buffer.from('{"MaxResults": NaN, "TtlDuration": {"Unit": "Seconds", "Value": Infinity}}'),
  }),
  topLevelArray: (r) => ({ ...r, body: Buffer.from('[1,2,3]') }),
  topLevelString: (r) => ({ ...r, body: Buffer.from('"x"') }),
  deepJson: (r) => ({ ...r, body: Buffer.from(`${'['.repeat(100_000)}${']'.repeat(100_000)}`) }),
  duplicateKeys: (r) => ({
    ...r,
    body: Buffer.from('{"Record": [], "Record": "x", "MaxResults": 1, "MaxResults": 0}'),
  }),
  protoPollution: (r) => ({
    ...r,
    body: Buffer.from('{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}}'),
  }),
  textContentType: (r) => ({ ...r, headers: { 'content-type': 'text/plain' } }),
  unknownRoute: (r) => ({ ...r, path: `/FeatureGroup/std-both/Nope` }),
  wrongMethod: (r) => ({ ...r, method: 'PATCH' }),
  bodyOver8MiB: (r) => ({ ...r, body: Buffer.alloc(8 * 1024 * 1024 + 1, 0x20) }),
  nulInLabel: (r) => ({ ...r, path: r.path.replace(/^\/FeatureGroup\/[^/?]*/, '/FeatureGroup/std%00both') }),
};

const send = (
  server: RunningServer,
  request: RawRequest,
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> =>
  new Promise((resolve, reject) => {
    const url = new URL(server.url);
    const req = httpRequest(
      {
        host: url.hostname,
        port: url.port,
        method: request.method,
        path: request.path,
        headers: {
          ...request.headers,
          ...(request.body === undefined ? {} : { 'content-length': String(request.body.length) }),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(request.body);
  });

/** The error codes a runtime request may be answered with: the model's, and the protocol layer's own. */
const RAW_CODES = new Set([
  'ValidationError',
  'ResourceNotFound',
  'ConflictException',
  'SerializationException',
  'UnknownOperationException',
  'UnsupportedMediaTypeException',
  'RequestEntityTooLargeException',
]);

describe('fuzzed raw HTTP against server mode', () => {
  let server: RunningServer;
  let watch: ReturnType<typeof watchExecute>;
  beforeAll(async () => {
    server = await startServer();
    watch = watchExecute(server.store);
  });
  afterAll(() => server.close());

  const prepare = (): ReferenceModel => {
    server.featureStore.reset();
    server.featureStore.clock.set(START_MS);
    const model = new ReferenceModel(START_MS);
    for (const def of GROUPS) {
      server.featureStore.createFeatureGroup(def as CreateFeatureGroupInput);
      model.execute('CreateFeatureGroup', def);
    }
    for (const call of SEED_CALLS) {
      server.featureStore.execute(call.op, structuredClone(call.input));
      model.execute(call.op, structuredClone(call.input));
    }
    watch.calls.length = 0;
    watch.escaped.length = 0;
    return model;
  };

  test(`${HTTP_CASES} mutated requests: the model's answer or a protocol error, never a 500, the store unchanged after a rejection`, async () => {
    // Three requests in ten are damaged below JSON; the 8 MiB body rarely, it is slow to build and send.
    const damage = fc.oneof(
      { weight: 70, arbitrary: fc.constant(null) },
      { weight: 29, arbitrary: fc.constantFrom(...Object.keys(RAW_DAMAGE).filter((name) => name !== 'bodyOver8MiB')) },
      { weight: 1, arbitrary: fc.constant('bodyOver8MiB') },
    );
    await fc.assert(
      fc.asyncProperty(fuzzCaseArb(Object.keys(JSON_JUNK)), damage, async ({ call, mutations }: FuzzCase, damaged) => {
        const model = prepare();
        const input = mutate(call.input, mutations);
        let request = encodeRest(call.op, input);
        if (damaged !== null) request = RAW_DAMAGE[damaged]!(request);
        const where = (): string =>
          `${request.method} ${request.path.slice(0, 200)} ${damaged ?? ''} ${brief(input)}\n  (${call.op} from ${brief(call.input)} by ${brief(mutations)})`;
        const before = exportSnapshot(server.store);
        const response = await send(server, request);
        if (watch.escaped.length > 0) throw new Error(`${where()}\n  the emulator threw ${String(watch.escaped[0])}`);
        if (response.status >= 500)
          throw new Error(`${where()}\n  answered ${response.status}: ${response.body.slice(0, 300)}`);
        const code = response.headers['x-amzn-errortype'] as string | undefined;
        let real: Outcome;
        if (response.status === 200) {
          real = {
            ok: true,
            output: response.body === '' ? {} : (JSON.parse(response.body) as Record<string, unknown>),
          };
        } else {
          if (code === undefined || !RAW_CODES.has(code))
            throw new Error(`${where()}\n  answered ${response.status} ${String(code)}`);
          const message = JSON.parse(response.body) as { Message?: string; message?: string };
          real = { ok: false, code, message: message.Message ?? message.message ?? '' };
        }
        count(`${damaged === null ? '' : 'damaged: '}${real.ok ? 'succeeded' : real.code}`);
        const received = watch.calls[0];
        if (
          damaged === null &&
          received !== undefined &&
          request.body !== undefined &&
          call.op !== 'BatchGetRecord' &&
          call.op !== 'BatchWriteRecord'
        ) {
          // The codec hands the core exactly the JSON sent (a null member is not set), with the path label as FeatureGroupName.
          const sent = withoutNullMembers(JSON.parse(request.body.toString('utf8')));
          const expected = {
            ...(sent as Input),
            FeatureGroupName: Buffer.from(String((input as Input).FeatureGroupName ?? ''), 'utf8').toString('utf8'),
          };
          if (!isDeepStrictEqual(plain(received.input), plain(expected))) {
            throw new Error(`${where()}\n  the codec decoded ${brief(received.input)}`);
          }
        }
        checkAgainstModel(model, received, real, where);
        if (real.ok) compareState(server.featureStore, model, where);
        else if (!isDeepStrictEqual(exportSnapshot(server.store), before))
          throw new Error(`${where()}\n  a rejected request changed the store`);
      }),
      { seed: SEED, numRuns: HTTP_CASES },
    );
    // Still serving after all that.
    const health = await send(
      server,
      encodeRest('GetRecord', { FeatureGroupName: 'std-both', RecordIdentifierValueAsString: 'r1' }),
    );
    expect(health.status).toBe(200);
  }, 600_000);
});
