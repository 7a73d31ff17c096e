import type {} from 'expect';
import { featureStoreMatchers, type FeatureStoreMatchers } from './matchers.js';

export {
  featureStoreMatchers,
  type FeatureStoreMatchers,
  type MatcherContext,
  type MatcherResult,
} from './matchers.js';

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace jest {
    // eslint-disable-next-line @typescript-eslint/no-empty-object-type
    interface Matchers<R> extends FeatureStoreMatchers<R> {}
  }
}

declare module 'expect' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface Matchers<R> extends FeatureStoreMatchers<R> {}
}

interface ExpectLike {
  extend(matchers: Record<string, unknown>): void;
}

/** Registers the matchers on an `expect` (jest's global one when none is given). */
export const registerFeatureStoreMatchers = (target?: ExpectLike): void => {
  const expectFn = target ?? (globalThis as { expect?: ExpectLike }).expect;
  if (expectFn === undefined || typeof expectFn.extend !== 'function') {
    throw new Error('registerFeatureStoreMatchers: no expect() with extend() found; pass your runner’s expect.');
  }
  expectFn.extend(featureStoreMatchers);
};
