/**
 * The node:test recipe of docs/runners.md runs as written, with the `customers-group.json`
 * the page shows, and the page's word on relative paths holds: they are read from the
 * working directory, not from the test file's folder. The recipe imports the package by
 * its public name, which resolves to dist/ (built by `npm test`).
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(__dirname, '../..');
const page = readFileSync(join(root, 'docs/runners.md'), 'utf8');
const section = page.slice(page.indexOf('## node:test'), page.indexOf('\n## ', page.indexOf('## node:test') + 1));

const block = (language: string): string => {
  const match = new RegExp(`\`\`\`${language}\\n([\\s\\S]*?)\`\`\``).exec(section);
  if (match === null) throw new Error(`the node:test section of docs/runners.md has no ${language} block`);
  return match[1] as string;
};

const nodeTest = (file: string, cwd: string): Promise<{ code: number; output: string }> =>
  new Promise((done) => {
    execFile(
      process.execPath,
      ['--test', file],
      { cwd, env: { ...process.env, NODE_OPTIONS: '', AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' } },
      (error, stdout, stderr) =>
        done({ code: error === null ? 0 : typeof error.code === 'number' ? error.code : 1, output: stdout + stderr }),
    );
  });

let dir: string;
beforeAll(() => {
  if (!existsSync(join(root, 'dist/esm/index.js'))) throw new Error('dist/ is missing: run `npm run build` first.');
  dir = mkdtempSync(join(tmpdir(), 'fsmock-node-test-recipe-'));
  const project = join(dir, 'project');
  mkdirSync(join(project, 'node_modules'), { recursive: true });
  symlinkSync(root, join(project, 'node_modules', 'sagemaker-featurestore-mock'), 'dir');
  symlinkSync(join(root, 'node_modules', '@aws-sdk'), join(project, 'node_modules', '@aws-sdk'), 'dir');
  writeFileSync(join(project, 'customers-group.json'), block('json'));
  writeFileSync(join(project, 'customers.test.mjs'), block('js'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('the page shows the file the recipe loads, and says where relative paths are read from', () => {
  expect(block('js')).toContain("loadFeatureGroups('customers-group.json')");
  expect(JSON.parse(block('json'))).toMatchObject({ FeatureGroupName: 'customers' });
  expect(section).toMatch(/relative path[\s\S]*working directory/);
});

test('run from the folder holding customers-group.json, the recipe passes as written', async () => {
  const result = await nodeTest('customers.test.mjs', join(dir, 'project'));
  expect(result.output).toMatch(/# fail 0\n/);
  expect(result.code).toBe(0);
});

test('run from another folder, the relative path is not found: it is read from the working directory', async () => {
  const result = await nodeTest(join('project', 'customers.test.mjs'), dir);
  expect(result.code).not.toBe(0);
  expect(result.output).toContain("loadFeatureGroups: can't read customers-group.json");
});
