import { type FeatureStoreError } from '../core/index.js';
import { encoder, type WireResponse } from './http-message.js';

export type Protocol = 'restJson1' | 'awsJson1_1';

/** HTTP status of each runtime error shape (restJson1 `httpError` traits, spec §3.1). */
const RUNTIME_STATUS: Readonly<Record<string, number>> = {
  ValidationError: 400,
  ValidationException: 400,
  ThrottlingException: 400,
  SerializationException: 400,
  AccessForbidden: 403,
  ResourceNotFound: 404,
  UnknownOperationException: 404,
  ConflictException: 409,
  InternalFailure: 500,
  ServiceUnavailable: 503,
};

/** awsJson1.1 answers client errors with 400 and reads the code from the body. */
const CONTROL_PLANE_STATUS: Readonly<Record<string, number>> = {
  AccessDeniedException: 403,
  InternalFailure: 500,
  ServiceUnavailable: 503,
};

let requestCounter = 0;
/** A request id in the UUID shape AWS uses; unique per process, no crypto needed. */
export const nextRequestId = (): string => {
  requestCounter = (requestCounter + 1) % 0x1_0000_0000_0000;
  const random = Math.floor(Math.random() * 0x1_0000_0000)
    .toString(16)
    .padStart(8, '0');
  const counter = requestCounter.toString(16).padStart(12, '0');
  return `${random}-0000-4000-8000-${counter}`;
};

const EMPTY = new Uint8Array(0);

/** awsJson1.1 timestamps are epoch seconds (with milliseconds as the fraction); the core's outputs hold Dates. */
function epochSecondsReplacer(this: Record<string, unknown>, key: string, value: unknown): unknown {
  const original = this[key];
  return original instanceof Date ? original.getTime() / 1000 : value;
}

export const encodeSuccess = (protocol: Protocol, output: object, requestId: string): WireResponse => {
  const hasMembers = Object.keys(output).length > 0;
  // restJson1 operations without output members answer 200 with an empty body (spec §2.2).
  const body =
    protocol === 'restJson1'
      ? hasMembers
        ? encoder.encode(JSON.stringify(output))
        : EMPTY
      : encoder.encode(JSON.stringify(output, epochSecondsReplacer));
  const headers: Record<string, string> = { 'x-amzn-requestid': requestId, 'content-length': String(body.length) };
  if (body.length > 0)
    headers['content-type'] = protocol === 'restJson1' ? 'application/json' : 'application/x-amz-json-1.1';
  return { statusCode: 200, headers, body };
};

export const statusOf = (protocol: Protocol, error: FeatureStoreError): number =>
  error.httpStatus ?? (protocol === 'restJson1' ? RUNTIME_STATUS[error.code] : CONTROL_PLANE_STATUS[error.code]) ?? 400;

/**
 * Error responses as the SDK's deserializers read them (spec §3.3): the code in
 * `x-amzn-errortype` and, for awsJson1.1, in the body's `__type`; the text in `Message`.
 */
/** The JSON body of an error response; direct mode hands the same object to the SDK's error decoration. */
export const errorPayload = (protocol: Protocol, error: FeatureStoreError): Record<string, string> =>
  protocol === 'restJson1' ? { Message: error.message } : { __type: error.code, Message: error.message };

export const encodeError = (protocol: Protocol, error: FeatureStoreError, requestId: string): WireResponse => {
  const body = encoder.encode(JSON.stringify(errorPayload(protocol, error)));
  return {
    statusCode: statusOf(protocol, error),
    headers: {
      'content-type': protocol === 'restJson1' ? 'application/json' : 'application/x-amz-json-1.1',
      'content-length': String(body.length),
      'x-amzn-errortype': error.code,
      'x-amzn-requestid': requestId,
    },
    body,
  };
};
