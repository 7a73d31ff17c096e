import {
  DEFAULT_BEHAVIOUR,
  FeatureStoreError,
  type BehaviourOptions,
  type CreateFeatureGroupInput,
  type Fault,
  type FaultInjector,
  type FaultRule,
} from '../core/index.js';
import type { RequestTarget } from './to-wire-request.js';
import type { ServerFeatureStore } from './server-feature-store.js';

/** Paths under this prefix control the emulator; no AWS route starts with an underscore. */
export const CONTROL_PREFIX = '/_mock';

export const isControlPath = (path: string): boolean =>
  path === CONTROL_PREFIX || path.startsWith(`${CONTROL_PREFIX}/`);

export interface ControlResponse {
  readonly statusCode: number;
  readonly body: unknown;
}

/** A misuse of the control endpoint, answered as `{ "code", "message" }`. */
class ControlError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const badRequest = (message: string): ControlError => new ControlError(400, 'BadRequest', message);

const parseBody = (text: string): unknown => {
  if (text.trim() === '') return {};
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw badRequest(`The body is not valid JSON: ${(error as Error).message}`);
  }
};

const objectBody = (text: string): Record<string, unknown> => {
  const body = parseBody(text);
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    throw badRequest('The body must be a JSON object.');
  return body as Record<string, unknown>;
};

const single = (query: RequestTarget['query'], key: string): string | undefined => {
  const value = query[key];
  return Array.isArray(value) ? value[0] : value;
};

const clockState = (fs: ServerFeatureStore): object => {
  const now = fs.clock.now();
  return { now: new Date(now).toISOString(), epochMillis: now, frozen: fs.clock.frozen };
};

const changeClock = (fs: ServerFeatureStore, body: Record<string, unknown>): object => {
  const keys = Object.keys(body);
  if (keys.length !== 1)
    throw badRequest('Send exactly one of {"set": instant}, {"advance": duration}, {"useSystemTime": true}.');
  try {
    if (body.set !== undefined) {
      if (typeof body.set !== 'string' && typeof body.set !== 'number')
        throw badRequest('"set" takes an ISO-8601 string or epoch milliseconds.');
      fs.clock.set(body.set);
    } else if (body.advance !== undefined) {
      if (typeof body.advance !== 'string' && typeof body.advance !== 'number')
        throw badRequest('"advance" takes milliseconds or a duration such as "15m".');
      fs.clock.advance(body.advance);
    } else if (body.useSystemTime === true) {
      fs.clock.useSystemTime();
    } else {
      throw badRequest(`Unknown clock change '${keys[0] as string}'; use "set", "advance" or "useSystemTime".`);
    }
  } catch (error) {
    if (error instanceof RangeError) throw badRequest(error.message);
    throw error;
  }
  return clockState(fs);
};

const changeBehaviour = (fs: ServerFeatureStore, body: Record<string, unknown>): BehaviourOptions => {
  for (const [key, value] of Object.entries(body)) {
    if (!Object.hasOwn(DEFAULT_BEHAVIOUR, key)) {
      throw badRequest(`Unknown behaviour switch '${key}'. Known: ${Object.keys(DEFAULT_BEHAVIOUR).join(', ')}.`);
    }
    const expected = typeof DEFAULT_BEHAVIOUR[key as keyof BehaviourOptions];
    if (typeof value !== expected || value === null || Array.isArray(value)) {
      throw badRequest(`Behaviour switch '${key}' takes a${expected === 'object' ? 'n' : ''} ${expected}.`);
    }
  }
  return fs.setBehaviour(body as Partial<BehaviourOptions>);
};

const declareFeatureGroups = (fs: ServerFeatureStore, text: string, region: string | undefined): object => {
  const body = parseBody(text);
  const requests = Array.isArray(body) ? body : [body];
  const outputs = requests.map((request) => fs.createFeatureGroup(request as CreateFeatureGroupInput, { region }));
  return Array.isArray(body) ? outputs : (outputs[0] as object);
};

/** Fault ids for the HTTP API, per injector: rules are objects in-process, numbers over the wire. */
const faultIds = new WeakMap<FaultInjector, { next: number; ids: WeakMap<Fault, number> }>();

const idsOf = (injector: FaultInjector): { next: number; ids: WeakMap<Fault, number> } => {
  let entry = faultIds.get(injector);
  if (entry === undefined) faultIds.set(injector, (entry = { next: 1, ids: new WeakMap() }));
  return entry;
};

const describeFault = (injector: FaultInjector, fault: Fault): object => ({
  id: idsOf(injector).ids.get(fault),
  description: fault.description,
  hits: fault.hits,
  remaining: Number.isFinite(fault.remaining) ? fault.remaining : null,
  rule: fault.rule,
});

const addFault = (injector: FaultInjector, body: Record<string, unknown>): object => {
  let fault: Fault;
  try {
    fault = injector.add(body as FaultRule);
  } catch (error) {
    if (error instanceof TypeError || error instanceof RangeError) throw badRequest(error.message);
    throw error;
  }
  const ids = idsOf(injector);
  ids.ids.set(fault, ids.next++);
  return describeFault(injector, fault);
};

const faultRoute = (
  fs: ServerFeatureStore,
  method: string,
  id: string | undefined,
  text: string,
): ControlResponse | undefined => {
  const injector = fs.faults;
  if (id === undefined) {
    if (method === 'GET')
      return { statusCode: 200, body: { faults: injector.list().map((f) => describeFault(injector, f)) } };
    if (method === 'POST') return { statusCode: 200, body: addFault(injector, objectBody(text)) };
    if (method === 'DELETE') {
      injector.clear();
      return { statusCode: 200, body: {} };
    }
  } else if (id === 'reseed' && method === 'POST') {
    const { seed } = objectBody(text);
    if (seed !== undefined && !Number.isInteger(seed)) throw badRequest('"seed" takes an integer.');
    injector.reseed(seed as number | undefined);
    return { statusCode: 200, body: {} };
  } else if (method === 'DELETE') {
    const fault = injector.list().find((f) => String(idsOf(injector).ids.get(f)) === id);
    if (fault === undefined) throw new ControlError(404, 'FaultNotFound', `No fault rule ${id}.`);
    fault.remove();
    return { statusCode: 200, body: {} };
  }
  return undefined;
};

const route = (fs: ServerFeatureStore, method: string, target: RequestTarget, text: string): ControlResponse => {
  const segments = target.path
    .slice(CONTROL_PREFIX.length)
    .split('/')
    .filter((s) => s !== '')
    .map((s) => {
      try {
        return decodeURIComponent(s);
      } catch {
        throw badRequest(`The path segment '${s}' is not valid percent-encoding.`);
      }
    });
  const { query } = target;
  const region = single(query, 'region');
  const ok = (body: unknown): ControlResponse => ({ statusCode: 200, body });
  const [resource, name, sub, recordIdentifier] = segments;
  const call = `${method} ${segments.length === 0 ? '' : resource}`;

  switch (segments.length === 0 ? '' : call) {
    case 'GET health':
      return ok({ status: 'ok' });
    case 'POST reset':
      fs.reset({ keepFeatureGroups: objectBody(text).keepFeatureGroups === true });
      return ok({});
    case 'GET clock':
      return ok(clockState(fs));
    case 'POST clock':
      return ok(changeClock(fs, objectBody(text)));
    case 'GET behaviour':
      return ok(fs.behaviour);
    case 'POST behaviour':
      return ok(changeBehaviour(fs, objectBody(text)));
    case 'GET feature-groups':
      if (name === undefined) return ok({ featureGroups: fs.featureGroups() });
      if (sub === 'offline-records' && segments.length === 3) {
        const recordIdentifierFilter = single(query, 'recordIdentifier');
        return ok({ records: fs.offlineRecords(name, { region, recordIdentifier: recordIdentifierFilter }) });
      }
      if (sub === 'online-records' && recordIdentifier !== undefined && segments.length === 4) {
        const record = fs.onlineRecord(name, recordIdentifier, { region });
        if (record === undefined) {
          throw new ControlError(
            404,
            'RecordNotFound',
            `No online record '${recordIdentifier}' in '${name}' (absent or expired).`,
          );
        }
        return ok(record);
      }
      break;
    case 'POST feature-groups':
      if (name === undefined) return ok(declareFeatureGroups(fs, text, region));
      break;
    case 'GET faults':
    case 'POST faults':
    case 'DELETE faults': {
      const answer = segments.length <= 2 ? faultRoute(fs, method, name, text) : undefined;
      if (answer !== undefined) return answer;
      break;
    }
  }
  throw new ControlError(
    404,
    'UnknownControlRoute',
    `No control route ${method} ${target.path}; see docs/server-mode.md.`,
  );
};

/** Answers a request under `/_mock`: reset, declare groups, inspect state, move the clock, switch behaviour. */
export const handleControlRequest = (
  fs: ServerFeatureStore,
  method: string,
  target: RequestTarget,
  body: string,
): ControlResponse => {
  try {
    return route(fs, method.toUpperCase(), target, body);
  } catch (error) {
    if (error instanceof ControlError) {
      return { statusCode: error.statusCode, body: { code: error.code, message: error.message } };
    }
    if (error instanceof FeatureStoreError) {
      return { statusCode: error.httpStatus ?? 400, body: { code: error.code, message: error.message } };
    }
    throw error;
  }
};
