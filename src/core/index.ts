export { createClock, type Clock } from './clock.js';
export { delayOnClock } from './delay-on-clock.js';
export { parseDuration, type DurationInput } from './duration.js';
export { FeatureStoreError, isFeatureStoreError, type FeatureStoreErrorCode } from './errors.js';
export { FeatureGroup, featureGroupArn, type FeatureGroupScope } from './feature-group.js';
export {
  DEFAULT_ACCOUNT_ID,
  DEFAULT_REGION,
  FeatureStore,
  type ExecuteScope,
  type FeatureStoreOptions,
} from './feature-store.js';
export { offlineRecordsOf, onlineRecordOf, type OfflineRecord, type OnlineRecord } from './inspection.js';
export { explainOfflineAbsence, explainOnlineAbsence } from './explain-absence.js';
export { DEFAULT_BEHAVIOUR, type BehaviourOptions } from './operation-context.js';
export {
  controlPlaneOperations,
  isOperationName,
  runtimeOperations,
  type ControlPlaneOperationName,
  type OperationName,
  type RuntimeOperationName,
} from './operations/index.js';
export type * from './shapes.js';
export { callTargets, featureGroupKey, type CallTarget, type RecordIdentifierNameOf } from './call-targets.js';
export {
  DEFAULT_FAULT_SEED,
  FaultInjector,
  seededRandom,
  type CallFaults,
  type Fault,
  type FaultRule,
  type InjectableErrorCode,
} from './faults.js';
export { decideFaults, executeWithFaults, identifierNameIn } from './fault-execution.js';
export {
  FixtureFormatError,
  parseCsvRows,
  parseFixtureRows,
  parseJsonRows,
  parseNdjsonRows,
  type FixtureFormat,
  type FixtureRow,
} from './fixture-rows.js';
export { SeedError, seedRecords, type SeedOptions, type SeedResult } from './seed-records.js';
export {
  exportSnapshot,
  groupConfigSnapshot,
  groupFromSnapshot,
  importSnapshot,
  restoreSnapshotRecords,
  SnapshotError,
  SNAPSHOT_FORMAT,
  SNAPSHOT_VERSION,
  type FeatureGroupSnapshot,
  type FeatureStoreSnapshot,
  type ImportedSnapshot,
  type OfflineRowSnapshot,
  type OnlineRecordSnapshot,
} from './snapshot.js';
