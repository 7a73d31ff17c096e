import { execFile } from 'node:child_process';
import {
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/**
 * The package as users get it: `npm pack`, the tarball unpacked into throwaway projects
 * under a temp folder, and a real test run in each (jest + CommonJS, jest + ESM, vitest,
 * node:test from ESM and CommonJS, a TypeScript consumer). Nothing is installed from a
 * registry: each project's node_modules links the packages already installed here, and
 * holds the unpacked tarball as `sagemaker-featurestore-mock`.
 */
const root = resolve(__dirname, '../..');
const projects = join(__dirname, 'projects');
const packageName = 'sagemaker-featurestore-mock';

interface Run {
  readonly code: number | null;
  readonly output: string;
}

const ANSI_COLOUR = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g');

const childEnv = (extra: NodeJS.ProcessEnv): NodeJS.ProcessEnv => {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    CI: 'true',
    NO_COLOR: '1',
    NODE_OPTIONS: '',
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    ...extra,
  };
  // Any FORCE_COLOR, even 0, turns colours on in some runners.
  delete env.FORCE_COLOR;
  return env;
};

const run = (command: string, args: readonly string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<Run> =>
  new Promise((done) => {
    execFile(
      command,
      args,
      {
        cwd,
        env: childEnv(env),
        maxBuffer: 16 * 1024 * 1024,
        timeout: 120_000,
      },
      (error, stdout, stderr) => {
        const code = error === null ? 0 : typeof error.code === 'number' ? error.code : 1;
        // Colours off, whatever the runner's environment says.
        done({ code, output: `${stdout}\n${stderr}`.replace(ANSI_COLOUR, '') });
      },
    );
  });

const expectSuccess = (result: Run, what: string): void => {
  if (result.code !== 0) throw new Error(`${what} failed (exit ${result.code}):\n${result.output}`);
};

const newestMtime = (dir: string): number =>
  readdirSync(dir, { withFileTypes: true }).reduce((newest, entry) => {
    const path = join(dir, entry.name);
    return Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }, 0);

const oldestMtime = (dir: string): number =>
  readdirSync(dir, { withFileTypes: true }).reduce((oldest, entry) => {
    const path = join(dir, entry.name);
    return Math.min(oldest, entry.isDirectory() ? oldestMtime(path) : statSync(path).mtimeMs);
  }, Infinity);

let stage: string;
let tarball: string;
let typeCheck: Promise<Run>;

/**
 * `npm test` builds dist/ just before jest runs; then it is packed as is. Run alone, with
 * sources newer than dist/, the test builds its own copy in the temp folder instead.
 */
const packageDirectory = async (): Promise<string> => {
  const distFresh =
    existsSync(join(root, 'dist/esm')) &&
    existsSync(join(root, 'dist/cjs/package.json')) &&
    oldestMtime(join(root, 'dist')) >=
      Math.max(
        newestMtime(join(root, 'src')),
        ...['tsconfig.json', 'tsconfig.build.json', 'tsconfig.cjs.json'].map(
          (file) => statSync(join(root, file)).mtimeMs,
        ),
      );
  if (distFresh) return root;
  const copy = join(stage, 'package');
  mkdirSync(copy, { recursive: true });
  for (const file of ['package.json', 'README.md']) copyFileSync(join(root, file), join(copy, file));
  if (existsSync(join(root, 'docs'))) cpSync(join(root, 'docs'), join(copy, 'docs'), { recursive: true });
  const tsc = join(root, 'node_modules/typescript/bin/tsc');
  const builds = await Promise.all([
    run(process.execPath, [tsc, '-p', 'tsconfig.build.json', '--outDir', join(copy, 'dist/esm')], root),
    run(process.execPath, [tsc, '-p', 'tsconfig.cjs.json', '--outDir', join(copy, 'dist/cjs')], root),
  ]);
  builds.forEach((build) => expectSuccess(build, 'tsc'));
  writeFileSync(join(copy, 'dist/cjs/package.json'), '{ "type": "commonjs" }\n');
  return copy;
};

/**
 * A project folder: its files from projects/<name> (and `files`), the shared fixtures, and
 * node_modules linking ours plus the unpacked tarball.
 */
const makeProject = async (name: string, files: Readonly<Record<string, string>> = {}): Promise<string> => {
  const dir = mkdtempSync(join(stage, `${name}-`));
  if (existsSync(join(projects, name))) cpSync(join(projects, name), dir, { recursive: true });
  cpSync(join(projects, 'shared'), dir, { recursive: true });
  for (const [file, text] of Object.entries(files)) writeFileSync(join(dir, file), text);
  const modules = join(dir, 'node_modules');
  mkdirSync(modules);
  for (const entry of readdirSync(join(root, 'node_modules'))) {
    if (entry === '.bin' || entry.startsWith('.') || entry === packageName) continue;
    symlinkSync(join(root, 'node_modules', entry), join(modules, entry), 'dir');
  }
  const unpacked = join(modules, packageName);
  mkdirSync(unpacked);
  expectSuccess(await run('tar', ['-xzf', tarball, '-C', unpacked, '--strip-components=1'], dir), 'tar');
  return dir;
};

const jestBin = join(root, 'node_modules/jest/bin/jest.js');
const runJest = (dir: string, env: NodeJS.ProcessEnv = {}): Promise<Run> =>
  run(process.execPath, [jestBin, '--ci', '--cacheDirectory', join(dir, '.jest-cache')], dir, env);

beforeAll(async () => {
  stage = mkdtempSync(join(tmpdir(), 'fsmock-package-'));
  const source = await packageDirectory();
  const pack = await run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', stage], source);
  expectSuccess(pack, 'npm pack');
  const [packed] = JSON.parse(pack.output.slice(pack.output.indexOf('['), pack.output.lastIndexOf(']') + 1)) as {
    filename: string;
    files: { path: string }[];
  }[];
  tarball = join(stage, packed!.filename);
  const paths = packed!.files.map((file) => file.path);
  // The tarball holds both builds and every entry point of the exports map.
  const exportsMap = (JSON.parse(readFileSync(join(source, 'package.json'), 'utf8')) as { exports: object }).exports;
  const targets = JSON.stringify(exportsMap).match(/\.\/dist\/[^"]+/g) ?? [];
  expect(targets.length).toBeGreaterThan(0);
  for (const target of targets) expect(paths).toContain(target.slice(2));
  // The type check is the slowest project: it starts now and runs beside the others.
  typeCheck = typeCheckConsumers();
}, 180_000);

afterAll(() => {
  if (stage !== undefined) rmSync(stage, { recursive: true, force: true });
});

test('jest 30 + CommonJS: the preset, matchers, faults and fake timers', async () => {
  const dir = await makeProject('jest-cjs');
  const result = await runJest(dir);
  expectSuccess(result, 'jest (CommonJS)');
  expect(result.output).toMatch(/Tests: +3 passed, 3 total/);
}, 120_000);

test('jest 29 + CommonJS: the same project under the previous major', async () => {
  const dir = await makeProject('jest-cjs');
  const jest29 = join(root, 'node_modules/jest29/bin/jest.js');
  const version = await run(process.execPath, [jest29, '--version'], dir);
  expect(version.output.trim()).toMatch(/^29\./);
  const result = await run(process.execPath, [jest29, '--ci', '--cacheDirectory', join(dir, '.jest-cache')], dir);
  expectSuccess(result, 'jest 29 (CommonJS)');
  expect(result.output).toMatch(/Tests: +3 passed, 3 total/);
}, 120_000);

test('jest 30 + ESM (--experimental-vm-modules): import of the package and the preset', async () => {
  const dir = await makeProject('jest-esm');
  const result = await runJest(dir, { NODE_OPTIONS: '--experimental-vm-modules --no-warnings' });
  expectSuccess(result, 'jest (ESM)');
  expect(result.output).toMatch(/Tests: +2 passed, 2 total/);
}, 120_000);

test('vitest: the sagemaker-featurestore-mock/vitest preset', async () => {
  const dir = await makeProject('vitest');
  const result = await run(process.execPath, [join(root, 'node_modules/vitest/vitest.mjs'), 'run'], dir);
  expectSuccess(result, 'vitest');
  expect(result.output).toMatch(/Tests +2 passed \(2\)/);
  // The source maps carry their sources: no "points to missing source files" from vite.
  expect(result.output).not.toMatch(/Sourcemap for .*sagemaker-featurestore-mock/);
}, 120_000);

test('node:test from ESM and CommonJS', async () => {
  const dir = await makeProject('node-test');
  const result = await run(process.execPath, ['--test', 'customers.test.mjs', 'customers.test.cjs'], dir);
  expectSuccess(result, 'node --test');
  expect(result.output).toMatch(/# pass 3\n/);
  expect(result.output).toMatch(/# fail 0\n/);
}, 120_000);

/** The first TypeScript block of a docs page: the page's runnable example. */
const firstTypeScriptBlock = (page: string): string => {
  const match = /```ts\n([\s\S]*?)```/.exec(readFileSync(join(root, 'docs', page), 'utf8'));
  if (match === null) throw new Error(`docs/${page} has no ts example`);
  return match[1] as string;
};

test('the runnable examples of the docs pass, as written, against the package', async () => {
  const dir = await makeProject('docs-examples');
  const pages = ['faults.md', 'time.md', 'offline-delivery.md', 'performance.md'];
  for (const page of pages) writeFileSync(join(dir, page.replace(/\.md$/, '.test.ts')), firstTypeScriptBlock(page));
  const result = await runJest(dir);
  expectSuccess(result, 'jest (docs examples)');
  expect(result.output).toMatch(new RegExp(`Test Suites: +${pages.length} passed, ${pages.length} total`));
}, 120_000);

test('TypeScript: ESM and CommonJS consumers type-check, with an older SDK (other @smithy/types) next to ours', async () => {
  expectSuccess(await typeCheck, 'tsc');
}, 120_000);

/** `tsc --noEmit` over an ESM and a CommonJS consumer, checking every declaration file (skipLibCheck off). */
const typeCheckConsumers = async (): Promise<Run> => {
  const tsconfig = {
    compilerOptions: {
      target: 'ES2022',
      module: 'nodenext',
      moduleResolution: 'nodenext',
      strict: true,
      noEmit: true,
      types: ['node'],
      skipLibCheck: false,
    },
    files: ['consumer.mts', 'consumer.cts'],
  };
  const dir = await makeProject('typescript', {
    'package.json': '{ "name": "consumer-typescript", "private": true, "type": "module" }\n',
    'tsconfig.json': JSON.stringify(tsconfig),
    'consumer.mts': TYPESCRIPT_ESM_CONSUMER,
    'consumer.cts': TYPESCRIPT_CJS_CONSUMER,
  });
  return run(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', '.'], dir);
};

/** Uses the ESM types: the handle, fault rules, call history, vitest matchers, and a 3.523 client class. */
const TYPESCRIPT_ESM_CONSUMER = `
import { PutRecordCommand, SageMakerFeatureStoreRuntimeClient } from '@aws-sdk/client-sagemaker-featurestore-runtime';
import { SageMakerFeatureStoreRuntimeClient as OlderClient } from 'client-featurestore-runtime-3.523';
import {
  mockFeatureStore,
  type FaultRule,
  type FeatureStoreMock,
  type FeatureStoreSnapshot,
  type RecordedCall,
} from 'sagemaker-featurestore-mock';
import { featureStore } from 'sagemaker-featurestore-mock/vitest';
import { expect } from 'vitest';

const mock: FeatureStoreMock = mockFeatureStore({
  clients: [OlderClient, SageMakerFeatureStoreRuntimeClient],
  offlineDelivery: { delay: '15m' },
  onUnhandled: 'warn',
});
const rule: FaultRule = { operation: PutRecordCommand, featureGroup: 'customers', error: 'ThrottlingException', times: 2, delay: '200ms' };
mock.faults.add(rule);
const calls: RecordedCall[] = mock.commandCalls(PutRecordCommand, { featureGroup: 'customers', recordIdentifier: 'c1' });
const attempts: number = calls[0]?.attempts.length ?? 0;
const snapshot: FeatureStoreSnapshot = mock.snapshot();
mock.clock.advance('15m');
void [attempts, snapshot];

expect(featureStore).toHaveReceivedPutRecord('customers', 'c1', { age: '42' });
expect(featureStore).toHaveReceivedCommandFor(PutRecordCommand, 'customers');
expect(featureStore).toHaveOnlineRecord('customers', 'c1');
// @ts-expect-error the matchers are typed
expect(featureStore).toHaveOnlineRecord(42);
`;

/** Uses the CommonJS types: the jest preset and its matchers on @jest/globals' expect. */
const TYPESCRIPT_CJS_CONSUMER = `
import { expect } from '@jest/globals';
import { mockFeatureStore } from 'sagemaker-featurestore-mock';
import { featureStore } from 'sagemaker-featurestore-mock/jest';

const other = mockFeatureStore;
void other;
expect(featureStore).toHaveOfflineDeleteMarker('customers', 'c1');
expect(featureStore).toHaveReceivedCommandFor('GetRecord', 'customers', 'c1');
// @ts-expect-error the matchers are typed
expect(featureStore).toHaveReceivedPutRecord();
`;
