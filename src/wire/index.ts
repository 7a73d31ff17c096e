export { decodeControlPlaneRequest, isControlPlaneRequest } from './aws-json-routes.js';
export { encodeError, encodeSuccess, errorPayload, nextRequestId, statusOf, type Protocol } from './encode-response.js';
export { handleWireRequest, regionOf, type WireExchange, type WireHooks } from './handle-wire-request.js';
export { bodyText, headerValue, type WireRequest, type WireResponse } from './http-message.js';
export { decodeRuntimeRequest, type DecodedCall } from './rest-json-routes.js';
