import { FeatureStoreError, validationError } from './errors.js';
import type { FeatureGroup } from './feature-group.js';
import type { OperationContext } from './operation-context.js';
import { settleStatus } from './feature-group-lifecycle.js';

export const notFoundMessage = (nameOrArn: string): string =>
  `Resource Not Found: Amazon SageMaker can't find a FeatureGroup with name ${nameOrArn}`;

/**
 * The service's not-found text, plus a hint when a group of that name lives in another
 * region or account: the most common cause in tests is a client configured for another region.
 */
const notFoundWithHint = (ctx: OperationContext, nameOrArn: string): string => {
  const name = nameOrArn.slice(nameOrArn.lastIndexOf('/') + 1).toLowerCase();
  const elsewhere = ctx.registry.all().filter((group) => group.name.toLowerCase() === name);
  if (elsewhere.length === 0) return notFoundMessage(nameOrArn);
  const where = elsewhere.map((group) => `${group.scope.region} (account ${group.scope.accountId}, ${group.status})`);
  return `${notFoundMessage(nameOrArn)}. [sagemaker-featurestore-mock: this call is for region ${ctx.scope.region}, account ${ctx.scope.accountId}; a FeatureGroup of that name exists in ${where.join(', ')}.]`;
};

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
  if (group === undefined) throw validationError(notFoundWithHint(ctx, nameOrArn));
  return group;
};

/** Resolution for operations that model ResourceNotFound (GetRecord, ListRecords, UpdateRecord). */
export const resolveForRead = (ctx: OperationContext, nameOrArn: string): FeatureGroup => {
  const group = findUsableGroup(ctx, nameOrArn);
  if (group === undefined) throw new FeatureStoreError('ResourceNotFound', notFoundWithHint(ctx, nameOrArn));
  return group;
};

/**
 * Resolution for the SageMaker control plane: any status (Describe shows `Creating` and
 * `Deleting` groups), ResourceNotFound when there is no such group.
 */
export const resolveForControlPlane = (ctx: OperationContext, nameOrArn: string): FeatureGroup => {
  const group = ctx.registry.find(ctx.scope, nameOrArn);
  if (group !== undefined) settleStatus(ctx.registry, group, ctx.now);
  if (group === undefined || ctx.registry.get(group.scope, group.name) !== group) {
    throw new FeatureStoreError('ResourceNotFound', notFoundWithHint(ctx, nameOrArn));
  }
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
