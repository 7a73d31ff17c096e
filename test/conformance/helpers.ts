import {
  BatchGetRecordCommand,
  DeleteRecordCommand,
  GetRecordCommand,
  PutRecordCommand,
  SageMakerFeatureStoreRuntimeServiceException,
  type BatchGetRecordCommandInput,
  type DeleteRecordCommandInput,
  type FeatureValue,
  type GetRecordCommandInput,
  type PutRecordCommandInput,
} from '@aws-sdk/client-sagemaker-featurestore-runtime';
import type { CreateFeatureGroupInput } from '../../src/index.js';
import { customersGroup } from '../support/fixtures.js';
import type { TargetSession } from '../support/targets.js';

/** The instant the clock is frozen at in most tests; every api_invocation_time reads this. */
export const NOW = '2026-06-01T12:00:00.000Z';

/** Event times used across the suites: c is the stored one, the others are earlier, equal, later. */
export const T_EARLIER = '2026-01-01T00:00:05Z';
export const T_STORED = '2026-01-01T00:00:10Z';
export const T_LATER = '2026-01-01T00:00:20Z';

/** `{ name: value }` → a Record of ValueAsString FeatureValues, in key order. */
export const featureValues = (values: Readonly<Record<string, string>>): FeatureValue[] =>
  Object.entries(values).map(([FeatureName, ValueAsString]) => ({ FeatureName, ValueAsString }));

/** A group with the customers features and only an online store. */
export const onlineOnlyGroup = (name = 'online-only'): CreateFeatureGroupInput => {
  const { OfflineStoreConfig: _omitted, ...group } = customersGroup({ FeatureGroupName: name });
  return group;
};

/** A group with the customers features and only an offline store. */
export const offlineOnlyGroup = (name = 'offline-only'): CreateFeatureGroupInput => {
  const { OnlineStoreConfig: _omitted, ...group } = customersGroup({ FeatureGroupName: name });
  return group;
};

/** A group whose event time is Fractional (seconds since the epoch). */
export const fractionalTimeGroup = (name = 'sensors'): CreateFeatureGroupInput => ({
  FeatureGroupName: name,
  RecordIdentifierFeatureName: 'sensor_id',
  EventTimeFeatureName: 'ts',
  FeatureDefinitions: [
    { FeatureName: 'sensor_id', FeatureType: 'String' },
    { FeatureName: 'ts', FeatureType: 'Fractional' },
    { FeatureName: 'reading', FeatureType: 'Fractional' },
  ],
  OnlineStoreConfig: { EnableOnlineStore: true },
  OfflineStoreConfig: { S3StorageConfig: { S3Uri: 's3://bucket/sensors' } },
});

/** Calls of the four runtime operations on a session, with the customers group as default. */
export const runtimeCalls = (session: () => TargetSession) => ({
  put: (input: Partial<PutRecordCommandInput> & Pick<PutRecordCommandInput, 'Record'>) =>
    session().runtime.send(new PutRecordCommand({ FeatureGroupName: 'customers', ...input })),
  /** PutRecord of a customers record: id, event time and any other features. */
  putCustomer: (
    id: string,
    eventTime: string,
    others: Readonly<Record<string, string>> = {},
    input: Partial<PutRecordCommandInput> = {},
  ) =>
    session().runtime.send(
      new PutRecordCommand({
        FeatureGroupName: 'customers',
        Record: featureValues({ customer_id: id, event_time: eventTime, ...others }),
        ...input,
      }),
    ),
  get: (id: string, input: Partial<GetRecordCommandInput> = {}) =>
    session().runtime.send(
      new GetRecordCommand({ FeatureGroupName: 'customers', RecordIdentifierValueAsString: id, ...input }),
    ),
  batchGet: (input: BatchGetRecordCommandInput) => session().runtime.send(new BatchGetRecordCommand(input)),
  delete: (id: string, eventTime: string, input: Partial<DeleteRecordCommandInput> = {}) =>
    session().runtime.send(
      new DeleteRecordCommand({
        FeatureGroupName: 'customers',
        RecordIdentifierValueAsString: id,
        EventTime: eventTime,
        ...input,
      }),
    ),
});

/** The service's text for a feature group it can't find (spec §11); the emulator may append a hint after it. */
export const NOT_FOUND = "Resource Not Found: Amazon SageMaker can't find a FeatureGroup with name";

/** Matches a message that starts with the service's not-found text for exactly that name or ARN. */
export const notFoundMessage = (nameOrArn: string): RegExp =>
  new RegExp(`^${`${NOT_FOUND} ${nameOrArn}`.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\w-])`);

/** What a feature group holds, for "a rejected request changes no state" assertions. */
export const snapshotOf = (session: () => TargetSession, featureGroupName: string, recordIds: readonly string[]) => ({
  offline: session().featureStore.offlineRecords(featureGroupName),
  online: recordIds.map((id) => session().featureStore.onlineRecord(featureGroupName, id)),
});

export interface ExpectedServiceError {
  /** The SDK's exception class (or the base class for unmodelled codes). */
  readonly type: abstract new (...args: never[]) => SageMakerFeatureStoreRuntimeServiceException;
  readonly name: string;
  readonly status: number;
  /** Text the message must contain (the offending field, its value...). */
  readonly message: RegExp | string | readonly (RegExp | string)[];
}

/**
 * Awaits a call that must fail, and checks it failed the way the SDK reports a service
 * error: its own class, the code as `name`, `$fault`, the HTTP status, and the message.
 */
export const expectServiceError = async (
  call: Promise<unknown>,
  expected: ExpectedServiceError,
): Promise<SageMakerFeatureStoreRuntimeServiceException> => {
  const error: unknown = await call.then(
    (output) => {
      throw new Error(`expected ${expected.name}, but the call succeeded with ${JSON.stringify(output)}`);
    },
    (rejection: unknown) => rejection,
  );
  expect(error).toBeInstanceOf(expected.type);
  const serviceError = error as SageMakerFeatureStoreRuntimeServiceException;
  expect(serviceError).toBeInstanceOf(SageMakerFeatureStoreRuntimeServiceException);
  expect(serviceError.name).toBe(expected.name);
  expect(serviceError.$fault).toBe(expected.status >= 500 ? 'server' : 'client');
  expect(serviceError.$metadata.httpStatusCode).toBe(expected.status);
  const parts = Array.isArray(expected.message) ? expected.message : [expected.message];
  for (const part of parts as readonly (RegExp | string)[]) {
    if (typeof part === 'string') expect(serviceError.message).toContain(part);
    else expect(serviceError.message).toMatch(part);
  }
  return serviceError;
};
