import { SageMakerFeatureStoreRuntimeClient } from '@aws-sdk/client-sagemaker-featurestore-runtime';
import { SageMakerClient } from '@aws-sdk/client-sagemaker';
import { mockFeatureStore, type FeatureStoreMock, type MockFeatureStoreOptions } from '../../src/index.js';

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

/** Every target the conformance suite runs against. Server mode and direct mode add theirs here. */
export const targets: readonly ConformanceTarget[] = [inProcessTarget];

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
  describe.each(targets.map((target) => [target.name, target] as const))(`${title} [%s]`, (_name, target) => {
    let current: TargetSession | undefined;
    beforeEach(async () => {
      current = await target.open(options);
    });
    afterEach(async () => {
      await current?.close();
      current = undefined;
    });
    body(() => {
      if (current === undefined) throw new Error('session() is only available inside a test');
      return current;
    });
  });
};
