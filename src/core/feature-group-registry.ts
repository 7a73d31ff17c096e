import { type FeatureGroup, type FeatureGroupScope } from './feature-group.js';
import { FEATURE_GROUP_NAME_OR_ARN } from './validation/patterns.js';

export interface ResolvedName {
  readonly name: string;
  /** Region and account named by an ARN, when one was given. */
  readonly region?: string;
  readonly accountId?: string;
}

/** Splits a FeatureGroupName that may be a name or an ARN; undefined when it is neither. */
export const parseFeatureGroupNameOrArn = (nameOrArn: string): ResolvedName | undefined => {
  const match = FEATURE_GROUP_NAME_OR_ARN.exec(nameOrArn);
  if (match === null) return undefined;
  const [, , region, accountId, name] = match;
  return region === undefined
    ? { name: name as string }
    : { name: name as string, region, accountId: accountId as string };
};

const key = (scope: FeatureGroupScope, name: string): string =>
  `${scope.accountId}/${scope.region}/${name.toLowerCase()}`;

/**
 * Every feature group of the emulator, partitioned by account and region like AWS.
 * Names are unique case-insensitively within a partition (spec A28).
 */
export class FeatureGroupRegistry {
  private readonly groups = new Map<string, FeatureGroup>();

  add(group: FeatureGroup): void {
    this.groups.set(key(group.scope, group.name), group);
  }

  remove(group: FeatureGroup): void {
    if (this.groups.get(key(group.scope, group.name)) === group) this.groups.delete(key(group.scope, group.name));
  }

  /** The group of that name in the scope, whatever its status. */
  get(scope: FeatureGroupScope, name: string): FeatureGroup | undefined {
    return this.groups.get(key(scope, name));
  }

  /** Resolves a name or ARN; an ARN of another region or account finds nothing. */
  find(scope: FeatureGroupScope, nameOrArn: string): FeatureGroup | undefined {
    const parsed = parseFeatureGroupNameOrArn(nameOrArn);
    if (parsed === undefined) return undefined;
    if (parsed.region !== undefined && (parsed.region !== scope.region || parsed.accountId !== scope.accountId)) {
      return undefined;
    }
    return this.groups.get(key(scope, parsed.name));
  }

  all(): FeatureGroup[] {
    return [...this.groups.values()];
  }

  inScope(scope: FeatureGroupScope): FeatureGroup[] {
    return this.all().filter((g) => g.scope.region === scope.region && g.scope.accountId === scope.accountId);
  }

  clear(): void {
    this.groups.clear();
  }
}
