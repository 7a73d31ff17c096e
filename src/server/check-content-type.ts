import { FeatureStoreError } from '../core/index.js';
import { headerValue, isControlPlaneRequest, type WireRequest } from '../wire/index.js';

const RUNTIME_TYPES = ['application/json'];
const CONTROL_PLANE_TYPES = ['application/x-amz-json-1.1', 'application/x-amz-json-1.0', 'application/json'];

/**
 * A body must be declared as JSON, as AWS protocol servers require (the Smithy restJson1
 * malformed-request tests answer 415 `UnsupportedMediaTypeException`); parameters such as
 * `; charset=utf-8` are ignored. Requests without a body are not checked.
 */
export const checkContentType = (request: WireRequest, bodyLength: number): FeatureStoreError | undefined => {
  if (bodyLength === 0) return undefined;
  const declared = headerValue(request.headers, 'content-type');
  const mediaType = declared?.split(';')[0]?.trim().toLowerCase();
  const accepted = isControlPlaneRequest(request) ? CONTROL_PLANE_TYPES : RUNTIME_TYPES;
  if (mediaType !== undefined && accepted.includes(mediaType)) return undefined;
  return new FeatureStoreError(
    'UnsupportedMediaTypeException',
    `${declared === undefined ? 'A request body without Content-Type' : `Content-Type '${declared}'`} is not supported;` +
      ` send the JSON body as ${accepted[0] as string}.`,
    415,
  );
};
