import { bodyText, headerValue, type WireRequest } from './http-message.js';
import type { DecodedCall } from './rest-json-routes.js';
import { parseJsonBody, serializationError, unknownOperationError } from './wire-error.js';

export const SAGEMAKER_TARGET_PREFIX = 'SageMaker.';

/** True for an awsJson1.1 SageMaker call (`POST /` with `X-Amz-Target: SageMaker.<Operation>`). */
export const isControlPlaneRequest = (request: WireRequest): boolean =>
  headerValue(request.headers, 'x-amz-target')?.startsWith(SAGEMAKER_TARGET_PREFIX) === true;

/** awsJson1.1 bindings of the SageMaker API: the operation is in the target header, the input is the body. */
export const decodeControlPlaneRequest = (request: WireRequest): DecodedCall => {
  const target = headerValue(request.headers, 'x-amz-target') ?? '';
  if (request.method.toUpperCase() !== 'POST' || request.path !== '/') {
    throw unknownOperationError(`SageMaker operations are called with POST /, not ${request.method} ${request.path}.`);
  }
  const body = parseJsonBody(bodyText(request.body));
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw serializationError('The request body must be a JSON object.');
  }
  return { operation: target.slice(SAGEMAKER_TARGET_PREFIX.length), input: body };
};
