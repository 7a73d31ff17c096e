import type { IncomingHttpHeaders } from 'node:http';
import type { WireRequest } from '../wire/index.js';

export interface RequestTarget {
  /** Still percent-encoded, as the wire codec expects. */
  readonly path: string;
  /** Decoded; repeated keys become arrays in their order. */
  readonly query: Record<string, string | string[]>;
}

/** Splits an HTTP request target (`/FeatureGroup/fg?FeatureName=a&FeatureName=b`) into path and query. */
export const parseRequestTarget = (target: string): RequestTarget => {
  let originForm = target;
  if (!target.startsWith('/')) {
    // absolute-form (`http://host/path`), sent through proxies; `*` and garbage map to `/`.
    try {
      const url = new URL(target);
      originForm = `${url.pathname}${url.search}`;
    } catch {
      originForm = '/';
    }
  }
  const mark = originForm.indexOf('?');
  const path = mark === -1 ? originForm : originForm.slice(0, mark);
  const query: Record<string, string | string[]> = {};
  if (mark !== -1) {
    for (const [key, value] of new URLSearchParams(originForm.slice(mark + 1))) {
      const existing = query[key];
      if (existing === undefined) query[key] = value;
      else if (typeof existing === 'string') query[key] = [existing, value];
      else existing.push(value);
    }
  }
  return { path, query };
};

const flattenHeaders = (headers: IncomingHttpHeaders): Record<string, string> => {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) flat[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return flat;
};

/** A `node:http` request and its body as the structural request the wire codec reads. */
export const toWireRequest = (
  request: {
    readonly method?: string | undefined;
    readonly url?: string | undefined;
    readonly headers: IncomingHttpHeaders;
  },
  body: string,
): WireRequest => {
  const { path, query } = parseRequestTarget(request.url ?? '/');
  return { method: request.method ?? 'GET', path, query, headers: flattenHeaders(request.headers), body };
};
