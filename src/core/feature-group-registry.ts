import { partitionOf, type FeatureGroup, type FeatureGroupScope } from './feature-group.js';
import { FEATURE_GROUP_NAME_OR_ARN } from './validation/patterns.js';

export interface ResolvedName {
  readonly name: string;
  /** Partition, region and account named by an ARN, when one was given. */
  readonly partition?: string;
  readonly region?: string;
  readonly accountId?: string;
}

interface ParsedName {
  readonly resolved: ResolvedName | undefined;
  /** The name as groups are keyed: lower-cased (spec A28). */
  readonly key: string;
}

/**
 * Every call names its feature group, usually the same few names: the parse of each is
 * kept (bounded), so a call costs a map lookup instead of a regular expression and a
 * lower-casing.
 */
const parsedNames = new Map<string, ParsedName>();
const MAX_PARSED_NAMES = 4096;

const parseName = (nameOrArn: string): ParsedName => {
  let parsed = parsedNames.get(nameOrArn);
  if (parsed !== undefined) return parsed;
  const match = FEATURE_GROUP_NAME_OR_ARN.exec(nameOrArn);
  let resolved: ResolvedName | undefined;
  if (match !== null) {
    const [, partition, region, accountId, name] = match;
    resolved =
      region === undefined
        ? { name: name as string }
        : { name: name as string, partition, region, accountId: accountId as string };
  }
  parsed = Object.freeze({ resolved, key: (resolved?.name ?? '').toLowerCase() });
  if (parsedNames.size >= MAX_PARSED_NAMES) parsedNames.clear();
  parsedNames.set(nameOrArn, parsed);
  return parsed;
};

/** Splits a FeatureGroupName that may be a name or an ARN; undefined when it is neither. */
export const parseFeatureGroupNameOrArn = (nameOrArn: string): ResolvedName | undefined =>
  parseName(nameOrArn).resolved;

const key = (scope: FeatureGroupScope, name: string): string =>
  `${scope.accountId}/${scope.region}/${name.toLowerCase()}`;

/**
 * Every feature group of the emulator, partitioned by account and region like AWS.
 * Names are unique case-insensitively within a partition (spec A28). `groups` keeps the
 * declaration order for `all()`; `index` (region → account → lower-cased name) serves the
 * lookups every call makes without building a key string.
 */
export class FeatureGroupRegistry {
  private readonly groups = new Map<string, FeatureGroup>();
  private readonly index = new Map<string, Map<string, Map<string, FeatureGroup>>>();

  add(group: FeatureGroup): void {
    this.groups.set(key(group.scope, group.name), group);
    this.partition(group.scope, true).set(group.name.toLowerCase(), group);
  }

  remove(group: FeatureGroup): void {
    if (this.groups.get(key(group.scope, group.name)) !== group) return;
    this.groups.delete(key(group.scope, group.name));
    this.partition(group.scope, false)?.delete(group.name.toLowerCase());
  }

  /** The group of that name in the scope, whatever its status. */
  get(scope: FeatureGroupScope, name: string): FeatureGroup | undefined {
    return this.partition(scope, false)?.get(name.toLowerCase());
  }

  /** Resolves a name or ARN; an ARN of another partition, region or account finds nothing. */
  find(scope: FeatureGroupScope, nameOrArn: string): FeatureGroup | undefined {
    const parsed = parseName(nameOrArn);
    const { resolved } = parsed;
    if (resolved === undefined) return undefined;
    // An ARN is the group's only if its partition, region and account are the caller's.
    if (
      resolved.region !== undefined &&
      (resolved.region !== scope.region ||
        resolved.accountId !== scope.accountId ||
        resolved.partition !== partitionOf(scope.region))
    ) {
      return undefined;
    }
    return this.partition(scope, false)?.get(parsed.key);
  }

  all(): FeatureGroup[] {
    return [...this.groups.values()];
  }

  inScope(scope: FeatureGroupScope): FeatureGroup[] {
    return [...(this.partition(scope, false)?.values() ?? [])];
  }

  clear(): void {
    this.groups.clear();
    this.index.clear();
  }

  private partition(scope: FeatureGroupScope, create: true): Map<string, FeatureGroup>;
  private partition(scope: FeatureGroupScope, create: false): Map<string, FeatureGroup> | undefined;
  private partition(scope: FeatureGroupScope, create: boolean): Map<string, FeatureGroup> | undefined {
    let accounts = this.index.get(scope.region);
    if (accounts === undefined) {
      if (!create) return undefined;
      accounts = new Map();
      this.index.set(scope.region, accounts);
    }
    let partition = accounts.get(scope.accountId);
    if (partition === undefined && create) {
      partition = new Map();
      accounts.set(scope.accountId, partition);
    }
    return partition;
  }
}
