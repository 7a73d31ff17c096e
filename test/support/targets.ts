import { SageMakerFeatureStoreRuntimeClient } from '@aws-sdk/client-sagemaker-featurestore-runtime';
import { SageMakerClient } from '@aws-sdk/client-sagemaker';
import {
  getActiveFeatureStoreMock,
  mockFeatureStore,
  type FeatureStoreMock,
  type MockFeatureStoreOptions,
} from '../../src/index.js';
import { startServer } from '../../src/server/index.js';
import { awsTarget, closeWorld, REMOTE } from './aws-target.js';

/**
 * Conformance tests are written once and run against every way the emulator can be
 * reached. Each target gives a fresh, empty store, a runtime client and a SageMaker
 * client wired to it, and the handle to declare groups and inspect state.
 */
export interface TargetSession {
  /** Declares groups, inspects online/offline state, controls the clock. */
  readonly featureStore: Pick<
    FeatureStoreMock,
    'createFeatureGroup' | 'offlineRecords' | 'onlineRecord' | 'clock' | 'featureGroupNames'
  >;
  readonly runtime: SageMakerFeatureStoreRuntimeClient;
  readonly sagemaker: SageMakerClient;
  close(): Promise<void>;
}

/** Per-suite settings every target honours: the behaviour switches of docs/behaviour.md. */
export interface TargetOptions {
  readonly behaviour?: MockFeatureStoreOptions['behaviour'];
  /**
   * The checks also run against AWS (`npm run test:aws`, docs/conformance.md) and, in every run,
   * against server mode reached the way AWS is (the `aws-dry-run` target). Checks that need the
   * emulator's clock, faults, inspection or immediate offline rows are tagged with `localOnly`.
   */
  readonly remote?: boolean;
}

export interface ConformanceTarget {
  readonly name: string;
  open(options?: TargetOptions): Promise<TargetSession>;
}

/** In-process wire mode: the SDK middleware plugin (the default installation). */
export const inProcessTarget: ConformanceTarget = {
  name: 'in-process',
  open(options = {}) {
    const featureStore = mockFeatureStore({ behaviour: options.behaviour });
    return Promise.resolve({
      featureStore,
      runtime: new SageMakerFeatureStoreRuntimeClient({ region: 'us-east-1', maxAttempts: 1 }),
      sagemaker: new SageMakerClient({ region: 'us-east-1', maxAttempts: 1 }),
      close: () => {
        featureStore.restore();
        return Promise.resolve();
      },
    });
  },
};

/**
 * In-process direct mode: the same installation with `mode: 'direct'`, answering at
 * `send` without the SDK's middleware stack (docs/performance.md).
 */
export const directTarget: ConformanceTarget = {
  name: 'direct',
  open(options = {}) {
    const featureStore = mockFeatureStore({ behaviour: options.behaviour, mode: 'direct' });
    return Promise.resolve({
      featureStore,
      runtime: new SageMakerFeatureStoreRuntimeClient({ region: 'us-east-1', maxAttempts: 1 }),
      sagemaker: new SageMakerClient({ region: 'us-east-1', maxAttempts: 1 }),
      close: () => {
        featureStore.restore();
        return Promise.resolve();
      },
    });
  },
};

/**
 * Server mode: a server on an ephemeral loopback port, and plain SDK clients pointed at
 * it with `endpoint` (signed with dummy credentials, as against AWS). No in-process
 * interception may be active, or the clients would never reach the server.
 */
export const serverTarget: ConformanceTarget = {
  name: 'server',
  async open(options = {}) {
    if (getActiveFeatureStoreMock() !== undefined) {
      throw new Error('The server target needs real HTTP clients: restore() the in-process mock first.');
    }
    const server = await startServer({ behaviour: options.behaviour });
    const config = {
      region: 'us-east-1',
      endpoint: server.url,
      credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
      maxAttempts: 1,
    };
    const runtime = new SageMakerFeatureStoreRuntimeClient(config);
    const sagemaker = new SageMakerClient(config);
    return {
      featureStore: server.featureStore,
      runtime,
      sagemaker,
      close: () => {
        runtime.destroy();
        sagemaker.destroy();
        return server.close();
      },
    };
  },
};

/** Every target the conformance suite runs against. */
export const targets: readonly ConformanceTarget[] = [inProcessTarget, directTarget, serverTarget];

/** The target whose tests are being declared (describe bodies run synchronously). */
let declaring: ConformanceTarget | undefined;

/** Why a check cannot run against AWS: what of the emulator it needs. */
export type LocalOnlyTag =
  | 'clock'
  | 'faults'
  | 'inspection'
  | 'offline-immediate'
  /** ARNs of the emulator's account 123456789012, or names whose case differs from the unique remote name. */
  | 'account-ids'
  /** Help the emulator adds that AWS does not give (a not-found message naming the other region). */
  | 'emulator-extension';

/**
 * `test` for a check that needs the emulator: skipped on the remote target, with its tag in the
 * skip's title, `test` everywhere else. `localOnly('clock')('title', async () => {...})`.
 */
export const localOnly = (tag: LocalOnlyTag): jest.It => {
  if (declaring !== awsTarget) return test;
  const skipped = ((title: string, ...rest: unknown[]) =>
    (test.skip as (...args: unknown[]) => void)(`${title} [local-only: ${tag}]`, ...rest)) as unknown as jest.It;
  return Object.assign(skipped, {
    each:
      (...table: unknown[]) =>
      (title: string, ...rest: unknown[]) =>
        (test.skip.each as (...args: unknown[]) => (...inner: unknown[]) => void)(...table)(
          `${title} [local-only: ${tag}]`,
          ...rest,
        ),
  });
};

/**
 * `describe` once per target; `session()` inside a test returns that target's session,
 * opened fresh before each test and closed after it.
 *
 * @example
 * describeEachTarget('PutRecord', (session) => {
 *   test('...', async () => { const { runtime, featureStore } = session(); ... });
 * });
 */
export const describeEachTarget = (
  title: string,
  body: (session: () => TargetSession) => void,
  options: TargetOptions = {},
): void => {
  // FEATURESTORE_MOCK_AWS=1 (npm run test:aws): only the remote checks, only against AWS.
  // FEATURESTORE_MOCK_AWS_DRY_RUN=off leaves the dry run out (the network trap: it is about the emulator's own targets).
  const dryRun = options.remote === true && process.env.FEATURESTORE_MOCK_AWS_DRY_RUN !== 'off';
  const local = [...targets, ...(dryRun ? [awsTarget] : [])];
  const chosen = REMOTE ? (options.remote === true ? [awsTarget] : []) : local;
  if (chosen.length === 0) {
    describe.skip(`${title} [not remote]`, () => test('needs the emulator', () => undefined));
    return;
  }
  describe.each(chosen.map((target) => [target.name, target] as const))(`${title} [%s]`, (_name, target) => {
    let current: TargetSession | undefined;
    // Every group the remote target created is deleted, even after failures.
    if (target === awsTarget) afterAll(closeWorld);
    beforeEach(async () => {
      current = await target.open(options);
    });
    afterEach(async () => {
      await current?.close();
      current = undefined;
    });
    declaring = target;
    try {
      body(() => {
        if (current === undefined) throw new Error('session() is only available inside a test');
        return current;
      });
    } finally {
      declaring = undefined;
    }
  });
};
