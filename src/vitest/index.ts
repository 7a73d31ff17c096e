/**
 * The matchers for vitest: `registerFeatureStoreMatchers(expect)` and the types that put
 * them on vitest's `expect(...)`. The preset (`sagemaker-featurestore-mock/vitest`) does
 * both; import this entry to register them yourself.
 */
import type {} from 'vitest';
import { featureStoreMatchers, type FeatureStoreMatchers } from '../jest/matchers.js';

export {
  featureStoreMatchers,
  type FeatureStoreMatchers,
  type MatcherContext,
  type MatcherResult,
} from '../jest/matchers.js';

declare module 'vitest' {
  // Merges with vitest 4's `interface Matchers<T = any>` (same type parameters, as merging requires).
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type, @typescript-eslint/no-unused-vars, @typescript-eslint/no-explicit-any
  interface Matchers<T = any> extends FeatureStoreMatchers<void> {}
}

interface ExpectLike {
  extend(matchers: Record<string, unknown>): void;
}

/** Registers the matchers on vitest's `expect` (pass it: vitest has no global one unless `globals: true`). */
export const registerFeatureStoreMatchers = (expect: ExpectLike): void => {
  expect.extend(featureStoreMatchers);
};
