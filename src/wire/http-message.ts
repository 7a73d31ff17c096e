import { FeatureStoreError } from '../core/index.js';
/**
 * Structural HTTP shapes: what both the SDK's `HttpRequest` and a `node:http` request can
 * be turned into, and what both can send back. No SDK or Node types leak in here.
 */
export interface WireRequest {
  readonly method: string;
  /** Percent-encoded path without the query string, e.g. `/FeatureGroup/a%2Fb`. */
  readonly path: string;
  /** Decoded query parameters; repeated keys as arrays. */
  readonly query: Readonly<Record<string, string | readonly string[] | null | undefined>>;
  /** Header names in any case. */
  readonly headers: Readonly<Record<string, string | undefined>>;
  readonly body?: Uint8Array | string | null | undefined;
}

export interface WireResponse {
  readonly statusCode: number;
  readonly headers: Record<string, string>;
  readonly body: Uint8Array;
}

export const headerValue = (headers: WireRequest['headers'], name: string): string | undefined => {
  const direct = headers[name];
  if (direct !== undefined) return direct;
  const lower = name.toLowerCase();
  // Most lookups miss (x-amz-target on every runtime call): compare lengths before lower-casing.
  for (const key in headers) {
    if (key.length === lower.length && Object.hasOwn(headers, key) && key.toLowerCase() === lower) return headers[key];
  }
  return undefined;
};

const decoder = new TextDecoder('utf-8', { fatal: true });
export const encoder = new TextEncoder();

/**
 * The body as text; SDK 3.1138 hands over a Uint8Array subclass, 3.523 a string. Bytes
 * that are not UTF-8 are the caller's fault: a SerializationException, never a 500.
 */
export const bodyText = (body: WireRequest['body']): string => {
  if (body === undefined || body === null) return '';
  if (typeof body === 'string') return body;
  try {
    return decoder.decode(body);
  } catch {
    throw new FeatureStoreError('SerializationException', 'The request body is not valid UTF-8.', 400);
  }
};
