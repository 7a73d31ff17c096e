import { SageMakerFeatureStoreRuntimeClient } from '@aws-sdk/client-sagemaker-featurestore-runtime';
import { SageMakerClient } from '@aws-sdk/client-sagemaker';
import { mockFeatureStore, type FeatureStoreMock } from '../../src/index.js';

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

export interface ConformanceTarget {
  readonly name: string;
  open(): Promise<TargetSession>;
}

/** In-process wire mode: the SDK middleware plugin (the default installation). */
export const inProcessTarget: ConformanceTarget = {
  name: 'in-process',
  open() {
    const featureStore = mockFeatureStore();
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
export const describeEachTarget = (title: string, body: (session: () => TargetSession) => void): void => {
  describe.each(targets.map((target) => [target.name, target] as const))(`${title} [%s]`, (_name, target) => {
    let current: TargetSession | undefined;
    beforeEach(async () => {
      current = await target.open();
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
