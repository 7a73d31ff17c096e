import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { startServer, type RunningServer } from '../../src/server/index.js';
import { dummyAwsEnv, externalTool } from './helpers.js';

/** Debian's python3-boto3 (installed by .ci/run); `python3` on PATH may be another Python. */
const PYTHON = '/usr/bin/python3';
// Shipped in the package under docs/ (docs/server-mode.md links it as a complete example).
const SCRIPT = join(__dirname, '../../docs/examples/boto3_conformance.py');
const available = externalTool("Debian's python3-boto3", PYTHON, ['-c', 'import boto3']);
const testIfBoto3 = available ? test : test.skip;

describe('boto3 against the server', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(() => server.close());

  testIfBoto3(
    'boto3_conformance.py: PutRecord, GetRecord, BatchGetRecord, DeleteRecord, Create/DescribeFeatureGroup',
    async () => {
      // Asynchronous, so this process keeps answering the script's requests.
      const run = await new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
        execFile(PYTHON, [SCRIPT, server.url], { env: dummyAwsEnv(), encoding: 'utf8' }, (error, stdout, stderr) => {
          resolve({ code: error === null ? 0 : typeof error.code === 'number' ? error.code : -1, stdout, stderr });
        });
      });
      const failed = run.stdout.split('\n').filter((line) => line.startsWith('FAIL'));
      expect({ code: run.code, failed, stderr: run.stderr }).toEqual({ code: 0, failed: [], stderr: '' });
      expect(run.stdout).toMatch(/^13 checks, 0 failed$/m);
    },
    60_000,
  );
});
