import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, type RunningServer } from '../../src/server/index.js';
import { customersGroup } from '../support/fixtures.js';
import { control, dummyAwsEnv, externalTool } from './helpers.js';

/** Debian's AWS CLI v2 (installed by .ci/run); `aws` on PATH may be another one. */
const AWS = '/usr/bin/aws';
const available = externalTool("Debian's AWS CLI", AWS, ['--version']);
const describeIfCli = available ? describe : describe.skip;

interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
  json(): unknown;
}

/** Runs the CLI without blocking the event loop: the server answers from this same process. */
const aws = (url: string, args: readonly string[], region = 'us-east-1'): Promise<Run> =>
  new Promise((resolve) => {
    execFile(
      AWS,
      ['--endpoint-url', url, '--region', region, '--output', 'json', ...args],
      { env: dummyAwsEnv(), encoding: 'utf8' },
      (error, stdout, stderr) => {
        const code = error === null ? 0 : typeof error.code === 'number' ? error.code : -1;
        resolve({ code, stdout, stderr, json: () => JSON.parse(stdout) });
      },
    );
  });

const RECORD = [
  { FeatureName: 'customer_id', ValueAsString: 'c1' },
  { FeatureName: 'event_time', ValueAsString: '2026-01-01T00:00:00Z' },
  { FeatureName: 'age', ValueAsString: '42' },
];

describeIfCli('the AWS CLI against the server', () => {
  jest.setTimeout(60_000);
  let server: RunningServer;
  let dir: string;
  let created: Run;
  // The CLI starts slowly (a second or more per call), so the group is created once, by the CLI.
  beforeAll(async () => {
    server = await startServer();
    dir = mkdtempSync(join(tmpdir(), 'fsmock-awscli-'));
    const input = join(dir, 'customers.json');
    writeFileSync(input, JSON.stringify(customersGroup({ RoleArn: 'arn:aws:iam::123456789012:role/FeatureStore' })));
    created = await aws(server.url, ['sagemaker', 'create-feature-group', '--cli-input-json', `file://${input}`]);
  });
  afterAll(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });
  beforeEach(() => control(server.url, 'POST', '/reset', { keepFeatureGroups: true }));

  const putRecord = (record: unknown = RECORD): Promise<Run> =>
    aws(server.url, [
      'sagemaker-featurestore-runtime',
      'put-record',
      '--feature-group-name',
      'customers',
      '--record',
      JSON.stringify(record),
    ]);

  const getRecord = (id = 'c1'): Promise<Run> =>
    aws(server.url, [
      'sagemaker-featurestore-runtime',
      'get-record',
      '--feature-group-name',
      'customers',
      '--record-identifier-value-as-string',
      id,
    ]);

  test('sagemaker create-feature-group, then describe-feature-group', async () => {
    expect({ code: created.code, stderr: created.stderr }).toEqual({ code: 0, stderr: '' });
    expect(created.json()).toEqual({
      FeatureGroupArn: 'arn:aws:sagemaker:us-east-1:123456789012:feature-group/customers',
    });
    const described = await aws(server.url, [
      'sagemaker',
      'describe-feature-group',
      '--feature-group-name',
      'customers',
    ]);
    expect(described.code).toBe(0);
    expect(described.json()).toMatchObject({
      FeatureGroupName: 'customers',
      FeatureGroupArn: 'arn:aws:sagemaker:us-east-1:123456789012:feature-group/customers',
      RecordIdentifierFeatureName: 'customer_id',
      EventTimeFeatureName: 'event_time',
      FeatureDefinitions: customersGroup().FeatureDefinitions,
      FeatureGroupStatus: 'Created',
      OnlineStoreConfig: { EnableOnlineStore: true },
    });
  });

  test('create-feature-group of an existing name fails with ResourceInUse', async () => {
    const input = join(dir, 'again.json');
    writeFileSync(input, JSON.stringify(customersGroup()));
    const again = await aws(server.url, ['sagemaker', 'create-feature-group', '--cli-input-json', `file://${input}`]);
    expect(again.code).toBe(254);
    expect(again.stderr).toContain('An error occurred (ResourceInUse) when calling the CreateFeatureGroup operation');
  });

  test('put-record then get-record returns the record; the offline store has its row', async () => {
    await control(server.url, 'POST', '/clock', { set: '2026-01-01T00:05:00Z' });
    const put = await putRecord();
    expect({ code: put.code, stdout: put.stdout, stderr: put.stderr }).toEqual({ code: 0, stdout: '', stderr: '' });
    const got = await getRecord();
    expect(got.code).toBe(0);
    expect(got.json()).toEqual({ Record: RECORD });
    expect(server.featureStore.offlineRecords('customers')).toEqual([
      {
        customer_id: 'c1',
        event_time: '2026-01-01T00:00:00Z',
        age: '42',
        score: null,
        city: null,
        write_time: '2026-01-01T00:05:00.000Z',
        api_invocation_time: '2026-01-01T00:05:00.000Z',
        is_deleted: false,
      },
    ]);
  });

  test('get-record --feature-names returns only those features', async () => {
    await putRecord();
    const got = await aws(server.url, [
      'sagemaker-featurestore-runtime',
      'get-record',
      '--feature-group-name',
      'customers',
      '--record-identifier-value-as-string',
      'c1',
      '--feature-names',
      'age',
      'customer_id',
    ]);
    expect(got.json()).toEqual({
      Record: [
        { FeatureName: 'customer_id', ValueAsString: 'c1' },
        { FeatureName: 'age', ValueAsString: '42' },
      ],
    });
  });

  test('batch-get-record returns the records found and silently omits the others', async () => {
    await putRecord();
    const batch = await aws(server.url, [
      'sagemaker-featurestore-runtime',
      'batch-get-record',
      '--identifiers',
      JSON.stringify([{ FeatureGroupName: 'customers', RecordIdentifiersValueAsString: ['c1', 'nobody'] }]),
    ]);
    expect(batch.code).toBe(0);
    const { Records, Errors, UnprocessedIdentifiers } = batch.json() as Record<string, unknown>;
    expect({ Records, Errors, UnprocessedIdentifiers }).toEqual({
      Records: [{ FeatureGroupName: 'customers', RecordIdentifierValueAsString: 'c1', Record: RECORD }],
      Errors: [],
      UnprocessedIdentifiers: [],
    });
  });

  test('delete-record soft-deletes: get-record finds nothing, the offline store gets an is_deleted row', async () => {
    await putRecord();
    const deleted = await aws(server.url, [
      'sagemaker-featurestore-runtime',
      'delete-record',
      '--feature-group-name',
      'customers',
      '--record-identifier-value-as-string',
      'c1',
      '--event-time',
      '2026-01-02T00:00:00Z',
    ]);
    expect({ code: deleted.code, stderr: deleted.stderr }).toEqual({ code: 0, stderr: '' });
    const got = await getRecord();
    expect({ code: got.code, stdout: got.stdout }).toEqual({ code: 0, stdout: '' });
    expect(server.featureStore.onlineRecord('customers', 'c1')).toMatchObject({
      deleted: true,
      eventTime: '2026-01-02T00:00:00Z',
    });
    const rows = server.featureStore.offlineRecords('customers');
    expect(rows.map((row) => [row.customer_id, row.event_time, row.is_deleted])).toEqual([
      ['c1', '2026-01-01T00:00:00Z', false],
      ['c1', '2026-01-02T00:00:00Z', true],
    ]);
  });

  test('errors arrive as the CLI reports service errors, exit code 254', async () => {
    const missing = await aws(server.url, [
      'sagemaker-featurestore-runtime',
      'get-record',
      '--feature-group-name',
      'nowhere',
      '--record-identifier-value-as-string',
      'c1',
    ]);
    expect(missing.code).toBe(254);
    expect(missing.stderr).toContain('An error occurred (ResourceNotFound) when calling the GetRecord operation');

    const invalid = await putRecord([{ FeatureName: 'customer_id', ValueAsString: 'c1' }]);
    expect(invalid.code).toBe(254);
    expect(invalid.stderr).toMatch(
      /An error occurred \(ValidationError\) when calling the PutRecord operation: .*event_time/,
    );
    expect(server.featureStore.offlineRecords('customers')).toEqual([]);
  });

  test('the exit codes of docs/server-mode.md hold for the CLI installed here (v2: 254 service, 255 CLI)', async () => {
    const version = await new Promise<string>((done) =>
      execFile(AWS, ['--version'], { env: dummyAwsEnv() }, (_, stdout, stderr) => done(`${stdout}${stderr}`)),
    );
    const major = /aws-cli\/(\d+)\./.exec(version)?.[1];
    const page = readFileSync(join(__dirname, '../../docs/server-mode.md'), 'utf8');
    const row = new RegExp(`^\\| v${major} +\\| exit code (\\d+) +\\| exit code (\\d+) +\\|$`, 'm').exec(page);
    expect(row).not.toBeNull();
    const [, serviceError, cliError] = row as RegExpExecArray;
    const getRecord = ['sagemaker-featurestore-runtime', 'get-record', '--feature-group-name', 'nowhere'];
    const missing = await aws(server.url, [...getRecord, '--record-identifier-value-as-string', 'c1']);
    expect(missing.code).toBe(Number(serviceError));
    // A port nobody listens on: the server's own, once closed.
    const closed = await startServer();
    await closed.close();
    const refused = await aws(closed.url, [...getRecord, '--record-identifier-value-as-string', 'c1']);
    expect(refused.code).toBe(Number(cliError));
    expect(refused.stderr).toContain('Could not connect to the endpoint URL');
  });

  test('the region of the CLI call scopes the feature groups', async () => {
    await putRecord();
    const elsewhere = await aws(
      server.url,
      [
        'sagemaker-featurestore-runtime',
        'get-record',
        '--feature-group-name',
        'customers',
        '--record-identifier-value-as-string',
        'c1',
      ],
      'eu-west-1',
    );
    expect(elsewhere.code).toBe(254);
    expect(elsewhere.stderr).toContain('(ResourceNotFound)');
  });
});
