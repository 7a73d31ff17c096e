import {
  delayOnClock,
  decideFaults,
  executeWithFaults,
  FaultInjector,
  FeatureStore,
  FeatureStoreError,
  offlineRecordsOf,
  onlineRecordOf,
  type BehaviourOptions,
  type CallFaults,
  type Clock,
  type CreateFeatureGroupInput,
  type CreateFeatureGroupOutput,
  type ExecuteScope,
  type FeatureGroup,
  type FeatureGroupScope,
  type OfflineRecord,
  type OnlineRecord,
} from '../core/index.js';
import { handleWireRequest, type WireHooks, type WireRequest, type WireResponse } from '../wire/index.js';
import { Journal, type JournalEntry } from './journal.js';

export interface ServerFeatureStoreOptions {
  /** Account id in ARNs. Default `123456789012`. */
  readonly accountId?: string;
  /** Region of unsigned requests and of inspection. Default `us-east-1`. */
  readonly defaultRegion?: string;
  /** Switches for behaviour AWS does not document; see docs/behaviour.md. */
  readonly behaviour?: Partial<BehaviourOptions>;
  /** An existing emulator to serve instead of a new one (not with `dataDir`). */
  readonly store?: FeatureStore;
  /** Keep state in a journal in this directory, replayed on start. */
  readonly dataDir?: string;
  /** CreateFeatureGroup requests declared on start (skipped when the group already exists); `reset()` keeps them. */
  readonly featureGroups?: readonly CreateFeatureGroupInput[];
  /** Wire hooks run around each call, e.g. fault injection. */
  readonly hooks?: WireHooks;
}

export interface InspectOptions {
  /** Region of the feature group; default: the default region, else the only group of that name. */
  readonly region?: string;
}

export interface OfflineRecordsFilter extends InspectOptions {
  readonly recordIdentifier?: string;
}

export interface ResetOptions {
  /** Keep every feature group (only records, offline rows and the clock are cleared). Default: keep only declared ones. */
  readonly keepFeatureGroups?: boolean;
}

export interface FeatureGroupLocation extends FeatureGroupScope {
  readonly name: string;
}

/** Operations that only read; every other successful call is journaled. */
const READ_ONLY = /^(Get|BatchGet|Describe|List|Search)/;

const locationOf = (group: FeatureGroup): FeatureGroupLocation => ({ ...group.scope, name: group.name });

/**
 * The server's emulator: the core `FeatureStore` plus what a server adds around it — the
 * journal that makes state survive restarts, the groups declared on start, and the same
 * inspection methods as the in-process handle. Every call goes through the core.
 */
export class ServerFeatureStore {
  readonly store: FeatureStore;
  /** The emulator's clock; with a data directory, every change is journaled. */
  readonly clock: Clock;
  /** Fault rules for the calls that follow (not journaled: they are test set-up, not state). */
  readonly faults = new FaultInjector();
  /** Entries replayed from the data directory on start. */
  readonly replayed: number;
  /** Journal entries that failed on replay (written by a version with other rules). */
  readonly replayFailures: readonly string[];
  private readonly journal: Journal | undefined;
  private stopJournalingClock: () => void;
  private readonly declared = new Set<FeatureGroup>();
  private readonly hooks: WireHooks;
  /** The store as the wire handler and the fault executor see it: every core call journaled. */
  private readonly journaling: FeatureStore;
  /** Source time pinned for the duration of one call, so the journal records the exact instant it ran at. */
  private pinnedSourceTime: number | undefined;

  constructor(options: ServerFeatureStoreOptions = {}) {
    if (options.store !== undefined && options.dataDir !== undefined) {
      throw new Error(
        'startServer: `store` and `dataDir` exclude each other; a persistent store is rebuilt by the server.',
      );
    }
    this.store =
      options.store ??
      new FeatureStore({
        accountId: options.accountId,
        defaultRegion: options.defaultRegion,
        behaviour: options.behaviour,
        timeSource: () => this.pinnedSourceTime ?? Date.now(),
      });
    this.hooks = options.hooks ?? {};
    this.clock = this.store.clock;
    this.journaling = Object.create(this.store) as FeatureStore;
    this.journaling.execute = (operation, input, scope) => this.execute(operation, input, scope);
    this.journal = options.dataDir === undefined ? undefined : Journal.open(options.dataDir);
    const failures: string[] = [];
    this.replayFailures = failures;
    this.stopJournalingClock = () => {};
    try {
      this.replayed = this.journal === undefined ? 0 : this.replay(this.journal.entries, failures);
      this.stopJournalingClock = this.clock.onChange(() => this.journal?.append(this.clockState()));
      for (const request of options.featureGroups ?? []) this.declare(request);
    } catch (error) {
      // A group the service would refuse, say: release the data directory for the next attempt.
      this.close();
      throw error;
    }
  }

  /**
   * Answers one HTTP exchange of the AWS protocols through the shared wire handler, under
   * the fault rules. An injected delay holds the answer (computed at arrival) on the clock.
   */
  handle(request: WireRequest): WireResponse | Promise<WireResponse> {
    let faults: CallFaults | undefined;
    const target =
      this.faults.size === 0
        ? this.journaling
        : Object.assign(Object.create(this.journaling) as FeatureStore, {
            execute: (operation: string, input: unknown, scope?: ExecuteScope): object => {
              faults = decideFaults(this.store, this.faults, operation, input, scope);
              return executeWithFaults(this.journaling, operation, input, scope, faults);
            },
          });
    const response = handleWireRequest(target, request, undefined, this.hooks);
    const delayMs = (faults as CallFaults | undefined)?.delayMs ?? 0;
    return delayMs > 0 ? delayOnClock(this.clock, delayMs).then(() => response) : response;
  }

  /** Runs an operation in the core and journals it, with the instant it ran at, when it may have changed state. */
  execute(operation: string, input: unknown, scope: ExecuteScope = {}): object {
    try {
      const at = this.pin();
      const output = this.store.execute(operation, input, scope);
      this.record(operation, input, scope, at);
      return output;
    } finally {
      this.pinnedSourceTime = undefined;
    }
  }

  /** Declares a feature group from a CreateFeatureGroup request, exactly as the API would. */
  createFeatureGroup(request: CreateFeatureGroupInput, options: InspectOptions = {}): CreateFeatureGroupOutput {
    return this.execute('CreateFeatureGroup', request, { region: options.region }) as CreateFeatureGroupOutput;
  }

  /** Rows delivered to a group's offline store, oldest first. */
  offlineRecords(featureGroupName: string, filter: OfflineRecordsFilter = {}): OfflineRecord[] {
    return offlineRecordsOf(this.requireGroup(featureGroupName, filter), this.clock.now(), filter.recordIdentifier);
  }

  /** The online state of a record (live or soft-deleted), or undefined when absent or expired. */
  onlineRecord(
    featureGroupName: string,
    recordIdentifier: string,
    options: InspectOptions = {},
  ): OnlineRecord | undefined {
    return onlineRecordOf(this.requireGroup(featureGroupName, options), recordIdentifier, this.clock.now());
  }

  /** Names of the feature groups, in every region. */
  featureGroupNames(): string[] {
    return this.store.registry.all().map((group) => group.name);
  }

  featureGroups(): FeatureGroupLocation[] {
    return this.store.registry.all().map(locationOf);
  }

  /** Back to a clean store: records, offline rows and clock; groups not declared on start are dropped. */
  reset(options: ResetOptions = {}): void {
    const keep = this.store.registry
      .all()
      .filter((group) => options.keepFeatureGroups === true || this.declared.has(group))
      .map(locationOf);
    this.applyReset(keep);
    this.faults.clear();
    this.journal?.append({ type: 'reset', keep });
  }

  get behaviour(): BehaviourOptions {
    return this.store.behaviour;
  }

  /** Changes behaviour switches for the calls that follow. */
  setBehaviour(changes: Partial<BehaviourOptions>): BehaviourOptions {
    this.store.behaviour = { ...this.store.behaviour, ...changes };
    this.journal?.append({ type: 'behaviour', behaviour: this.store.behaviour });
    return this.store.behaviour;
  }

  close(): void {
    this.stopJournalingClock();
    this.journal?.close();
  }

  private requireGroup(featureGroupName: string, options: InspectOptions): FeatureGroup {
    const group = this.store.findFeatureGroup(featureGroupName, options.region);
    if (group === undefined) {
      const known = this.featureGroupNames();
      throw new FeatureStoreError(
        'ResourceNotFound',
        `No feature group '${featureGroupName}'${options.region === undefined ? '' : ` in ${options.region}`} is declared.` +
          ` Declared: ${known.length === 0 ? '(none)' : known.join(', ')}.`,
        404,
      );
    }
    return group;
  }

  private declare(request: CreateFeatureGroupInput): void {
    const scope = this.store.scope();
    const existing = this.store.registry.get(scope, request.FeatureGroupName);
    if (existing === undefined) this.createFeatureGroup(request);
    const group = this.store.registry.get(scope, request.FeatureGroupName);
    if (group !== undefined) this.declared.add(group);
  }

  /** Pins the time source for one call and returns the emulator time the call runs at. */
  private pin(): number {
    this.pinnedSourceTime = Date.now();
    return this.store.clock.now();
  }

  private record(operation: string, input: unknown, scope: ExecuteScope, at: number): void {
    if (this.journal === undefined || READ_ONLY.test(operation)) return;
    this.journal.append({ type: 'operation', operation, input, scope: this.store.scope(scope), at });
  }

  private clockState(): JournalEntry & { type: 'clock' } {
    if (this.store.clock.frozen) return { type: 'clock', frozenAt: this.store.clock.now() };
    try {
      const now = this.pin();
      return { type: 'clock', offset: now - (this.pinnedSourceTime as number) };
    } finally {
      this.pinnedSourceTime = undefined;
    }
  }

  private applyReset(keep: readonly FeatureGroupLocation[]): void {
    const kept = new Set(keep.map((g) => this.store.registry.get(g, g.name)));
    for (const group of this.store.registry.all()) {
      if (!kept.has(group)) {
        this.store.registry.remove(group);
        this.declared.delete(group);
      }
    }
    this.store.clearRecords();
    this.store.clock.useSystemTime();
  }

  /**
   * Rebuilds the state by running every journaled call through the core again at the
   * instant it first ran, then restores the clock. The core is the only place rules live.
   */
  private replay(entries: readonly JournalEntry[], failures: string[]): number {
    let clock: JournalEntry & { type: 'clock' } = { type: 'clock', offset: 0 };
    for (const entry of entries) {
      if (entry.type === 'operation') {
        this.store.clock.set(entry.at);
        try {
          this.store.execute(entry.operation, entry.input, entry.scope);
        } catch (error) {
          if (!(error instanceof FeatureStoreError)) throw error;
          failures.push(`${entry.operation}: ${error.code}: ${error.message}`);
        }
      } else if (entry.type === 'clock') {
        clock = entry;
      } else if (entry.type === 'reset') {
        this.applyReset(entry.keep);
        clock = { type: 'clock', offset: 0 };
      } else if (entry.type === 'behaviour') {
        this.store.behaviour = { ...this.store.behaviour, ...entry.behaviour };
      }
    }
    this.store.clock.useSystemTime();
    if (clock.frozenAt !== undefined) this.store.clock.set(clock.frozenAt);
    else if (clock.offset !== undefined && clock.offset > 0) this.store.clock.advance(clock.offset);
    return entries.length;
  }
}
