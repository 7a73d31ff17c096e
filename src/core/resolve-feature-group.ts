import { FeatureStoreError, validationError } from './errors.js';
import type { FeatureGroup } from './feature-group.js';
import type { OperationContext } from './operation-context.js';
import { settleStatus } from './feature-group-lifecycle.js';

export const notFoundMessage = (nameOrArn: string): string =>
  `Resource Not Found: Amazon SageMaker can't find a FeatureGroup with name ${nameOrArn}`;

/** The group if it exists and is `Created`; a group still Creating or Deleting counts as missing (spec A29). */
export const findUsableGroup = (ctx: OperationContext, nameOrArn: string): FeatureGroup | undefined => {
  const group = ctx.registry.find(ctx.scope, nameOrArn);
  if (group === undefined) return undefined;
  settleStatus(ctx.registry, group, ctx.now);
  return group.status === 'Created' ? group : undefined;
};

/**
 * Resolution for operations that do not model ResourceNotFound (PutRecord, DeleteRecord):
 * the service answers ValidationError "Resource Not Found: …" (spec A4, observed).
 */
export const resolveForWrite = (ctx: OperationContext, nameOrArn: string): FeatureGroup => {
  const group = findUsableGroup(ctx, nameOrArn);
  if (group === undefined) throw validationError(notFoundMessage(nameOrArn));
  return group;
};

/** Resolution for operations that model ResourceNotFound (GetRecord, ListRecords, UpdateRecord). */
export const resolveForRead = (ctx: OperationContext, nameOrArn: string): FeatureGroup => {
  const group = findUsableGroup(ctx, nameOrArn);
  if (group === undefined) throw new FeatureStoreError('ResourceNotFound', notFoundMessage(nameOrArn));
  return group;
};

/** Reads need an online store (spec A30). */
export const requireOnlineStore = (group: FeatureGroup): void => {
  if (!group.onlineStoreEnabled) {
    throw validationError(
      `FeatureGroup ${group.name} has no OnlineStore: records of an offline-only feature group can't be read with the runtime API.`,
    );
  }
};
