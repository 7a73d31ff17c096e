/**
 * API-shaped types, member for member as in the Feature Store runtime and SageMaker
 * API references. The core accepts `unknown` at its boundary and narrows to these
 * after validation, so the adapters can pass the SDK's inputs through untouched.
 */

export type TargetStore = 'OnlineStore' | 'OfflineStore';
export type TtlDurationUnit = 'Seconds' | 'Minutes' | 'Hours' | 'Days' | 'Weeks';
export type DeletionMode = 'SoftDelete' | 'HardDelete';
export type ExpirationTimeResponse = 'Enabled' | 'Disabled';
export type FeatureType = 'Integral' | 'Fractional' | 'String';
export type CollectionType = 'List' | 'Set' | 'Vector';
export type StorageType = 'Standard' | 'Standard_V2' | 'InMemory';
export type TableFormat = 'Default' | 'Glue' | 'Iceberg';
export type FeatureGroupStatus = 'Creating' | 'Created' | 'CreateFailed' | 'Deleting' | 'DeleteFailed';

export interface TtlDuration {
  Unit: TtlDurationUnit;
  Value: number;
}

export interface FeatureValue {
  FeatureName: string;
  ValueAsString?: string;
  ValueAsStringList?: string[];
}

export interface PutRecordInput {
  FeatureGroupName: string;
  Record: FeatureValue[];
  TargetStores?: TargetStore[];
  TtlDuration?: TtlDuration;
}

export interface GetRecordInput {
  FeatureGroupName: string;
  RecordIdentifierValueAsString: string;
  FeatureNames?: string[];
  ExpirationTimeResponse?: ExpirationTimeResponse;
}

export interface GetRecordOutput {
  Record?: FeatureValue[];
  ExpiresAt?: string;
}

export interface BatchGetRecordIdentifier {
  FeatureGroupName: string;
  RecordIdentifiersValueAsString: string[];
  FeatureNames?: string[];
}

export interface BatchGetRecordInput {
  Identifiers: BatchGetRecordIdentifier[];
  ExpirationTimeResponse?: ExpirationTimeResponse;
}

export interface BatchGetRecordResultDetail {
  FeatureGroupName: string;
  RecordIdentifierValueAsString: string;
  Record: FeatureValue[];
  ExpiresAt?: string;
}

export interface BatchGetRecordError {
  FeatureGroupName: string;
  RecordIdentifierValueAsString: string;
  ErrorCode: string;
  ErrorMessage: string;
}

export interface BatchGetRecordOutput {
  Records: BatchGetRecordResultDetail[];
  Errors: BatchGetRecordError[];
  UnprocessedIdentifiers: BatchGetRecordIdentifier[];
}

export interface DeleteRecordInput {
  FeatureGroupName: string;
  RecordIdentifierValueAsString: string;
  EventTime: string;
  TargetStores?: TargetStore[];
  DeletionMode?: DeletionMode;
}

export interface VectorConfig {
  Dimension: number;
}

export interface FeatureDefinition {
  FeatureName: string;
  FeatureType: FeatureType;
  CollectionType?: CollectionType;
  /** A union in the model: `VectorConfig` is its only member (so SDK inputs and these types interchange). */
  CollectionConfig?: { VectorConfig: VectorConfig };
}

export interface OnlineStoreConfig {
  EnableOnlineStore?: boolean;
  SecurityConfig?: { KmsKeyId?: string };
  TtlDuration?: TtlDuration;
  StorageType?: StorageType;
}

export interface S3StorageConfig {
  S3Uri: string;
  KmsKeyId?: string;
  ResolvedOutputS3Uri?: string;
}

export interface DataCatalogConfig {
  TableName: string;
  Catalog: string;
  Database: string;
}

export interface OfflineStoreConfig {
  S3StorageConfig: S3StorageConfig;
  DisableGlueTableCreation?: boolean;
  DataCatalogConfig?: DataCatalogConfig;
  TableFormat?: TableFormat;
}

export interface ThroughputConfig {
  ThroughputMode: 'OnDemand' | 'Provisioned';
  ProvisionedReadCapacityUnits?: number;
  ProvisionedWriteCapacityUnits?: number;
}

export interface Tag {
  Key: string;
  Value: string;
}

/** The `CreateFeatureGroup` request: the one way a feature group is declared. */
export interface CreateFeatureGroupInput {
  FeatureGroupName: string;
  RecordIdentifierFeatureName: string;
  EventTimeFeatureName: string;
  FeatureDefinitions: FeatureDefinition[];
  OnlineStoreConfig?: OnlineStoreConfig;
  OfflineStoreConfig?: OfflineStoreConfig;
  ThroughputConfig?: ThroughputConfig;
  RoleArn?: string;
  Description?: string;
  Tags?: Tag[];
}

export interface CreateFeatureGroupOutput {
  FeatureGroupArn: string;
}

export interface BatchWriteRecordEntry {
  FeatureGroupName: string;
  Record: FeatureValue[];
  TargetStores?: TargetStore[];
  TtlDuration?: TtlDuration;
}

export interface BatchWriteRecordInput {
  Entries: BatchWriteRecordEntry[];
  TtlDuration?: TtlDuration;
}

export interface BatchWriteRecordError {
  Entry: BatchWriteRecordEntry;
  ErrorCode: string;
  ErrorMessage: string;
}

export interface BatchWriteRecordOutput {
  Errors: BatchWriteRecordError[];
  UnprocessedEntries: BatchWriteRecordEntry[];
}

export interface UpdateRecordInput {
  FeatureGroupName: string;
  RecordIdentifierValueAsString: string;
  Features: FeatureValue[];
  TargetStores?: TargetStore[];
  TtlDuration?: TtlDuration;
}

export interface ListRecordsInput {
  FeatureGroupName: string;
  MaxResults?: number;
  NextToken?: string;
  IncludeSoftDeletedRecords?: boolean;
}

export interface ListRecordsOutput {
  RecordIdentifiers: string[];
  NextToken?: string;
}

// SageMaker control plane: the feature-group operations besides CreateFeatureGroup.

export type OfflineStoreStatusValue = 'Active' | 'Blocked' | 'Disabled';
export type LastUpdateStatusValue = 'Successful' | 'Failed' | 'InProgress';
export type ThroughputMode = 'OnDemand' | 'Provisioned';

export interface DescribeFeatureGroupInput {
  FeatureGroupName: string;
  NextToken?: string;
}

export interface DescribeFeatureGroupOutput {
  FeatureGroupArn: string;
  FeatureGroupName: string;
  RecordIdentifierFeatureName: string;
  EventTimeFeatureName: string;
  FeatureDefinitions: FeatureDefinition[];
  CreationTime: Date;
  LastModifiedTime?: Date;
  OnlineStoreConfig?: OnlineStoreConfig;
  OfflineStoreConfig?: OfflineStoreConfig;
  ThroughputConfig?: ThroughputConfig;
  RoleArn?: string;
  FeatureGroupStatus: FeatureGroupStatus;
  OfflineStoreStatus: { Status: OfflineStoreStatusValue; BlockedReason?: string };
  LastUpdateStatus?: { Status: LastUpdateStatusValue; FailureReason?: string };
  FailureReason?: string;
  Description?: string;
  NextToken: string;
  OnlineStoreTotalSizeBytes?: number;
}

export interface UpdateFeatureGroupInput {
  FeatureGroupName: string;
  FeatureAdditions?: FeatureDefinition[];
  /** `TtlDuration: {}` (Unit and Value null) removes the group's default TtlDuration. */
  OnlineStoreConfig?: { TtlDuration?: Partial<TtlDuration>; StorageType?: StorageType };
  ThroughputConfig?: Partial<ThroughputConfig>;
}

export interface UpdateFeatureGroupOutput {
  FeatureGroupArn: string;
}

export interface DeleteFeatureGroupInput {
  FeatureGroupName: string;
}

export interface ListFeatureGroupsInput {
  NameContains?: string;
  FeatureGroupStatusEquals?: FeatureGroupStatus;
  OfflineStoreStatusEquals?: OfflineStoreStatusValue;
  /** Epoch seconds on the wire; a Date from direct callers. */
  CreationTimeAfter?: Date | number;
  CreationTimeBefore?: Date | number;
  SortOrder?: 'Ascending' | 'Descending';
  SortBy?: 'Name' | 'FeatureGroupStatus' | 'OfflineStoreStatus' | 'CreationTime';
  MaxResults?: number;
  NextToken?: string;
}

export interface FeatureGroupSummary {
  FeatureGroupName: string;
  FeatureGroupArn: string;
  CreationTime: Date;
  FeatureGroupStatus: FeatureGroupStatus;
  OfflineStoreStatus: { Status: OfflineStoreStatusValue };
}

export interface ListFeatureGroupsOutput {
  FeatureGroupSummaries: FeatureGroupSummary[];
  NextToken?: string;
}

export interface FeatureParameter {
  Key: string;
  Value: string;
}

export interface DescribeFeatureMetadataInput {
  FeatureGroupName: string;
  FeatureName: string;
}

export interface DescribeFeatureMetadataOutput {
  FeatureGroupArn: string;
  FeatureGroupName: string;
  FeatureName: string;
  FeatureType: FeatureType;
  CreationTime: Date;
  LastModifiedTime: Date;
  Description?: string;
  Parameters?: FeatureParameter[];
}

export interface UpdateFeatureMetadataInput {
  FeatureGroupName: string;
  FeatureName: string;
  Description?: string;
  ParameterAdditions?: FeatureParameter[];
  ParameterRemovals?: string[];
}

/**
 * An API shape as the SDK's command input types spell it: every member may be `undefined`
 * (the SDK types required members that way too) and lists are read-only. The emulator
 * validates at run time, so the handle accepts SDK-typed inputs as they are.
 */
export type SdkShaped<T> = T extends readonly (infer E)[]
  ? readonly SdkShaped<E>[]
  : T extends object
    ? { [K in keyof T]?: SdkShaped<T[K]> | undefined }
    : T;

/** A CreateFeatureGroup request, typed loosely enough for `CreateFeatureGroupCommandInput`. */
export type FeatureGroupDefinition = SdkShaped<CreateFeatureGroupInput>;
