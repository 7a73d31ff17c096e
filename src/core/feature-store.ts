import { createClock, type Clock } from './clock.js';
import { FeatureStoreError } from './errors.js';
import type { FeatureGroup, FeatureGroupScope } from './feature-group.js';
import { FeatureGroupRegistry, parseFeatureGroupNameOrArn } from './feature-group-registry.js';
import { settleStatus } from './feature-group-lifecycle.js';
import { DEFAULT_BEHAVIOUR, type BehaviourOptions, type OperationContext } from './operation-context.js';
import { isOperationName, operations, type OperationName } from './operations/index.js';

export const DEFAULT_ACCOUNT_ID = '123456789012';
export const DEFAULT_REGION = 'us-east-1';

export interface FeatureStoreOptions {
  /** Account id in ARNs. Default `123456789012`. */
  readonly accountId?: string;
  /** Region for calls that don't name one (and for inspection). Default `us-east-1`. */
  readonly defaultRegion?: string;
  /** Time source the clock follows; the SDK adapter passes `Date.now` so fake timers work. */
  readonly timeSource?: () => number;
  readonly behaviour?: Partial<BehaviourOptions>;
}

export interface ExecuteScope {
  readonly region?: string;
  readonly accountId?: string;
}

/**
 * The emulator: feature groups with their online and offline stores, a clock, and one
 * entry point, `execute(operation, input)`, that returns the operation's output or
 * throws a FeatureStoreError. Knows nothing of HTTP or the SDK.
 */
export class FeatureStore {
  readonly registry = new FeatureGroupRegistry();
  readonly clock: Clock;
  readonly accountId: string;
  readonly defaultRegion: string;
  behaviour: BehaviourOptions;

  constructor(options: FeatureStoreOptions = {}) {
    this.clock = createClock(options.timeSource ?? (() => Date.now()));
    this.accountId = options.accountId ?? DEFAULT_ACCOUNT_ID;
    this.defaultRegion = options.defaultRegion ?? DEFAULT_REGION;
    this.behaviour = { ...DEFAULT_BEHAVIOUR, ...options.behaviour };
  }

  scope(scope: ExecuteScope = {}): FeatureGroupScope {
    return { region: scope.region ?? this.defaultRegion, accountId: scope.accountId ?? this.accountId };
  }

  context(scope: ExecuteScope = {}): OperationContext {
    return { registry: this.registry, scope: this.scope(scope), now: this.clock.now(), behaviour: this.behaviour };
  }

  execute(operation: OperationName | (string & {}), input: unknown, scope?: ExecuteScope): object {
    if (!isOperationName(operation)) {
      throw new FeatureStoreError(
        'UnknownOperationException',
        `The emulator does not implement the operation ${operation}.`,
      );
    }
    this.beforeExecute?.(operation);
    return operations[operation](input, this.context(scope));
  }

  /** Called before every operation runs, with its name: lets an adapter checkpoint state first. */
  beforeExecute: ((operation: OperationName) => void) | undefined;

  /**
   * Finds a group for inspection by name or ARN: in the given region, else the default
   * region, else the only group of that name in any region.
   */
  findFeatureGroup(nameOrArn: string, region?: string): FeatureGroup | undefined {
    const parsed = parseFeatureGroupNameOrArn(nameOrArn);
    const regionToSearch = region ?? parsed?.region;
    const now = this.clock.now();
    const settle = (group: FeatureGroup | undefined): FeatureGroup | undefined => {
      if (group === undefined) return undefined;
      settleStatus(this.registry, group, now);
      return this.registry.get(group.scope, group.name) === group ? group : undefined;
    };
    if (regionToSearch !== undefined)
      return settle(this.registry.find(this.scope({ region: regionToSearch }), nameOrArn));
    const inDefault = settle(this.registry.find(this.scope(), nameOrArn));
    if (inDefault !== undefined) return inDefault;
    const name = (parsed?.name ?? nameOrArn).toLowerCase();
    const matches = this.registry.all().filter((g) => g.name.toLowerCase() === name);
    return matches.length === 1 ? settle(matches[0]) : undefined;
  }

  /** Drops every record and offline row of every group; the groups stay declared. */
  clearRecords(): void {
    for (const group of this.registry.all()) {
      group.online.clear();
      group.offline.clear();
    }
  }
}
