import type { Operation } from '../operation-context.js';
import { batchGetRecord } from './batch-get-record.js';
import { batchWriteRecord } from './batch-write-record.js';
import { createFeatureGroup } from './create-feature-group.js';
import { deleteFeatureGroup } from './delete-feature-group.js';
import { deleteRecord } from './delete-record.js';
import { describeFeatureGroup } from './describe-feature-group.js';
import { describeFeatureMetadata } from './describe-feature-metadata.js';
import { getRecord } from './get-record.js';
import { listFeatureGroups } from './list-feature-groups.js';
import { listRecords } from './list-records.js';
import { putRecord } from './put-record.js';
import { updateFeatureGroup } from './update-feature-group.js';
import { updateFeatureMetadata } from './update-feature-metadata.js';
import { updateRecord } from './update-record.js';

/** Feature Store runtime operations, keyed by the API's operation name (= SDK command name minus `Command`). */
export const runtimeOperations = {
  PutRecord: putRecord,
  GetRecord: getRecord,
  BatchGetRecord: batchGetRecord,
  DeleteRecord: deleteRecord,
  BatchWriteRecord: batchWriteRecord,
  UpdateRecord: updateRecord,
  ListRecords: listRecords,
} satisfies Record<string, Operation>;

/** SageMaker control-plane operations on feature groups. */
export const controlPlaneOperations = {
  CreateFeatureGroup: createFeatureGroup,
  DescribeFeatureGroup: describeFeatureGroup,
  UpdateFeatureGroup: updateFeatureGroup,
  DeleteFeatureGroup: deleteFeatureGroup,
  ListFeatureGroups: listFeatureGroups,
  DescribeFeatureMetadata: describeFeatureMetadata,
  UpdateFeatureMetadata: updateFeatureMetadata,
} satisfies Record<string, Operation>;

export type RuntimeOperationName = keyof typeof runtimeOperations;
export type ControlPlaneOperationName = keyof typeof controlPlaneOperations;
export type OperationName = RuntimeOperationName | ControlPlaneOperationName;

export const operations: Readonly<Record<OperationName, Operation>> = {
  ...runtimeOperations,
  ...controlPlaneOperations,
};

export const isOperationName = (name: string): name is OperationName => Object.hasOwn(operations, name);
