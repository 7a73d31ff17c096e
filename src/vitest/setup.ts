/**
 * The vitest preset: `test: { setupFiles: ['sagemaker-featurestore-mock/vitest'] }`.
 * Installs the emulator for the test file, registers the matchers, resets the store
 * before each test and uninstalls after the last one: the jest preset's behaviour.
 */
import { afterAll, beforeEach, expect } from 'vitest';
import { getActiveFeatureStoreMock, mockFeatureStore, type FeatureStoreMock } from '../sdk/mock-feature-store.js';
import { registerFeatureStoreMatchers } from './index.js';

export * from './index.js';

/** A test (or its beforeEach/afterEach) is running: vitest names the current test only then. */
const isInsideTest = (): boolean => expect.getState().currentTestName !== undefined;

/** The emulator of this test file. Groups created at module scope or in beforeAll survive the per-test reset. */
export const featureStore: FeatureStoreMock = getActiveFeatureStoreMock() ?? mockFeatureStore({ isInsideTest });

registerFeatureStoreMatchers(expect);
beforeEach(() => {
  featureStore.reset();
});
afterAll(() => {
  featureStore.restore();
});
