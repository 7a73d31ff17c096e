import {
  controlPlaneOperations,
  FeatureStoreError,
  runtimeOperations,
  type ExecuteScope,
  type FeatureStore,
} from '../core/index.js';
import { decodeControlPlaneRequest, isControlPlaneRequest } from './aws-json-routes.js';
import { encodeError, encodeSuccess, nextRequestId, type Protocol } from './encode-response.js';
import { headerValue, type WireRequest, type WireResponse } from './http-message.js';
import type { DecodedCall } from './rest-json-routes.js';
import { decodeRuntimeRequest } from './rest-json-routes.js';
import { unknownOperationError } from './wire-error.js';

/** What one wire call did, for call history and fault injection around it. */
export interface WireExchange {
  readonly protocol: Protocol;
  readonly call: DecodedCall | undefined;
  readonly scope: ExecuteScope;
}

export interface WireHooks {
  /**
   * Runs after decoding, before the operation: may throw a FeatureStoreError (an injected
   * fault) to answer with it instead. Return value is ignored.
   */
  readonly beforeExecute?: (exchange: WireExchange) => void;
  /** Runs with the outcome of every call that was decoded. */
  readonly afterExecute?: (exchange: WireExchange, outcome: { output?: object; error?: FeatureStoreError }) => void;
}

const CREDENTIAL_SCOPE = /Credential=[^/]+\/\d{8}\/([a-z0-9-]+)\//;
const HOST_REGION = /(?:featurestore-runtime\.sagemaker|api\.sagemaker|sagemaker)(?:-fips)?\.([a-z0-9-]+)\.amazonaws/;

/** The caller's region: given by the adapter, else from the SigV4 credential scope, else from the host name. */
export const regionOf = (request: WireRequest, scope: ExecuteScope | undefined): string | undefined => {
  if (scope?.region !== undefined) return scope.region;
  const credential = CREDENTIAL_SCOPE.exec(headerValue(request.headers, 'authorization') ?? '');
  if (credential !== null) return credential[1];
  return HOST_REGION.exec(headerValue(request.headers, 'host') ?? '')?.[1];
};

const decode = (protocol: Protocol, request: WireRequest): DecodedCall => {
  const call = protocol === 'awsJson1_1' ? decodeControlPlaneRequest(request) : decodeRuntimeRequest(request);
  const table = protocol === 'awsJson1_1' ? controlPlaneOperations : runtimeOperations;
  if (!Object.hasOwn(table, call.operation)) {
    // Loud on purpose: an unhandled SageMaker command must never pass silently or reach AWS.
    const service = protocol === 'awsJson1_1' ? 'SageMaker' : 'Feature Store runtime';
    throw unknownOperationError(
      `sagemaker-featurestore-mock does not implement the ${service} operation ${call.operation}. ` +
        `It answers these ${service} operations: ${Object.keys(table).join(', ')}.` +
        (protocol === 'awsJson1_1'
          ? ' Stub other SageMaker commands in the test yourself (docs/control-plane.md).'
          : ''),
    );
  }
  return call;
};

/**
 * One HTTP exchange with the emulator: decode the request for its protocol, run the
 * operation in the core, encode the output or error. The SDK plugin and the HTTP
 * server both call this; no rule lives anywhere else.
 */
export const handleWireRequest = (
  store: FeatureStore,
  request: WireRequest,
  scope?: ExecuteScope,
  hooks: WireHooks = {},
): WireResponse => {
  const protocol: Protocol = isControlPlaneRequest(request) ? 'awsJson1_1' : 'restJson1';
  const requestId = nextRequestId();
  const effectiveScope: ExecuteScope = { ...scope, region: regionOf(request, scope) };
  let exchange: WireExchange = { protocol, call: undefined, scope: effectiveScope };
  try {
    const call = decode(protocol, request);
    exchange = { ...exchange, call };
    hooks.beforeExecute?.(exchange);
    const output = store.execute(call.operation, call.input, effectiveScope);
    hooks.afterExecute?.(exchange, { output });
    return encodeSuccess(protocol, output, requestId);
  } catch (error) {
    if (!(error instanceof FeatureStoreError)) throw error;
    if (exchange.call !== undefined) hooks.afterExecute?.(exchange, { error });
    return encodeError(protocol, error, requestId);
  }
};
