import {
  controlPlaneOperations,
  FeatureStoreError,
  runtimeOperations,
  type FaultInjector,
  type FeatureStore,
} from '../core/index.js';
import { encodeError, errorPayload, nextRequestId, statusOf, type Protocol, type WireExchange } from '../wire/index.js';
import { CallRecord } from './call-history.js';
import { NOT_DIRECT, operationShapes, wireInput, wireOutput, type OperationShapes } from './direct-mode-shapes.js';
import { resolveRegion } from './feature-store-mock-plugin.js';
import {
  loadSdkModule,
  RUNTIME_CLIENT,
  RUNTIME_PACKAGE,
  SAGEMAKER_CLIENT,
  SAGEMAKER_PACKAGE,
} from './load-sdk-client.js';
import type { ClientClassLike, ClientLike, CommandLike } from './sdk-types.js';
import type { WireResponder } from './wire-responder.js';

/**
 * How intercepted commands reach the emulator.
 * - `'wire'` (default): through the SDK's whole middleware stack: serializer, endpoint,
 *   retry strategy, the emulator answering an HTTP request in restJson1/awsJson1.1, and
 *   the SDK's deserializer.
 * - `'direct'`: answered at `client.send` itself from the same core, skipping the middleware
 *   stack; inputs, outputs and errors are shaped as the wire would shape them. For suites
 *   that push volume; see docs/performance.md for what it skips.
 */
export type MockMode = 'wire' | 'direct';

export const MOCK_MODES: readonly MockMode[] = ['wire', 'direct'];

/** `send` in direct mode: the answer, or undefined when this command keeps the wire path. */
export type DirectSend = (
  client: ClientLike,
  command: CommandLike,
  rest: readonly unknown[],
) => Promise<unknown> | undefined;

type ErrorClass = new (options: Record<string, unknown>) => Error & Record<string, unknown>;

/** A service direct mode answers: its protocol, operations and the user's SDK module (for exception classes). */
interface Service {
  readonly clientName: string;
  readonly protocol: Protocol;
  readonly protocolShapeId: string;
  readonly operations: Readonly<Record<string, unknown>>;
  readonly module: Record<string, unknown>;
  readonly baseException: ErrorClass | undefined;
  readonly errorClasses: Map<string, ErrorClass | undefined>;
}

const SERVICES = [
  {
    packageName: RUNTIME_PACKAGE,
    clientName: RUNTIME_CLIENT,
    protocol: 'restJson1',
    protocolShapeId: 'aws.protocols#restJson1',
    operations: runtimeOperations,
  },
  {
    packageName: SAGEMAKER_PACKAGE,
    clientName: SAGEMAKER_CLIENT,
    protocol: 'awsJson1_1',
    protocolShapeId: 'aws.protocols#awsJson1_1',
    operations: controlPlaneOperations,
  },
] as const;

/** The service of a client class, when it is the user's copy of one of the two SDK clients. */
const serviceOf = (clientClass: ClientClassLike): Service | undefined => {
  for (const service of SERVICES) {
    const module = loadSdkModule(service.packageName);
    if (module?.[service.clientName] !== clientClass) continue;
    // `SageMakerFeatureStoreRuntimeClient` → `SageMakerFeatureStoreRuntimeServiceException`.
    const base = module[`${service.clientName.replace(/Client$/, '')}ServiceException`];
    return {
      ...service,
      module,
      baseException: typeof base === 'function' ? (base as ErrorClass) : undefined,
      errorClasses: new Map(),
    };
  }
  return undefined;
};

/** The SDK's exception class for an error code, as its error registry would find it; undefined when unmodelled. */
const errorClassOf = (service: Service, code: string): ErrorClass | undefined => {
  if (service.errorClasses.has(code)) return service.errorClasses.get(code);
  const candidate = service.module[code];
  const base = service.baseException;
  const found =
    typeof candidate === 'function' && base !== undefined && candidate.prototype instanceof base
      ? (candidate as ErrorClass)
      : undefined;
  service.errorClasses.set(code, found);
  return found;
};

/** The members of an error shape (its exported schema `Code$`); `Message` for every error of these models. */
const errorMembers = (service: Service, code: string): readonly string[] => {
  const schema = service.module[`${code}$`];
  return Array.isArray(schema) && Array.isArray(schema[4]) ? (schema[4] as string[]) : ['Message'];
};

/** `$metadata` as the SDK builds it from the response headers, plus the retry middleware's counts (one attempt). */
const metadata = (httpStatusCode: number, requestId: string) => ({
  httpStatusCode,
  requestId,
  extendedRequestId: undefined,
  cfId: undefined,
  attempts: 1,
  totalRetryDelay: 0,
});

/** smithy's `decorateServiceException`: body members fill what is unset, `message` wins, `Message` goes. */
const decorate = (exception: Record<string, unknown>, additions: Record<string, unknown>): void => {
  for (const key of Object.keys(additions)) {
    const value = additions[key];
    if (value === undefined) continue;
    if (exception[key] === undefined || exception[key] === null || exception[key] === '') exception[key] = value;
  }
  exception.message = exception.message || exception.Message || 'UnknownError';
  delete exception.Message;
};

/**
 * The exception the SDK's deserializer makes of an error response: the modelled class
 * with `$fault`, `$metadata`, `message` (and `Message` removed), or the service's base
 * exception named after an unmodelled code; the response hidden in `$response`.
 */
const sdkError = (service: Service, error: FeatureStoreError, requestId: string): Error => {
  const { protocol } = service;
  const response = encodeError(protocol, error, requestId);
  const status = statusOf(protocol, error);
  const errorMetadata = { $metadata: metadata(status, requestId), $fault: status < 500 ? 'client' : 'server' };
  const data: Record<string, unknown> = errorPayload(protocol, error);
  const modelled = errorClassOf(service, error.code);
  let exception: Record<string, unknown>;
  if (modelled !== undefined) {
    exception = new modelled({});
    const fault = exception.$fault; // the class field is the model's `error` trait
    const members: Record<string, unknown> = {};
    for (const name of errorMembers(service, error.code)) {
      // restJson1 reads every member (undefined included); awsJson1.1 only those present.
      if (protocol === 'restJson1' || (data[name] !== undefined && data[name] !== null)) members[name] = data[name];
    }
    Object.assign(exception, errorMetadata, { $fault: fault, message: data.message ?? data.Message ?? 'UnknownError' });
    Object.assign(exception, members);
  } else {
    data.message = data.message ?? data.Message ?? 'UnknownError';
    const Base = service.baseException;
    exception =
      Base === undefined
        ? (Object.assign(new Error(String(data.message)), { name: error.code }) as unknown as Record<string, unknown>)
        : new Base({ name: error.code });
    Object.assign(exception, errorMetadata);
  }
  decorate(exception, data);
  Object.defineProperty(exception, '$response', {
    value: response,
    enumerable: false,
    writable: false,
    configurable: false,
  });
  return exception as unknown as Error;
};

export interface DirectModeOptions {
  readonly store: FeatureStore;
  readonly faults: FaultInjector;
  /** The wire path's responder: its hooks and call history are direct mode's too. */
  readonly wire: WireResponder;
  /** Read on every call: `configure({ mode })` may change it. */
  readonly mode: () => MockMode;
}

/**
 * Direct mode: answers a command at `send` from the same core, with the same hooks
 * (unhandled policy, test-scoped groups) and call history as the wire path. A command
 * keeps the wire path whenever direct mode could differ from it: fault rules are set (so
 * the SDK's retry strategy runs for real), the call has a callback or an abort signal,
 * the client is an SDK generation without schemas, or its input holds something only the
 * serializer can decide.
 */
export class DirectMode {
  constructor(private readonly options: DirectModeOptions) {}

  /** The direct `send` for a client class, or undefined when its commands always take the wire. */
  sendFor(clientClass: ClientClassLike): DirectSend | undefined {
    let service: Service | undefined | null = null;
    return (client, command, rest) => {
      if (this.options.mode() !== 'direct' || this.options.faults.size > 0) return undefined;
      for (const arg of rest) {
        if (typeof arg === 'function') return undefined; // callback style
        if (typeof arg === 'object' && arg !== null && (arg as { abortSignal?: unknown }).abortSignal !== undefined) {
          return undefined;
        }
      }
      if (service === null) service = serviceOf(clientClass);
      if (service === undefined) return undefined;
      const shapes = operationShapes((command as { schema?: unknown }).schema);
      if (shapes === undefined || !Object.hasOwn(service.operations, shapes.operation)) return undefined;
      const protocol = (client.config as { protocol?: { getShapeId?: () => string } }).protocol;
      if (protocol?.getShapeId?.() !== service.protocolShapeId) return undefined;
      let input: Record<string, unknown> | undefined;
      let serializerError: unknown;
      try {
        input = wireInput(shapes.input, service.protocol, command.input);
      } catch (error) {
        if (error === NOT_DIRECT) return undefined;
        serializerError = error;
      }
      return this.answer(client, service, shapes, command.input, input, serializerError);
    };
  }

  private async answer(
    client: ClientLike,
    service: Service,
    shapes: OperationShapes,
    sentInput: unknown,
    input: Record<string, unknown> | undefined,
    serializerError: unknown,
  ): Promise<unknown> {
    const { store, wire } = this.options;
    const region = await resolveRegion(client.config, store.defaultRegion);
    const observer = wire.observeCommand({
      commandName: `${shapes.operation}Command`,
      clientName: service.clientName,
      input: sentInput,
      region,
    });
    try {
      if (input === undefined) throw serializerError;
      const output = this.execute(service, shapes, input, region, observer);
      observer?.settled({ output });
      return output;
    } catch (error) {
      observer?.settled({ error });
      throw error;
    }
  }

  /** The core's answer as the SDK would return it, or the SDK's exception for its error. */
  private execute(
    service: Service,
    shapes: OperationShapes,
    input: Record<string, unknown>,
    region: string,
    observer: unknown,
  ): object {
    const { store, wire } = this.options;
    const { protocol } = service;
    const receivedAt = store.clock.now();
    const requestId = nextRequestId();
    const scope = { region };
    const exchange: WireExchange = { protocol, call: { operation: shapes.operation, input }, scope };
    let output: object | undefined;
    let failure: FeatureStoreError | undefined;
    try {
      wire.hooks.beforeExecute?.(exchange);
      output = store.execute(shapes.operation, input, scope);
      wire.hooks.afterExecute?.(exchange, { output });
    } catch (error) {
      if (!(error instanceof FeatureStoreError)) {
        // Not an answer: on the wire it would pass the retry middleware, which counts the attempt.
        if (error instanceof Error) {
          const withMetadata = error as Error & { $metadata?: Record<string, unknown> };
          withMetadata.$metadata = { ...withMetadata.$metadata, attempts: 1, totalRetryDelay: 0 };
        }
        throw error;
      }
      failure = error;
      wire.hooks.afterExecute?.(exchange, { error });
    }
    if (observer instanceof CallRecord) {
      observer.attempts.push({
        receivedAt: new Date(receivedAt),
        statusCode: failure === undefined ? 200 : statusOf(protocol, failure),
        errorCode: failure?.code,
        faults: [],
        delayMs: 0,
      });
    }
    if (failure !== undefined) throw sdkError(service, failure, requestId);
    const result = wireOutput(shapes.output, protocol, output as object) as Record<string, unknown>;
    result.$metadata = metadata(200, requestId);
    return result;
  }
}
