import {
  GetRecordCommand,
  PutRecordCommand,
  ResourceNotFound,
  SageMakerFeatureStoreRuntime,
  SageMakerFeatureStoreRuntimeClient,
  ValidationError,
} from '@aws-sdk/client-sagemaker-featurestore-runtime';
import { mockFeatureStore, type FeatureStoreMock } from '../../src/index.js';
import { customersGroup } from '../support/fixtures.js';
import { featureValues, NOW, T_STORED } from './helpers.js';

/**
 * What the in-process installation promises about the user's own clients: any client of
 * the process is served, with no region, credentials or network configured. These are
 * properties of the SDK plugin, so they run in-process only, outside the target matrix.
 */

const putCommand = (id = 'c1') =>
  new PutRecordCommand({
    FeatureGroupName: 'customers',
    Record: featureValues({ customer_id: id, event_time: T_STORED, city: 'Paris' }),
  });
const getCommand = (id = 'c1') =>
  new GetRecordCommand({ FeatureGroupName: 'customers', RecordIdentifierValueAsString: id });

/** Environment variables through which the SDK would find a region, credentials or a profile. */
const AWS_ENV = [
  'AWS_REGION',
  'AWS_DEFAULT_REGION',
  'AWS_PROFILE',
  'AWS_ACCESS_KEY_ID',
  'AWS_SECRET_ACCESS_KEY',
  'AWS_SESSION_TOKEN',
  'AWS_CONFIG_FILE',
  'AWS_SHARED_CREDENTIALS_FILE',
] as const;

describe('the SDK clients of the process', () => {
  let featureStore: FeatureStoreMock;
  const savedEnv: Partial<Record<(typeof AWS_ENV)[number], string>> = {};
  /** Before any installation: what the user had (the server tests' helpers set it, jest's own run does not). */
  const savedMetadataSwitch = process.env.AWS_EC2_METADATA_DISABLED;

  beforeEach(() => {
    for (const name of AWS_ENV) {
      savedEnv[name] = process.env[name];
      delete process.env[name];
    }
    // No shared config or credentials file either: nothing to find a region or keys in.
    process.env.AWS_CONFIG_FILE = '/nonexistent/sagemaker-featurestore-mock/config';
    process.env.AWS_SHARED_CREDENTIALS_FILE = '/nonexistent/sagemaker-featurestore-mock/credentials';
    featureStore = mockFeatureStore();
    featureStore.createFeatureGroup(customersGroup());
  });

  afterEach(() => {
    featureStore.restore();
    for (const name of AWS_ENV) {
      if (savedEnv[name] === undefined) delete process.env[name];
      else process.env[name] = savedEnv[name];
    }
  });

  test('a client with no configuration at all (no region, no credentials) is served', async () => {
    const client = new SageMakerFeatureStoreRuntimeClient({});
    await client.send(putCommand());
    expect((await client.send(getCommand())).Record).toEqual(
      featureValues({ customer_id: 'c1', event_time: T_STORED, city: 'Paris' }),
    );
    expect(featureStore.offlineRecords('customers')).toHaveLength(1);
  });

  test('restore() puts AWS_EC2_METADATA_DISABLED back', () => {
    // Installed: the SDK's region lookup stops before the instance metadata service.
    expect(process.env.AWS_EC2_METADATA_DISABLED).toBe('true');
    featureStore.restore();
    expect(process.env.AWS_EC2_METADATA_DISABLED).toBe(savedMetadataSwitch);
    process.env.AWS_EC2_METADATA_DISABLED = 'user value';
    featureStore = mockFeatureStore();
    featureStore.restore();
    expect(process.env.AWS_EC2_METADATA_DISABLED).toBe('user value');
    if (savedMetadataSwitch === undefined) delete process.env.AWS_EC2_METADATA_DISABLED;
    else process.env.AWS_EC2_METADATA_DISABLED = savedMetadataSwitch;
    featureStore = mockFeatureStore();
  });

  test('the credential provider is never called', async () => {
    const credentials = jest.fn(() => Promise.reject(new Error('the emulator must not resolve credentials')));
    const client = new SageMakerFeatureStoreRuntimeClient({ region: 'us-east-1', credentials });
    await client.send(putCommand());
    await client.send(getCommand());
    expect(credentials).not.toHaveBeenCalled();
  });

  test('with the default retry strategy, a client error is answered once: the SDK does not retry it', async () => {
    const client = new SageMakerFeatureStoreRuntimeClient({});
    const invalid = new GetRecordCommand({
      FeatureGroupName: 'customers',
      RecordIdentifierValueAsString: 'c1',
      FeatureNames: ['not_defined'],
    });
    const error = await client.send(invalid).then(
      () => undefined,
      (rejection: unknown) => rejection,
    );
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).$metadata).toMatchObject({
      httpStatusCode: 400,
      attempts: 1,
      totalRetryDelay: 0,
    });
  });

  test('a client constructed before installation is served too', async () => {
    featureStore.restore();
    const early = new SageMakerFeatureStoreRuntimeClient({});
    featureStore = mockFeatureStore();
    featureStore.createFeatureGroup(customersGroup());
    await early.send(putCommand());
    expect(featureStore.onlineRecord('customers', 'c1')).toMatchObject({ deleted: false });
  });

  test('the aggregated SageMakerFeatureStoreRuntime client is served', async () => {
    const client = new SageMakerFeatureStoreRuntime({});
    await client.putRecord(putCommand().input);
    expect((await client.getRecord(getCommand().input)).Record).toHaveLength(3);
  });

  test('a client sees the feature groups of its own region only', async () => {
    const ireland = new SageMakerFeatureStoreRuntimeClient({ region: 'eu-west-1' });
    await expect(ireland.send(getCommand())).rejects.toBeInstanceOf(ResourceNotFound);
    featureStore.createFeatureGroup(customersGroup(), { region: 'eu-west-1' });
    await ireland.send(putCommand('ie1'));
    expect(featureStore.onlineRecord('customers', 'ie1', { region: 'eu-west-1' })).toMatchObject({ deleted: false });
    expect(featureStore.onlineRecord('customers', 'ie1', { region: 'us-east-1' })).toBeUndefined();
  });

  test('the clock follows Date.now, so jest fake timers move it', async () => {
    jest.useFakeTimers({ now: Date.parse(NOW), doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] });
    try {
      const client = new SageMakerFeatureStoreRuntimeClient({});
      await client.send(
        new PutRecordCommand({
          FeatureGroupName: 'customers',
          Record: featureValues({ customer_id: 'c1', event_time: NOW }),
          TtlDuration: { Unit: 'Minutes', Value: 10 },
        }),
      );
      expect(featureStore.offlineRecords('customers')[0]?.api_invocation_time).toBe(NOW);
      jest.advanceTimersByTime(10 * 60_000 - 1);
      expect((await client.send(getCommand())).Record).toHaveLength(2);
      jest.advanceTimersByTime(1);
      expect((await client.send(getCommand())).Record).toBeUndefined();
    } finally {
      jest.useRealTimers();
    }
  });

  test('restore() uninstalls: the client’s own request handler answers again', async () => {
    featureStore.restore();
    const handle = jest.fn(() =>
      Promise.resolve({ response: { statusCode: 200, headers: {}, body: new Uint8Array() } }),
    );
    const client = new SageMakerFeatureStoreRuntimeClient({
      region: 'us-east-1',
      credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'dummy' },
      requestHandler: { handle },
    });
    await client.send(getCommand());
    expect(handle).toHaveBeenCalledTimes(1);
    featureStore = mockFeatureStore();
    featureStore.createFeatureGroup(customersGroup());
    await client.send(putCommand());
    expect(handle).toHaveBeenCalledTimes(1);
  });
});
