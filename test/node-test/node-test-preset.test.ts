import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * The node:test preset, from the built package by its public name (the repository resolves its
 * own name through package.json "exports"): `node --test` over a file of 150 tests that each
 * create a feature group through the SDK, more than the quota of 100 per account and region.
 * Each test must see only the suite-level group and its own, so groups created inside a test
 * are test-scoped; a subtest shares its parent's store.
 */
const ROOT = resolve(__dirname, '../..');
const FIXTURE = join(__dirname, 'fixtures/many-groups.node-test.mjs');

const nodeTest = (flags: string[], env: NodeJS.ProcessEnv = {}): Promise<{ code: number | null; output: string }> =>
  new Promise((done, fail) => {
    const child = spawn(process.execPath, ['--test', ...flags, FIXTURE], {
      cwd: ROOT,
      env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', fail);
    child.on('close', (code) => done({ code, output }));
  });

beforeAll(() => {
  const built = join(ROOT, 'dist/esm/node-test/setup.js');
  if (!existsSync(built)) throw new Error(`${built} is missing: run \`npm run build\` first (npm test does).`);
});

test.each([
  ['--import (ESM build)', ['--import', 'sagemaker-featurestore-mock/node-test'], {}],
  ['--require (CommonJS build)', ['--require', 'sagemaker-featurestore-mock/node-test'], {}],
  ['an import at the top of the test file', [], { NODE_TEST_IMPORT_PRESET: '1' }],
] as const)(
  'with the preset loaded by %s, 150 tests each create a group without reaching the quota',
  async (_how, flags, env) => {
    const { code, output } = await nodeTest([...flags], env);
    expect(output).not.toMatch(/ResourceLimitExceeded/);
    expect(output).toMatch(/^# pass 153$/m);
    expect(output).toMatch(/^# fail 0$/m);
    expect(code).toBe(0);
  },
  60_000,
);
