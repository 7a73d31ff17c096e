import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { join } from 'node:path';

export interface RawResponse {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly text: string;
  json(): unknown;
}

export interface RawRequest {
  readonly method?: string;
  readonly path: string;
  readonly headers?: Record<string, string>;
  readonly body?: string | Buffer;
}

/** One HTTP exchange on a fresh connection, with exactly the headers given (plus Host and Content-Length). */
export const rawRequest = (
  url: string,
  { method = 'GET', path, headers = {}, body }: RawRequest,
): Promise<RawResponse> =>
  new Promise((resolve, reject) => {
    const request = httpRequest(`${url}${path}`, { method, headers, agent: false }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        resolve({ status: response.statusCode ?? 0, headers: response.headers, text, json: () => JSON.parse(text) });
      });
      response.on('error', reject);
    });
    request.on('error', reject);
    request.end(body);
  });

/** A JSON call to the control endpoint. */
export const control = async (url: string, method: string, path: string, body?: unknown): Promise<RawResponse> =>
  rawRequest(url, {
    method,
    path: `/_mock${path}`,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });

const ROOT = join(__dirname, '..', '..');
/** The built CLI (`npm test` builds before jest runs). */
export const CLI = join(ROOT, 'dist', 'esm', 'server', 'cli.js');

export const requireBuiltCli = (): void => {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run \`npm run build\` first (npm test does).`);
};

export interface ServerProcess {
  readonly url: string;
  readonly child: ChildProcess;
  /** Everything the process printed so far. */
  output(): string;
  /** Resolves with the exit code (or signal) once the process has ended. */
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Runs `sagemaker-featurestore-mock serve ...` as a child process and waits for its "listening on" line. */
export const spawnServer = (args: readonly string[], env: NodeJS.ProcessEnv = process.env): Promise<ServerProcess> => {
  requireBuiltCli();
  const child = spawn(process.execPath, [CLI, 'serve', '--port', '0', ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env,
  });
  let output = '';
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.on('exit', (code, signal) => resolve({ code, signal }));
  });
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer): void => {
      output += chunk.toString('utf8');
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (match !== null) resolve({ url: match[1] as string, child, output: () => output, exited });
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    void exited.then(({ code, signal }) =>
      reject(new Error(`the server exited (${code ?? signal}) before listening:\n${output}`)),
    );
  });
};

/**
 * Tools installed by .ci/run (Debian's awscli and python3-boto3). Missing locally: the
 * tests are skipped with a note. Missing in CI (`CI` set, or .ci/run's
 * `SAGEMAKER_FEATURESTORE_MOCK_REAL_CLIENTS=required`): the tests fail, so CI cannot skip silently.
 */
export const externalTool = (description: string, command: string, args: readonly string[]): boolean => {
  const probe = existsSync(command) ? spawnSync(command, args, { encoding: 'utf8' }) : undefined;
  const available = probe !== undefined && probe.status === 0;
  if (available) return true;
  const why = `${description} is not available (${command} ${args.join(' ')}${probe === undefined ? ': not installed' : `: ${probe.stderr.trim()}`})`;
  if (process.env.CI || process.env.SAGEMAKER_FEATURESTORE_MOCK_REAL_CLIENTS === 'required') {
    throw new Error(`${why}; CI must install it (.ci/run installs awscli and python3-boto3).`);
  }
  console.warn(`${why}: skipping. Install with: apt-get install -y --no-install-recommends awscli python3-boto3`);
  return false;
};

/** Environment for child AWS clients: dummy credentials, a region, no config files or real profiles. */
export const dummyAwsEnv = (): NodeJS.ProcessEnv => ({
  PATH: process.env.PATH,
  HOME: process.env.HOME,
  LANG: 'C.UTF-8',
  AWS_ACCESS_KEY_ID: 'test',
  AWS_SECRET_ACCESS_KEY: 'test',
  AWS_DEFAULT_REGION: 'us-east-1',
  AWS_REGION: 'us-east-1',
  AWS_CONFIG_FILE: '/dev/null',
  AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
  AWS_EC2_METADATA_DISABLED: 'true',
  AWS_PAGER: '',
});
