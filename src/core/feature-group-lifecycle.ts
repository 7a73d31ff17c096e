import { parseDuration } from './duration.js';
import type { FeatureGroup } from './feature-group.js';
import type { FeatureGroupRegistry } from './feature-group-registry.js';
import type { OperationContext } from './operation-context.js';

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

/** Settles every group of the caller's account and region and returns those still declared. */
export const settledGroupsInScope = (ctx: OperationContext): FeatureGroup[] => {
  for (const group of ctx.registry.inScope(ctx.scope)) settleStatus(ctx.registry, group, ctx.now);
  return ctx.registry.inScope(ctx.scope);
};

const durationOf = (ctx: OperationContext, status: 'Creating' | 'Deleting'): number => {
  const duration = ctx.behaviour.featureGroupStatusDurations[status];
  return duration === undefined ? 0 : parseDuration(duration);
};

/** A new group is `Created` at once, or `Creating` for the configured time. */
export const beginCreating = (ctx: OperationContext, group: FeatureGroup): void => {
  const duration = durationOf(ctx, 'Creating');
  if (duration <= 0) return;
  group.status = 'Creating';
  group.statusUntil = ctx.now + duration;
};

/**
 * DeleteFeatureGroup: the group is gone at once, or `Deleting` for the configured time.
 * Either way its online records are unreachable from now on (runtime calls see a missing
 * group); offline rows stay where they were, as in S3 (the API doc says they are not deleted).
 */
export const beginDeleting = (ctx: OperationContext, group: FeatureGroup): void => {
  const duration = durationOf(ctx, 'Deleting');
  if (duration <= 0) {
    ctx.registry.remove(group);
    return;
  }
  group.status = 'Deleting';
  group.statusUntil = ctx.now + duration;
};
