import type { EventTimeFeatureType } from './event-time.js';
import { expiryMarkerRow } from './expiry-marker.js';
import { OfflineStore } from './offline-store.js';
import { OnlineStore } from './online-store.js';
import type {
  CreateFeatureGroupInput,
  FeatureDefinition,
  FeatureGroupStatus,
  StorageType,
  TargetStore,
  ThroughputConfig,
  TtlDuration,
} from './shapes.js';

/** Where a feature group lives: the ARN's partition, region and account. */
export interface FeatureGroupScope {
  readonly region: string;
  readonly accountId: string;
}

export const partitionOf = (region: string): string =>
  region.startsWith('cn-')
    ? 'aws-cn'
    : region.startsWith('us-gov-')
      ? 'aws-us-gov'
      : region.startsWith('us-iso')
        ? 'aws-iso'
        : 'aws';

/** SageMaker writes resource names lower-cased into ARNs (INF, docs/behaviour.md). */
export const featureGroupArn = (scope: FeatureGroupScope, name: string): string =>
  `arn:${partitionOf(scope.region)}:sagemaker:${scope.region}:${scope.accountId}:feature-group/${name.toLowerCase()}`;

/** DescribeFeatureMetadata state of one feature; UpdateFeatureMetadata changes it. */
export interface FeatureMetadata {
  readonly creationTime: number;
  lastModifiedTime: number;
  description: string | undefined;
  /** Parameter key to value, in the order they were added. */
  readonly parameters: Map<string, string>;
}

/**
 * A declared feature group with its two stores. Built only from a validated
 * `CreateFeatureGroup` request; the request is copied so callers can't mutate it later.
 */
export class FeatureGroup {
  readonly name: string;
  readonly arn: string;
  readonly definition: CreateFeatureGroupInput;
  readonly features: FeatureDefinition[];
  readonly recordIdentifierIndex: number;
  readonly eventTimeIndex: number;
  readonly eventTimeType: EventTimeFeatureType;
  readonly onlineStoreEnabled: boolean;
  readonly offlineStoreEnabled: boolean;
  /** UpdateFeatureGroup may migrate Standard to Standard_V2. */
  storageType: StorageType;
  /** The group-level TtlDuration; UpdateFeatureGroup may change it. */
  defaultTtl: TtlDuration | undefined;
  /** Control-plane state UpdateFeatureGroup changes: throughput, and when it last succeeded. */
  throughput: ThroughputConfig;
  lastModifiedTime: number | undefined;
  /** When ThroughputMode last switched to OnDemand (allowed once per 24 hours). */
  onDemandSwitchTime: number | undefined;
  readonly featureMetadata = new Map<string, FeatureMetadata>();
  status: FeatureGroupStatus = 'Created';
  /** When a timed status (Creating, Deleting) ends, on the emulator's clock. */
  statusUntil: number | undefined;
  readonly online = new OnlineStore();
  readonly offline = new OfflineStore();
  private readonly featureIndex = new Map<string, number>();

  constructor(
    definition: CreateFeatureGroupInput,
    readonly scope: FeatureGroupScope,
    readonly creationTime: number,
  ) {
    this.definition = structuredClone(definition);
    this.name = definition.FeatureGroupName;
    this.arn = featureGroupArn(scope, this.name);
    this.features = this.definition.FeatureDefinitions;
    this.features.forEach((feature, index) => this.featureIndex.set(feature.FeatureName, index));
    this.recordIdentifierIndex = this.indexOf(definition.RecordIdentifierFeatureName) as number;
    this.eventTimeIndex = this.indexOf(definition.EventTimeFeatureName) as number;
    this.eventTimeType = (this.features[this.eventTimeIndex] as FeatureDefinition).FeatureType as EventTimeFeatureType;
    this.onlineStoreEnabled = definition.OnlineStoreConfig?.EnableOnlineStore === true;
    this.offlineStoreEnabled = definition.OfflineStoreConfig !== undefined;
    this.storageType = definition.OnlineStoreConfig?.StorageType ?? 'Standard';
    this.defaultTtl = definition.OnlineStoreConfig?.TtlDuration;
    this.throughput = this.definition.ThroughputConfig ?? { ThroughputMode: 'OnDemand' };
    for (const feature of this.features) this.featureMetadata.set(feature.FeatureName, newMetadata(creationTime));
    this.online.onExpire = (recordId, record) => {
      if (record.markOnExpiry === true) this.offline.append(expiryMarkerRow(this, recordId, record));
    };
  }

  indexOf(featureName: string): number | undefined {
    return this.featureIndex.get(featureName);
  }

  get recordIdentifierFeatureName(): string {
    return this.definition.RecordIdentifierFeatureName;
  }

  get eventTimeFeatureName(): string {
    return this.definition.EventTimeFeatureName;
  }

  /** Appends features (UpdateFeatureGroup FeatureAdditions); stored records keep their indexes. */
  addFeatures(additions: readonly FeatureDefinition[], now: number): void {
    for (const feature of additions) {
      const copy = structuredClone(feature);
      this.featureIndex.set(copy.FeatureName, this.features.length);
      this.features.push(copy);
      this.featureMetadata.set(copy.FeatureName, newMetadata(now));
    }
  }

  hasStore(store: TargetStore): boolean {
    return store === 'OnlineStore' ? this.onlineStoreEnabled : this.offlineStoreEnabled;
  }

  /** Stores a write reaches when the request names none: every store the group uses (computed once). */
  get enabledStores(): readonly TargetStore[] {
    return (this.stores ??= Object.freeze([
      ...(this.onlineStoreEnabled ? (['OnlineStore'] as const) : []),
      ...(this.offlineStoreEnabled ? (['OfflineStore'] as const) : []),
    ]));
  }

  private stores: readonly TargetStore[] | undefined;
}

const newMetadata = (time: number): FeatureMetadata => ({
  creationTime: time,
  lastModifiedTime: time,
  description: undefined,
  parameters: new Map(),
});
