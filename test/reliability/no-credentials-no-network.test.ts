import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/**
 * Runs the conformance suite (every target: in-process, direct, server mode on loopback) in a
 * child jest with poisoned AWS credential variables, a fake home whose ~/.aws/credentials and
 * ~/.aws/config hold poisoned values, and a setup file that refuses any network access but
 * loopback, any file access under the fake ~/.aws, and records any read of a credential
 * variable (fixtures/trap-network-and-credentials.cjs). The child runs with --detectOpenHandles.
 * A positive control first shows that the trap does catch each kind of access.
 */
const ROOT = resolve(__dirname, '../..');
const TRAP = join(__dirname, 'fixtures/trap-network-and-credentials.cjs');
const JEST = join(ROOT, 'node_modules/jest/bin/jest.js');

let work: string;
let home: string;
let log: string;
beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'reliability-trap-'));
  home = join(work, 'home');
  log = join(work, 'trap.log');
  mkdirSync(join(home, '.aws'), { recursive: true });
  // Values that would show if used: a region no test expects, keys no emulator accepts.
  writeFileSync(
    join(home, '.aws/credentials'),
    '[default]\naws_access_key_id = AKIAPOISONEDDEFAULT0\naws_secret_access_key = poisoned\n' +
      '[poisoned]\naws_access_key_id = AKIAPOISONEDPROFILE0\naws_secret_access_key = poisoned\n',
  );
  writeFileSync(
    join(home, '.aws/config'),
    '[default]\nregion = ap-southeast-7\n[profile poisoned]\nregion = eu-south-2\ncredential_process = /bin/false\n',
  );
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

const trapEnvironment = (): NodeJS.ProcessEnv => {
  const env: NodeJS.ProcessEnv = {};
  // Only what node needs; nothing AWS-related leaks in from the parent.
  for (const key of ['PATH', 'LANG', 'TMPDIR', 'TERM']) if (process.env[key] !== undefined) env[key] = process.env[key];
  return {
    ...env,
    HOME: home,
    USERPROFILE: home,
    AWS_ACCESS_KEY_ID: 'AKIAPOISONEDENVIRON0',
    AWS_SECRET_ACCESS_KEY: 'poisoned',
    AWS_SESSION_TOKEN: 'poisoned',
    AWS_PROFILE: 'poisoned',
    AWS_CONTAINER_CREDENTIALS_FULL_URI: 'http://169.254.170.2/poisoned',
    AWS_WEB_IDENTITY_TOKEN_FILE: join(home, '.aws/token'),
    AWS_ROLE_ARN: 'arn:aws:iam::111122223333:role/poisoned',
    // No AWS_REGION and no AWS_EC2_METADATA_DISABLED: a client built without a region then asks
    // the SDK's region chain, which reads ~/.aws/config (refused here) and, in current
    // @smithy/core, the EC2 instance metadata service. Setting either hid that connection.
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    // The conformance dry run against server mode uses the real credential chain on purpose
    // (docs/conformance.md); this proof is about the emulator's own targets.
    FEATURESTORE_MOCK_AWS_DRY_RUN: 'off',
    RELIABILITY_TRAP_LOG: log,
    RELIABILITY_TRAP_HOME: home,
  };
};

const run = (args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number | null; output: string }> =>
  new Promise((done, fail) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', fail);
    child.on('close', (code) => done({ code, output }));
  });

/** A jest config of the unit+conformance project, rooted at `root`, matching `testMatch`, under the trap. */
const writeTrappedJestConfig = (name: string, root: string, testMatch: string[]): string => {
  const config = join(work, name);
  writeFileSync(
    config,
    `const main = require(${JSON.stringify(join(ROOT, 'jest.config.cjs'))});
     const project = main.projects.find((p) => p.displayName === 'unit+conformance');
     module.exports = { rootDir: ${JSON.stringify(ROOT)}, projects: [{ ...project, rootDir: ${JSON.stringify(ROOT)},
       roots: [${JSON.stringify(root)}], testMatch: ${JSON.stringify(testMatch)}, testPathIgnorePatterns: [],
       setupFiles: [${JSON.stringify(TRAP)}] }] };`,
  );
  return config;
};

const trapLog = (): string[] => (existsSync(log) ? readFileSync(log, 'utf8').trim().split('\n').filter(Boolean) : []);

test('positive control: the trap catches a credential variable read, a ~/.aws file read, a connection and a DNS lookup', async () => {
  rmSync(log, { force: true });
  // 127.0.0.2 is loopback too, so even a broken trap sends nothing off the machine.
  const script = `
    const attempts = [
      () => process.env.AWS_ACCESS_KEY_ID,
      () => require('node:fs').readFileSync(require('node:path').join(process.env.HOME, '.aws/credentials')),
      () => require('node:net').connect(9, '127.0.0.2').on('error', () => {}).destroy(),
      () => require('node:dns').lookup('127.0.0.2', () => {}),
      // How the SDK's IMDS lookup connects: http's agent passes \`path: null\` to Socket#connect.
      () => require('node:http').request({ hostname: '127.0.0.2', port: 9, path: '/' }).on('error', () => {}).end(),
      () => require('node:tls').connect(9, '127.0.0.2').on('error', () => {}).destroy(),
    ];
    for (const attempt of attempts) { try { attempt(); } catch {} }`;
  const { code, output } = await run(['-r', TRAP, '-e', script], trapEnvironment());
  expect({ code, output }).toEqual({ code: 0, output: '' });
  expect(trapLog()).toEqual([
    'env: read AWS_ACCESS_KEY_ID by [eval]',
    expect.stringMatching(/^file: fs\.readFileSync\(.*\/\.aws\/credentials\) by \[eval\]$/),
    'network: connect to 127.0.0.2:9 by [eval]',
    'network: dns.lookup(127.0.0.2) by [eval]',
    // http's agent connects from Node's internals (no caller of ours left on the stack), then tls.
    'network: connect to 127.0.0.2:9 by unknown',
    'network: connect to 127.0.0.2:9 by [eval]',
  ]);
}, 60_000);

/**
 * What the trap may see in the conformance run. (1) The conformance test that checks a client
 * with no configuration saves, clears and restores the credential variables itself. (2) Every
 * SDK client parses the shared config files for its own settings (`defaults_mode`,
 * `endpoint_url`...) with its config loader, which reads ~/.aws/config and ~/.aws/credentials
 * together; the trap refuses those reads and the suite passes regardless. Resolving credentials
 * would read the credential variables first (the default chain starts with them): never seen.
 */
const ALLOWED = [
  /^env: (read|checked) AWS_\w+ by test\/conformance\/sdk-client\.test\.ts$/,
  /^file: fs\.promises\.readFile\(.*\/\.aws\/(config|credentials)\) by node_modules\/@smithy\/core\/dist-cjs\/submodules\/config\/index\.js$/,
];

test('the conformance suite passes with poisoned credentials, a trapped ~/.aws, no network, and no open handles', async () => {
  rmSync(log, { force: true });
  const config = writeTrappedJestConfig('jest.config.cjs', '<rootDir>/test/conformance', ['**/*.test.ts']);
  const { code, output } = await run(
    [JEST, '--config', config, '--ci', '--no-watchman', '--runInBand', '--detectOpenHandles'],
    trapEnvironment(),
  );
  const summary = output.split('\n').filter((line) => /^(Tests|Test Suites):/.test(line));
  const events = trapLog();
  const configReads = events.filter((event) => event.startsWith('file: '));
  console.log(
    `conformance under the trap: ${summary.join('; ')}; ${configReads.length} refused reads of the shared config files by the SDK's config loader`,
  );
  expect(events.filter((event) => !ALLOWED.some((allowed) => allowed.test(event)))).toEqual([]);
  expect(output).not.toMatch(/blocked by the reliability trap/);
  expect(output).not.toMatch(/open handle/i);
  expect(summary.join('\n')).toMatch(/Test Suites: \d+ passed, \d+ total/);
  expect(code).toBe(0);
}, 240_000);

/**
 * The README's setup on a fresh machine: clients built with no region, no AWS_REGION, no
 * AWS_EC2_METADATA_DISABLED. Current @smithy/core's region chain ends at the EC2 instance
 * metadata service (169.254.169.254); the emulator must answer from the SDK's offline sources.
 * Runs fixtures/regionless-clients.spec.ts (wire and direct mode, the runtime, control-plane
 * and 3.523 clients, `defaultsMode: 'auto'`) under the trap, once with ~/.aws unreadable (the
 * emulator's default region) and once with a readable ~/.aws/config whose AWS_PROFILE has a region.
 */
describe('regionless clients never reach the network', () => {
  const regionless = async (readable: string, expectedRegion: string) => {
    rmSync(log, { force: true });
    const config = writeTrappedJestConfig('jest.regionless.config.cjs', '<rootDir>/test/reliability/fixtures', [
      '**/regionless-clients.spec.ts',
    ]);
    const { code, output } = await run([JEST, '--config', config, '--ci', '--no-watchman', '--runInBand'], {
      ...trapEnvironment(),
      RELIABILITY_TRAP_READABLE: readable,
      REGIONLESS_EXPECTED_REGION: expectedRegion,
    });
    const events = trapLog();
    // Only the SDK config loaders' refused reads of ~/.aws (both client generations) may show.
    const sdkConfigRead =
      /^file: fs\.promises\.readFile\(.*\/\.aws\/(config|credentials)\) by node_modules\/.*@smithy\//;
    expect(events.filter((event) => !sdkConfigRead.test(event))).toEqual([]);
    expect(output).toMatch(/Tests: +8 passed, 8 total/);
    expect(code).toBe(0);
  };

  test('with ~/.aws unreadable, they are served in the emulator default region', async () => {
    await regionless('', 'us-east-1');
  }, 120_000);

  test("with a readable ~/.aws/config, they are served in AWS_PROFILE's region from it", async () => {
    await regionless('config', 'eu-south-2');
  }, 120_000);
});
