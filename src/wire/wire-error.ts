import { FeatureStoreError } from '../core/index.js';

/** Errors of the protocol layer itself: bodies that aren't JSON, routes that don't exist. */
export const serializationError = (message: string): FeatureStoreError =>
  new FeatureStoreError('SerializationException', message, 400);

export const unknownOperationError = (message: string): FeatureStoreError =>
  new FeatureStoreError('UnknownOperationException', message, 404);

export const parseJsonBody = (text: string): unknown => {
  if (text.trim() === '') return {};
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw serializationError(`The request body is not valid JSON: ${(error as Error).message}`);
  }
};
