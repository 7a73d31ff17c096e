import {
  ConflictException,
  ListRecordsCommand,
  SageMakerFeatureStoreRuntimeClient,
  SageMakerFeatureStoreRuntimeServiceException,
  UpdateRecordCommand,
  ValidationError,
} from '@aws-sdk/client-sagemaker-featurestore-runtime';
import * as Old from 'client-featurestore-runtime-3.523';
import { mockFeatureStore, type FeatureStoreMock, type MockFeatureStoreOptions } from '../src/index.js';
import { customersGroup } from './support/fixtures.js';

/**
 * The emulator serves a user whose installed client is an older 3.x: here 3.523.0, the
 * hand-serialized generation with four commands, its own error classes and no
 * ConflictException, installed under an npm alias next to the current client.
 */
const OldClient = Old.SageMakerFeatureStoreRuntimeClient;

const record = (id: string, eventTime: string, others: Record<string, string> = {}) =>
  Object.entries({ customer_id: id, event_time: eventTime, ...others }).map(([FeatureName, ValueAsString]) => ({
    FeatureName,
    ValueAsString,
  }));

/** Awaits a call that must fail and returns what it threw. */
const failure = (call: Promise<unknown>): Promise<unknown> =>
  call.then(
    (output) => {
      throw new Error(`expected a failure, got ${JSON.stringify(output)}`);
    },
    (error: unknown) => error,
  );

describe('an older client (3.523.0) installed next to the current one', () => {
  let featureStore: FeatureStoreMock;
  let old: Old.SageMakerFeatureStoreRuntimeClient;
  const install = (options: MockFeatureStoreOptions = {}) => {
    featureStore = mockFeatureStore({ clients: [OldClient], ...options });
    featureStore.createFeatureGroup(customersGroup());
    featureStore.clock.set('2026-06-01T12:00:00Z');
    // No region and no credentials: the emulator needs neither, whatever the client generation.
    old = new OldClient({ maxAttempts: 1 });
  };

  afterEach(() => {
    featureStore.restore();
  });

  test('serves PutRecord, GetRecord, BatchGetRecord and DeleteRecord through the old client', async () => {
    install();
    const put = await old.send(
      new Old.PutRecordCommand({
        FeatureGroupName: 'customers',
        Record: record('c1', '2026-01-01T00:00:00Z', { age: '4' }),
      }),
    );
    expect(put.$metadata.httpStatusCode).toBe(200);
    await old.send(
      new Old.PutRecordCommand({ FeatureGroupName: 'customers', Record: record('c2', '2026-01-01T00:00:00Z') }),
    );

    const got = await old.send(
      new Old.GetRecordCommand({
        FeatureGroupName: 'customers',
        RecordIdentifierValueAsString: 'c1',
        FeatureNames: ['age'],
      }),
    );
    expect(got.Record).toEqual([{ FeatureName: 'age', ValueAsString: '4' }]);

    const batch = await old.send(
      new Old.BatchGetRecordCommand({
        Identifiers: [{ FeatureGroupName: 'customers', RecordIdentifiersValueAsString: ['c1', 'c2', 'absent'] }],
      }),
    );
    expect(batch.Records?.map((r) => r.RecordIdentifierValueAsString)).toEqual(['c1', 'c2']);
    expect(batch.Errors).toEqual([]);
    expect(batch.UnprocessedIdentifiers).toEqual([]);

    await old.send(
      new Old.DeleteRecordCommand({
        FeatureGroupName: 'customers',
        RecordIdentifierValueAsString: 'c2',
        EventTime: '2026-02-01T00:00:00Z',
      }),
    );
    const afterDelete = await old.send(
      new Old.GetRecordCommand({ FeatureGroupName: 'customers', RecordIdentifierValueAsString: 'c2' }),
    );
    expect(afterDelete.Record).toBeUndefined();
    expect(featureStore.offlineRecords('customers').map((row) => [row.customer_id, row.is_deleted])).toEqual([
      ['c1', false],
      ['c2', false],
      ['c2', true],
    ]);
  });

  test('one store serves both generations: the current client lists and updates what the old one wrote', async () => {
    install();
    featureStore.createFeatureGroup(
      customersGroup({
        FeatureGroupName: 'v2',
        OnlineStoreConfig: { EnableOnlineStore: true, StorageType: 'Standard_V2' },
      }),
    );
    await old.send(new Old.PutRecordCommand({ FeatureGroupName: 'v2', Record: record('c1', '2026-01-01T00:00:00Z') }));
    const current = new SageMakerFeatureStoreRuntimeClient({ maxAttempts: 1 });
    const listed = await current.send(new ListRecordsCommand({ FeatureGroupName: 'v2' }));
    expect(listed.RecordIdentifiers).toEqual(['c1']);
    await current.send(
      new UpdateRecordCommand({
        FeatureGroupName: 'v2',
        RecordIdentifierValueAsString: 'c1',
        Features: [{ FeatureName: 'age', ValueAsString: '9' }],
      }),
    );
    const got = await old.send(
      new Old.GetRecordCommand({ FeatureGroupName: 'v2', RecordIdentifierValueAsString: 'c1' }),
    );
    expect(got.Record).toEqual(record('c1', '2026-01-01T00:00:00Z', { age: '9' }));
  });

  test("errors arrive as the old client's own exception classes", async () => {
    install();
    const invalid = await failure(
      old.send(new Old.PutRecordCommand({ FeatureGroupName: 'customers', Record: record('c1', 'yesterday') })),
    );
    expect(invalid).toBeInstanceOf(Old.ValidationError);
    expect(invalid).toBeInstanceOf(Old.SageMakerFeatureStoreRuntimeServiceException);
    // The current client's class matches too: smithy's ServiceException compares classes by name across SDK copies.
    expect(invalid).toBeInstanceOf(ValidationError);
    expect(invalid).toMatchObject({ name: 'ValidationError', $fault: 'client', $metadata: { httpStatusCode: 400 } });
    expect((invalid as Error).message).toContain("EventTime value 'yesterday'");

    const missing = await failure(
      old.send(new Old.GetRecordCommand({ FeatureGroupName: 'nope', RecordIdentifierValueAsString: 'c1' })),
    );
    expect(missing).toBeInstanceOf(Old.ResourceNotFound);
    expect(missing).toMatchObject({ name: 'ResourceNotFound', $metadata: { httpStatusCode: 404 } });
  });

  test('an error code the old client does not model arrives as its base exception, with the code as name', async () => {
    // The documented HardDelete code, ValidationException, is modelled by no client generation.
    install({ behaviour: { hardDeleteConflictCode: 'ValidationException' } });
    await old.send(
      new Old.PutRecordCommand({ FeatureGroupName: 'customers', Record: record('c1', '2026-01-01T00:00:00Z') }),
    );
    const error = await failure(
      old.send(
        new Old.DeleteRecordCommand({
          FeatureGroupName: 'customers',
          RecordIdentifierValueAsString: 'c1',
          EventTime: '2026-01-01T00:00:00Z',
          DeletionMode: 'HardDelete',
        }),
      ),
    );
    expect(error).toBeInstanceOf(Old.SageMakerFeatureStoreRuntimeServiceException);
    expect(error).not.toBeInstanceOf(Old.ValidationError);
    expect(error).toMatchObject({ name: 'ValidationException', $fault: 'client', $metadata: { httpStatusCode: 400 } });
    expect((error as Error).message).toContain('must be later than the EventTime of the existing record c1');
  });

  test('UpdateRecord conflicts reach the current client as ConflictException (409); 3.523 has neither the command nor the class', async () => {
    install();
    expect('UpdateRecordCommand' in Old).toBe(false);
    expect('ConflictException' in Old).toBe(false);
    featureStore.createFeatureGroup(
      customersGroup({
        FeatureGroupName: 'v2',
        OnlineStoreConfig: { EnableOnlineStore: true, StorageType: 'Standard_V2' },
      }),
    );
    await old.send(new Old.PutRecordCommand({ FeatureGroupName: 'v2', Record: record('c1', '2026-01-02T00:00:00Z') }));
    const current = new SageMakerFeatureStoreRuntimeClient({ maxAttempts: 1 });
    const error = await failure(
      current.send(
        new UpdateRecordCommand({
          FeatureGroupName: 'v2',
          RecordIdentifierValueAsString: 'c1',
          Features: [{ FeatureName: 'event_time', ValueAsString: '2026-01-01T00:00:00Z' }],
        }),
      ),
    );
    expect(error).toBeInstanceOf(ConflictException);
    expect(error).toBeInstanceOf(SageMakerFeatureStoreRuntimeServiceException);
    expect(error).toMatchObject({ name: 'ConflictException', $fault: 'client', $metadata: { httpStatusCode: 409 } });
  });

  test("the old client's own client-side checks still run first (it refuses a DeleteRecord without EventTime)", async () => {
    install();
    const error = await failure(
      old.send(
        new Old.DeleteRecordCommand({
          FeatureGroupName: 'customers',
          RecordIdentifierValueAsString: 'c1',
        } as ConstructorParameters<typeof Old.DeleteRecordCommand>[0]),
      ),
    );
    expect(error).toBeInstanceOf(TypeError);
    expect((error as Error).message).toContain('EventTime');
  });

  test('restore() takes the wrap off the old client class too', () => {
    const hadOwnSend = Object.hasOwn(OldClient.prototype, 'send');
    install();
    expect(Object.hasOwn(OldClient.prototype, 'send')).toBe(true);
    featureStore.restore();
    expect(Object.hasOwn(OldClient.prototype, 'send')).toBe(hadOwnSend);
  });
});
