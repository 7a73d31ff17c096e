#!/usr/bin/env node
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { CreateFeatureGroupInput } from '../core/index.js';
import { exitWithParent } from './exit-with-parent.js';
import { writePidFile } from './pid-file.js';
import { DEFAULT_MAX_BODY_BYTES, startServer, type RunningServer } from './start-server.js';

export const DEFAULT_PORT = 4610;

const USAGE = `Usage: sagemaker-featurestore-mock serve [options]

Serves the SageMaker Feature Store emulator over HTTP: the Feature Store runtime and the
SageMaker feature-group operations on one endpoint, plus a control endpoint under /_mock.

Options:
  --port N                 port to listen on (default ${DEFAULT_PORT}; 0 picks a free one)
  --host ADDRESS           interface to bind (default 127.0.0.1)
  --feature-groups FILE    JSON file: a CreateFeatureGroup request, or an array of them, to declare on start
  --data-dir DIR           keep state in DIR (a journal replayed on start); default: in memory
  --region REGION          region of unsigned requests and of /_mock inspection
                           (default AWS_REGION, else AWS_DEFAULT_REGION, else us-east-1)
  --account-id ID          account id in ARNs (default 123456789012)
  --max-body-bytes N       largest request body accepted (default ${DEFAULT_MAX_BODY_BYTES})
  --pid-file FILE          write the server's process id to FILE once listening; removed on exit
  --keep-running           keep serving after the process that started it exits (default: exit too)
  -h, --help               show this help

Point a client at it with its endpoint URL, e.g.
  aws --endpoint-url http://127.0.0.1:${DEFAULT_PORT} sagemaker-featurestore-runtime get-record ...
See docs/server-mode.md.`;

const fail = (message: string): never => {
  console.error(`sagemaker-featurestore-mock: ${message}\n\n${USAGE}`);
  process.exit(2);
};

const integer = (text: string | undefined, name: string, fallback: number): number => {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 0) fail(`${name} takes a whole number, got '${text}'.`);
  return value;
};

const readFeatureGroups = (path: string | undefined): CreateFeatureGroupInput[] | undefined => {
  if (path === undefined) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    fail(`cannot read --feature-groups ${path}: ${(error as Error).message}`);
  }
  const object = parsed as { FeatureGroups?: unknown; FeatureGroupName?: unknown } | null;
  // One request on its own is the shape `aws sagemaker create-feature-group --cli-input-json` takes.
  const list = Array.isArray(parsed)
    ? parsed
    : object?.FeatureGroupName !== undefined
      ? [object]
      : object?.FeatureGroups;
  if (!Array.isArray(list)) {
    fail(`--feature-groups ${path} must hold a CreateFeatureGroup request or a JSON array of them.`);
  }
  return list as CreateFeatureGroupInput[];
};

const serve = async (args: string[]): Promise<void> => {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args,
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        'feature-groups': { type: 'string' },
        'data-dir': { type: 'string' },
        region: { type: 'string' },
        'account-id': { type: 'string' },
        'max-body-bytes': { type: 'string' },
        'pid-file': { type: 'string' },
        'keep-running': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    fail((error as Error).message);
    return;
  }
  if (values.help === true) {
    console.log(USAGE);
    return;
  }
  const str = (key: string): string | undefined => values[key] as string | undefined;
  let server: RunningServer;
  try {
    server = await startServer({
      port: integer(str('port'), '--port', DEFAULT_PORT),
      host: str('host') ?? '127.0.0.1',
      featureGroups: readFeatureGroups(str('feature-groups')),
      dataDir: str('data-dir'),
      // Like the AWS CLI and boto3: the region the environment names, when --region is not given.
      defaultRegion: str('region') ?? (process.env.AWS_REGION || process.env.AWS_DEFAULT_REGION || undefined),
      accountId: str('account-id'),
      maxBodyBytes: integer(str('max-body-bytes'), '--max-body-bytes', DEFAULT_MAX_BODY_BYTES),
    });
  } catch (error) {
    console.error(`sagemaker-featurestore-mock: cannot start: ${(error as Error).message}`);
    process.exit(1);
  }
  const { featureStore } = server;
  if (str('data-dir') !== undefined) {
    console.log(
      `sagemaker-featurestore-mock: replayed ${featureStore.replayed} journal entries from ${str('data-dir') as string}`,
    );
    for (const failure of featureStore.replayFailures) console.warn(`sagemaker-featurestore-mock: replay: ${failure}`);
  }
  let stopping = false;
  const stop = (reason: string): void => {
    if (stopping) {
      console.error(`sagemaker-featurestore-mock: ${reason} again, exiting now`);
      process.exit(1);
    }
    stopping = true;
    console.log(`sagemaker-featurestore-mock: ${reason}, shutting down`);
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error('sagemaker-featurestore-mock: shutdown failed:', error);
        process.exit(1);
      },
    );
  };
  // Before the pid file and the listening line: a script may signal as soon as it sees either.
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  // Signals sent to npx never reach us (see exit-with-parent.ts): follow the launcher out instead.
  if (values['keep-running'] !== true) exitWithParent((pid) => stop(`parent process ${pid} exited`));
  // Written before the line below, so a script that waited for the line finds the file.
  const pidFile = str('pid-file');
  if (pidFile !== undefined) writePidFile(pidFile);
  // Tests and scripts wait for this line; keep its shape.
  console.log(`sagemaker-featurestore-mock listening on ${server.url}`);
};

const main = async (argv: string[]): Promise<void> => {
  const [command, ...rest] = argv;
  if (command === 'serve') return serve(rest);
  if (command === undefined || command === '-h' || command === '--help' || command === 'help') {
    console.log(USAGE);
    return;
  }
  fail(`unknown command '${command}'.`);
};

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error('sagemaker-featurestore-mock:', error);
  process.exit(1);
});
