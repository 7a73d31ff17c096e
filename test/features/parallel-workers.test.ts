import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/**
 * State is per process, so two jest workers never see each other's records. This runs a
 * two-file project with --maxWorkers=2; the files meet at a barrier, so both hold their
 * state at the same time, and each checks it sees only its own write of the same record.
 */
const root = resolve(__dirname, '../..');

test('two jest workers writing the same record id each see only their own', () => {
  const barrier = mkdtempSync(join(tmpdir(), 'fsmock-workers-'));
  try {
    const run = spawnSync(
      process.execPath,
      [
        join(root, 'node_modules/jest/bin/jest.js'),
        '--config',
        join(__dirname, 'parallel-workers/jest.config.cjs'),
        '--maxWorkers=2',
        '--ci',
        // A fresh cache has no timings, so jest does not decide to run the files in band.
        '--cacheDirectory',
        join(barrier, 'cache'),
      ],
      {
        cwd: root,
        encoding: 'utf8',
        env: { ...process.env, FSMOCK_BARRIER_DIR: barrier, NODE_OPTIONS: '', JEST_WORKER_ID: undefined },
      },
    );
    if (run.status !== 0) throw new Error(`jest exited with ${run.status}\n${run.stdout}\n${run.stderr}`);
    expect(run.stderr).toMatch(/Tests: +2 passed, 2 total/);
    const a = JSON.parse(readFileSync(join(barrier, 'a.json'), 'utf8')) as { pid: number; worker: string };
    const b = JSON.parse(readFileSync(join(barrier, 'b.json'), 'utf8')) as { pid: number; worker: string };
    expect(a.pid).not.toBe(b.pid);
    expect(a.worker).not.toBe(b.worker);
  } finally {
    rmSync(barrier, { recursive: true, force: true });
  }
}, 90_000);
