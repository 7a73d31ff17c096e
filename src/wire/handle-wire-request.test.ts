import { FeatureStore } from '../core/index.js';
import { handleWireRequest } from './handle-wire-request.js';

const text = (body: Uint8Array): unknown => JSON.parse(new TextDecoder().decode(body));

describe('handleWireRequest answers malformed requests with protocol errors, never a 500', () => {
  const store = new FeatureStore();

  test.each([
    ['a body that is not UTF-8', new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]), /not valid UTF-8/],
    ['a body that is not JSON', new TextEncoder().encode('{"Record": ['), /not valid JSON/],
  ])('%s: 400 SerializationException', (_name, body, message) => {
    const response = handleWireRequest(store, {
      method: 'PUT',
      path: '/FeatureGroup/customers',
      query: {},
      headers: { 'content-type': 'application/json' },
      body,
    });
    expect(response.statusCode).toBe(400);
    expect(response.headers['x-amzn-errortype']).toBe('SerializationException');
    expect(text(response.body)).toEqual({ Message: expect.stringMatching(message) });
  });

  test('an unknown route: 404 UnknownOperationException naming method and path', () => {
    const response = handleWireRequest(store, { method: 'PATCH', path: '/Nope', query: {}, headers: {} });
    expect(response.statusCode).toBe(404);
    expect(response.headers['x-amzn-errortype']).toBe('UnknownOperationException');
    expect(text(response.body)).toEqual({ Message: expect.stringContaining('PATCH /Nope') });
  });
});
