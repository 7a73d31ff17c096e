import type { RuntimeOperationName } from '../core/index.js';
import { bodyText, type WireRequest } from './http-message.js';
import { parseJsonBody, serializationError, unknownOperationError } from './wire-error.js';

/** An HTTP request translated into an operation call. */
export interface DecodedCall {
  readonly operation: string;
  readonly input: unknown;
}

type Query = WireRequest['query'];

/** Query lists: a lone value becomes a one-element list; an empty list is absent, as on the wire (spec §2.3). */
const list = (query: Query, key: string): string[] | undefined => {
  const value = query[key];
  if (value === undefined || value === null) return undefined;
  const values = typeof value === 'string' ? [value] : [...value];
  return values.length === 0 ? undefined : values;
};

const single = (query: Query, key: string): string | undefined => {
  const value = query[key];
  if (value === undefined || value === null) return undefined;
  return typeof value === 'string' ? value : value[0];
};

const withoutUndefined = (input: Record<string, unknown>): Record<string, unknown> => {
  for (const key of Object.keys(input)) if (input[key] === undefined) delete input[key];
  return input;
};

const jsonObject = (request: WireRequest): Record<string, unknown> => {
  const body = parseJsonBody(bodyText(request.body));
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw serializationError('The request body must be a JSON object.');
  }
  return body as Record<string, unknown>;
};

const decodeLabel = (label: string): string => {
  try {
    return decodeURIComponent(label);
  } catch {
    throw serializationError(`The path label '${label}' is not valid percent-encoding.`);
  }
};

/**
 * restJson1 bindings of the Feature Store runtime (spec §2.2): routes by method and path,
 * and assembles the operation input from the path label, query and JSON body.
 */
export const decodeRuntimeRequest = (request: WireRequest): DecodedCall => {
  const method = request.method.toUpperCase();
  const segments = request.path.split('/');
  // ['', 'FeatureGroup', name, suffix?] or ['', 'BatchGetRecord']
  const route = (operation: RuntimeOperationName, input: Record<string, unknown>): DecodedCall => ({
    operation,
    input: withoutUndefined(input),
  });
  if (segments[1] === 'FeatureGroup' && segments.length >= 3) {
    const FeatureGroupName = decodeLabel(segments[2] as string);
    const suffix = segments.slice(3).join('/');
    const { query } = request;
    if (suffix === '') {
      if (method === 'PUT') return route('PutRecord', { ...jsonObject(request), FeatureGroupName });
      if (method === 'GET') {
        return route('GetRecord', {
          FeatureGroupName,
          RecordIdentifierValueAsString: single(query, 'RecordIdentifierValueAsString'),
          FeatureNames: list(query, 'FeatureName'),
          ExpirationTimeResponse: single(query, 'ExpirationTimeResponse'),
        });
      }
      if (method === 'DELETE') {
        return route('DeleteRecord', {
          FeatureGroupName,
          RecordIdentifierValueAsString: single(query, 'RecordIdentifierValueAsString'),
          EventTime: single(query, 'EventTime'),
          TargetStores: list(query, 'TargetStores'),
          DeletionMode: single(query, 'DeletionMode'),
        });
      }
    } else if (method === 'POST' && suffix === 'ListRecords') {
      return { operation: 'ListRecords', input: { ...jsonObject(request), FeatureGroupName } };
    } else if (method === 'POST' && suffix === 'Record') {
      return { operation: 'UpdateRecord', input: { ...jsonObject(request), FeatureGroupName } };
    }
  } else if (method === 'POST' && segments.length === 2 && segments[1] === 'BatchGetRecord') {
    return route('BatchGetRecord', jsonObject(request));
  } else if (method === 'POST' && segments.length === 2 && segments[1] === 'BatchWriteRecord') {
    return { operation: 'BatchWriteRecord', input: jsonObject(request) };
  }
  throw unknownOperationError(`No Feature Store runtime operation is bound to ${method} ${request.path}.`);
};
