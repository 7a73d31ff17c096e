import {
  BatchGetRecordCommand,
  GetRecordCommand,
  ListRecordsCommand,
  PutRecordCommand,
  ResourceNotFound,
  ValidationError,
} from '@aws-sdk/client-sagemaker-featurestore-runtime';
import { CreateFeatureGroupCommand, DeleteFeatureGroupCommand } from '@aws-sdk/client-sagemaker';
import { request } from 'node:http';
import { expectServiceError, featureValues, NOW } from '../conformance/helpers.js';
import { customersGroup } from '../support/fixtures.js';
import { describeEachTarget } from '../support/targets.js';
import { startServer, type RunningServer } from '../../src/server/index.js';
import { formatModelInstant } from '../model/reference-model.js';

/**
 * One test per divergence the reference model, the fuzzers or the isolation tests found and
 * that was fixed in the emulator (docs/reliability.md), so each stays fixed on every target.
 */
describeEachTarget('Divergences found by the reliability tests', (session) => {
  const put = (id: string, eventTime: string, others: Record<string, string> = {}, extra: object = {}) =>
    session().runtime.send(
      new PutRecordCommand({
        FeatureGroupName: 'customers',
        Record: featureValues({ customer_id: id, event_time: eventTime, ...others }),
        ...extra,
      }),
    );

  beforeEach(() => {
    session().featureStore.clock.set(NOW);
    session().featureStore.createFeatureGroup(customersGroup());
  });

  test('BatchGetRecord answers a (group, record) pair once per request, also across Identifiers entries naming the same group (A26)', async () => {
    await put('c1', '2026-01-01T00:00:00Z', { age: '30', city: 'Paris' });
    await put('c2', '2026-01-01T00:00:00Z', { age: '40' });
    const arn = 'arn:aws:sagemaker:us-east-1:123456789012:feature-group/CUSTOMERS';
    const out = await session().runtime.send(
      new BatchGetRecordCommand({
        Identifiers: [
          { FeatureGroupName: 'customers', RecordIdentifiersValueAsString: ['c1'], FeatureNames: ['age'] },
          { FeatureGroupName: arn, RecordIdentifiersValueAsString: ['c1', 'c2'], FeatureNames: ['city', 'nope'] },
        ],
      }),
    );
    // c1 is answered by the first entry only; the second entry still fails its unanswered c2 for the unknown name.
    expect(out.Records).toEqual([
      {
        FeatureGroupName: 'customers',
        RecordIdentifierValueAsString: 'c1',
        Record: [{ FeatureName: 'age', ValueAsString: '30' }],
      },
    ]);
    expect(out.Errors?.map((e) => [e.RecordIdentifierValueAsString, e.ErrorCode])).toEqual([['c2', 'ValidationError']]);
  });

  test('a feature named twice in FeatureNames is answered once (GetRecord and BatchGetRecord)', async () => {
    await put('c1', '2026-01-01T00:00:00Z', { age: '30', city: 'Paris' });
    const get = await session().runtime.send(
      new GetRecordCommand({
        FeatureGroupName: 'customers',
        RecordIdentifierValueAsString: 'c1',
        FeatureNames: ['city', 'age', 'city'],
      }),
    );
    expect(get.Record).toEqual(featureValues({ age: '30', city: 'Paris' }));
    const batch = await session().runtime.send(
      new BatchGetRecordCommand({
        Identifiers: [
          { FeatureGroupName: 'customers', RecordIdentifiersValueAsString: ['c1'], FeatureNames: ['age', 'age'] },
        ],
      }),
    );
    expect(batch.Records?.[0]?.Record).toEqual(featureValues({ age: '30' }));
  });

  test('a ListRecords NextToken of a group deleted and created again in the same millisecond is refused', async () => {
    await put('c1', '2026-01-01T00:00:00Z');
    await put('c2', '2026-01-01T00:00:00Z');
    const first = await session().runtime.send(
      new ListRecordsCommand({ FeatureGroupName: 'customers', MaxResults: 1 }),
    );
    expect(first.NextToken).toEqual(expect.any(String));
    // The clock is frozen: the new group has the same name, ARN and creation time as the old one.
    await session().sagemaker.send(new DeleteFeatureGroupCommand({ FeatureGroupName: 'customers' }));
    await session().sagemaker.send(new CreateFeatureGroupCommand(customersGroup()));
    await put('c3', '2026-01-01T00:00:00Z');
    await expectServiceError(
      session().runtime.send(new ListRecordsCommand({ FeatureGroupName: 'customers', NextToken: first.NextToken })),
      { type: ValidationError, name: 'ValidationError', status: 400, message: 'NextToken' },
    );
  });

  test('an ARN of another partition names another group: not found', async () => {
    const arn = 'arn:aws-cn:sagemaker:us-east-1:123456789012:feature-group/customers';
    await expectServiceError(
      session().runtime.send(
        new PutRecordCommand({
          FeatureGroupName: arn,
          Record: featureValues({ customer_id: 'c1', event_time: '2026-01-01T00:00:00Z' }),
        }),
      ),
      {
        type: ValidationError,
        name: 'ValidationError',
        status: 400,
        message: `Resource Not Found: Amazon SageMaker can't find a FeatureGroup with name ${arn}`,
      },
    );
    await expectServiceError(
      session().runtime.send(new GetRecordCommand({ FeatureGroupName: arn, RecordIdentifierValueAsString: 'c1' })),
      { type: ResourceNotFound, name: 'ResourceNotFound', status: 404, message: arn },
    );
  });

  test('TtlDuration.Value is a 32-bit integer: 2147483647 is accepted, 2147483648 is a ValidationError', async () => {
    await put('c1', '2026-01-01T00:00:00Z', {}, { TtlDuration: { Unit: 'Seconds', Value: 2_147_483_647 } });
    const got = await session().runtime.send(
      new GetRecordCommand({
        FeatureGroupName: 'customers',
        RecordIdentifierValueAsString: 'c1',
        ExpirationTimeResponse: 'Enabled',
      }),
    );
    const eventTimeNs = BigInt(Date.UTC(2026, 0, 1)) * 1_000_000n;
    expect(got.ExpiresAt).toBe(formatModelInstant(eventTimeNs + 2_147_483_647n * 1_000_000_000n));
    await expectServiceError(
      put('c2', '2026-01-01T00:00:00Z', {}, { TtlDuration: { Unit: 'Seconds', Value: 2_147_483_648 } }),
      {
        type: ValidationError,
        name: 'ValidationError',
        status: 400,
        message: "at 'ttlDuration.value'",
      },
    );
  });

  test('thousands of violations give a Message of at most 2048 characters that counts them all', async () => {
    const error = await expectServiceError(
      session().runtime.send(
        new GetRecordCommand({
          FeatureGroupName: 'customers',
          RecordIdentifierValueAsString: 'c1',
          FeatureNames: Array.from({ length: 5000 }, () => 'é'),
        }),
      ),
      { type: ValidationError, name: 'ValidationError', status: 400, message: /^5000 validation errors detected: / },
    );
    expect(error.message.length).toBeLessThanOrEqual(2048);
    expect(error.message).toMatch(/; and \d+ more$/);
    expect(error.message).toContain("Value 'é' at 'featureNames.1.member' failed to satisfy constraint");
  });

  test("an ExpiresAt after year 9999 is written as Instant.toString() writes it, with a '+' (A20)", async () => {
    await put('c1', '9999-12-31T23:59:59.5Z', {}, { TtlDuration: { Unit: 'Weeks', Value: 1 } });
    const got = await session().runtime.send(
      new GetRecordCommand({
        FeatureGroupName: 'customers',
        RecordIdentifierValueAsString: 'c1',
        ExpirationTimeResponse: 'Enabled',
      }),
    );
    expect(got.ExpiresAt).toBe('+10000-01-07T23:59:59.500Z');
  });
});

describe('Divergences found by fuzzing raw HTTP (server mode)', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer({ featureGroups: [customersGroup()] });
  });
  afterAll(() => server.close());

  const send = (
    method: string,
    path: string,
    body: unknown,
  ): Promise<{ status: number; type: string | undefined; body: string }> =>
    new Promise((resolve, reject) => {
      const payload = Buffer.from(JSON.stringify(body));
      const req = request(
        `${server.url}${path}`,
        { method, headers: { 'content-type': 'application/json', 'content-length': String(payload.length) } },
        (res) => {
          let text = '';
          res.on('data', (chunk: Buffer) => (text += chunk.toString()));
          res.on('end', () =>
            resolve({
              status: res.statusCode ?? 0,
              type: res.headers['x-amzn-errortype'] as string | undefined,
              body: text,
            }),
          );
        },
      );
      req.on('error', reject);
      req.end(payload);
    });

  test('a JSON null member is "not set", never a crash: FeatureNames null reads every feature', async () => {
    const record = featureValues({ customer_id: 'c1', event_time: '2026-01-01T00:00:00Z', age: '30' });
    expect((await send('PUT', '/FeatureGroup/customers', { Record: record, TtlDuration: null })).status).toBe(200);
    const answer = await send('POST', '/BatchGetRecord', {
      Identifiers: [{ FeatureGroupName: 'customers', RecordIdentifiersValueAsString: ['c1'], FeatureNames: null }],
      ExpirationTimeResponse: null,
    });
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toEqual({
      Records: [{ FeatureGroupName: 'customers', RecordIdentifierValueAsString: 'c1', Record: record }],
      Errors: [],
      UnprocessedIdentifiers: [],
    });
  });

  test('a null ValueAsString is a feature without a value: ValidationError naming it, not a 500', async () => {
    const answer = await send('PUT', '/FeatureGroup/customers', {
      Record: [
        ...featureValues({ customer_id: 'c2', event_time: '2026-01-01T00:00:00Z' }),
        { FeatureName: 'city', ValueAsString: null },
      ],
    });
    expect({ status: answer.status, type: answer.type }).toEqual({ status: 400, type: 'ValidationError' });
    expect(answer.body).toContain('city');
    expect(server.featureStore.onlineRecord('customers', 'c2')).toBeUndefined();
  });
});
