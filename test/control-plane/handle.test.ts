import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  DescribeFeatureGroupCommand,
  ListFeatureGroupsCommand,
  ResourceNotFound as SageMakerResourceNotFound,
  SageMakerClient,
} from '@aws-sdk/client-sagemaker';
import {
  GetRecordCommand,
  PutRecordCommand,
  ResourceNotFound,
  SageMakerFeatureStoreRuntimeClient,
} from '@aws-sdk/client-sagemaker-featurestore-runtime';
import { mockFeatureStore, type FeatureStoreMock } from '../../src/index.js';
import { featureValues, onlineOnlyGroup } from '../conformance/helpers.js';
import { customersGroup } from '../support/fixtures.js';
import { createGroup, customersRequest, onlineOnlyRequest } from './helpers.js';

describe('the handle and the SageMaker API manage the same feature groups', () => {
  let featureStore: FeatureStoreMock;
  let directory: string;
  const sagemaker = (region = 'us-east-1') => new SageMakerClient({ region, maxAttempts: 1 });
  const runtime = (region = 'us-east-1') => new SageMakerFeatureStoreRuntimeClient({ region, maxAttempts: 1 });
  const listNames = async (client = sagemaker()) =>
    (
      (await client.send(new ListFeatureGroupsCommand({ SortBy: 'Name', SortOrder: 'Ascending' })))
        .FeatureGroupSummaries ?? []
    ).map((summary) => summary.FeatureGroupName);

  beforeEach(() => {
    featureStore = mockFeatureStore({ defaultRegion: 'us-east-1' });
    directory = mkdtempSync(join(tmpdir(), 'feature-groups-'));
  });
  afterEach(() => {
    featureStore.restore();
    rmSync(directory, { recursive: true, force: true });
  });

  test('a group created with the handle is described by the API, and the reverse', async () => {
    const fromHandle = featureStore.createFeatureGroup(customersGroup({ FeatureGroupName: 'from-handle' }));
    const fromApi = await createGroup(sagemaker(), customersRequest({ FeatureGroupName: 'from-api' }));
    const described = await sagemaker().send(new DescribeFeatureGroupCommand({ FeatureGroupName: 'from-handle' }));
    expect(described.FeatureGroupArn).toBe(fromHandle.FeatureGroupArn);
    expect(featureStore.featureGroupNames().sort()).toEqual(['from-api', 'from-handle']);
    expect(fromApi.FeatureGroupArn).toBe('arn:aws:sagemaker:us-east-1:123456789012:feature-group/from-api');
  });

  test('loadFeatureGroups reads a JSON file of CreateFeatureGroup requests ({ FeatureGroups: [...] })', async () => {
    const file = join(directory, 'feature-groups.json');
    writeFileSync(
      file,
      JSON.stringify({
        FeatureGroups: [customersGroup({ FeatureGroupName: 'customers' }), onlineOnlyGroup('sessions')],
      }),
    );
    const outputs = featureStore.loadFeatureGroups(file);
    expect(outputs.map((output) => output.FeatureGroupArn)).toEqual([
      'arn:aws:sagemaker:us-east-1:123456789012:feature-group/customers',
      'arn:aws:sagemaker:us-east-1:123456789012:feature-group/sessions',
    ]);
    expect(await listNames()).toEqual(['customers', 'sessions']);
    await runtime().send(
      new PutRecordCommand({
        FeatureGroupName: 'sessions',
        Record: featureValues({ customer_id: 's1', event_time: '2026-01-01T00:00:00Z' }),
      }),
    );
  });

  test('loadFeatureGroups takes an array, one request (the --cli-input-json shape), JSON text, or a parsed value', async () => {
    const arrayFile = join(directory, 'array.json');
    writeFileSync(arrayFile, JSON.stringify([customersRequest({ FeatureGroupName: 'one' })]));
    const singleFile = join(directory, 'single.json');
    writeFileSync(singleFile, JSON.stringify(customersRequest({ FeatureGroupName: 'two' })));
    featureStore.loadFeatureGroups(arrayFile);
    featureStore.loadFeatureGroups(singleFile);
    featureStore.loadFeatureGroups(JSON.stringify([customersGroup({ FeatureGroupName: 'three' })]));
    featureStore.loadFeatureGroups({ FeatureGroups: [customersGroup({ FeatureGroupName: 'four' })] });
    featureStore.loadFeatureGroups(customersGroup({ FeatureGroupName: 'five' }), { region: 'eu-west-1' });
    expect(await listNames()).toEqual(['four', 'one', 'three', 'two']);
    expect(await listNames(sagemaker('eu-west-1'))).toEqual(['five']);
  });

  test('loadFeatureGroups is all or nothing and names the rejected entry', () => {
    featureStore.createFeatureGroup(customersGroup({ FeatureGroupName: 'existing' }));
    expect(() =>
      featureStore.loadFeatureGroups([
        customersGroup({ FeatureGroupName: 'new-one' }),
        customersGroup({ FeatureGroupName: 'bad', EventTimeFeatureName: 'age' }),
      ]),
    ).toThrow(
      /feature group 2 of 2 \(bad\) was rejected with ValidationException: .*not Integral.*No group was loaded/,
    );
    expect(featureStore.featureGroupNames()).toEqual(['existing']);
    expect(() => featureStore.loadFeatureGroups(join(directory, 'missing.json'))).toThrow(/can't read .*missing\.json/);
    const notJson = join(directory, 'broken.json');
    writeFileSync(notJson, '{ "FeatureGroups": [');
    expect(() => featureStore.loadFeatureGroups(notJson)).toThrow(/broken\.json is not valid JSON/);
    expect(() => featureStore.loadFeatureGroups({ Groups: [] } as never)).toThrow(
      /neither a CreateFeatureGroup request/,
    );
  });

  test('deleteFeatureGroup deletes as DeleteFeatureGroup does; runtime calls then fail as for a missing group', async () => {
    featureStore.createFeatureGroup(customersGroup());
    featureStore.deleteFeatureGroup('customers');
    await expect(
      sagemaker().send(new DescribeFeatureGroupCommand({ FeatureGroupName: 'customers' })),
    ).rejects.toBeInstanceOf(SageMakerResourceNotFound);
    await expect(
      runtime().send(new GetRecordCommand({ FeatureGroupName: 'customers', RecordIdentifierValueAsString: 'c1' })),
    ).rejects.toBeInstanceOf(ResourceNotFound);
    expect(() => featureStore.deleteFeatureGroup('customers')).toThrow(/can't find a FeatureGroup with name customers/);
  });

  test('groups are scoped per region, like AWS: same name in two regions, each client sees its own', async () => {
    await createGroup(sagemaker('us-east-1'), customersRequest());
    await createGroup(sagemaker('eu-west-1'), { ...onlineOnlyRequest('customers') });
    const east = await sagemaker('us-east-1').send(new DescribeFeatureGroupCommand({ FeatureGroupName: 'customers' }));
    const west = await sagemaker('eu-west-1').send(new DescribeFeatureGroupCommand({ FeatureGroupName: 'customers' }));
    expect(east.FeatureGroupArn).toBe('arn:aws:sagemaker:us-east-1:123456789012:feature-group/customers');
    expect(west.FeatureGroupArn).toBe('arn:aws:sagemaker:eu-west-1:123456789012:feature-group/customers');
    expect(west.OfflineStoreStatus).toEqual({ Status: 'Disabled' });
    await expect(
      sagemaker('ap-south-1').send(new DescribeFeatureGroupCommand({ FeatureGroupName: 'customers' })),
    ).rejects.toThrow(/in another region|exists in us-east-1/);

    await runtime('eu-west-1').send(
      new PutRecordCommand({
        FeatureGroupName: 'customers',
        Record: featureValues({ customer_id: 'c1', event_time: '2026-01-01T00:00:00Z' }),
      }),
    );
    const inEast = await runtime('us-east-1').send(
      new GetRecordCommand({ FeatureGroupName: 'customers', RecordIdentifierValueAsString: 'c1' }),
    );
    expect(inEast.Record).toBeUndefined();
    // An ARN of another region finds nothing.
    await expect(
      sagemaker('us-east-1').send(new DescribeFeatureGroupCommand({ FeatureGroupName: west.FeatureGroupArn })),
    ).rejects.toBeInstanceOf(SageMakerResourceNotFound);
  });

  test('ARNs of a China region use the aws-cn partition', async () => {
    const { FeatureGroupArn } = await createGroup(sagemaker('cn-north-1'), customersRequest());
    expect(FeatureGroupArn).toBe('arn:aws-cn:sagemaker:cn-north-1:123456789012:feature-group/customers');
  });
});

describe('the accountId option', () => {
  test('puts the account in ARNs and in ResolvedOutputS3Uri', async () => {
    const featureStore = mockFeatureStore({ accountId: '210987654321' });
    try {
      const client = new SageMakerClient({ region: 'eu-central-1' });
      const { FeatureGroupArn } = await createGroup(client, customersRequest());
      expect(FeatureGroupArn).toBe('arn:aws:sagemaker:eu-central-1:210987654321:feature-group/customers');
      const described = await client.send(new DescribeFeatureGroupCommand({ FeatureGroupName: FeatureGroupArn }));
      expect(described.OfflineStoreConfig?.S3StorageConfig?.ResolvedOutputS3Uri).toMatch(
        /^s3:\/\/bucket\/prefix\/210987654321\/sagemaker\/eu-central-1\/offline-store\/customers-\d+\/data$/,
      );
      const otherAccountArn = FeatureGroupArn?.replace('210987654321', '123456789012');
      await expect(
        client.send(new DescribeFeatureGroupCommand({ FeatureGroupName: otherAccountArn })),
      ).rejects.toBeInstanceOf(SageMakerResourceNotFound);
    } finally {
      featureStore.restore();
    }
  });
});
