import { parseDuration, type BehaviourOptions, type DurationInput, type FeatureStore } from '../core/index.js';
import { MOCK_MODES, type MockMode } from './direct-mode.js';
import type { UnhandledPolicy } from './unhandled.js';

/**
 * When a write's offline row becomes visible. AWS buffers offline writes and lands them
 * in S3 "within 15 minutes"; by default the emulator delivers at once. With a delay, rows
 * appear once the emulator's clock passes `api_invocation_time + delay` (their
 * `write_time`), or when `flushOffline()` delivers them.
 */
export type OfflineDelivery = 'immediate' | { readonly delay: DurationInput };

/** Settings of a running mock that `configure()` may change. */
export interface MockSettings {
  readonly offlineDelivery?: OfflineDelivery;
  /** See {@link UnhandledPolicy}. Default `'error'`. */
  readonly onUnhandled?: UnhandledPolicy;
  /** See {@link MockMode}. Default `'wire'`; `'direct'` answers at `send` (docs/performance.md). */
  readonly mode?: MockMode;
  /** Switches for behaviour AWS does not document (docs/behaviour.md), merged over the current ones. */
  readonly behaviour?: Partial<BehaviourOptions>;
}

export interface ResolvedSettings {
  readonly behaviour: BehaviourOptions;
  readonly offlineDeliveryDelayMs: number;
  readonly onUnhandled: UnhandledPolicy;
  readonly mode: MockMode;
}

export const offlineDeliveryDelayMs = (delivery: OfflineDelivery): number => {
  if (delivery === 'immediate') return 0;
  const ms = parseDuration(delivery.delay);
  if (ms < 0) throw new RangeError(`offlineDelivery.delay must be >= 0, got ${String(delivery.delay)}`);
  return ms;
};

const POLICIES: readonly UnhandledPolicy[] = ['error', 'warn'];

export const resolveSettings = (settings: MockSettings, base: ResolvedSettings): ResolvedSettings => {
  if (settings.onUnhandled !== undefined && !POLICIES.includes(settings.onUnhandled)) {
    throw new TypeError(`onUnhandled must be 'error' or 'warn', got ${String(settings.onUnhandled)}`);
  }
  if (settings.mode !== undefined && !MOCK_MODES.includes(settings.mode)) {
    throw new TypeError(`mode must be 'wire' or 'direct', got ${String(settings.mode)}`);
  }
  return {
    behaviour: { ...base.behaviour, ...settings.behaviour },
    offlineDeliveryDelayMs:
      settings.offlineDelivery !== undefined
        ? offlineDeliveryDelayMs(settings.offlineDelivery)
        : (settings.behaviour?.offlineDeliveryDelayMs ?? base.offlineDeliveryDelayMs),
    onUnhandled: settings.onUnhandled ?? base.onUnhandled,
    mode: settings.mode ?? base.mode,
  };
};

/** Puts the settings into effect on the core. */
export const applySettings = (store: FeatureStore, settings: ResolvedSettings): void => {
  store.behaviour = { ...settings.behaviour, offlineDeliveryDelayMs: settings.offlineDeliveryDelayMs };
};

/** Delivers every buffered offline row of every group now; returns how many. */
export const flushOffline = (store: FeatureStore): number => {
  const now = store.clock.now();
  return store.registry.all().reduce((count, group) => count + group.offline.deliverPending(now), 0);
};
