/**
 * The node:test preset: `node --test --import sagemaker-featurestore-mock/node-test`, or
 * `import { featureStore } from 'sagemaker-featurestore-mock/node-test'` at the top of a test file
 * (`--require` / `require()` from CommonJS). Installs the emulator for the process (node --test runs
 * each file in its own), resets the store before each test and uninstalls after the last one,
 * like the jest and vitest presets. Hooks registered here, at the top level, apply to every test.
 */
import { after, afterEach, beforeEach } from 'node:test';
import { getActiveFeatureStoreMock, mockFeatureStore, type FeatureStoreMock } from '../sdk/mock-feature-store.js';

/**
 * Tests running now. node:test names no current test globally, so the hooks count them; they
 * also run for subtests (`t.test()`) and concurrent tests, which must not reset a running test's store.
 */
let running = 0;

/** A test (or its beforeEach/afterEach) is running: between this preset's beforeEach and afterEach. */
const isInsideTest = (): boolean => running > 0;

/** The emulator of this test file. Groups created at module scope or in before() survive the per-test reset. */
export const featureStore: FeatureStoreMock = getActiveFeatureStoreMock() ?? mockFeatureStore({ isInsideTest });

beforeEach(() => {
  // Only when no test is running: a subtest shares its parent's store.
  if (running === 0) featureStore.reset();
  running += 1;
});
afterEach(() => {
  running = Math.max(0, running - 1);
});
after(() => {
  featureStore.restore();
});
