import {
  DeleteFeatureGroupCommand,
  DescribeFeatureGroupCommand,
  ResourceNotFound as SageMakerResourceNotFound,
  UpdateFeatureGroupCommand,
} from '@aws-sdk/client-sagemaker';
import {
  GetRecordCommand,
  PutRecordCommand,
  ResourceNotFound,
  ValidationError,
} from '@aws-sdk/client-sagemaker-featurestore-runtime';
import { expectServiceError, featureValues } from '../conformance/helpers.js';
import { describeEachTarget } from '../support/targets.js';
import { createGroup, customersRequest, describeGroup, expectSageMakerError, onlineOnlyRequest } from './helpers.js';

const CREATED_AT = '2026-03-01T08:00:00.500Z';
const CREATED_EPOCH = Date.parse(CREATED_AT) / 1000;

describeEachTarget('Feature groups provisioned through the SageMaker API', (session) => {
  test('create, describe, put, get, update TTL, add features, delete: the way production provisions', async () => {
    const { sagemaker, runtime, featureStore } = session();
    featureStore.clock.set(CREATED_AT);

    const created = await createGroup(sagemaker, customersRequest());
    expect(created.FeatureGroupArn).toBe('arn:aws:sagemaker:us-east-1:123456789012:feature-group/customers');

    const described = await describeGroup(sagemaker, 'customers');
    expect(described.FeatureGroupStatus).toBe('Created');
    expect(described.CreationTime).toEqual(new Date(CREATED_AT));

    await runtime.send(
      new PutRecordCommand({
        FeatureGroupName: 'customers',
        Record: featureValues({ customer_id: 'c1', event_time: '2026-03-01T07:00:00Z', age: '41' }),
      }),
    );
    const read = await runtime.send(
      new GetRecordCommand({ FeatureGroupName: 'customers', RecordIdentifierValueAsString: 'c1' }),
    );
    expect(read.Record).toEqual(featureValues({ customer_id: 'c1', event_time: '2026-03-01T07:00:00Z', age: '41' }));

    await sagemaker.send(
      new UpdateFeatureGroupCommand({
        FeatureGroupName: 'customers',
        OnlineStoreConfig: { TtlDuration: { Unit: 'Hours', Value: 2 } },
      }),
    );
    await sagemaker.send(
      new UpdateFeatureGroupCommand({
        FeatureGroupName: 'customers',
        FeatureAdditions: [{ FeatureName: 'segment', FeatureType: 'String' }],
      }),
    );
    await runtime.send(
      new PutRecordCommand({
        FeatureGroupName: 'customers',
        Record: featureValues({ customer_id: 'c2', event_time: '2026-03-01T07:30:00Z', segment: 'gold' }),
      }),
    );
    const withNewFeature = await runtime.send(
      new GetRecordCommand({
        FeatureGroupName: 'customers',
        RecordIdentifierValueAsString: 'c2',
        ExpirationTimeResponse: 'Enabled',
      }),
    );
    expect(withNewFeature.Record).toEqual(
      featureValues({ customer_id: 'c2', event_time: '2026-03-01T07:30:00Z', segment: 'gold' }),
    );
    expect(withNewFeature.ExpiresAt).toBe('2026-03-01T09:30:00Z');

    await sagemaker.send(new DeleteFeatureGroupCommand({ FeatureGroupName: 'customers' }));
    await expectSageMakerError(describeGroup(sagemaker, 'customers'), {
      type: SageMakerResourceNotFound,
      name: 'ResourceNotFound',
      message: "Resource Not Found: Amazon SageMaker can't find a FeatureGroup with name customers",
    });
    await expectServiceError(
      runtime.send(new GetRecordCommand({ FeatureGroupName: 'customers', RecordIdentifierValueAsString: 'c1' })),
      { type: ResourceNotFound, name: 'ResourceNotFound', status: 404, message: "can't find a FeatureGroup" },
    );
    await expectServiceError(
      runtime.send(
        new PutRecordCommand({
          FeatureGroupName: 'customers',
          Record: featureValues({ customer_id: 'c3', event_time: '2026-03-01T07:00:00Z' }),
        }),
      ),
      { type: ValidationError, name: 'ValidationError', status: 400, message: 'Resource Not Found' },
    );
  });

  test('DescribeFeatureGroup answers what the service answers, with Dates for timestamps', async () => {
    const { sagemaker, featureStore } = session();
    featureStore.clock.set(CREATED_AT);
    await createGroup(
      sagemaker,
      customersRequest({
        FeatureGroupName: 'Customer-Profiles',
        OnlineStoreConfig: { EnableOnlineStore: true, TtlDuration: { Unit: 'Days', Value: 30 } },
        OfflineStoreConfig: { S3StorageConfig: { S3Uri: 's3://features-bucket/offline/' } },
        RoleArn: 'arn:aws:iam::123456789012:role/FeatureStoreRole',
        Description: 'Customer profile features',
      }),
    );
    const output = await describeGroup(sagemaker, 'Customer-Profiles');
    const { $metadata: _metadata, ...described } = output;
    const epoch = Math.floor(CREATED_EPOCH);
    expect(described).toEqual({
      // SageMaker writes resource names lower-cased into ARNs (docs/control-plane.md).
      FeatureGroupArn: 'arn:aws:sagemaker:us-east-1:123456789012:feature-group/customer-profiles',
      FeatureGroupName: 'Customer-Profiles',
      RecordIdentifierFeatureName: 'customer_id',
      EventTimeFeatureName: 'event_time',
      FeatureDefinitions: customersRequest().FeatureDefinitions,
      CreationTime: new Date(CREATED_AT),
      OnlineStoreConfig: { EnableOnlineStore: true, TtlDuration: { Unit: 'Days', Value: 30 } },
      OfflineStoreConfig: {
        S3StorageConfig: {
          S3Uri: 's3://features-bucket/offline/',
          ResolvedOutputS3Uri: `s3://features-bucket/offline/123456789012/sagemaker/us-east-1/offline-store/Customer-Profiles-${epoch}/data`,
        },
        DisableGlueTableCreation: false,
        DataCatalogConfig: {
          TableName: `customer-profiles_${epoch}`,
          Catalog: 'AwsDataCatalog',
          Database: 'sagemaker_featurestore',
        },
      },
      ThroughputConfig: { ThroughputMode: 'OnDemand' },
      RoleArn: 'arn:aws:iam::123456789012:role/FeatureStoreRole',
      FeatureGroupStatus: 'Created',
      OfflineStoreStatus: { Status: 'Active' },
      Description: 'Customer profile features',
      NextToken: '',
      OnlineStoreTotalSizeBytes: 0,
    });
    expect(output.CreationTime).toBeInstanceOf(Date);
  });

  test('the ARN of a group can stand for its name, in both APIs', async () => {
    const { sagemaker, runtime } = session();
    const { FeatureGroupArn } = await createGroup(sagemaker, customersRequest());
    const described = await sagemaker.send(new DescribeFeatureGroupCommand({ FeatureGroupName: FeatureGroupArn }));
    expect(described.FeatureGroupName).toBe('customers');
    await runtime.send(
      new PutRecordCommand({
        FeatureGroupName: FeatureGroupArn,
        Record: featureValues({ customer_id: 'c1', event_time: '2026-03-01T07:00:00Z' }),
      }),
    );
    const read = await runtime.send(
      new GetRecordCommand({ FeatureGroupName: 'customers', RecordIdentifierValueAsString: 'c1' }),
    );
    expect(read.Record).toHaveLength(2);
  });

  test('an online-only group reports OfflineStoreStatus Disabled and no OfflineStoreConfig', async () => {
    const { sagemaker } = session();
    await createGroup(sagemaker, onlineOnlyRequest('sessions'));
    const described = await describeGroup(sagemaker, 'sessions');
    expect(described.OfflineStoreStatus).toEqual({ Status: 'Disabled' });
    expect(described.OfflineStoreConfig).toBeUndefined();
    expect(described.OnlineStoreConfig).toEqual({ EnableOnlineStore: true });
  });

  test('an offline-only group has no OnlineStoreConfig and no online size', async () => {
    const { sagemaker } = session();
    const { OnlineStoreConfig: _omitted, ...request } = customersRequest({ FeatureGroupName: 'history' });
    await createGroup(sagemaker, request);
    const described = await describeGroup(sagemaker, 'history');
    expect(described.OnlineStoreConfig).toBeUndefined();
    expect(described.OnlineStoreTotalSizeBytes).toBeUndefined();
    expect(described.OfflineStoreStatus).toEqual({ Status: 'Active' });
  });

  test('Glue table naming: generated, given, or none when DisableGlueTableCreation', async () => {
    const { sagemaker, featureStore } = session();
    featureStore.clock.set(CREATED_AT);
    const epoch = Math.floor(CREATED_EPOCH);
    const catalog = { TableName: 'my_table', Catalog: 'AwsDataCatalog', Database: 'my_db' };
    await createGroup(
      sagemaker,
      customersRequest({
        FeatureGroupName: 'given',
        OfflineStoreConfig: { S3StorageConfig: { S3Uri: 's3://bucket' }, DataCatalogConfig: catalog },
      }),
    );
    await createGroup(
      sagemaker,
      customersRequest({
        FeatureGroupName: 'none',
        OfflineStoreConfig: { S3StorageConfig: { S3Uri: 's3://bucket' }, DisableGlueTableCreation: true },
      }),
    );
    await createGroup(
      sagemaker,
      customersRequest({
        FeatureGroupName: 'iceberg',
        OfflineStoreConfig: { S3StorageConfig: { S3Uri: 's3://bucket' }, TableFormat: 'Iceberg' },
      }),
    );
    expect((await describeGroup(sagemaker, 'given')).OfflineStoreConfig?.DataCatalogConfig).toEqual(catalog);
    const none = (await describeGroup(sagemaker, 'none')).OfflineStoreConfig;
    expect(none?.DataCatalogConfig).toBeUndefined();
    expect(none?.DisableGlueTableCreation).toBe(true);
    const iceberg = (await describeGroup(sagemaker, 'iceberg')).OfflineStoreConfig;
    expect(iceberg).toEqual({
      S3StorageConfig: {
        S3Uri: 's3://bucket',
        ResolvedOutputS3Uri: `s3://bucket/123456789012/sagemaker/us-east-1/offline-store/iceberg-${epoch}/data`,
      },
      DisableGlueTableCreation: false,
      DataCatalogConfig: {
        TableName: `iceberg_${epoch}`,
        Catalog: 'AwsDataCatalog',
        Database: 'sagemaker_featurestore',
      },
      TableFormat: 'Iceberg',
    });
  });

  test('OnlineStoreTotalSizeBytes counts the live records', async () => {
    const { sagemaker, runtime } = session();
    await createGroup(sagemaker, customersRequest());
    await runtime.send(
      new PutRecordCommand({
        FeatureGroupName: 'customers',
        Record: featureValues({ customer_id: 'c1', event_time: '2026-03-01T07:00:00Z' }),
      }),
    );
    const described = await describeGroup(sagemaker, 'customers');
    expect(described.OnlineStoreTotalSizeBytes).toBe('c1'.length * 2 + '2026-03-01T07:00:00Z'.length);
  });

  test('DeleteFeatureGroup of an unknown group is ResourceNotFound, and it takes a name, not an ARN', async () => {
    const { sagemaker } = session();
    await expectSageMakerError(sagemaker.send(new DeleteFeatureGroupCommand({ FeatureGroupName: 'nope' })), {
      type: SageMakerResourceNotFound,
      name: 'ResourceNotFound',
      message: "can't find a FeatureGroup with name nope",
    });
    const { FeatureGroupArn } = await createGroup(sagemaker, customersRequest());
    const error = await sagemaker
      .send(new DeleteFeatureGroupCommand({ FeatureGroupName: FeatureGroupArn }))
      .catch((e: unknown) => e as Error);
    expect((error as Error).name).toBe('ValidationException');
    expect((error as Error).message).toContain("at 'featureGroupName' failed to satisfy constraint");
    expect((await describeGroup(sagemaker, 'customers')).FeatureGroupStatus).toBe('Created');
  });

  test('a deleted group can be created again, with a fresh, empty online store', async () => {
    const { sagemaker, runtime } = session();
    await createGroup(sagemaker, customersRequest());
    await runtime.send(
      new PutRecordCommand({
        FeatureGroupName: 'customers',
        Record: featureValues({ customer_id: 'c1', event_time: '2026-03-01T07:00:00Z' }),
      }),
    );
    await sagemaker.send(new DeleteFeatureGroupCommand({ FeatureGroupName: 'customers' }));
    await createGroup(sagemaker, customersRequest());
    const read = await runtime.send(
      new GetRecordCommand({ FeatureGroupName: 'customers', RecordIdentifierValueAsString: 'c1' }),
    );
    expect(read.Record).toBeUndefined();
  });
});
