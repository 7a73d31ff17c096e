import { connect } from 'node:net';
import { request as httpRequest } from 'node:http';
import {
  GetRecordCommand,
  PutRecordCommand,
  ResourceNotFound,
  SageMakerFeatureStoreRuntimeClient,
} from '@aws-sdk/client-sagemaker-featurestore-runtime';
import { CreateFeatureGroupCommand, SageMakerClient } from '@aws-sdk/client-sagemaker';
import { startServer, type RunningServer } from '../../src/server/index.js';
import { customersGroup } from '../support/fixtures.js';
import { rawRequest, type RawResponse } from './helpers.js';

const CUSTOMER = {
  Record: [
    { FeatureName: 'customer_id', ValueAsString: 'c1' },
    { FeatureName: 'event_time', ValueAsString: '2026-01-01T00:00:00Z' },
    { FeatureName: 'age', ValueAsString: '42' },
  ],
};

const signedIn = (region: string): Record<string, string> => ({
  authorization: `AWS4-HMAC-SHA256 Credential=test/20260101/${region}/sagemaker/aws4_request, SignedHeaders=host, Signature=0`,
});

const putCustomer = (url: string, headers: Record<string, string>, body: string | Buffer): Promise<RawResponse> =>
  rawRequest(url, { method: 'PUT', path: '/FeatureGroup/customers', headers, body });

const getCustomer = (url: string): Promise<RawResponse> =>
  rawRequest(url, { path: '/FeatureGroup/customers?RecordIdentifierValueAsString=c1' });

const expectAwsError = (response: RawResponse, status: number, code: string, message?: RegExp): void => {
  expect({ status: response.status, code: response.headers['x-amzn-errortype'] }).toEqual({ status, code });
  expect(response.headers['x-amzn-requestid']).toMatch(/^[0-9a-f-]{36}$/);
  if (message !== undefined) expect((response.json() as { Message: string }).Message).toMatch(message);
};

const clientConfig = (server: RunningServer, region = 'us-east-1') => ({
  region,
  endpoint: server.url,
  credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
  maxAttempts: 1,
});

describe('HTTP server', () => {
  let server: RunningServer;
  beforeEach(async () => {
    server = await startServer({ maxBodyBytes: 64 * 1024, featureGroups: [customersGroup()] });
  });
  afterEach(async () => {
    await server.close();
  });

  /** GetRecord of an absent record answers 200 without a Record; nothing reached either store. */
  const expectNothingStored = async (): Promise<void> => {
    const got = await getCustomer(server.url);
    expect({ status: got.status, text: got.text }).toEqual({ status: 200, text: '' });
    expect(server.featureStore.offlineRecords('customers')).toEqual([]);
  };

  test('binds 127.0.0.1 on an ephemeral port by default', () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}`);
    expect(server.port).toBeGreaterThan(0);
  });

  test('serves restJson1 runtime routes and awsJson1.1 SageMaker calls on one port', async () => {
    const created = await rawRequest(server.url, {
      method: 'POST',
      path: '/',
      headers: { 'x-amz-target': 'SageMaker.CreateFeatureGroup', 'content-type': 'application/x-amz-json-1.1' },
      body: JSON.stringify(customersGroup({ FeatureGroupName: 'orders' })),
    });
    expect(created.status).toBe(200);
    expect(created.json()).toEqual({
      FeatureGroupArn: 'arn:aws:sagemaker:us-east-1:123456789012:feature-group/orders',
    });

    const put = await putCustomer(server.url, { 'content-type': 'application/json' }, JSON.stringify(CUSTOMER));
    expect({ status: put.status, text: put.text }).toEqual({ status: 200, text: '' });
    const got = await getCustomer(server.url);
    expect(got.status).toBe(200);
    expect(got.json()).toEqual(CUSTOMER);
  });

  test('Content-Type parameters are ignored', async () => {
    const put = await putCustomer(
      server.url,
      { 'content-type': 'application/json; charset=utf-8' },
      JSON.stringify(CUSTOMER),
    );
    expect(put.status).toBe(200);
  });

  test.each([
    ['not JSON', '{"Record": ['],
    ['a JSON array', '[1, 2]'],
    ['JSON null', 'null'],
  ])('a runtime body that is %s gets 400 SerializationException and changes nothing', async (_what, body) => {
    const put = await putCustomer(server.url, { 'content-type': 'application/json' }, body);
    expectAwsError(put, 400, 'SerializationException');
    await expectNothingStored();
  });

  test('a SageMaker body that is not JSON gets 400 SerializationException in the awsJson1.1 shape', async () => {
    const response = await rawRequest(server.url, {
      method: 'POST',
      path: '/',
      headers: { 'x-amz-target': 'SageMaker.CreateFeatureGroup', 'content-type': 'application/x-amz-json-1.1' },
      body: '{"FeatureGroupName": ',
    });
    expectAwsError(response, 400, 'SerializationException');
    expect(response.json()).toMatchObject({ __type: 'SerializationException' });
  });

  test('a body that is not UTF-8 gets 400 SerializationException', async () => {
    const put = await putCustomer(
      server.url,
      { 'content-type': 'application/json' },
      Buffer.from([0x7b, 0xff, 0xfe, 0x7d]),
    );
    expectAwsError(put, 400, 'SerializationException', /UTF-8/);
  });

  test.each([
    ['a form body', { 'content-type': 'application/x-www-form-urlencoded' }],
    ['a JSON variant', { 'content-type': 'application/hal+json' }],
    ['no Content-Type', {}],
  ])('%s gets 415 UnsupportedMediaTypeException and changes nothing', async (_what, headers) => {
    const put = await putCustomer(server.url, headers, JSON.stringify(CUSTOMER));
    expectAwsError(put, 415, 'UnsupportedMediaTypeException', /application\/json/);
    await expectNothingStored();
  });

  test.each([
    ['GET', '/nowhere'],
    ['POST', '/FeatureGroup/customers/Elsewhere'],
    ['PATCH', '/FeatureGroup/customers'],
  ])('%s %s gets 404 UnknownOperationException', async (method, path) => {
    const response = await rawRequest(server.url, { method, path });
    expectAwsError(response, 404, 'UnknownOperationException', new RegExp(`${method} ${path}`));
  });

  test('an unknown SageMaker operation gets UnknownOperationException', async () => {
    const response = await rawRequest(server.url, {
      method: 'POST',
      path: '/',
      headers: { 'x-amz-target': 'SageMaker.CreateTrainingJob', 'content-type': 'application/x-amz-json-1.1' },
      body: '{}',
    });
    expect(response.headers['x-amzn-errortype']).toBe('UnknownOperationException');
    expect(response.json()).toMatchObject({ __type: 'UnknownOperationException' });
  });

  test('the region comes from the SigV4 credential scope', async () => {
    const created = await rawRequest(server.url, {
      method: 'POST',
      path: '/',
      headers: {
        ...signedIn('eu-west-1'),
        'x-amz-target': 'SageMaker.CreateFeatureGroup',
        'content-type': 'application/x-amz-json-1.1',
      },
      body: JSON.stringify(customersGroup({ FeatureGroupName: 'european' })),
    });
    expect(created.json()).toEqual({
      FeatureGroupArn: 'arn:aws:sagemaker:eu-west-1:123456789012:feature-group/european',
    });
    const inIreland = new SageMakerFeatureStoreRuntimeClient(clientConfig(server, 'eu-west-1'));
    const inVirginia = new SageMakerFeatureStoreRuntimeClient(clientConfig(server, 'us-east-1'));
    try {
      await inIreland.send(new PutRecordCommand({ FeatureGroupName: 'european', ...CUSTOMER }));
      await expect(
        inVirginia.send(new GetRecordCommand({ FeatureGroupName: 'european', RecordIdentifierValueAsString: 'c1' })),
      ).rejects.toBeInstanceOf(ResourceNotFound);
      expect(server.featureStore.onlineRecord('european', 'c1', { region: 'eu-west-1' })?.features).toEqual({
        customer_id: 'c1',
        event_time: '2026-01-01T00:00:00Z',
        age: '42',
      });
    } finally {
      inIreland.destroy();
      inVirginia.destroy();
    }
  });

  test('a query string as long as the model allows reaches the core; a longer request line gets 431', async () => {
    const longest = 'x'.repeat(358_400);
    const allowed = await rawRequest(server.url, {
      path: `/FeatureGroup/customers?RecordIdentifierValueAsString=${longest}`,
    });
    // The core, not the HTTP layer, answers: the model allows the length, the service's size rule does not.
    expectAwsError(allowed, 400, 'ValidationError', /record identifier is 358400 bytes/);
    const tooLong = await rawRequest(server.url, {
      path: `/FeatureGroup/customers?RecordIdentifierValueAsString=${'x'.repeat(4 * 1024 * 1024)}`,
    }).catch((error: NodeJS.ErrnoException) => error.code ?? 'unknown');
    // Node answers 431 and closes; a client still writing may see the reset instead.
    expect([431, 'ECONNRESET', 'EPIPE']).toContain(typeof tooLong === 'string' ? tooLong : tooLong.status);
    expect((await getCustomer(server.url)).status).toBe(200);
  });

  describe('oversized bodies', () => {
    const big = Buffer.alloc(64 * 1024 + 1, 0x20);

    test('a Content-Length over the limit gets 413 and the connection is closed; the server keeps serving', async () => {
      const response = await putCustomer(server.url, { 'content-type': 'application/json' }, big);
      expectAwsError(
        response,
        413,
        'RequestEntityTooLargeException',
        /65537 bytes exceeds this server's limit of 65536/,
      );
      expect(response.headers.connection).toBe('close');
      await expectNothingStored();
    });

    test('a chunked body that grows over the limit gets 413', async () => {
      const response = await new Promise<RawResponse>((resolve, reject) => {
        const request = httpRequest(
          `${server.url}/FeatureGroup/customers`,
          { method: 'PUT', headers: { 'content-type': 'application/json' }, agent: false },
          (res) => {
            let text = '';
            res.on('data', (chunk: Buffer) => (text += chunk.toString()));
            res.on('end', () =>
              resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json: () => JSON.parse(text) }),
            );
          },
        );
        request.on('error', reject);
        for (let i = 0; i < 5; i++) request.write(Buffer.alloc(16 * 1024, 0x20)); // 80 KiB, no Content-Length
        request.end();
      });
      expectAwsError(response, 413, 'RequestEntityTooLargeException', /limit of 65536 bytes/);
      await expectNothingStored();
    });

    test('with Expect: 100-continue the body is refused before it is sent', async () => {
      let continued = false;
      const status = await new Promise<number>((resolve, reject) => {
        const request = httpRequest(`${server.url}/FeatureGroup/customers`, {
          method: 'PUT',
          headers: { 'content-type': 'application/json', 'content-length': String(big.length), expect: '100-continue' },
          agent: false,
        });
        request.on('continue', () => {
          continued = true;
          request.end(big);
        });
        request.on('response', (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
          request.destroy();
        });
        request.on('error', reject);
        request.flushHeaders();
      });
      expect({ status, continued }).toEqual({ status: 413, continued: false });
    });
  });

  test('a client that never finishes its headers gets 408 and is disconnected; others are served meanwhile', async () => {
    const slow = await startServer({ headersTimeoutMs: 200, requestTimeoutMs: 400 });
    try {
      const socket = connect(slow.port, '127.0.0.1');
      let received = '';
      socket.on('data', (chunk) => (received += chunk.toString()));
      const closed = new Promise<void>((resolve) => socket.on('close', () => resolve()));
      socket.write('GET /_mock/health HTTP/1.1\r\nHost: 127.0.0.1\r\n'); // the blank line never comes
      const healthy = await rawRequest(slow.url, { path: '/_mock/health' });
      expect(healthy.status).toBe(200);
      await closed;
      expect(received).toMatch(/^HTTP\/1\.1 408 /);
    } finally {
      await slow.close();
    }
  });

  test('concurrent SDK calls are all answered', async () => {
    const runtime = new SageMakerFeatureStoreRuntimeClient(clientConfig(server));
    try {
      const ids = Array.from({ length: 100 }, (_, i) => `c${i}`);
      await Promise.all(
        ids.map((id) =>
          runtime.send(
            new PutRecordCommand({
              FeatureGroupName: 'customers',
              Record: [
                { FeatureName: 'customer_id', ValueAsString: id },
                { FeatureName: 'event_time', ValueAsString: '2026-01-01T00:00:00Z' },
              ],
            }),
          ),
        ),
      );
      const records = await Promise.all(
        ids.map((id) =>
          runtime.send(new GetRecordCommand({ FeatureGroupName: 'customers', RecordIdentifierValueAsString: id })),
        ),
      );
      expect(records.map((r) => r.Record?.[0]?.ValueAsString)).toEqual(ids);
      expect(server.featureStore.offlineRecords('customers')).toHaveLength(100);
    } finally {
      runtime.destroy();
    }
  });

  test('the SDK surfaces the service error classes through the server', async () => {
    const sagemaker = new SageMakerClient(clientConfig(server));
    try {
      await expect(sagemaker.send(new CreateFeatureGroupCommand(customersGroup()))).rejects.toMatchObject({
        name: 'ResourceInUse',
        $metadata: { httpStatusCode: 400 },
      });
    } finally {
      sagemaker.destroy();
    }
  });

  test('close() lets the port go', async () => {
    const other = await startServer();
    await other.close();
    await expect(rawRequest(other.url, { path: '/_mock/health' })).rejects.toMatchObject({ code: 'ECONNREFUSED' });
  });
});
