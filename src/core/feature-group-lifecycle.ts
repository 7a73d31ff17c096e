import type { FeatureGroup } from './feature-group.js';
import type { FeatureGroupRegistry } from './feature-group-registry.js';

/**
 * Ends a timed status once the emulator's clock passes it: Creating becomes Created,
 * Deleting removes the group. Groups are settled lazily whenever they are looked up.
 */
export const settleStatus = (registry: FeatureGroupRegistry, group: FeatureGroup, now: number): void => {
  if (group.statusUntil === undefined || now < group.statusUntil) return;
  group.statusUntil = undefined;
  if (group.status === 'Creating') group.status = 'Created';
  else if (group.status === 'Deleting') registry.remove(group);
};
