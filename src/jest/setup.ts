/**
 * The jest preset: `setupFilesAfterEnv: ['sagemaker-featurestore-mock/jest']`.
 * Installs the emulator for the test file, registers the matchers, resets the store
 * before each test and uninstalls after the last one.
 */
import { getActiveFeatureStoreMock, mockFeatureStore, type FeatureStoreMock } from '../sdk/mock-feature-store.js';
import { registerFeatureStoreMatchers } from './index.js';

export * from './index.js';

interface JestGlobals {
  expect: { extend(matchers: Record<string, unknown>): void; getState(): { currentTestName?: string } };
  beforeEach(fn: () => void): void;
  afterAll(fn: () => void): void;
}

const jestGlobals = globalThis as unknown as JestGlobals;

/** A test (or its beforeEach/afterEach) is running: jest names the current test only then. */
const isInsideTest = (): boolean => jestGlobals.expect.getState().currentTestName !== undefined;

/** The emulator of this test file. Groups created at module scope or in beforeAll survive the per-test reset. */
export const featureStore: FeatureStoreMock = getActiveFeatureStoreMock() ?? mockFeatureStore({ isInsideTest });

registerFeatureStoreMatchers(jestGlobals.expect);
jestGlobals.beforeEach(() => {
  featureStore.reset();
});
jestGlobals.afterAll(() => {
  featureStore.restore();
});
