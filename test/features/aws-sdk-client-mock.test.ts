import {
  GetRecordCommand,
  PutRecordCommand,
  SageMakerFeatureStoreRuntimeClient,
} from '@aws-sdk/client-sagemaker-featurestore-runtime';
import {
  CreateFeatureGroupCommand,
  DescribeFeatureGroupCommand,
  ListModelsCommand,
  SageMakerClient,
} from '@aws-sdk/client-sagemaker';
import { mockClient } from 'aws-sdk-client-mock';
import 'aws-sdk-client-mock-jest';
import { mockFeatureStore, type FeatureStoreMock } from '../../src/index.js';
import { registerFeatureStoreMatchers } from '../../src/jest/index.js';
import { customersGroup } from '../support/fixtures.js';

registerFeatureStoreMatchers();

const put = (id: string) =>
  new PutRecordCommand({
    FeatureGroupName: 'customers',
    Record: [
      { FeatureName: 'customer_id', ValueAsString: id },
      { FeatureName: 'event_time', ValueAsString: '2026-01-01T00:00:00Z' },
    ],
  });
const get = (id: string) => new GetRecordCommand({ FeatureGroupName: 'customers', RecordIdentifierValueAsString: id });

let featureStore: FeatureStoreMock;
let stubs: { restore(): void }[];
let warn: jest.SpyInstance;
const runtime = new SageMakerFeatureStoreRuntimeClient({ region: 'us-east-1' });
const sagemaker = new SageMakerClient({ region: 'us-east-1' });

beforeEach(() => {
  warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  stubs = [];
  featureStore = mockFeatureStore();
  featureStore.createFeatureGroup(customersGroup());
});
afterEach(() => {
  for (const stub of stubs) stub.restore();
  featureStore.restore();
  warn.mockRestore();
});
const stub = <T extends { restore(): void }>(mock: T): T => {
  stubs.push(mock);
  return mock;
};

describe('aws-sdk-client-mock mocks other clients while the emulator serves Feature Store', () => {
  test('SageMaker commands the emulator lacks are stubbed; feature-group commands are forwarded', async () => {
    const sagemakerMock = stub(mockClient(SageMakerClient));
    sagemakerMock.on(ListModelsCommand).resolves({
      Models: [
        {
          ModelName: 'churn',
          ModelArn: 'arn:aws:sagemaker:us-east-1:123456789012:model/churn',
          CreationTime: new Date(0),
        },
      ],
    });
    sagemakerMock.send.callThrough();

    await sagemaker.send(new CreateFeatureGroupCommand(customersGroup({ FeatureGroupName: 'orders' })));
    const models = await sagemaker.send(new ListModelsCommand({}));
    await runtime.send(put('c1'));

    expect(models.Models?.map((model) => model.ModelName)).toEqual(['churn']);
    expect(featureStore.featureGroupNames()).toContain('orders');
    expect(featureStore).toHaveOnlineRecord('customers', 'c1');
    // Both sets of matchers, side by side: the stub saw every SageMaker call; the emulator
    // saw the ones that were forwarded, and every runtime call.
    expect(sagemakerMock).toHaveReceivedCommandWith(ListModelsCommand, {});
    expect(sagemakerMock).toHaveReceivedCommandTimes(CreateFeatureGroupCommand, 1);
    expect(featureStore).toHaveReceivedCommandFor(CreateFeatureGroupCommand, 'orders');
    expect(featureStore).toHaveReceivedPutRecord('customers', 'c1');
    expect(featureStore).not.toHaveReceivedCommandFor(ListModelsCommand, 'orders');
    expect(warn).not.toHaveBeenCalled();
  });

  test('without callThrough() the stub answers feature-group commands with undefined, and the mock says so', async () => {
    const sagemakerMock = stub(mockClient(SageMakerClient));
    sagemakerMock.on(ListModelsCommand).resolves({ Models: [] });
    // An unconfigured sinon stub returns undefined itself: not even a promise.
    expect(sagemaker.send(new DescribeFeatureGroupCommand({ FeatureGroupName: 'customers' }))).toBeUndefined();
    expect(featureStore.calls()).toEqual([]);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]?.[0]).toMatch(
      /SageMakerClient\.prototype\.send is a sinon stub \(aws-sdk-client-mock's mockClient\(SageMakerClient\)\)\. Commands it has no behaviour for resolve to undefined.*clientMock\.send\.callThrough\(\)/,
    );
    featureStore.calls();
    expect(warn).toHaveBeenCalledTimes(1);
  });
});

describe('aws-sdk-client-mock stubs one Feature Store command; the emulator answers the rest', () => {
  test('with callThrough(): the matching GetRecord is the stub’s, everything else the emulator’s', async () => {
    const runtimeMock = stub(mockClient(SageMakerFeatureStoreRuntimeClient));
    runtimeMock
      .on(GetRecordCommand, { RecordIdentifierValueAsString: 'vip' })
      .resolves({ Record: [{ FeatureName: 'customer_id', ValueAsString: 'vip' }] });
    runtimeMock.send.callThrough();

    await runtime.send(put('c1'));
    const vip = await runtime.send(get('vip'));
    const c1 = await runtime.send(get('c1'));

    // The stub's answer is exactly what was configured: no $metadata, no SDK pipeline.
    expect(vip).toEqual({ Record: [{ FeatureName: 'customer_id', ValueAsString: 'vip' }] });
    expect(c1.$metadata.httpStatusCode).toBe(200);
    expect(c1.Record).toContainEqual({ FeatureName: 'customer_id', ValueAsString: 'c1' });
    // The stub records every send; the emulator only what reached it.
    expect(runtimeMock).toHaveReceivedCommandTimes(GetRecordCommand, 2);
    expect(featureStore.commandCalls(GetRecordCommand).map((call) => call.recordIdentifiers)).toEqual([['c1']]);
    expect(featureStore).not.toHaveReceivedCommandFor(GetRecordCommand, 'customers', 'vip');
    expect(warn).not.toHaveBeenCalled();
  });

  test('without callThrough(): unstubbed commands resolve to undefined and never reach the emulator', async () => {
    const runtimeMock = stub(mockClient(SageMakerFeatureStoreRuntimeClient));
    runtimeMock.on(GetRecordCommand).resolves({});
    expect(runtime.send(put('c1'))).toBeUndefined();
    expect(featureStore.onlineRecord('customers', 'c1')).toBeUndefined();
    expect(warn).toHaveBeenCalledWith(
      expect.stringMatching(/SageMakerFeatureStoreRuntimeClient\.prototype\.send is a sinon stub/),
    );
  });

  test('clientMock.reset() forgets callThrough(): the mock warns again at its next look', async () => {
    const runtimeMock = stub(mockClient(SageMakerFeatureStoreRuntimeClient));
    runtimeMock.send.callThrough();
    await runtime.send(put('c1'));
    expect(featureStore.calls()).toHaveLength(1);
    runtimeMock.reset();
    expect(runtime.send(put('c2'))).toBeUndefined();
    featureStore.reset();
    expect(warn).toHaveBeenCalledTimes(1);
  });

  test('a stub installed before the emulator: an undefined answer is explained at send time', async () => {
    featureStore.restore();
    const runtimeMock = stub(mockClient(SageMakerFeatureStoreRuntimeClient));
    featureStore = mockFeatureStore();
    featureStore.createFeatureGroup(customersGroup());
    runtimeMock.on(GetRecordCommand).resolves({ Record: [] });

    expect(runtime.send(put('c1'))).toBeUndefined();
    expect(runtime.send(put('c2'))).toBeUndefined();
    expect(warn.mock.calls).toEqual([
      [
        expect.stringMatching(
          /^sagemaker-featurestore-mock: PutRecordCommand was answered by a sinon stub of SageMakerFeatureStoreRuntimeClient\.prototype\.send \(aws-sdk-client-mock\) with undefined; the emulator never saw it\./,
        ),
      ],
    ]);
    runtimeMock.send.callThrough();
    await runtime.send(put('c3'));
    expect(featureStore).toHaveOnlineRecord('customers', 'c3');
  });
});
