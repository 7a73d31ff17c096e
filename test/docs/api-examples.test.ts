/**
 * The examples of docs/api.md run as written. Every ```ts block preceded by `<!-- example -->`
 * becomes a jest test file: its imports stay at the top, the `<!-- prelude -->` block (the
 * jest preset and a `customers` group) goes first unless the marker says `standalone`, and
 * the rest runs inside a `test()` (a block that defines its own tests runs as it is). The
 * files run in a child jest with `sagemaker-featurestore-mock` mapped to src/, through the
 * real SDK clients, and are type-checked with tsc the same way.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(__dirname, '../..');
const doc = readFileSync(join(root, 'docs/api.md'), 'utf8');

interface Example {
  readonly title: string;
  readonly code: string;
  readonly standalone: boolean;
}

/** Each marked block, titled by the nearest heading above it. */
const extractExamples = (markdown: string): { prelude: string; examples: Example[] } => {
  const preludes = [...markdown.matchAll(/<!-- prelude -->\n+```ts\n([\s\S]*?)```/g)];
  if (preludes.length !== 1) throw new Error(`docs/api.md needs exactly one prelude block, has ${preludes.length}`);
  const examples = [...markdown.matchAll(/<!-- example( standalone)? -->\n+```ts\n([\s\S]*?)```/g)].map((match) => {
    const before = markdown.slice(0, match.index);
    const heading = [...before.matchAll(/^#+ (.+)$/gm)].at(-1)?.[1] ?? 'top';
    return { title: heading, code: match[2] as string, standalone: match[1] !== undefined };
  });
  return { prelude: preludes[0]![1] as string, examples };
};

/** Leading import statements apart from the rest of the block. */
const splitImports = (code: string): { imports: string; body: string } => {
  const imports = /^(?:\s*import[\s\S]*?from\s+'[^']+';\n)*/.exec(code)?.[0] ?? '';
  return { imports, body: code.slice(imports.length) };
};

const testFile = (prelude: string, example: Example): string => {
  const { imports, body } = splitImports(example.code);
  const head = example.standalone ? splitImports('') : splitImports(prelude);
  const runsItself = /^\s*(test|it|describe)\(/m.test(body);
  const wrapped = runsItself ? body : `test(${JSON.stringify(example.title)}, async () => {\n${body}});\n`;
  return `${head.imports}${imports}${head.body}\n${wrapped}`;
};

const { prelude, examples } = extractExamples(doc);

interface Run {
  readonly code: number;
  readonly output: string;
}

const run = (args: readonly string[], cwd: string): Promise<Run> =>
  new Promise((done) => {
    execFile(
      process.execPath,
      args,
      {
        cwd,
        env: {
          ...process.env,
          CI: 'true',
          NO_COLOR: '1',
          NODE_OPTIONS: '',
          AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
        },
        maxBuffer: 16 * 1024 * 1024,
        timeout: 120_000,
      },
      (error, stdout, stderr) => {
        const code = error === null ? 0 : typeof error.code === 'number' ? error.code : 1;
        done({ code, output: `${stdout}\n${stderr}` });
      },
    );
  });

let dir: string;

beforeAll(() => {
  // Inside the checkout (.tmp/ is ignored by git) so the examples resolve the installed SDK.
  mkdirSync(join(root, '.tmp'), { recursive: true });
  dir = mkdtempSync(join(root, '.tmp', 'api-examples-'));
  examples.forEach((example, i) =>
    writeFileSync(join(dir, `example-${String(i + 1).padStart(2, '0')}.test.ts`), testFile(prelude, example)),
  );
  const swc = [
    '@swc/jest',
    { jsc: { target: 'es2022', parser: { syntax: 'typescript' } }, module: { type: 'commonjs' } },
  ];
  const config = {
    rootDir: dir,
    testEnvironment: 'node',
    moduleFileExtensions: ['ts', 'cts', 'js', 'cjs', 'json'],
    transform: { '^.+\\.c?ts$': swc },
    moduleNameMapper: {
      '^sagemaker-featurestore-mock$': join(root, 'src/index.ts'),
      '^sagemaker-featurestore-mock/jest$': join(root, 'src/jest/setup.ts'),
      '^sagemaker-featurestore-mock/matchers$': join(root, 'src/jest/index.ts'),
      '^sagemaker-featurestore-mock/server$': join(root, 'src/server/index.ts'),
      '^(\\.{1,2}/.*)\\.js$': '$1',
      '^(\\.{1,2}/.*)\\.cjs$': '$1.cts',
    },
  };
  writeFileSync(join(dir, 'jest.config.json'), JSON.stringify(config));
  const tsconfig = {
    extends: join(root, 'tsconfig.json'),
    compilerOptions: {
      noEmit: true,
      rootDir: root,
      types: ['jest', 'node'],
      paths: {
        'sagemaker-featurestore-mock': [join(root, 'src/index.ts')],
        'sagemaker-featurestore-mock/jest': [join(root, 'src/jest/setup.ts')],
        'sagemaker-featurestore-mock/matchers': [join(root, 'src/jest/index.ts')],
        'sagemaker-featurestore-mock/server': [join(root, 'src/server/index.ts')],
      },
    },
    include: [join(dir, '*.ts')],
    files: [],
  };
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify(tsconfig));
});

afterAll(() => {
  if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
});

test('docs/api.md has its examples marked', () => {
  expect(examples.length).toBeGreaterThanOrEqual(20);
  // Signatures are ts blocks too; a block that asserts anything is an example, and must be marked to run.
  const asserting = [...doc.matchAll(/```ts\n([\s\S]*?)```/g)].filter((m) => /\bexpect\(/.test(m[1] as string));
  expect(asserting).toHaveLength(examples.length);
});

test('every example passes under jest, through the real SDK clients', async () => {
  const jest = join(root, 'node_modules/jest/bin/jest.js');
  const result = await run([jest, '--ci', '--config', join(dir, 'jest.config.json')], dir);
  if (result.code !== 0) throw new Error(`docs/api.md examples failed:\n${result.output}`);
  expect(result.output).toMatch(new RegExp(`Test Suites: +${examples.length} passed, ${examples.length} total`));
}, 120_000);

test('every example type-checks against the sources', async () => {
  const tsc = join(root, 'node_modules/typescript/bin/tsc');
  const result = await run([tsc, '-p', join(dir, 'tsconfig.json')], dir);
  if (result.code !== 0) throw new Error(`docs/api.md examples do not type-check:\n${result.output}`);
}, 120_000);

test('the CLI flags of docs/api.md are the ones `serve` parses', () => {
  const cli = readFileSync(join(root, 'src/server/cli.ts'), 'utf8');
  const parsed = [...cli.matchAll(/^ {8}'?([a-z-]+)'?: \{ type:/gm)].map((m) => `--${m[1]}`).sort();
  const section = doc.slice(doc.indexOf('## The `sagemaker-featurestore-mock` CLI'));
  const documented = [...new Set([...section.matchAll(/^\| `(--[a-z-]+)/gm)].map((m) => m[1]))].sort();
  expect(parsed.length).toBeGreaterThan(0);
  expect(documented).toEqual(parsed);
});
