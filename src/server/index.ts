export {
  DEFAULT_MAX_BODY_BYTES,
  DEFAULT_MAX_HEADER_BYTES,
  startServer,
  type RunningServer,
  type StartServerOptions,
} from './start-server.js';
export {
  ServerFeatureStore,
  type FeatureGroupLocation,
  type InspectOptions,
  type OfflineRecordsFilter,
  type ResetOptions,
  type ServerFeatureStoreOptions,
} from './server-feature-store.js';
export { CONTROL_PREFIX } from './control-endpoint.js';
export { FeatureStore, FeatureStoreError, type CreateFeatureGroupInput } from '../core/index.js';
export type { WireExchange, WireHooks } from '../wire/index.js';
