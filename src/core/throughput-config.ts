import { FeatureStoreError } from './errors.js';
import type { StorageType } from './shapes.js';
import type { Constraints } from './validation/constraints.js';

const THROUGHPUT_MODES = ['OnDemand', 'Provisioned'] as const;
const MAX_CAPACITY_UNITS = 10_000_000;

/**
 * Model checks of a ThroughputConfig (CreateFeatureGroup, where ThroughputMode is required)
 * or ThroughputConfigUpdate (UpdateFeatureGroup, where every member is optional).
 */
export const checkThroughputShape = (c: Constraints, value: unknown, path: string, modeRequired: boolean): void => {
  if (!c.optional(value, path, 'object')) return;
  const throughput = value as Record<string, unknown>;
  const modePath = `${path}.throughputMode`;
  const modePresent = modeRequired
    ? c.present(throughput.ThroughputMode, modePath, 'string')
    : c.optional(throughput.ThroughputMode, modePath, 'string');
  if (modePresent) c.oneOf(throughput.ThroughputMode, modePath, THROUGHPUT_MODES);
  for (const member of ['ProvisionedReadCapacityUnits', 'ProvisionedWriteCapacityUnits'] as const) {
    const memberPath = `${path}.${member.charAt(0).toLowerCase()}${member.slice(1)}`;
    if (c.optional(throughput[member], memberPath, 'number')) {
      c.range(throughput[member] as number, memberPath, 0, MAX_CAPACITY_UNITS);
    }
  }
};

/**
 * "PROVISIONED throughput mode is supported only for feature groups that are offline-only,
 * or use the Standard tier online store" (ThroughputConfig, API reference).
 */
export const checkThroughputMode = (
  mode: string | undefined,
  onlineStoreEnabled: boolean,
  storageType: StorageType,
): void => {
  if (mode === 'Provisioned' && onlineStoreEnabled && storageType !== 'Standard') {
    throw new FeatureStoreError(
      'ValidationException',
      `ThroughputMode Provisioned is supported only for offline-only feature groups or the Standard online store, not ${storageType}.`,
    );
  }
};
