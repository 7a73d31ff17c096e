export {
  getActiveFeatureStoreMock,
  mockFeatureStore,
  type FeatureStoreMock,
  type InspectOptions,
  type MockFeatureStoreOptions,
  type OfflineRecordsFilter,
} from './sdk/mock-feature-store.js';
export { getFeatureStoreMockPlugin } from './sdk/feature-store-mock-plugin.js';
export type { ClientClassLike, PluggableLike } from './sdk/sdk-types.js';
export {
  FeatureStore,
  FeatureStoreError,
  parseDuration,
  type BehaviourOptions,
  type Clock,
  type DurationInput,
  type FeatureStoreErrorCode,
  type OfflineRecord,
  type OnlineRecord,
} from './core/index.js';
export type * from './core/shapes.js';
