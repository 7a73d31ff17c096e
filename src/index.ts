export {
  getActiveFeatureStoreMock,
  mockFeatureStore,
  type FeatureStoreMock,
  type InspectOptions,
  type MockFeatureStoreOptions,
  type OfflineRecordsFilter,
} from './sdk/mock-feature-store.js';
export type { ClientClassLike } from './sdk/sdk-types.js';
export type { FeatureGroupDefinitions } from './sdk/load-feature-groups.js';
export type { MockMode } from './sdk/direct-mode.js';
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
export type { CallFilter, CommandRef, RecordedAttempt, RecordedCall } from './sdk/call-history.js';
export type { FaultControls } from './sdk/fault-controls.js';
export type { MockSettings, OfflineDelivery } from './sdk/mock-settings.js';
export type { UnhandledPolicy } from './sdk/unhandled.js';
export type { CallTarget, Fault, FaultRule, InjectableErrorCode, SeedOptions } from './core/index.js';
export type { SeedFileOptions } from './sdk/suite-data.js';
export {
  FixtureFormatError,
  SeedError,
  SnapshotError,
  type FeatureGroupSnapshot,
  type FeatureStoreSnapshot,
  type FixtureFormat,
  type FixtureRow,
  type OfflineRowSnapshot,
  type OnlineRecordSnapshot,
  type SeedResult,
} from './core/index.js';
