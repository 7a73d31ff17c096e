import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/**
 * The vitest preset and vi.useFakeTimers() are tested by vitest itself: this runs the
 * suite in test/vitest (from the sources) in a child process and reads its JSON report.
 */
const root = resolve(__dirname, '../..');

test('the vitest suite passes under vitest', () => {
  const dir = mkdtempSync(join(tmpdir(), 'fsmock-vitest-'));
  try {
    const report = join(dir, 'report.json');
    const run = spawnSync(
      process.execPath,
      [
        join(root, 'node_modules/vitest/vitest.mjs'),
        'run',
        '--config',
        'test/vitest/vitest.config.mts',
        '--reporter=json',
        `--outputFile=${report}`,
      ],
      { cwd: root, encoding: 'utf8', env: { ...process.env, CI: 'true', NODE_OPTIONS: '' } },
    );
    if (run.status !== 0) throw new Error(`vitest exited with ${run.status}\n${run.stdout}\n${run.stderr}`);
    const result = JSON.parse(readFileSync(report, 'utf8')) as {
      numTotalTests: number;
      numPassedTests: number;
      testResults: { name: string; status: string }[];
    };
    expect(result.testResults.map((file) => [file.name.slice(root.length), file.status]).sort()).toEqual([
      ['/test/vitest/preset.vitest.ts', 'passed'],
      ['/test/vitest/time.vitest.ts', 'passed'],
    ]);
    expect(result.numPassedTests).toBe(result.numTotalTests);
    expect(result.numTotalTests).toBeGreaterThanOrEqual(8);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}, 120_000);
