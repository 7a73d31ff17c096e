import type { DurationInput } from './duration.js';
import type { FeatureGroupScope } from './feature-group.js';
import type { FeatureGroupRegistry } from './feature-group-registry.js';

/** Choices where AWS's behaviour is not documented; the defaults follow the spec (INF rows). */
export interface BehaviourOptions {
  /**
   * Error code for HardDelete with an EventTime that is not later than the record's.
   * The docs say `ValidationException` (unmodelled: the SDK surfaces its base exception);
   * the default is the modelled `ValidationError` so `instanceof` works (spec A3).
   */
  readonly hardDeleteConflictCode: 'ValidationError' | 'ValidationException';
  /** `FeatureNames` naming undefined features: reject (default, spec A8) or ignore. */
  readonly unknownFeatureNames: 'error' | 'ignore';
  /** Append an `is_deleted` marker at ExpiresAt when a record expires by TTL (spec A21). Off by default. */
  readonly offlineMarkerOnExpiry: boolean;
  /** Delay between a write and its offline row becoming visible (`write_time`), in ms. */
  readonly offlineDeliveryDelayMs: number;
  /**
   * How long a new feature group stays `Creating` and a deleted one `Deleting`, on the
   * emulator's clock: `{ Creating: '5s', Deleting: '2s' }`. Default none: Create is
   * `Created` at once and Delete removes the group at once.
   */
  readonly featureGroupStatusDurations: { readonly Creating?: DurationInput; readonly Deleting?: DurationInput };
  /** Feature groups per account and region (AWS's default quota, 100); one more is ResourceLimitExceeded. */
  readonly featureGroupLimit: number;
}

export const DEFAULT_BEHAVIOUR: BehaviourOptions = {
  hardDeleteConflictCode: 'ValidationError',
  unknownFeatureNames: 'error',
  offlineMarkerOnExpiry: false,
  offlineDeliveryDelayMs: 0,
  featureGroupStatusDurations: {},
  featureGroupLimit: 100,
};

/** Everything one operation call may touch, with the clock read once for the whole call. */
export interface OperationContext {
  readonly registry: FeatureGroupRegistry;
  readonly scope: FeatureGroupScope;
  /** Epoch ms when the request arrived: `api_invocation_time`, TTL checks. */
  readonly now: number;
  readonly behaviour: BehaviourOptions;
}

export type Operation = (input: unknown, ctx: OperationContext) => object;
