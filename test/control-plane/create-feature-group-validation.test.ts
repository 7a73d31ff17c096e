import {
  CreateFeatureGroupCommand,
  ListFeatureGroupsCommand,
  ResourceInUse,
  ResourceLimitExceeded,
  type CreateFeatureGroupCommandInput,
  type FeatureDefinition,
} from '@aws-sdk/client-sagemaker';
import { describeEachTarget } from '../support/targets.js';
import {
  createGroup,
  customersRequest,
  expectSageMakerError,
  onlineOnlyRequest,
  validationException,
  type ExpectedSageMakerError,
} from './helpers.js';

const withFeatures = (...extra: FeatureDefinition[]): FeatureDefinition[] => [
  ...(customersRequest().FeatureDefinitions ?? []),
  ...extra,
];

/** Each rejected request and the error the service answers with (spec §5, §10). */
const rejected: [string, CreateFeatureGroupCommandInput, ExpectedSageMakerError][] = [
  [
    'a name longer than 64 characters',
    customersRequest({ FeatureGroupName: 'a'.repeat(65) }),
    validationException([
      "at 'featureGroupName' failed to satisfy constraint: Member must have length less than or equal to 64",
    ]),
  ],
  [
    'a name outside the pattern',
    customersRequest({ FeatureGroupName: 'customers.v2' }),
    validationException(
      "Value 'customers.v2' at 'featureGroupName' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9]([_-]*[a-zA-Z0-9]){0,63}",
    ),
  ],
  [
    'a name starting with a hyphen',
    customersRequest({ FeatureGroupName: '-customers' }),
    validationException("at 'featureGroupName' failed to satisfy constraint"),
  ],
  [
    'no FeatureDefinitions',
    customersRequest({ FeatureDefinitions: [] }),
    validationException(
      "at 'featureDefinitions' failed to satisfy constraint: Member must have length greater than or equal to 1",
    ),
  ],
  [
    'a RecordIdentifierFeatureName that is not a feature',
    customersRequest({ RecordIdentifierFeatureName: 'id' }),
    validationException('The RecordIdentifierFeatureName id must be one of the FeatureDefinitions'),
  ],
  [
    'an EventTimeFeatureName that is not a feature',
    customersRequest({ EventTimeFeatureName: 'ts' }),
    validationException('The EventTimeFeatureName ts must be one of the FeatureDefinitions'),
  ],
  [
    'an Integral event time',
    customersRequest({ EventTimeFeatureName: 'age' }),
    validationException('must be of FeatureType String or Fractional, not Integral'),
  ],
  ...['is_deleted', 'write_time', 'api_invocation_time'].map(
    (reserved): [string, CreateFeatureGroupCommandInput, ExpectedSageMakerError] => [
      `the reserved feature name ${reserved}`,
      customersRequest({ FeatureDefinitions: withFeatures({ FeatureName: reserved, FeatureType: 'String' }) }),
      validationException(`The feature name ${reserved} is reserved`),
    ],
  ),
  [
    'a feature defined twice',
    customersRequest({ FeatureDefinitions: withFeatures({ FeatureName: 'age', FeatureType: 'String' }) }),
    validationException('The feature name age is defined more than once'),
  ],
  [
    'neither store',
    (() => {
      const { OnlineStoreConfig: _on, OfflineStoreConfig: _off, ...request } = customersRequest();
      return request;
    })(),
    validationException('OnlineStore and OfflineStore cannot be both disabled'),
  ],
  [
    'EnableOnlineStore false and no offline store',
    { ...onlineOnlyRequest('customers'), OnlineStoreConfig: { EnableOnlineStore: false } },
    validationException('OnlineStore and OfflineStore cannot be both disabled'),
  ],
  [
    'Iceberg with a Fractional event time',
    customersRequest({
      EventTimeFeatureName: 'score',
      OfflineStoreConfig: { S3StorageConfig: { S3Uri: 's3://bucket' }, TableFormat: 'Iceberg' },
    }),
    validationException('Iceberg table format need a String event time; score is Fractional'),
  ],
  [
    'Iceberg without Glue table creation',
    customersRequest({
      OfflineStoreConfig: {
        S3StorageConfig: { S3Uri: 's3://bucket' },
        TableFormat: 'Iceberg',
        DisableGlueTableCreation: true,
      },
    }),
    validationException('Iceberg TableFormat is supported only when DisableGlueTableCreation is false'),
  ],
  [
    'a collection type on a Standard online store',
    customersRequest({
      FeatureDefinitions: withFeatures({ FeatureName: 'tags', FeatureType: 'String', CollectionType: 'List' }),
    }),
    validationException('only InMemory online store feature groups support collection types'),
  ],
  [
    'a collection type on an offline-only group',
    (() => {
      const { OnlineStoreConfig: _on, ...request } = customersRequest({
        FeatureDefinitions: withFeatures({ FeatureName: 'tags', FeatureType: 'String', CollectionType: 'Set' }),
      });
      return request;
    })(),
    validationException('only InMemory online store feature groups support collection types'),
  ],
  [
    'an InMemory online store with an offline store',
    customersRequest({ OnlineStoreConfig: { EnableOnlineStore: true, StorageType: 'InMemory' } }),
    validationException('InMemory StorageType does not support an OfflineStore'),
  ],
  [
    'an unknown StorageType',
    customersRequest({ OnlineStoreConfig: { EnableOnlineStore: true, StorageType: 'Fast' as never } }),
    validationException(
      "Value 'Fast' at 'onlineStoreConfig.storageType' failed to satisfy constraint: Member must satisfy enum value set: [Standard, Standard_V2, InMemory]",
    ),
  ],
  [
    'an S3Uri that is not s3:// or https://',
    customersRequest({ OfflineStoreConfig: { S3StorageConfig: { S3Uri: 'bucket/prefix' } } }),
    validationException("at 'offlineStoreConfig.s3StorageConfig.s3Uri' failed to satisfy constraint"),
  ],
  [
    'a TtlDuration of 0',
    customersRequest({ OnlineStoreConfig: { EnableOnlineStore: true, TtlDuration: { Unit: 'Days', Value: 0 } } }),
    validationException("at 'onlineStoreConfig.ttlDuration.value' failed to satisfy constraint"),
  ],
  [
    'a RoleArn that is not an IAM role ARN',
    customersRequest({ RoleArn: 'arn:aws:iam::123456789012:user/someone' }),
    validationException("at 'roleArn' failed to satisfy constraint"),
  ],
  [
    'a Description over 128 characters',
    customersRequest({ Description: 'd'.repeat(129) }),
    validationException(
      "at 'description' failed to satisfy constraint: Member must have length less than or equal to 128",
    ),
  ],
  [
    'Provisioned throughput on an InMemory store',
    {
      ...onlineOnlyRequest('customers'),
      OnlineStoreConfig: { EnableOnlineStore: true, StorageType: 'InMemory' },
      ThroughputConfig: { ThroughputMode: 'Provisioned', ProvisionedWriteCapacityUnits: 1 },
    },
    validationException('ThroughputMode Provisioned is supported only'),
  ],
  [
    'a ThroughputConfig without ThroughputMode',
    customersRequest({ ThroughputConfig: {} as never }),
    validationException(
      "Value null at 'throughputConfig.throughputMode' failed to satisfy constraint: Member must not be null",
    ),
  ],
];

describeEachTarget('CreateFeatureGroup validation', (session) => {
  test.each(rejected)('rejects %s, and creates nothing', async (_title, request, expected) => {
    const { sagemaker } = session();
    await expectSageMakerError(sagemaker.send(new CreateFeatureGroupCommand(request)), expected);
    const listed = await sagemaker.send(new ListFeatureGroupsCommand({}));
    expect(listed.FeatureGroupSummaries).toEqual([]);
  });

  test('several model violations are reported together', async () => {
    const { sagemaker } = session();
    await expectSageMakerError(
      sagemaker.send(new CreateFeatureGroupCommand({} as CreateFeatureGroupCommandInput)),
      validationException([
        '4 validation errors detected:',
        "Value null at 'featureGroupName' failed to satisfy constraint: Member must not be null",
        "Value null at 'featureDefinitions' failed to satisfy constraint: Member must not be null",
      ]),
    );
  });

  test('a Fractional event time and a Fractional record identifier are accepted', async () => {
    const { sagemaker } = session();
    await createGroup(
      sagemaker,
      customersRequest({
        FeatureGroupName: 'fractional',
        EventTimeFeatureName: 'score',
        RecordIdentifierFeatureName: 'score',
      }),
    );
  });

  test('collection types on an InMemory online store are accepted', async () => {
    const { sagemaker } = session();
    await createGroup(sagemaker, {
      ...onlineOnlyRequest('cache'),
      OnlineStoreConfig: { EnableOnlineStore: true, StorageType: 'InMemory' },
      FeatureDefinitions: withFeatures(
        { FeatureName: 'tags', FeatureType: 'String', CollectionType: 'List' },
        {
          FeatureName: 'embedding',
          FeatureType: 'Fractional',
          CollectionType: 'Vector',
          CollectionConfig: { VectorConfig: { Dimension: 4 } },
        },
      ),
    });
  });

  test('a duplicate name is ResourceInUse, whatever its case', async () => {
    const { sagemaker } = session();
    await createGroup(sagemaker, customersRequest());
    for (const name of ['customers', 'CUSTOMERS']) {
      await expectSageMakerError(
        sagemaker.send(new CreateFeatureGroupCommand(customersRequest({ FeatureGroupName: name }))),
        { type: ResourceInUse, name: 'ResourceInUse', message: `FeatureGroup with name ${name} already exists` },
      );
    }
  });
});

describeEachTarget(
  'CreateFeatureGroup quota',
  (session) => {
    test('feature groups beyond the per-account, per-region quota are ResourceLimitExceeded', async () => {
      const { sagemaker } = session();
      await createGroup(sagemaker, customersRequest({ FeatureGroupName: 'one' }));
      await createGroup(sagemaker, customersRequest({ FeatureGroupName: 'two' }));
      await expectSageMakerError(
        sagemaker.send(new CreateFeatureGroupCommand(customersRequest({ FeatureGroupName: 'three' }))),
        {
          type: ResourceLimitExceeded,
          name: 'ResourceLimitExceeded',
          message: "'Maximum number of feature groups' is 2",
        },
      );
    });
  },
  { behaviour: { featureGroupLimit: 2 } },
);
