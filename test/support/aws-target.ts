import { randomBytes } from 'node:crypto';
import {
  CreateFeatureGroupCommand,
  DeleteFeatureGroupCommand,
  DescribeFeatureGroupCommand,
  SageMakerClient,
} from '@aws-sdk/client-sagemaker';
import { SageMakerFeatureStoreRuntimeClient } from '@aws-sdk/client-sagemaker-featurestore-runtime';
import type { CreateFeatureGroupInput } from '../../src/index.js';
import { startServer, type RunningServer } from '../../src/server/index.js';
import type { ConformanceTarget, TargetSession } from './targets.js';

/**
 * The conformance suite against a real account (`npm run test:aws`, FEATURESTORE_MOCK_AWS=1), or,
 * in every `npm test`, the same code against server mode on loopback (the dry run). Both use the
 * SDK's real credential chain: the account's credentials, or dummy environment credentials that
 * SigV4 signs with. See docs/conformance.md.
 *
 * A real group takes a minute to reach `Created`, so groups are created once per run and shared:
 * the suite's names (`customers`) map to unique names (`<prefix>-<run>-customers-<definition hash>`),
 * and each session writes its record identifiers under its own prefix, rewritten on the way in and
 * back on the way out (outputs and error messages), so every test still sees a store of its own.
 */
export const REMOTE = process.env.FEATURESTORE_MOCK_AWS === '1';

const PREFIX = process.env.FEATURESTORE_MOCK_AWS_PREFIX ?? 'fsmock-conformance';
const RUN = randomBytes(3).toString('hex');
const POLL_MS = REMOTE ? 5_000 : 10;
const CREATE_TIMEOUT_MS = 10 * 60_000;

const required = (name: string): string => {
  const value = process.env[name];
  if (value === undefined || value === '') throw new Error(`npm run test:aws needs ${name} (docs/conformance.md).`);
  return value;
};

/** What a remote run creates groups in, shared by every session of the test file. */
interface World {
  region: string;
  endpoint: string | undefined;
  server: RunningServer | undefined;
  /** Definition key → the unique name of the group created for it. */
  readonly created: Map<string, string>;
  /** Unique name → the request it was created with (for the record identifier's feature name). */
  readonly definitions: Map<string, CreateFeatureGroupInput>;
  /** Group creations not yet `Created`: every call waits for them. */
  readonly pending: Set<Promise<void>>;
  readonly failures: unknown[];
  admin: SageMakerClient | undefined;
  /** Environment variables the dry run set, with what they were. */
  readonly savedEnv: Map<string, string | undefined>;
}

const world: World = {
  region: 'us-east-1',
  endpoint: undefined,
  server: undefined,
  created: new Map(),
  definitions: new Map(),
  pending: new Set(),
  failures: [],
  admin: undefined,
  savedEnv: new Map(),
};

const setEnv = (name: string, value: string): void => {
  if (!world.savedEnv.has(name)) world.savedEnv.set(name, process.env[name]);
  process.env[name] = value;
};

/** Starts the dry run's server (or checks the account's settings) once per test file. */
const openWorld = async (): Promise<void> => {
  if (world.admin !== undefined) return;
  if (REMOTE) {
    world.region = process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION ?? required('AWS_REGION');
    required('FEATURESTORE_MOCK_AWS_S3_URI');
    required('FEATURESTORE_MOCK_AWS_ROLE_ARN');
  } else {
    world.server = await startServer({});
    world.endpoint = world.server.url;
    // The real credential chain, fed dummy environment credentials: SigV4 signs every request.
    setEnv('AWS_ACCESS_KEY_ID', 'dummy');
    setEnv('AWS_SECRET_ACCESS_KEY', 'dummy');
    setEnv('AWS_SESSION_TOKEN', 'dummy');
  }
  world.admin = new SageMakerClient(clientConfig());
};

const clientConfig = () => ({
  region: world.region,
  ...(world.endpoint === undefined ? {} : { endpoint: world.endpoint }),
  maxAttempts: REMOTE ? 5 : 1,
});

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

const waitForCreated = async (name: string): Promise<void> => {
  const deadline = Date.now() + CREATE_TIMEOUT_MS;
  for (;;) {
    const { FeatureGroupStatus, FailureReason } = await (world.admin as SageMakerClient).send(
      new DescribeFeatureGroupCommand({ FeatureGroupName: name }),
    );
    if (FeatureGroupStatus === 'Created') return;
    if (FeatureGroupStatus === 'CreateFailed') throw new Error(`${name}: CreateFailed: ${String(FailureReason)}`);
    if (Date.now() > deadline) throw new Error(`${name} is still ${String(FeatureGroupStatus)} after 10 minutes`);
    await sleep(POLL_MS);
  }
};

/** Same definition, same group: the hash is part of the unique name. */
const definitionKey = (request: CreateFeatureGroupInput): string => JSON.stringify(request);
const hash = (text: string): string => {
  let h = 0;
  for (const char of text) h = (Math.imul(h, 31) + char.charCodeAt(0)) >>> 0;
  return h.toString(36).slice(0, 6);
};

/** The group as the account can hold it: its offline store in the given bucket, with the given role. */
const forAccount = (request: CreateFeatureGroupInput, name: string): CreateFeatureGroupInput => {
  if (!REMOTE) return { ...request, FeatureGroupName: name };
  const offline = request.OfflineStoreConfig;
  return {
    ...request,
    FeatureGroupName: name,
    RoleArn: required('FEATURESTORE_MOCK_AWS_ROLE_ARN'),
    ...(offline === undefined
      ? {}
      : { OfflineStoreConfig: { ...offline, S3StorageConfig: { S3Uri: required('FEATURESTORE_MOCK_AWS_S3_URI') } } }),
  };
};

/** Deletes every group this file created, even after failures; a failed delete is reported, not hidden. */
export const closeWorld = async (): Promise<void> => {
  try {
    await Promise.allSettled([...world.pending]);
    const admin = world.admin;
    const errors: string[] = [];
    for (const name of world.created.values()) {
      try {
        await admin?.send(new DeleteFeatureGroupCommand({ FeatureGroupName: name }));
      } catch (error) {
        if ((error as Error).name !== 'ResourceNotFound') errors.push(`${name}: ${(error as Error).message}`);
      }
    }
    if (errors.length > 0) throw new Error(`could not delete every group; delete them by hand:\n${errors.join('\n')}`);
    // The dry run can see what is left: nothing this run created.
    const left = world.server?.featureStore.featureGroupNames().filter((name) => name.startsWith(`${PREFIX}-${RUN}-`));
    if (left !== undefined && left.length > 0) throw new Error(`groups left behind: ${left.join(', ')}`);
  } finally {
    world.created.clear();
    world.definitions.clear();
    world.admin?.destroy();
    world.admin = undefined;
    await world.server?.close();
    world.server = undefined;
    for (const [name, value] of world.savedEnv) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    world.savedEnv.clear();
  }
};

/** Applies `change` to every string of a JSON-like value, keeping the SDK's `$metadata` as it is. */
const mapStrings = (value: unknown, change: (text: string) => string): unknown => {
  if (typeof value === 'string') return change(value);
  if (Array.isArray(value)) return value.map((item) => mapStrings(item, change));
  if (value !== null && typeof value === 'object' && !(value instanceof Date) && !(value instanceof Uint8Array)) {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, key === '$metadata' ? item : mapStrings(item, change)]),
    );
  }
  return value;
};

interface Names {
  readonly session: number;
  /** The suite's name → the unique name, for the groups this session declared. */
  readonly toRemote: Map<string, string>;
  readonly recordPrefix: string;
}

/** A declared group's unique name; any other name gets this session's prefix (so it is unknown, or its own). */
const remoteName = (names: Names, name: unknown): unknown =>
  typeof name === 'string' ? (names.toRemote.get(name) ?? `${PREFIX}-${RUN}-${names.session}-${name}`) : name;

const idFeature = (names: Names, groupName: unknown): string | undefined =>
  world.definitions.get(String(remoteName(names, groupName)))?.RecordIdentifierFeatureName;

const prefixed = (names: Names, id: unknown): unknown => (typeof id === 'string' ? names.recordPrefix + id : id);

/** The suite's input → the account's: unique group names, this session's record identifiers. */
const toRemoteInput = (names: Names, input: Record<string, unknown>): Record<string, unknown> => {
  const out: Record<string, unknown> = { ...input };
  if ('FeatureGroupName' in out) {
    const idName = idFeature(names, out.FeatureGroupName);
    if (Array.isArray(out.Record)) {
      out.Record = (out.Record as { FeatureName?: string; ValueAsString?: string }[]).map((value) =>
        value.FeatureName === idName ? { ...value, ValueAsString: prefixed(names, value.ValueAsString) } : value,
      );
    }
    out.FeatureGroupName = remoteName(names, out.FeatureGroupName);
  }
  if ('RecordIdentifierValueAsString' in out) {
    out.RecordIdentifierValueAsString = prefixed(names, out.RecordIdentifierValueAsString);
  }
  if (Array.isArray(out.Identifiers)) {
    out.Identifiers = (out.Identifiers as Record<string, unknown>[]).map((identifier) => ({
      ...identifier,
      FeatureGroupName: remoteName(names, identifier.FeatureGroupName),
      RecordIdentifiersValueAsString: Array.isArray(identifier.RecordIdentifiersValueAsString)
        ? (identifier.RecordIdentifiersValueAsString as unknown[]).map((id) => prefixed(names, id))
        : identifier.RecordIdentifiersValueAsString,
    }));
  }
  return out;
};

/** The account's text → the suite's: group names back, this session's record prefix removed. */
const toSuiteText = (names: Names): ((text: string) => string) => {
  const back = [...names.toRemote].map(([suite, remote]) => [remote, suite] as const);
  return (text) => {
    let result = text.split(names.recordPrefix).join('');
    for (const [remote, suite] of back) result = result.split(remote).join(suite);
    return result.split(`${PREFIX}-${RUN}-${names.session}-`).join('');
  };
};

/** A middleware on the session's clients: waits for groups being created, renames in and back out. */
const renamingPlugin = (names: Names) => ({
  applyToStack(stack: { add(middleware: unknown, options: Record<string, unknown>): void }) {
    stack.add(
      (next: (args: { input: unknown }) => Promise<{ output: unknown }>, context: { commandName?: string }) =>
        async (args: { input: unknown }) => {
          while (world.pending.size > 0) await Promise.all([...world.pending]);
          const back = toSuiteText(names);
          try {
            const input = toRemoteInput(names, args.input as Record<string, unknown>);
            // A group a test creates through the SageMaker API is deleted at the end too.
            if (context.commandName === 'CreateFeatureGroupCommand' && typeof input.FeatureGroupName === 'string') {
              world.created.set(`test:${input.FeatureGroupName}`, input.FeatureGroupName);
            }
            const result = await next({ ...args, input });
            return { ...result, output: mapStrings(result.output, back) };
          } catch (error) {
            if (error instanceof Error) error.message = back(error.message);
            throw error;
          }
        },
      { step: 'initialize', name: 'conformanceRenaming', priority: 'high' },
    );
  },
});

let sessions = 0;

const needsEmulator = (what: string) => () => {
  throw new Error(
    `${what} needs the emulator; against AWS this check is skipped by tag (localOnly in test/support/targets.ts).`,
  );
};

/**
 * The remote target: AWS itself with FEATURESTORE_MOCK_AWS=1, else server mode reached the way
 * AWS is (endpoint override, the real credential chain with dummy environment credentials).
 */
export const awsTarget: ConformanceTarget = {
  name: REMOTE ? 'aws' : 'aws-dry-run',
  async open(): Promise<TargetSession> {
    await openWorld();
    sessions += 1;
    const names: Names = { session: sessions, toRemote: new Map(), recordPrefix: `s${RUN}${sessions}-` };
    const runtime = new SageMakerFeatureStoreRuntimeClient(clientConfig());
    const sagemaker = new SageMakerClient(clientConfig());
    runtime.middlewareStack.use(renamingPlugin(names) as never);
    sagemaker.middlewareStack.use(renamingPlugin(names) as never);
    const featureStore = {
      createFeatureGroup(request: CreateFeatureGroupInput) {
        const suiteName = String(request.FeatureGroupName);
        const key = definitionKey(request);
        let name = world.created.get(key);
        if (name === undefined) {
          name = `${PREFIX}-${RUN}-${suiteName}-${hash(key)}`.slice(0, 64);
          const remote = forAccount(request, name);
          world.created.set(key, name);
          world.definitions.set(name, remote);
          const admin = world.admin as SageMakerClient;
          const creating: Promise<void> = admin
            .send(new CreateFeatureGroupCommand(remote as never))
            .then(() => waitForCreated(remote.FeatureGroupName as string))
            .catch((error: unknown) => void world.failures.push(error))
            .finally(() => world.pending.delete(creating));
          world.pending.add(creating);
        }
        names.toRemote.set(suiteName, name);
        return { FeatureGroupArn: '' };
      },
      clock: {
        // The account's clock is the real one; checks that need it frozen or moved are tagged local-only.
        set: () => undefined,
        advance: needsEmulator('clock.advance()'),
        now: () => Date.now(),
      },
      offlineRecords: needsEmulator('offlineRecords()'),
      onlineRecord: needsEmulator('onlineRecord()'),
      featureGroupNames: needsEmulator('featureGroupNames()'),
    } as unknown as TargetSession['featureStore'];
    return {
      featureStore,
      runtime,
      sagemaker,
      close() {
        runtime.destroy();
        sagemaker.destroy();
        if (world.failures.length > 0) {
          const failures = world.failures.splice(0);
          return Promise.reject(new Error(`creating a group failed: ${failures.map(String).join('; ')}`));
        }
        return Promise.resolve();
      },
    };
  },
};
