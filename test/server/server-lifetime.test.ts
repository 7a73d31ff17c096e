/**
 * The server never outlives the process that launched it, and `--pid-file` gives scripts a
 * pid that signals reach. Signals sent to `npx` do not reach the server (npm runs the bin
 * through `sh -c`), so these tests start it through real launchers, kill the launcher, and
 * check that the server is gone: its port refuses connections and its pid file is removed.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { CLI, control, requireBuiltCli, spawnServer } from './helpers.js';

const ROOT = resolve(__dirname, '../..');

interface Launched {
  readonly launcher: ChildProcess;
  readonly url: string;
  output(): string;
  /** Resolves when every process holding the launcher's stdout (the server too) has exited. */
  readonly outputClosed: Promise<void>;
}

/** Starts `command`, whose descendants include the server, and waits for the listening line. */
const launch = (
  command: string,
  args: readonly string[],
  cwd: string,
  env: NodeJS.ProcessEnv = {},
): Promise<Launched> => {
  const launcher = spawn(command, args, {
    cwd,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...env },
  });
  let output = '';
  const outputClosed = new Promise<void>((done) => launcher.stdout!.on('close', () => done()));
  return new Promise((done, fail) => {
    const onData = (chunk: Buffer): void => {
      output += chunk.toString('utf8');
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (match !== null) done({ launcher, url: match[1] as string, output: () => output, outputClosed });
    };
    launcher.stdout!.on('data', onData);
    launcher.stderr!.on('data', onData);
    launcher.on('exit', (code, signal) => fail(new Error(`the launcher exited (${code ?? signal}):\n${output}`)));
  });
};

/** Whether a TCP connection to the URL's port is refused. */
const refused = (url: string): Promise<boolean> =>
  new Promise((done) => {
    const socket = connect(Number(new URL(url).port), '127.0.0.1');
    socket.on('connect', () => {
      socket.destroy();
      done(false);
    });
    socket.on('error', (error: NodeJS.ErrnoException) => done(error.code === 'ECONNREFUSED'));
  });

/** Resolves once `closed` settles, or rejects after `ms` with what the processes printed. */
const within = async (closed: Promise<void>, ms: number, output: () => string): Promise<void> => {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, fail) => {
    timer = setTimeout(() => fail(new Error(`the server still runs after ${ms} ms:\n${output()}`)), ms);
  });
  try {
    await Promise.race([closed, late]);
  } finally {
    clearTimeout(timer);
  }
};

/** Reads the pid file; the server's pid, as the server itself reports it. */
const pidIn = (file: string): number => Number(readFileSync(file, 'utf8').trim());

const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('the server follows its launcher out', () => {
  let dir: string;
  const leftovers: number[] = [];
  beforeAll(() => requireBuiltCli());
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'fsmock-lifetime-'));
  });
  afterEach(() => {
    // A failed test must not leave a server behind.
    for (const pid of leftovers.splice(0)) if (isAlive(pid)) process.kill(pid, 'SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });

  test('--pid-file holds the server pid once it listens, and SIGTERM removes it', async () => {
    const pidFile = join(dir, 'run', 'server.pid');
    const server = await spawnServer(['--pid-file', pidFile]);
    expect(readFileSync(pidFile, 'utf8')).toBe(`${server.child.pid}\n`);
    server.child.kill('SIGTERM');
    expect(await server.exited).toEqual({ code: 0, signal: null });
    expect(existsSync(pidFile)).toBe(false);
  });

  test('a parent killed with SIGKILL takes the server with it: the port is freed, the pid file removed', async () => {
    const pidFile = join(dir, 'server.pid');
    // A parent that only starts the server and waits, as a script's subshell would.
    const parent = `
      const { spawn } = require('node:child_process');
      spawn(process.execPath, [${JSON.stringify(CLI)}, 'serve', '--port', '0', '--pid-file', ${JSON.stringify(pidFile)}], { stdio: 'inherit' });
      setInterval(() => {}, 60_000);`;
    const started = await launch(process.execPath, ['-e', parent], dir);
    const serverPid = pidIn(pidFile);
    leftovers.push(serverPid);
    expect(serverPid).not.toBe(started.launcher.pid);
    expect((await control(started.url, 'GET', '/health')).json()).toEqual({ status: 'ok' });

    started.launcher.kill('SIGKILL');
    await within(started.outputClosed, 10_000, started.output);
    expect(started.output()).toContain(`parent process ${started.launcher.pid} exited, shutting down`);
    expect(await refused(started.url)).toBe(true);
    expect(existsSync(pidFile)).toBe(false);
  }, 20_000);

  describe('through npx, as docs/server-mode.md shows it', () => {
    /** A project with the package installed as npm would: node_modules/<name> and its bin in node_modules/.bin. */
    const project = (): string => {
      const modules = join(dir, 'node_modules');
      mkdirSync(join(modules, '.bin'), { recursive: true });
      writeFileSync(join(dir, 'package.json'), '{ "name": "consumer", "private": true }\n');
      symlinkSync(ROOT, join(modules, 'sagemaker-featurestore-mock'), 'dir');
      // npm links the bin to cli.js and marks it executable; the build output is not, so a shim stands in.
      writeFileSync(
        join(modules, '.bin', 'sagemaker-featurestore-mock'),
        `#!/bin/sh\nexec ${JSON.stringify(process.execPath)} ${JSON.stringify(CLI)} "$@"\n`,
        { mode: 0o755 },
      );
      return dir;
    };
    // Nothing is fetched: the bin is local; no update check either.
    const npmEnv = { npm_config_offline: 'true', npm_config_update_notifier: 'false', npm_config_fund: 'false' };

    test.each(['SIGTERM', 'SIGKILL'] as const)(
      '`npx sagemaker-featurestore-mock serve`, npx killed with %s: the server exits too',
      async (signal) => {
        const pidFile = join(dir, 'server.pid');
        const started = await launch(
          'npx',
          ['sagemaker-featurestore-mock', 'serve', '--port', '0', '--pid-file', pidFile],
          project(),
          npmEnv,
        );
        const serverPid = pidIn(pidFile);
        leftovers.push(serverPid);
        // The launcher is not the server: this is why `kill $!` alone never reached it.
        expect(serverPid).not.toBe(started.launcher.pid);

        started.launcher.kill(signal);
        await within(started.outputClosed, 10_000, started.output);
        expect(started.output()).toMatch(/parent process \d+ exited, shutting down/);
        expect(await refused(started.url)).toBe(true);
        expect(existsSync(pidFile)).toBe(false);
      },
      30_000,
    );

    test('the "Stop it" script of docs/server-mode.md works as written', async () => {
      const page = readFileSync(join(ROOT, 'docs/server-mode.md'), 'utf8');
      const section = page.slice(page.indexOf('### Stop it'));
      const script = /```sh\n([\s\S]*?)```/.exec(section)?.[1]?.replace(/^ {2}/gm, '');
      expect(script).toContain('kill "$(cat .featurestore.pid)"');
      // The tests the page leaves to the reader: one control call against $URL.
      const health = `${JSON.stringify(process.execPath)} -e "fetch(process.argv[1] + '/_mock/health').then((r) => r.text()).then(console.log)" "$URL"`;
      const run = spawn('sh', ['-c', (script as string).replace(/^# \.\.\. run the tests.*$/m, health)], {
        cwd: project(),
        stdio: ['ignore', 'pipe', 'pipe'],
        env: { ...process.env, ...npmEnv },
      });
      let output = '';
      run.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
      run.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
      expect(await new Promise((done) => run.on('exit', done))).toBe(0);
      expect(output).toContain('{"status":"ok"}');
      // The server shuts down on the SIGTERM it got, not because the script ended.
      const log = join(dir, 'server.log');
      const deadline = Date.now() + 10_000;
      while (existsSync(join(dir, '.featurestore.pid')) && Date.now() < deadline) {
        await new Promise((done) => setTimeout(done, 100));
      }
      expect(existsSync(join(dir, '.featurestore.pid'))).toBe(false);
      expect(readFileSync(log, 'utf8')).toContain('SIGTERM, shutting down');
      const url = /listening on (\S+)/.exec(readFileSync(log, 'utf8'))?.[1] as string;
      expect(await refused(url)).toBe(true);
    }, 30_000);

    test('--keep-running outlives npx, and `kill "$(cat server.pid)"` stops it', async () => {
      const pidFile = join(dir, 'server.pid');
      const started = await launch(
        'npx',
        ['sagemaker-featurestore-mock', 'serve', '--port', '0', '--pid-file', pidFile, '--keep-running'],
        project(),
        npmEnv,
      );
      const serverPid = pidIn(pidFile);
      leftovers.push(serverPid);
      started.launcher.kill('SIGKILL');
      // Three polls of the parent watch go by; the server still answers.
      await new Promise((done) => setTimeout(done, 3_000));
      expect((await control(started.url, 'GET', '/health')).json()).toEqual({ status: 'ok' });

      process.kill(serverPid, 'SIGTERM');
      await within(started.outputClosed, 10_000, started.output);
      expect(started.output()).toContain('SIGTERM, shutting down');
      expect(await refused(started.url)).toBe(true);
      expect(existsSync(pidFile)).toBe(false);
    }, 30_000);
  });
});
