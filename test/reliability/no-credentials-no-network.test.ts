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
    '[default]\nregion = ap-southeast-7\n[profile poisoned]\nregion = ap-southeast-7\ncredential_process = /bin/false\n',
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
    // A client built without a region asks the SDK's region chain, which reads ~/.aws/config
    // (with credentials) when no AWS_REGION is set: that read is the SDK's, for the region, and
    // would happen against AWS too. Setting the region keeps the proof about credentials and network.
    AWS_REGION: 'us-east-1',
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
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
    ];
    for (const attempt of attempts) { try { attempt(); } catch {} }`;
  const { code, output } = await run(['-r', TRAP, '-e', script], trapEnvironment());
  expect({ code, output }).toEqual({ code: 0, output: '' });
  expect(trapLog()).toEqual([
    'env: read AWS_ACCESS_KEY_ID by [eval]',
    expect.stringMatching(/^file: fs\.readFileSync\(.*\/\.aws\/credentials\) by \[eval\]$/),
    'network: connect to 127.0.0.2:9 by [eval]',
    'network: dns.lookup(127.0.0.2) by [eval]',
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
  const config = join(work, 'jest.config.cjs');
  writeFileSync(
    config,
    `const main = require(${JSON.stringify(join(ROOT, 'jest.config.cjs'))});
     const project = main.projects.find((p) => p.displayName === 'unit+conformance');
     module.exports = { rootDir: ${JSON.stringify(ROOT)}, projects: [{ ...project, rootDir: ${JSON.stringify(ROOT)},
       roots: ['<rootDir>/test/conformance'], setupFiles: [${JSON.stringify(TRAP)}] }] };`,
  );
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
