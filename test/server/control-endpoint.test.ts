import { startServer, type RunningServer } from '../../src/server/index.js';
import { customersGroup } from '../support/fixtures.js';
import { control, rawRequest } from './helpers.js';

const putCustomer = (url: string, id: string, eventTime: string): ReturnType<typeof rawRequest> =>
  rawRequest(url, {
    method: 'PUT',
    path: '/FeatureGroup/customers',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      Record: [
        { FeatureName: 'customer_id', ValueAsString: id },
        { FeatureName: 'event_time', ValueAsString: eventTime },
        { FeatureName: 'city', ValueAsString: 'Lyon' },
      ],
    }),
  });

describe('control endpoint /_mock', () => {
  let server: RunningServer;
  beforeEach(async () => {
    server = await startServer({ featureGroups: [customersGroup()] });
  });
  afterEach(() => server.close());

  test('health', async () => {
    expect((await control(server.url, 'GET', '/health')).json()).toEqual({ status: 'ok' });
  });

  test('declares feature groups through CreateFeatureGroup, one or many, in a region', async () => {
    const one = await control(server.url, 'POST', '/feature-groups', customersGroup({ FeatureGroupName: 'orders' }));
    expect(one.json()).toEqual({ FeatureGroupArn: 'arn:aws:sagemaker:us-east-1:123456789012:feature-group/orders' });
    const many = await rawRequest(server.url, {
      method: 'POST',
      path: '/_mock/feature-groups?region=eu-west-1',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify([customersGroup({ FeatureGroupName: 'a' }), customersGroup({ FeatureGroupName: 'b' })]),
    });
    expect(many.json()).toEqual([
      { FeatureGroupArn: 'arn:aws:sagemaker:eu-west-1:123456789012:feature-group/a' },
      { FeatureGroupArn: 'arn:aws:sagemaker:eu-west-1:123456789012:feature-group/b' },
    ]);
    expect((await control(server.url, 'GET', '/feature-groups')).json()).toEqual({
      featureGroups: [
        { name: 'customers', region: 'us-east-1', accountId: '123456789012' },
        { name: 'orders', region: 'us-east-1', accountId: '123456789012' },
        { name: 'a', region: 'eu-west-1', accountId: '123456789012' },
        { name: 'b', region: 'eu-west-1', accountId: '123456789012' },
      ],
    });
  });

  test('an invalid declaration gets the service error and declares nothing', async () => {
    const response = await control(
      server.url,
      'POST',
      '/feature-groups',
      customersGroup({ FeatureGroupName: 'customers' }),
    );
    expect(response.status).toBe(400);
    expect(response.json()).toMatchObject({ code: 'ResourceInUse' });
    expect(server.featureStore.featureGroupNames()).toEqual(['customers']);
  });

  test('inspects offline rows (optionally of one record) and the online record', async () => {
    await putCustomer(server.url, 'c1', '2026-01-01T00:00:00Z');
    await putCustomer(server.url, 'c2', '2026-01-01T00:00:00Z');
    const all = (await control(server.url, 'GET', '/feature-groups/customers/offline-records')).json() as {
      records: { customer_id: string; is_deleted: boolean }[];
    };
    expect(all.records.map((r) => [r.customer_id, r.is_deleted])).toEqual([
      ['c1', false],
      ['c2', false],
    ]);
    const one = await control(server.url, 'GET', '/feature-groups/customers/offline-records?recordIdentifier=c2');
    expect((one.json() as { records: unknown[] }).records).toHaveLength(1);

    const online = await control(server.url, 'GET', '/feature-groups/customers/online-records/c1');
    expect(online.json()).toEqual({
      recordIdentifier: 'c1',
      eventTime: '2026-01-01T00:00:00Z',
      deleted: false,
      features: { customer_id: 'c1', event_time: '2026-01-01T00:00:00Z', city: 'Lyon' },
    });
    const absent = await control(server.url, 'GET', '/feature-groups/customers/online-records/nobody');
    expect({ status: absent.status, body: absent.json() }).toMatchObject({
      status: 404,
      body: { code: 'RecordNotFound' },
    });
    const unknownGroup = await control(server.url, 'GET', '/feature-groups/nope/offline-records');
    expect({ status: unknownGroup.status, body: unknownGroup.json() }).toMatchObject({
      status: 404,
      body: { code: 'ResourceNotFound', message: expect.stringContaining('Declared: customers') },
    });
  });

  test('sets, advances and releases the clock, which rules api_invocation_time and TTL', async () => {
    const set = await control(server.url, 'POST', '/clock', { set: '2026-05-01T12:00:00Z' });
    expect(set.json()).toEqual({
      now: '2026-05-01T12:00:00.000Z',
      epochMillis: Date.parse('2026-05-01T12:00:00Z'),
      frozen: true,
    });
    const advanced = await control(server.url, 'POST', '/clock', { advance: '1h 30m' });
    expect(advanced.json()).toMatchObject({ now: '2026-05-01T13:30:00.000Z', frozen: true });
    await putCustomer(server.url, 'c1', '2026-05-01T13:00:00Z');
    const rows = (await control(server.url, 'GET', '/feature-groups/customers/offline-records')).json() as {
      records: { api_invocation_time: string }[];
    };
    expect(rows.records[0]?.api_invocation_time).toBe('2026-05-01T13:30:00.000Z');
    expect((await control(server.url, 'POST', '/clock', { advance: 60_000 })).json()).toMatchObject({
      now: '2026-05-01T13:31:00.000Z',
    });
    const released = (await control(server.url, 'POST', '/clock', { useSystemTime: true })).json() as {
      frozen: boolean;
      epochMillis: number;
    };
    expect(released.frozen).toBe(false);
    expect((await control(server.url, 'GET', '/clock')).json()).toMatchObject({ frozen: false });
  });

  test.each([
    [{}, /exactly one of/],
    [{ set: 'yesterday' }, /invalid instant/],
    [{ advance: '-5m' }, /duration/],
    [{ set: '2026-01-01T00:00:00Z', advance: '1m' }, /exactly one of/],
    [{ rewind: '1m' }, /Unknown clock change 'rewind'/],
  ])('a clock change %j gets 400 and leaves the clock alone', async (body, message) => {
    const response = await control(server.url, 'POST', '/clock', body);
    expect(response.status).toBe(400);
    expect((response.json() as { message: string }).message).toMatch(message);
    expect(server.featureStore.clock.frozen).toBe(false);
  });

  test('reads and switches behaviour', async () => {
    const before = (await control(server.url, 'GET', '/behaviour')).json();
    expect(before).toMatchObject({ unknownFeatureNames: 'error' });
    const after = await control(server.url, 'POST', '/behaviour', { unknownFeatureNames: 'ignore' });
    expect(after.json()).toMatchObject({ unknownFeatureNames: 'ignore' });
    expect(server.store.behaviour.unknownFeatureNames).toBe('ignore');
    const unknown = await control(server.url, 'POST', '/behaviour', { strictness: 11 });
    expect({ status: unknown.status, message: (unknown.json() as { message: string }).message }).toMatchObject({
      status: 400,
      message: expect.stringContaining("Unknown behaviour switch 'strictness'"),
    });
    const wrongType = await control(server.url, 'POST', '/behaviour', { offlineDeliveryDelayMs: 'soon' });
    expect(wrongType.status).toBe(400);
  });

  test('reset clears records and the clock and drops groups not declared on start', async () => {
    await control(server.url, 'POST', '/feature-groups', customersGroup({ FeatureGroupName: 'scratch' }));
    await putCustomer(server.url, 'c1', '2026-01-01T00:00:00Z');
    await control(server.url, 'POST', '/clock', { set: '2030-01-01T00:00:00Z' });
    expect((await control(server.url, 'POST', '/reset')).status).toBe(200);
    expect(server.featureStore.featureGroupNames()).toEqual(['customers']);
    expect(server.featureStore.offlineRecords('customers')).toEqual([]);
    expect(server.featureStore.onlineRecord('customers', 'c1')).toBeUndefined();
    expect(server.featureStore.clock.frozen).toBe(false);
  });

  test('reset with keepFeatureGroups keeps every group', async () => {
    await control(server.url, 'POST', '/feature-groups', customersGroup({ FeatureGroupName: 'scratch' }));
    await control(server.url, 'POST', '/reset', { keepFeatureGroups: true });
    expect(server.featureStore.featureGroupNames()).toEqual(['customers', 'scratch']);
  });

  describe('faults', () => {
    test('an error rule answers matching calls with the service error, for its number of uses', async () => {
      const added = await control(server.url, 'POST', '/faults', {
        operation: 'PutRecord',
        featureGroup: 'customers',
        error: 'ThrottlingException',
        times: 1,
      });
      expect(added.json()).toEqual({
        id: 1,
        description: 'ThrottlingException on PutRecord customers',
        hits: 0,
        remaining: 1,
        rule: { operation: 'PutRecord', featureGroup: 'customers', error: 'ThrottlingException', times: 1 },
      });
      const throttled = await putCustomer(server.url, 'c1', '2026-01-01T00:00:00Z');
      expect({ status: throttled.status, code: throttled.headers['x-amzn-errortype'], body: throttled.json() }).toEqual(
        {
          status: 400,
          code: 'ThrottlingException',
          body: { Message: 'Rate exceeded' },
        },
      );
      expect(server.featureStore.offlineRecords('customers')).toEqual([]);
      expect((await putCustomer(server.url, 'c1', '2026-01-01T00:00:00Z')).status).toBe(200);
      expect((await control(server.url, 'GET', '/faults')).json()).toMatchObject({
        faults: [{ id: 1, hits: 1, remaining: 0 }],
      });
    });

    test('ServiceUnavailable answers 503; rules are removed one by one or all at once', async () => {
      await control(server.url, 'POST', '/faults', { error: 'ServiceUnavailable' });
      await control(server.url, 'POST', '/faults', { operation: ['GetRecord'], error: 'AccessForbidden' });
      const unavailable = await putCustomer(server.url, 'c1', '2026-01-01T00:00:00Z');
      expect({ status: unavailable.status, code: unavailable.headers['x-amzn-errortype'] }).toEqual({
        status: 503,
        code: 'ServiceUnavailable',
      });
      expect((await control(server.url, 'DELETE', '/faults/1')).status).toBe(200);
      expect((await control(server.url, 'GET', '/faults')).json()).toMatchObject({ faults: [{ id: 2 }] });
      expect((await control(server.url, 'DELETE', '/faults/1')).status).toBe(404);
      expect((await control(server.url, 'DELETE', '/faults')).status).toBe(200);
      expect((await control(server.url, 'GET', '/faults')).json()).toEqual({ faults: [] });
      expect((await putCustomer(server.url, 'c1', '2026-01-01T00:00:00Z')).status).toBe(200);
    });

    test('a delay holds the answer until the clock passes it', async () => {
      await control(server.url, 'POST', '/faults', { operation: 'PutRecord', delay: '10m', times: 1 });
      let answered = false;
      const delayed = putCustomer(server.url, 'c1', '2026-01-01T00:00:00Z').then((response) => {
        answered = true;
        return response;
      });
      // A round trip later the write has landed (state changes on arrival) but its answer is held.
      await control(server.url, 'GET', '/health');
      expect(server.featureStore.onlineRecord('customers', 'c1')?.recordIdentifier).toBe('c1');
      expect(answered).toBe(false);
      await control(server.url, 'POST', '/clock', { advance: '10m' });
      expect((await delayed).status).toBe(200);
    });

    test('an unprocessed rule leaves BatchGetRecord entries unprocessed', async () => {
      await putCustomer(server.url, 'c1', '2026-01-01T00:00:00Z');
      await putCustomer(server.url, 'c2', '2026-01-01T00:00:00Z');
      await control(server.url, 'POST', '/faults', {
        operation: 'BatchGetRecord',
        recordIdentifier: 'c2',
        unprocessed: true,
      });
      const response = await rawRequest(server.url, {
        method: 'POST',
        path: '/BatchGetRecord',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          Identifiers: [{ FeatureGroupName: 'customers', RecordIdentifiersValueAsString: ['c1', 'c2'] }],
        }),
      });
      const body = response.json() as {
        Records: { RecordIdentifierValueAsString: string }[];
        UnprocessedIdentifiers: unknown[];
      };
      expect(body.Records.map((r) => r.RecordIdentifierValueAsString)).toEqual(['c1']);
      expect(body.UnprocessedIdentifiers).toEqual([
        { FeatureGroupName: 'customers', RecordIdentifiersValueAsString: ['c2'] },
      ]);
    });

    test.each([
      [{ operation: 'PutRecord' }, /needs an effect/],
      [{ error: 'ThrottlingException', times: 0 }, /times must be an integer/],
      [{ error: 'ThrottlingException', colour: 'red' }, /Unknown fault rule option colour/],
    ])('an invalid rule %j gets 400', async (rule, message) => {
      const response = await control(server.url, 'POST', '/faults', rule);
      expect({ status: response.status, message: (response.json() as { message: string }).message }).toMatchObject({
        status: 400,
        message: expect.stringMatching(message),
      });
    });

    test('reset removes every rule', async () => {
      await control(server.url, 'POST', '/faults', { error: 'InternalFailure' });
      await control(server.url, 'POST', '/reset');
      expect((await control(server.url, 'GET', '/faults')).json()).toEqual({ faults: [] });
    });
  });

  test.each([
    ['GET', '/nothing-here'],
    ['DELETE', '/clock'],
    ['GET', '/feature-groups/customers/elsewhere'],
    ['GET', ''],
  ])('%s /_mock%s gets 404', async (method, path) => {
    const response = await control(server.url, method, path);
    expect(response.status).toBe(404);
    expect(response.json()).toMatchObject({ code: 'UnknownControlRoute' });
  });

  test('a body that is not JSON gets 400', async () => {
    const response = await rawRequest(server.url, { method: 'POST', path: '/_mock/clock', body: '{"set": ' });
    expect(response.status).toBe(400);
    expect(response.json()).toMatchObject({ code: 'BadRequest' });
  });
});
