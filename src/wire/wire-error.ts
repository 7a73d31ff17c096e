import { FeatureStoreError } from '../core/index.js';

/** Errors of the protocol layer itself: bodies that aren't JSON, routes that don't exist. */
export const serializationError = (message: string): FeatureStoreError =>
  new FeatureStoreError('SerializationException', message, 400);

export const unknownOperationError = (message: string): FeatureStoreError =>
  new FeatureStoreError('UnknownOperationException', message, 404);

/**
 * A structure member whose JSON value is `null` is not set, as AWS JSON protocols read it
 * (the SDK never sends one; raw HTTP callers may). Null list elements stay: the model
 * check reports them ("Member must not be null").
 */
const dropNullMembers = (root: unknown): void => {
  // An explicit stack: JSON.parse accepts nesting far deeper than the call stack allows.
  const pending: unknown[] = [root];
  while (pending.length > 0) {
    const value = pending.pop();
    if (Array.isArray(value)) {
      for (const item of value) pending.push(item);
    } else if (typeof value === 'object' && value !== null) {
      const members = value as Record<string, unknown>;
      for (const key of Object.keys(members)) {
        if (members[key] === null) delete members[key];
        else pending.push(members[key]);
      }
    }
  }
};

export const parseJsonBody = (text: string): unknown => {
  if (text.trim() === '') return {};
  let body: unknown;
  try {
    body = JSON.parse(text) as unknown;
  } catch (error) {
    throw serializationError(`The request body is not valid JSON: ${(error as Error).message}`);
  }
  if (text.includes('null')) dropNullMembers(body);
  return body;
};
