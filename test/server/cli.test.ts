import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { customersGroup } from '../support/fixtures.js';
import { CLI, control, rawRequest, requireBuiltCli, spawnServer } from './helpers.js';

describe('sagemaker-featurestore-mock serve', () => {
  let dir: string;
  beforeAll(() => requireBuiltCli());
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'fsmock-cli-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  test.each(['SIGTERM', 'SIGINT'] as const)(
    'declares --feature-groups, serves, and shuts down on %s',
    async (signal) => {
      const groups = join(dir, 'groups.json');
      writeFileSync(groups, JSON.stringify([customersGroup()]));
      const server = await spawnServer(['--feature-groups', groups, '--region', 'eu-central-1']);
      expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const listed = await control(server.url, 'GET', '/feature-groups');
      expect(listed.json()).toEqual({
        featureGroups: [{ name: 'customers', region: 'eu-central-1', accountId: '123456789012' }],
      });
      const put = await rawRequest(server.url, {
        method: 'PUT',
        path: '/FeatureGroup/customers',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          Record: [
            { FeatureName: 'customer_id', ValueAsString: 'c1' },
            { FeatureName: 'event_time', ValueAsString: '2026-01-01T00:00:00Z' },
          ],
        }),
      });
      expect(put.status).toBe(200);

      server.child.kill(signal);
      expect(await server.exited).toEqual({ code: 0, signal: null });
      expect(server.output()).toContain(`${signal}, shutting down`);
    },
  );

  /** The environment without any region variable, plus `extra`. */
  const envWith = (extra: NodeJS.ProcessEnv): NodeJS.ProcessEnv => {
    const { AWS_REGION: _region, AWS_DEFAULT_REGION: _defaultRegion, ...rest } = process.env;
    return { ...rest, ...extra };
  };
  const regionsOf = async (url: string): Promise<string[]> =>
    (listedGroups(await control(url, 'GET', '/feature-groups')) ?? []).map((group) => group.region);
  const listedGroups = (response: { json(): unknown }) =>
    (response.json() as { featureGroups?: { region: string }[] }).featureGroups;

  test.each([
    ['AWS_REGION', { AWS_REGION: 'eu-west-3', AWS_DEFAULT_REGION: 'ap-south-1' }, [], 'eu-west-3'],
    ['AWS_DEFAULT_REGION', { AWS_DEFAULT_REGION: 'ap-south-1' }, [], 'ap-south-1'],
    [
      '--region over both',
      { AWS_REGION: 'eu-west-3', AWS_DEFAULT_REGION: 'ap-south-1' },
      ['--region', 'sa-east-1'],
      'sa-east-1',
    ],
    ['us-east-1 without any', {}, [], 'us-east-1'],
  ] as const)('the default region follows %s', async (_name, env, args, region) => {
    const groups = join(dir, 'groups.json');
    writeFileSync(groups, JSON.stringify([customersGroup()]));
    const server = await spawnServer(['--feature-groups', groups, ...args], envWith(env));
    try {
      expect(await regionsOf(server.url)).toEqual([region]);
    } finally {
      server.child.kill('SIGTERM');
      await server.exited;
    }
  });

  test('--feature-groups takes a single CreateFeatureGroup request as well as an array', async () => {
    const groups = join(dir, 'group.json');
    writeFileSync(groups, JSON.stringify(customersGroup({ FeatureGroupName: 'single' })));
    const server = await spawnServer(['--feature-groups', groups, '--region', 'us-east-1']);
    try {
      expect(listedGroups(await control(server.url, 'GET', '/feature-groups'))).toEqual([
        { name: 'single', region: 'us-east-1', accountId: '123456789012' },
      ]);
    } finally {
      server.child.kill('SIGTERM');
      await server.exited;
    }
  });

  test('a --feature-groups file with neither a request nor an array stops the start', () => {
    const groups = join(dir, 'groups.json');
    writeFileSync(groups, JSON.stringify({ RecordIdentifierFeatureName: 'customer_id' }));
    const result = spawnSync(process.execPath, [CLI, 'serve', '--port', '0', '--feature-groups', groups], {
      encoding: 'utf8',
    });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('must hold a CreateFeatureGroup request or a JSON array of them');
  });

  test('--help prints the usage and exits 0', () => {
    const result = spawnSync(process.execPath, [CLI, 'serve', '--help'], { encoding: 'utf8' });
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('Usage: sagemaker-featurestore-mock serve');
  });

  test.each([
    [['serve', '--port', 'eighty'], /--port takes a whole number/],
    [['serve', '--colour'], /Unknown option '--colour'/],
    [['launch'], /unknown command 'launch'/],
  ])('%j exits 2 with the reason and the usage', (args, reason) => {
    const result = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(reason);
    expect(result.stderr).toContain('Usage:');
  });

  test('a --feature-groups file that is not JSON stops the start', () => {
    const groups = join(dir, 'groups.json');
    writeFileSync(groups, '[{');
    const result = spawnSync(process.execPath, [CLI, 'serve', '--port', '0', '--feature-groups', groups], {
      encoding: 'utf8',
    });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(`cannot read --feature-groups ${groups}`);
  });

  test('an invalid feature group in the file stops the start with the service error', () => {
    const groups = join(dir, 'groups.json');
    writeFileSync(groups, JSON.stringify([customersGroup({ FeatureGroupName: 'no spaces allowed' })]));
    const result = spawnSync(process.execPath, [CLI, 'serve', '--port', '0', '--feature-groups', groups], {
      encoding: 'utf8',
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/cannot start: .*featureGroupName/);
  });

  test('a port in use is reported', async () => {
    const first = await spawnServer([]);
    try {
      const port = new URL(first.url).port;
      const result = spawnSync(process.execPath, [CLI, 'serve', '--port', port], { encoding: 'utf8' });
      expect(result.status).toBe(1);
      expect(result.stderr).toMatch(/cannot start: .*EADDRINUSE/);
    } finally {
      first.child.kill('SIGTERM');
      await first.exited;
    }
  });
});
