import {
  FaultInjector,
  FeatureStore,
  offlineRecordsOf,
  onlineRecordOf,
  type BehaviourOptions,
  type Clock,
  type FeatureGroupDefinition,
  type CreateFeatureGroupOutput,
  type FeatureStoreSnapshot,
  type FixtureRow,
  type SeedResult,
  type FeatureGroup,
  type OfflineRecord,
  type OnlineRecord,
} from '../core/index.js';
import { CallHistory, type CallFilter, type CommandRef, type RecordedCall } from './call-history.js';
import { findSecondSdkCopy, secondSdkCopyWarning } from './check-single-sdk-copy.js';
import { DirectMode } from './direct-mode.js';
import type { FaultControls } from './fault-controls.js';
import { ControlPlaneCheckpoint } from './control-plane-checkpoint.js';
import { undoRegionFallbacks } from './feature-store-mock-plugin.js';
import { installOnClientClass } from './install-on-client-class.js';
import { disableInstanceMetadata } from './instance-metadata-guard.js';
import { loadFeatureGroups, type FeatureGroupDefinitions } from './load-feature-groups.js';
import {
  loadClientClass,
  RUNTIME_CLIENT,
  RUNTIME_PACKAGE,
  SAGEMAKER_CLIENT,
  SAGEMAKER_PACKAGE,
} from './load-sdk-client.js';
import {
  applySettings,
  flushOffline,
  resolveSettings,
  type MockSettings,
  type ResolvedSettings,
} from './mock-settings.js';
import type { ClientClassLike } from './sdk-types.js';
import { warnAboutSinonStub } from './sinon-stub.js';
import { SuiteData, type SeedFileOptions } from './suite-data.js';
import { WireResponder } from './wire-responder.js';

export interface MockFeatureStoreOptions extends MockSettings {
  /** Account id in ARNs. Default `123456789012`. */
  readonly accountId?: string;
  /**
   * Region for clients that have none configured and for the handle's own calls.
   * Default: `AWS_REGION`, else `AWS_DEFAULT_REGION`, else `us-east-1` (the region the SDK would pick).
   */
  readonly defaultRegion?: string;
  /** Feature groups (CreateFeatureGroup requests) to declare at once; they survive `reset()`. */
  readonly featureGroups?: readonly FeatureGroupDefinition[];
  /** Switches for behaviour AWS does not document; see docs/behaviour.md. */
  readonly behaviour?: Partial<BehaviourOptions>;
  /**
   * More client classes to intercept, for a second copy of the SDK or an aliased older
   * version. The runtime client and, when installed, `SageMakerClient` are always intercepted.
   */
  readonly clients?: readonly ClientClassLike[];
  /**
   * Tells whether a test is running now. Feature groups created while it returns true
   * are dropped by `reset()`; others are suite-level and kept. The jest and vitest
   * presets supply it; by default every group is suite-level.
   */
  readonly isInsideTest?: () => boolean;
  /** Seed of the random choices of fault rules with a `probability`. Default 1: the same run, the same faults. */
  readonly faultSeed?: number;
  /** Record every command for `calls()` (default true); turn off for long benchmarks. */
  readonly callHistory?: boolean;
  /** A snapshot (or its JSON file) to start from; like `loadSnapshot()` outside a test, it survives `reset()`. */
  readonly snapshot?: FeatureStoreSnapshot | string;
}

export interface InspectOptions {
  /** Region of the feature group; default: the default region, else the only group of that name. */
  readonly region?: string;
}

export interface OfflineRecordsFilter extends InspectOptions {
  /** Only rows of this record identifier (an indexed lookup). */
  readonly recordIdentifier?: string;
}

/** The handle `mockFeatureStore()` returns. */
export interface FeatureStoreMock {
  /** The emulator's clock: follows `Date.now()` (so fake timers) until `set()`; `advance('15m')`. */
  readonly clock: Clock;
  /** The emulator core, for advanced inspection. */
  readonly store: FeatureStore;
  /** Declares a feature group from a CreateFeatureGroup request, exactly as the API would. */
  createFeatureGroup(request: FeatureGroupDefinition, options?: InspectOptions): CreateFeatureGroupOutput;
  /**
   * Creates the feature groups of a JSON file (or JSON text, or parsed value) of
   * CreateFeatureGroup requests: one request, an array, or `{ FeatureGroups: [...] }`.
   * All or nothing; each goes through CreateFeatureGroup exactly as the API would.
   */
  loadFeatureGroups(definitions: FeatureGroupDefinitions, options?: InspectOptions): CreateFeatureGroupOutput[];
  /** Deletes a feature group exactly as DeleteFeatureGroup would. */
  deleteFeatureGroup(featureGroupName: string, options?: InspectOptions): void;
  /** Rows delivered to a group's offline store, oldest first. */
  offlineRecords(featureGroupName: string, filter?: OfflineRecordsFilter): OfflineRecord[];
  /** The online state of a record (live or soft-deleted), or undefined when absent or expired. */
  onlineRecord(featureGroupName: string, recordIdentifier: string, options?: InspectOptions): OnlineRecord | undefined;
  /** Names of the declared feature groups, in every region. */
  featureGroupNames(): string[];
  /** Fault and latency injection: `faults.add({ operation: 'PutRecord', error: 'ThrottlingException', times: 2 })`. */
  readonly faults: FaultControls;
  /** Every command sent since the last reset, oldest first, with input, output or error, and attempts. */
  calls(): RecordedCall[];
  /** The calls of one command (`'PutRecord'` or `PutRecordCommand`), optionally for one feature group and record. */
  commandCalls(command: CommandRef, filter?: CallFilter): RecordedCall[];
  /** Forgets the recorded calls; state, faults and clock stay. */
  resetHistory(): void;
  /** Delivers every buffered offline row now (`write_time` = now); returns how many. */
  flushOffline(): number;
  /**
   * Writes fixture rows into a feature group through the PutRecord rules: an array of
   * `{ feature: value }` objects, or a `.json`, `.ndjson`/`.jsonl` or `.csv` file as Athena
   * or pandas export them. Rows with `is_deleted = true` are replayed as DeleteRecord. All
   * or nothing. Called outside a test, the rows are put back by every `reset()`.
   */
  seed(featureGroupName: string, rowsOrFile: string | readonly FixtureRow[], options?: SeedFileOptions): SeedResult;
  /** The whole store as JSON-ready data: groups, online records, offline rows, clock. */
  snapshot(): FeatureStoreSnapshot;
  /** Writes `snapshot()` to a JSON file (folders created) and returns it. */
  saveSnapshot(file: string): FeatureStoreSnapshot;
  /**
   * Loads a snapshot (data or JSON file): its groups replace those of the same name, with
   * their records; a frozen clock is set. Outside a test it survives `reset()`.
   */
  loadSnapshot(snapshotOrFile: FeatureStoreSnapshot | string): void;
  /**
   * Changes settings of the running mock (offline delivery, unhandled policy). Outside a
   * test they hold for the rest of the file; inside a test, until the next `reset()`.
   */
  configure(settings: MockSettings): void;
  /**
   * Back to a clean store: records, offline rows, clock, fault rules, call history and
   * settings changed inside a test; groups created inside a test are dropped.
   */
  reset(): void;
  /** Uninstalls: no client is intercepted afterwards. */
  restore(): void;
}

const ACTIVE = Symbol.for('sagemaker-featurestore-mock.active');
type GlobalWithMock = typeof globalThis & { [ACTIVE]?: FeatureStoreMock };

/** The installed mock, if any (shared by the ESM and CJS builds through a global symbol). */
export const getActiveFeatureStoreMock = (): FeatureStoreMock | undefined => (globalThis as GlobalWithMock)[ACTIVE];

/**
 * Installs the emulator into every `SageMakerFeatureStoreRuntimeClient` (and, when
 * `@aws-sdk/client-sagemaker` is installed, the feature-group commands of every
 * `SageMakerClient`) of the process, and returns its handle.
 *
 * @example
 * const featureStore = mockFeatureStore();
 * featureStore.createFeatureGroup({ FeatureGroupName: 'customers', ... });
 * await new SageMakerFeatureStoreRuntimeClient({}).send(new PutRecordCommand({ ... }));
 * featureStore.offlineRecords('customers');
 */
export const mockFeatureStore = (options: MockFeatureStoreOptions = {}): FeatureStoreMock => {
  const globals = globalThis as GlobalWithMock;
  if (globals[ACTIVE] !== undefined) {
    throw new Error(
      'sagemaker-featurestore-mock is already installed in this process (by the jest/vitest preset or an earlier mockFeatureStore()). ' +
        'Use that handle (getActiveFeatureStoreMock()), or call its restore() first.',
    );
  }
  const store = new FeatureStore({
    accountId: options.accountId,
    defaultRegion: options.defaultRegion ?? (process.env.AWS_REGION || process.env.AWS_DEFAULT_REGION || undefined),
    behaviour: options.behaviour,
    timeSource: () => Date.now(),
  });
  const isInsideTest = options.isInsideTest ?? (() => false);
  const suiteSettings: { current: ResolvedSettings } = {
    current: resolveSettings(options, {
      behaviour: store.behaviour,
      offlineDeliveryDelayMs: store.behaviour.offlineDeliveryDelayMs,
      onUnhandled: 'error',
      mode: 'wire',
    }),
  };
  let settings = suiteSettings.current;
  applySettings(store, settings);
  const faults = new FaultInjector(options.faultSeed);
  const history = options.callHistory === false ? undefined : new CallHistory();
  const testScopedGroups = new Set<FeatureGroup>();

  const markIfTestScoped = (group: FeatureGroup | undefined): void => {
    if (group !== undefined && isInsideTest()) testScopedGroups.add(group);
  };
  const suiteData = new SuiteData(store, isInsideTest, testScopedGroups);
  const checkpoint = new ControlPlaneCheckpoint(store, isInsideTest);

  const target = new WireResponder({
    store,
    faults,
    history,
    onUnhandled: () => settings.onUnhandled,
    hooks: {
      afterExecute(exchange, outcome) {
        if (exchange.call?.operation === 'CreateFeatureGroup' && outcome.output !== undefined) {
          const input = exchange.call.input as { FeatureGroupName: string };
          markIfTestScoped(store.registry.get(store.scope(exchange.scope), input.FeatureGroupName));
        }
      },
    },
  });

  const clientClasses = new Set<ClientClassLike>(options.clients ?? []);
  const runtimeClient = loadClientClass(RUNTIME_PACKAGE, RUNTIME_CLIENT);
  if (runtimeClient === undefined && clientClasses.size === 0) {
    throw new Error(
      `sagemaker-featurestore-mock needs ${RUNTIME_PACKAGE} (a peer dependency): npm install --save-dev ${RUNTIME_PACKAGE}`,
    );
  }
  if (runtimeClient !== undefined) clientClasses.add(runtimeClient);
  const sageMakerClient = loadClientClass(SAGEMAKER_PACKAGE, SAGEMAKER_CLIENT);
  if (sageMakerClient !== undefined) clientClasses.add(sageMakerClient);
  for (const packageName of [RUNTIME_PACKAGE, SAGEMAKER_PACKAGE]) {
    const copies = findSecondSdkCopy(packageName);
    if (copies !== undefined) console.warn(secondSdkCopyWarning(packageName, copies));
  }
  // No IMDS while installed: the region lookup and `defaultsMode: 'auto'` of clients built now.
  const releaseInstanceMetadata = disableInstanceMetadata();
  const direct = new DirectMode({ store, faults, wire: target, mode: () => settings.mode });
  const uninstallers = [...clientClasses].map((clientClass) =>
    installOnClientClass(clientClass, target, direct.sendFor(clientClass)),
  );
  // aws-sdk-client-mock installed after us replaces send: say so where a test looks at the emulator.
  const warnedStubs = new WeakSet<object>();
  const checkForStubs = (): void => {
    for (const clientClass of clientClasses) warnAboutSinonStub(clientClass, warnedStubs);
  };

  const requireGroup = (featureGroupName: string, inspect: InspectOptions = {}): FeatureGroup => {
    const group = store.findFeatureGroup(featureGroupName, inspect.region);
    if (group === undefined) {
      const known = mock.featureGroupNames();
      throw new Error(
        `No feature group '${featureGroupName}'${inspect.region === undefined ? '' : ` in ${inspect.region}`} is declared.` +
          ` Declared: ${known.length === 0 ? '(none)' : known.join(', ')}.`,
      );
    }
    return group;
  };

  const mock: FeatureStoreMock = {
    clock: store.clock,
    store,
    createFeatureGroup(request, inspect = {}) {
      const output = store.execute('CreateFeatureGroup', request, {
        region: inspect.region,
      }) as CreateFeatureGroupOutput;
      markIfTestScoped(store.registry.get(store.scope({ region: inspect.region }), request.FeatureGroupName as string));
      return output;
    },
    loadFeatureGroups(definitions, inspect = {}) {
      const create = (request: FeatureGroupDefinition) => mock.createFeatureGroup(request, inspect);
      return loadFeatureGroups(store, create, definitions, inspect.region);
    },
    deleteFeatureGroup(featureGroupName, inspect = {}) {
      store.execute('DeleteFeatureGroup', { FeatureGroupName: featureGroupName }, { region: inspect.region });
    },
    offlineRecords(featureGroupName, filter = {}) {
      checkForStubs();
      return offlineRecordsOf(requireGroup(featureGroupName, filter), store.clock.now(), filter.recordIdentifier);
    },
    onlineRecord(featureGroupName, recordIdentifier, inspect = {}) {
      checkForStubs();
      return onlineRecordOf(requireGroup(featureGroupName, inspect), recordIdentifier, store.clock.now());
    },
    featureGroupNames() {
      return store.registry.all().map((group) => group.name);
    },
    faults,
    calls() {
      checkForStubs();
      return history?.all() ?? [];
    },
    commandCalls(command, filter) {
      checkForStubs();
      return history?.ofCommand(command, filter) ?? [];
    },
    resetHistory() {
      history?.clear();
    },
    flushOffline: () => flushOffline(store),
    seed: (featureGroupName, rowsOrFile, seedOptions) => suiteData.seed(featureGroupName, rowsOrFile, seedOptions),
    snapshot: () => suiteData.snapshot(),
    saveSnapshot: (file) => suiteData.saveSnapshot(file),
    loadSnapshot(snapshotOrFile) {
      suiteData.loadSnapshot(snapshotOrFile);
    },
    configure(changes) {
      settings = resolveSettings(changes, settings);
      if (!isInsideTest()) suiteSettings.current = resolveSettings(changes, suiteSettings.current);
      applySettings(store, settings);
    },
    reset() {
      checkForStubs();
      checkpoint.restore();
      for (const group of testScopedGroups) store.registry.remove(group);
      testScopedGroups.clear();
      suiteData.restoreDisplacedGroups();
      store.clearRecords();
      store.clock.useSystemTime();
      suiteData.replay();
      faults.clear();
      history?.clear();
      target.warned.clear();
      settings = suiteSettings.current;
      applySettings(store, settings);
    },
    restore() {
      for (const uninstall of uninstallers) uninstall();
      uninstallers.length = 0;
      undoRegionFallbacks();
      releaseInstanceMetadata();
      if (globals[ACTIVE] === mock) delete globals[ACTIVE];
    },
  };
  try {
    for (const request of options.featureGroups ?? []) mock.createFeatureGroup(request);
    if (options.snapshot !== undefined) suiteData.loadSnapshot(options.snapshot);
  } catch (error) {
    mock.restore(); // A bad group or snapshot must not leave the clients patched.
    throw error;
  }
  globals[ACTIVE] = mock;
  return mock;
};
