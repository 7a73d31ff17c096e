import {
  FeatureStore,
  offlineRecordsOf,
  onlineRecordOf,
  type BehaviourOptions,
  type Clock,
  type CreateFeatureGroupInput,
  type CreateFeatureGroupOutput,
  type ExecuteScope,
  type FeatureGroup,
  type OfflineRecord,
  type OnlineRecord,
} from '../core/index.js';
import { handleWireRequest, type WireRequest, type WireResponse } from '../wire/index.js';
import { findSecondSdkCopy, secondSdkCopyWarning } from './check-single-sdk-copy.js';
import type { WireTarget } from './feature-store-mock-plugin.js';
import { installOnClientClass } from './install-on-client-class.js';
import { loadFeatureGroups, type FeatureGroupDefinitions } from './load-feature-groups.js';
import {
  loadClientClass,
  RUNTIME_CLIENT,
  RUNTIME_PACKAGE,
  SAGEMAKER_CLIENT,
  SAGEMAKER_PACKAGE,
} from './load-sdk-client.js';
import type { ClientClassLike } from './sdk-types.js';

export interface MockFeatureStoreOptions {
  /** Account id in ARNs. Default `123456789012`. */
  readonly accountId?: string;
  /**
   * Region for clients that have none configured and for the handle's own calls.
   * Default: `AWS_REGION`, else `AWS_DEFAULT_REGION`, else `us-east-1` (the region the SDK would pick).
   */
  readonly defaultRegion?: string;
  /** Feature groups (CreateFeatureGroup requests) to declare at once; they survive `reset()`. */
  readonly featureGroups?: readonly CreateFeatureGroupInput[];
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
  createFeatureGroup(request: CreateFeatureGroupInput, options?: InspectOptions): CreateFeatureGroupOutput;
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
  /** Back to a clean store: records, offline rows and clock; groups created inside a test are dropped. */
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
  const testScopedGroups = new Set<FeatureGroup>();

  const markIfTestScoped = (group: FeatureGroup | undefined): void => {
    if (group !== undefined && isInsideTest()) testScopedGroups.add(group);
  };

  const target: WireTarget = {
    defaultRegion: store.defaultRegion,
    handle(request: WireRequest, scope: ExecuteScope): WireResponse {
      return handleWireRequest(store, request, scope, {
        afterExecute(exchange, outcome) {
          if (exchange.call?.operation === 'CreateFeatureGroup' && outcome.output !== undefined) {
            const input = exchange.call.input as { FeatureGroupName: string };
            markIfTestScoped(store.registry.get(store.scope(exchange.scope), input.FeatureGroupName));
          }
        },
      });
    },
  };

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
  const uninstallers = [...clientClasses].map((clientClass) => installOnClientClass(clientClass, target));

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
      markIfTestScoped(store.registry.get(store.scope({ region: inspect.region }), request.FeatureGroupName));
      return output;
    },
    loadFeatureGroups(definitions, inspect = {}) {
      const create = (request: CreateFeatureGroupInput) => mock.createFeatureGroup(request, inspect);
      return loadFeatureGroups(store, create, definitions, inspect.region);
    },
    deleteFeatureGroup(featureGroupName, inspect = {}) {
      store.execute('DeleteFeatureGroup', { FeatureGroupName: featureGroupName }, { region: inspect.region });
    },
    offlineRecords(featureGroupName, filter = {}) {
      return offlineRecordsOf(requireGroup(featureGroupName, filter), store.clock.now(), filter.recordIdentifier);
    },
    onlineRecord(featureGroupName, recordIdentifier, inspect = {}) {
      return onlineRecordOf(requireGroup(featureGroupName, inspect), recordIdentifier, store.clock.now());
    },
    featureGroupNames() {
      return store.registry.all().map((group) => group.name);
    },
    reset() {
      for (const group of testScopedGroups) store.registry.remove(group);
      testScopedGroups.clear();
      store.clearRecords();
      store.clock.useSystemTime();
    },
    restore() {
      for (const uninstall of uninstallers) uninstall();
      uninstallers.length = 0;
      if (globals[ACTIVE] === mock) delete globals[ACTIVE];
    },
  };
  for (const request of options.featureGroups ?? []) mock.createFeatureGroup(request);
  globals[ACTIVE] = mock;
  return mock;
};
