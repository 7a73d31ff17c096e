import { CreateFeatureGroupCommand, SageMakerServiceException } from '@aws-sdk/client-sagemaker';
import {
  BatchWriteRecordCommand,
  UpdateRecordCommand,
  ValidationError,
  type FeatureValue,
} from '@aws-sdk/client-sagemaker-featurestore-runtime';
import type { CreateFeatureGroupInput, FeatureDefinition } from '../../src/index.js';
import { describeEachTarget } from '../support/targets.js';
import { expectServiceError, runtimeCalls, snapshotOf, NOW, T_LATER, T_STORED } from './helpers.js';

/** An InMemory group with one feature of each collection type, and a scalar. */
const itemsGroup = (extra: FeatureDefinition[] = []): CreateFeatureGroupInput => ({
  FeatureGroupName: 'items',
  RecordIdentifierFeatureName: 'item_id',
  EventTimeFeatureName: 'event_time',
  FeatureDefinitions: [
    { FeatureName: 'item_id', FeatureType: 'String' },
    { FeatureName: 'event_time', FeatureType: 'String' },
    { FeatureName: 'title', FeatureType: 'String' },
    { FeatureName: 'ratings', FeatureType: 'Integral', CollectionType: 'List' },
    { FeatureName: 'tags', FeatureType: 'String', CollectionType: 'Set' },
    { FeatureName: 'prices', FeatureType: 'Fractional', CollectionType: 'List' },
    {
      FeatureName: 'embedding',
      FeatureType: 'Fractional',
      CollectionType: 'Vector',
      CollectionConfig: { VectorConfig: { Dimension: 3 } },
    },
    ...extra,
  ],
  OnlineStoreConfig: { EnableOnlineStore: true, StorageType: 'InMemory' },
});

const scalar = (FeatureName: string, ValueAsString: string): FeatureValue => ({ FeatureName, ValueAsString });
const list = (FeatureName: string, ValueAsStringList: string[]): FeatureValue => ({ FeatureName, ValueAsStringList });
const identity = (id: string, eventTime = T_STORED): FeatureValue[] => [
  scalar('item_id', id),
  scalar('event_time', eventTime),
];

describeEachTarget('Collection types (InMemory)', (session) => {
  const calls = runtimeCalls(session);
  const put = (id: string, values: FeatureValue[], eventTime = T_STORED) =>
    calls.put({ FeatureGroupName: 'items', Record: [...identity(id, eventTime), ...values] });
  const get = async (id: string, FeatureNames?: string[]) =>
    (await calls.get(id, { FeatureGroupName: 'items', ...(FeatureNames === undefined ? {} : { FeatureNames }) }))
      .Record;
  const rejected = (call: Promise<unknown>, message: string | string[]) =>
    expectServiceError(call, { type: ValidationError, name: 'ValidationError', status: 400, message });

  beforeEach(() => {
    session().featureStore.createFeatureGroup(itemsGroup());
    session().featureStore.clock.set(NOW);
  });

  test('collections round-trip verbatim through ValueAsStringList; scalars stay ValueAsString', async () => {
    await put('i1', [
      scalar('title', 'Lamp'),
      list('ratings', ['5', '3', '5', '+04']),
      list('tags', ['home', 'light']),
      list('prices', ['1.4', '25', '3.20']),
      list('embedding', ['0.1', '-2', '3e-2']),
    ]);
    expect(await get('i1')).toEqual([
      ...identity('i1'),
      scalar('title', 'Lamp'),
      list('ratings', ['5', '3', '5', '+04']),
      list('tags', ['home', 'light']),
      list('prices', ['1.4', '25', '3.20']),
      list('embedding', ['0.1', '-2', '3e-2']),
    ]);
    expect(await get('i1', ['tags', 'title'])).toEqual([scalar('title', 'Lamp'), list('tags', ['home', 'light'])]);
    const batch = await calls.batchGet({
      Identifiers: [{ FeatureGroupName: 'items', RecordIdentifiersValueAsString: ['i1'], FeatureNames: ['embedding'] }],
    });
    expect(batch.Records?.[0]?.Record).toEqual([list('embedding', ['0.1', '-2', '3e-2'])]);
  });

  test('List keeps order and repeats', async () => {
    await put('i1', [list('ratings', ['3', '1', '3', '2', '1'])]);
    expect(await get('i1', ['ratings'])).toEqual([list('ratings', ['3', '1', '3', '2', '1'])]);
  });

  test('Set drops repeated elements, keeping the first occurrence of each, without an error', async () => {
    await put('i1', [list('tags', ['b', 'a', 'b', 'c', 'a'])]);
    expect(await get('i1', ['tags'])).toEqual([list('tags', ['b', 'a', 'c'])]);
    expect(session().featureStore.onlineRecord('items', 'i1')?.features.tags).toEqual(['b', 'a', 'c']);
  });

  test('an empty collection is accepted and stored as no value: GetRecord omits it', async () => {
    await put('i1', [list('ratings', []), list('tags', []), scalar('title', 'x')]);
    expect(await get('i1')).toEqual([...identity('i1'), scalar('title', 'x')]);
  });

  describe('Vector', () => {
    test('needs exactly Dimension elements', async () => {
      await rejected(put('i1', [list('embedding', ['1', '2'])]), ['embedding', 'dimension 3', '2 elements']);
      await rejected(put('i1', [list('embedding', ['1', '2', '3', '4'])]), ['embedding', 'dimension 3', '4 elements']);
      expect(await get('i1')).toBeUndefined();
    });

    test('elements must be Fractional', async () => {
      await rejected(
        put('i1', [list('embedding', ['1', 'x', '3'])]),
        "'x' of feature embedding is not a valid Fractional",
      );
      await rejected(put('i1', [list('embedding', ['1', 'NaN', '3'])]), "'NaN' of feature embedding");
    });

    /** The control plane's rule violations arrive as SageMaker's base exception named ValidationException. */
    const expectCreateRejected = async (input: CreateFeatureGroupInput, message: string) => {
      const error: unknown = await session()
        .sagemaker.send(new CreateFeatureGroupCommand({ ...input, FeatureGroupName: 'rejected' }))
        .catch((rejection: unknown) => rejection);
      expect(error).toBeInstanceOf(SageMakerServiceException);
      expect(error).toMatchObject({ name: 'ValidationException', $metadata: { httpStatusCode: 400 } });
      expect((error as Error).message).toContain(message);
      expect(session().featureStore.featureGroupNames()).not.toContain('rejected');
    };
    const withVector = (change: Partial<FeatureDefinition>): CreateFeatureGroupInput => {
      const group = itemsGroup();
      return {
        ...group,
        FeatureDefinitions: group.FeatureDefinitions.map((feature) =>
          feature.CollectionType === 'Vector' ? { ...feature, ...change } : feature,
        ),
      };
    };

    test('CreateFeatureGroup rejects a second Vector feature', async () => {
      const second: FeatureDefinition = {
        FeatureName: 'second',
        FeatureType: 'Fractional',
        CollectionType: 'Vector',
        CollectionConfig: { VectorConfig: { Dimension: 2 } },
      };
      await expectCreateRejected(itemsGroup([second]), 'at most one Vector');
    });

    test('CreateFeatureGroup rejects a Vector that is not Fractional, or has no Dimension', async () => {
      await expectCreateRejected(withVector({ FeatureType: 'Integral' }), 'must be Fractional');
      await expectCreateRejected(withVector({ CollectionConfig: undefined }), 'VectorConfig.Dimension');
    });

    test.each([0, 8193])('CreateFeatureGroup rejects Dimension %d (1-8192)', async (dimension) => {
      await expectCreateRejected(
        withVector({ CollectionConfig: { VectorConfig: { Dimension: dimension } } }),
        `Value '${dimension}' at 'featureDefinitions.7.member.collectionConfig.vectorConfig.dimension'`,
      );
    });

    test('Dimension 8192 is the largest', async () => {
      session().featureStore.createFeatureGroup({
        ...withVector({ CollectionConfig: { VectorConfig: { Dimension: 8192 } } }),
        FeatureGroupName: 'wide',
      });
      const embedding = Array.from({ length: 8192 }, (_, i) => String(i / 8192));
      await calls.put({ FeatureGroupName: 'wide', Record: [...identity('w'), list('embedding', embedding)] });
      expect(session().featureStore.onlineRecord('wide', 'w')?.features.embedding).toEqual(embedding);
    });
  });

  describe('element values are checked against the FeatureType', () => {
    test.each([
      ['an Integral List', list('ratings', ['1', '1.5']), "'1.5' of feature ratings is not a valid Integral"],
      [
        'a Fractional List',
        list('prices', ['1', 'Infinity']),
        "'Infinity' of feature prices is not a valid Fractional",
      ],
    ])('%s', async (_title, value, message) => {
      await rejected(put('i1', [value]), message);
    });

    test('a null element never reaches the service: the SDK drops it, so a List keeps the rest and a Vector comes up short', async () => {
      const missing = null as unknown as string;
      await put('i1', [list('ratings', ['1', missing, '2'])]);
      expect(await get('i1', ['ratings'])).toEqual([list('ratings', ['1', '2'])]);
      await rejected(put('i2', [list('embedding', ['1', missing, '3'])]), ['dimension 3', '2 elements']);
    });
  });

  describe('ValueAsString and ValueAsStringList must match the feature (ValidationError)', () => {
    test.each([
      ['ValueAsString on a collection', scalar('tags', 'a'), ['tags', 'use ValueAsStringList']],
      ['ValueAsStringList on a scalar', list('title', ['a']), ['title', 'use ValueAsString']],
      ['both', { FeatureName: 'tags', ValueAsString: 'a', ValueAsStringList: ['a'] }, ['tags', 'set exactly one']],
      ['neither', { FeatureName: 'tags' }, ['tags', 'use ValueAsStringList']],
    ] as [string, FeatureValue, string[]][])('%s', async (_title, value, message) => {
      await rejected(put('i1', [value]), message);
      expect(session().featureStore.onlineRecord('items', 'i1')).toBeUndefined();
    });
  });

  test('UpdateRecord replaces a collection whole, de-duplicates a Set, and an empty collection clears the feature', async () => {
    await put('i1', [list('ratings', ['1', '2']), list('tags', ['a']), list('embedding', ['0', '0', '0'])]);
    await session().runtime.send(
      new UpdateRecordCommand({
        FeatureGroupName: 'items',
        RecordIdentifierValueAsString: 'i1',
        Features: [list('tags', ['x', 'y', 'x']), list('ratings', []), scalar('event_time', T_LATER)],
      }),
    );
    expect(await get('i1')).toEqual([
      ...identity('i1', T_LATER),
      list('tags', ['x', 'y']),
      list('embedding', ['0', '0', '0']),
    ]);
    const before = snapshotOf(session, 'items', ['i1']);
    await rejected(
      session().runtime.send(
        new UpdateRecordCommand({
          FeatureGroupName: 'items',
          RecordIdentifierValueAsString: 'i1',
          Features: [list('embedding', ['1', '2'])],
        }),
      ),
      'dimension 3',
    );
    expect(snapshotOf(session, 'items', ['i1'])).toEqual(before);
  });

  test('BatchWriteRecord carries collections, and a bad one fails only its entry', async () => {
    const output = await session().runtime.send(
      new BatchWriteRecordCommand({
        Entries: [
          { FeatureGroupName: 'items', Record: [...identity('i1'), list('tags', ['a', 'a'])] },
          { FeatureGroupName: 'items', Record: [...identity('i2'), list('embedding', ['1'])] },
        ],
      }),
    );
    expect(output.Errors?.map((error) => error.Entry?.Record?.[0]?.ValueAsString)).toEqual(['i2']);
    expect(await get('i1', ['tags'])).toEqual([list('tags', ['a'])]);
  });
});
