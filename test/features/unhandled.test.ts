import {
  BatchGetRecordCommand,
  GetRecordCommand,
  PutRecordCommand,
  ResourceNotFound,
  SageMakerFeatureStoreRuntimeClient,
  ValidationError,
} from '@aws-sdk/client-sagemaker-featurestore-runtime';
import { DescribeFeatureGroupCommand, ListModelsCommand, SageMakerClient } from '@aws-sdk/client-sagemaker';
import { mockFeatureStore, type FeatureStoreMock } from '../../src/index.js';
import { customersGroup } from '../support/fixtures.js';

const NOT_FOUND = "Resource Not Found: Amazon SageMaker can't find a FeatureGroup with name nope";
const HINT =
  "sagemaker-featurestore-mock: PutRecord to feature group 'nope', which is not declared in us-east-1. " +
  "Declare it with featureStore.createFeatureGroup({ FeatureGroupName: 'nope', ... }) or send a CreateFeatureGroupCommand before this call. " +
  'Declared: customers.';

const client = new SageMakerFeatureStoreRuntimeClient({ region: 'us-east-1' });
const putToNope = () =>
  client.send(
    new PutRecordCommand({
      FeatureGroupName: 'nope',
      Record: [{ FeatureName: 'customer_id', ValueAsString: 'c1' }],
    }),
  );

let featureStore: FeatureStoreMock;
let warn: jest.SpyInstance;
beforeEach(() => {
  warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
});
afterEach(() => {
  warn.mockRestore();
  featureStore.restore();
});

describe("onUnhandled: 'error' (the default)", () => {
  beforeEach(() => {
    featureStore = mockFeatureStore();
    featureStore.createFeatureGroup(customersGroup());
  });

  test('AWS’s error for an undeclared group, with what to declare appended', async () => {
    const error = await putToNope().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as Error).message).toBe(`${NOT_FOUND} [${HINT}]`);
    expect(warn).not.toHaveBeenCalled();
  });

  test('GetRecord keeps ResourceNotFound; BatchGetRecord’s per-record errors get the hint', async () => {
    await expect(
      client.send(new GetRecordCommand({ FeatureGroupName: 'nope', RecordIdentifierValueAsString: 'c1' })),
    ).rejects.toBeInstanceOf(ResourceNotFound);
    const batch = await client.send(
      new BatchGetRecordCommand({
        Identifiers: [{ FeatureGroupName: 'nope', RecordIdentifiersValueAsString: ['c1'] }],
      }),
    );
    expect(batch.Errors).toEqual([
      {
        FeatureGroupName: 'nope',
        RecordIdentifierValueAsString: 'c1',
        ErrorCode: 'ResourceNotFound',
        ErrorMessage: expect.stringMatching(
          /^Resource Not Found: .* \[sagemaker-featurestore-mock: BatchGetRecord to feature group 'nope'/,
        ),
      },
    ]);
  });

  test('in one BatchGetRecord, each Errors entry gets the hint of its own group only', async () => {
    featureStore.createFeatureGroup(customersGroup({ FeatureGroupName: 'elsewhere' }), { region: 'eu-west-1' });
    const batch = await client.send(
      new BatchGetRecordCommand({
        Identifiers: [
          { FeatureGroupName: 'nope', RecordIdentifiersValueAsString: ['c1'] },
          { FeatureGroupName: 'other', RecordIdentifiersValueAsString: ['c1'] },
          { FeatureGroupName: 'elsewhere', RecordIdentifiersValueAsString: ['c1'] },
        ],
      }),
    );
    const messages = Object.fromEntries((batch.Errors ?? []).map((e) => [e.FeatureGroupName, e.ErrorMessage]));
    expect(messages.nope).toMatch(/feature group 'nope', which is not declared/);
    expect(messages.nope).not.toMatch(/'other'/);
    expect(messages.other).toMatch(/feature group 'other', which is not declared/);
    expect(messages.other).not.toMatch(/'nope'/);
    expect(messages.elsewhere).toMatch(/a FeatureGroup of that name exists in eu-west-1/);
    expect(messages.elsewhere).not.toMatch(/is not declared/);
  });

  test('a group declared in another region keeps the core’s region hint instead', async () => {
    featureStore.createFeatureGroup(customersGroup({ FeatureGroupName: 'nope' }), { region: 'eu-west-1' });
    const error = await putToNope().catch((e: unknown) => e);
    expect((error as Error).message).toMatch(/a FeatureGroup of that name exists in eu-west-1/);
    expect((error as Error).message).not.toMatch(/is not declared/);
  });

  test('control-plane answers for a missing group are expected answers, not hints', async () => {
    const error = await new SageMakerClient({ region: 'us-east-1' })
      .send(new DescribeFeatureGroupCommand({ FeatureGroupName: 'nope' }))
      .catch((e: unknown) => e);
    expect((error as Error).name).toBe('ResourceNotFound');
    expect((error as Error).message).not.toMatch(/sagemaker-featurestore-mock/);
  });

  test('an operation the emulator does not implement fails loudly and never reaches AWS', async () => {
    const error = await new SageMakerClient({ region: 'us-east-1', maxAttempts: 1 })
      .send(new ListModelsCommand({}))
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'UnknownOperationException', $metadata: { httpStatusCode: 404 } });
    expect((error as Error).message).toMatch(/does not implement the SageMaker operation ListModels/);
    expect((error as Error).message).toMatch(/nothing was sent to AWS.*docs\/aws-sdk-client-mock\.md/);
  });
});

describe("onUnhandled: 'warn'", () => {
  beforeEach(() => {
    featureStore = mockFeatureStore({ onUnhandled: 'warn' });
    featureStore.createFeatureGroup(customersGroup());
  });

  test('AWS’s answer word for word, and the hint once on console.warn', async () => {
    const first = await putToNope().catch((e: unknown) => e);
    await putToNope().catch(() => undefined);
    expect(first).toBeInstanceOf(ValidationError);
    expect((first as Error).message).toBe(NOT_FOUND);
    expect(warn.mock.calls).toEqual([[HINT]]);
    featureStore.reset();
    await putToNope().catch(() => undefined);
    expect(warn).toHaveBeenCalledTimes(2);
  });

  test('unimplemented operations are warned about and still fail', async () => {
    const error = await new SageMakerClient({ region: 'us-east-1', maxAttempts: 1 })
      .send(new ListModelsCommand({}))
      .catch((e: unknown) => e);
    expect((error as Error).name).toBe('UnknownOperationException');
    expect((error as Error).message).not.toMatch(/nothing was sent/);
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/ListModels.*nothing was sent to AWS/));
  });
});

test('configure() switches the policy, and rejects unknown values', async () => {
  featureStore = mockFeatureStore();
  featureStore.configure({ onUnhandled: 'warn' });
  expect(((await putToNope().catch((e: unknown) => e)) as Error).message).toBe(NOT_FOUND);
  expect(() => featureStore.configure({ onUnhandled: 'bypass' as never })).toThrow(/'error' or 'warn'/);
});
