import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  DeleteRecordCommand,
  GetRecordCommand,
  ListRecordsCommand,
  PutRecordCommand,
  SageMakerFeatureStoreRuntimeClient,
} from '@aws-sdk/client-sagemaker-featurestore-runtime';
import { SageMakerClient, UpdateFeatureGroupCommand } from '@aws-sdk/client-sagemaker';
import { mockFeatureStore, type FeatureStoreMock, type MockFeatureStoreOptions } from '../../src/index.js';
import { customersGroup } from '../support/fixtures.js';

const fixture = (name: string): string => join(__dirname, 'fixtures', name);
const client = new SageMakerFeatureStoreRuntimeClient({ region: 'us-east-1' });
const getRecord = (id: string, FeatureGroupName = 'customers') =>
  client.send(new GetRecordCommand({ FeatureGroupName, RecordIdentifierValueAsString: id }));
const featuresOf = async (id: string): Promise<Record<string, string> | undefined> => {
  const { Record } = await getRecord(id);
  return Record && Object.fromEntries(Record.map((value) => [value.FeatureName, value.ValueAsString ?? '']));
};

let featureStore: FeatureStoreMock;
let insideTest = false;
const open = (options: MockFeatureStoreOptions = {}): void => {
  insideTest = false;
  featureStore = mockFeatureStore({ isInsideTest: () => insideTest, ...options });
};
afterEach(() => featureStore.restore());

describe('seed()', () => {
  beforeEach(() => {
    open();
    featureStore.createFeatureGroup(customersGroup());
    featureStore.clock.set('2026-04-01T00:00:00Z');
  });

  test('rows given inline: numbers and booleans become text, null is absent', async () => {
    const result = featureStore.seed('customers', [
      { customer_id: 'c1', event_time: '2026-01-01T00:00:00Z', age: 42, score: 0.5, city: null },
    ]);
    expect(result).toEqual({ put: 1, deleted: 0 });
    expect(await featuresOf('c1')).toEqual({
      customer_id: 'c1',
      event_time: '2026-01-01T00:00:00Z',
      age: '42',
      score: '0.5',
    });
    expect(featureStore.offlineRecords('customers')[0]).toMatchObject({
      api_invocation_time: '2026-04-01T00:00:00.000Z',
      city: null,
    });
  });

  test('an Athena CSV export: quoted fields, NULL left empty, offline and partition columns ignored', async () => {
    expect(featureStore.seed('customers', fixture('customers-athena.csv'))).toEqual({ put: 3, deleted: 0 });
    expect(await featuresOf('c2')).toEqual({
      customer_id: 'c2',
      event_time: '2026-01-02T00:00:00Z',
      score: '1.25',
      city: '',
    });
    expect((await featuresOf('c3'))?.city).toBe('Lyon, "centre"\nbis');
    // write_time and api_invocation_time are the emulator's own, not the export's.
    expect(featureStore.offlineRecords('customers', { recordIdentifier: 'c1' })[0]?.write_time).toBe(
      '2026-04-01T00:00:00.000Z',
    );
  });

  test('NDJSON with a deletion marker replays it as DeleteRecord', async () => {
    expect(featureStore.seed('customers', fixture('customers.ndjson'))).toEqual({ put: 2, deleted: 1 });
    expect(await featuresOf('c1')).toBeUndefined();
    expect(featureStore.onlineRecord('customers', 'c1')).toMatchObject({
      deleted: true,
      eventTime: '2026-02-01T00:00:00Z',
    });
    expect(featureStore.offlineRecords('customers', { recordIdentifier: 'c1' }).map((row) => row.is_deleted)).toEqual([
      false,
      true,
    ]);
  });

  test('a JSON array file; the EventTime rules decide what stays online', async () => {
    featureStore.seed('customers', fixture('customers.json'));
    featureStore.seed('customers', [{ customer_id: 'c1', event_time: '2025-12-31T00:00:00Z', age: 1 }]);
    expect((await featuresOf('c1'))?.age).toBe('42');
    expect(featureStore.offlineRecords('customers', { recordIdentifier: 'c1' })).toHaveLength(2);
  });

  test('a row that PutRecord refuses names the row, and nothing of that seed is kept', async () => {
    await client.send(
      new PutRecordCommand({
        FeatureGroupName: 'customers',
        Record: [
          { FeatureName: 'customer_id', ValueAsString: 'c0' },
          { FeatureName: 'event_time', ValueAsString: '2026-01-01T00:00:00Z' },
        ],
      }),
    );
    expect(() => featureStore.seed('customers', fixture('customers-bad-age.csv'))).toThrow(
      expect.objectContaining({
        name: 'SeedError',
        code: 'ValidationError',
        row: 2,
        message: expect.stringMatching(/customers-bad-age\.csv row 2: ValidationError: .*forty-two/),
      }),
    );
    expect(featureStore.onlineRecord('customers', 'c8')).toBeUndefined();
    expect(featureStore.onlineRecord('customers', 'c0')).toBeDefined();
    expect(featureStore.offlineRecords('customers').map((row) => row.customer_id)).toEqual(['c0']);
  });

  test('unknown columns, nested objects and undeclared groups are refused', () => {
    expect(() =>
      featureStore.seed('customers', [{ customer_id: 'c1', event_time: '2026-01-01T00:00:00Z', colour: 'red' }]),
    ).toThrow(/row 1: ValidationError: .*colour/);
    expect(() =>
      featureStore.seed('customers', [{ customer_id: 'c1', event_time: '2026-01-01T00:00:00Z', city: { a: 1 } }]),
    ).toThrow(/column city holds \{"a":1\}/);
    expect(() => featureStore.seed('orders', [])).toThrow(/orders: it is not declared/);
    expect(() => featureStore.seed('customers', 'fixtures/customers.txt')).toThrow(/name it \.csv, \.json/);
  });

  test('a suite seed whose group a test deleted is skipped, not a failing reset()', () => {
    featureStore.seed('customers', fixture('customers.json'));
    insideTest = true;
    featureStore.deleteFeatureGroup('customers');
    expect(() => featureStore.reset()).not.toThrow();
  });

  test('outside a test the seed outlives reset(); inside a test it does not', async () => {
    featureStore.seed('customers', fixture('customers.json'));
    insideTest = true;
    featureStore.seed('customers', [{ customer_id: 'c9', event_time: '2026-01-01T00:00:00Z' }]);
    featureStore.reset();
    expect(await featuresOf('c1')).toBeDefined();
    expect(await featuresOf('c9')).toBeUndefined();
    featureStore.reset();
    expect(featureStore.offlineRecords('customers')).toHaveLength(2);
  });
});

describe('snapshots', () => {
  const sagemaker = new SageMakerClient({ region: 'us-east-1' });

  /** A store with a bit of everything: two regions, TTL, a soft delete, a buffered offline row, an added feature. */
  const buildGoldenState = async (): Promise<void> => {
    featureStore.configure({ offlineDelivery: { delay: '15m' } });
    featureStore.clock.set('2026-05-01T08:00:00Z');
    featureStore.createFeatureGroup(customersGroup({ Description: 'golden' }));
    featureStore.createFeatureGroup(customersGroup({ FeatureGroupName: 'orders' }), { region: 'eu-west-1' });
    await sagemaker.send(
      new UpdateFeatureGroupCommand({
        FeatureGroupName: 'customers',
        FeatureAdditions: [{ FeatureName: 'tier', FeatureType: 'String' }],
      }),
    );
    for (const [id, tier] of [
      ['c1', 'gold'],
      ['c2', 'silver'],
      ['c3', 'bronze'],
    ] as const) {
      await client.send(
        new PutRecordCommand({
          FeatureGroupName: 'customers',
          Record: [
            { FeatureName: 'customer_id', ValueAsString: id },
            { FeatureName: 'event_time', ValueAsString: '2026-05-01T07:00:00.123456Z' },
            { FeatureName: 'tier', ValueAsString: tier },
          ],
          TtlDuration: { Unit: 'Days', Value: 30 },
        }),
      );
    }
    await client.send(
      new DeleteRecordCommand({
        FeatureGroupName: 'customers',
        RecordIdentifierValueAsString: 'c2',
        EventTime: '2026-05-01T07:30:00Z',
      }),
    );
    featureStore.clock.advance('20m');
    await client.send(
      new PutRecordCommand({
        FeatureGroupName: 'customers',
        Record: [
          { FeatureName: 'customer_id', ValueAsString: 'c4' },
          { FeatureName: 'event_time', ValueAsString: '2026-05-01T08:10:00Z' },
        ],
      }),
    );
  };

  test('export, JSON, load into a new mock: the same store', async () => {
    open();
    await buildGoldenState();
    const snapshot = featureStore.snapshot();
    const json = JSON.parse(JSON.stringify(snapshot)) as typeof snapshot;
    featureStore.restore();

    open({ offlineDelivery: { delay: '15m' } });
    featureStore.loadSnapshot(json);
    expect(featureStore.snapshot()).toEqual(snapshot);
    expect(featureStore.clock.now()).toBe(Date.parse('2026-05-01T08:20:00Z'));
    expect(await featuresOf('c1')).toMatchObject({ tier: 'gold', event_time: '2026-05-01T07:00:00.123456Z' });
    expect(await featuresOf('c2')).toBeUndefined();
    const expiring = await client.send(
      new GetRecordCommand({
        FeatureGroupName: 'customers',
        RecordIdentifierValueAsString: 'c3',
        ExpirationTimeResponse: 'Enabled',
      }),
    );
    expect(expiring.ExpiresAt).toBe('2026-05-31T07:00:00.123456Z');
    const listed = await client.send(
      new ListRecordsCommand({ FeatureGroupName: 'customers', IncludeSoftDeletedRecords: true }),
    );
    expect(listed.RecordIdentifiers).toEqual(['c1', 'c2', 'c3', 'c4']);
    // The row written at 08:20 is still buffered; the earlier ones were delivered at 08:15.
    expect(featureStore.offlineRecords('customers').map((row) => row.customer_id)).toEqual(['c1', 'c2', 'c3', 'c2']);
    expect(featureStore.flushOffline()).toBe(1);
    expect(snapshot.featureGroups.map((group) => [group.region, group.definition.FeatureGroupName])).toEqual([
      ['us-east-1', 'customers'],
      ['eu-west-1', 'orders'],
    ]);
  });

  test('saveSnapshot() writes a golden file that mockFeatureStore({ snapshot }) starts from', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fsmock-snapshot-'));
    try {
      open();
      await buildGoldenState();
      const file = join(dir, 'nested', 'golden.json');
      const saved = featureStore.saveSnapshot(file);
      expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(saved);
      featureStore.restore();
      open({ snapshot: file });
      expect(featureStore.snapshot().featureGroups).toEqual(saved.featureGroups);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('a suite-level snapshot comes back on every reset(), frozen clock included', async () => {
    open();
    await buildGoldenState();
    const golden = featureStore.snapshot();
    featureStore.restore();

    open();
    featureStore.loadSnapshot(golden);
    insideTest = true;
    await client.send(
      new DeleteRecordCommand({
        FeatureGroupName: 'customers',
        RecordIdentifierValueAsString: 'c1',
        EventTime: '2026-05-02T00:00:00Z',
      }),
    );
    featureStore.clock.advance('40d');
    featureStore.reset();
    expect(featureStore.clock.now()).toBe(Date.parse('2026-05-01T08:20:00Z'));
    expect(await featuresOf('c1')).toMatchObject({ tier: 'gold' });
    expect(featureStore.snapshot()).toEqual(golden);
  });

  test('a snapshot loaded inside a test replaces groups until reset() brings the suite’s back', async () => {
    open();
    featureStore.createFeatureGroup(customersGroup());
    featureStore.seed('customers', [{ customer_id: 'suite', event_time: '2026-01-01T00:00:00Z' }]);
    const suite = featureStore.snapshot();
    const [group] = suite.featureGroups;
    const fromTheTest = {
      ...suite,
      featureGroups: [
        {
          ...group!,
          definition: { ...group!.definition, Description: 'from the test' },
          onlineRecords: [
            {
              recordIdentifier: 'test',
              eventTime: '2026-01-01T00:00:00Z',
              features: { customer_id: 'test', event_time: '2026-01-01T00:00:00Z' },
            },
          ],
          offlineRows: [],
        },
      ],
    };
    insideTest = true;
    featureStore.loadSnapshot(fromTheTest);
    expect(await featuresOf('test')).toBeDefined();
    expect(await featuresOf('suite')).toBeUndefined();
    featureStore.reset();
    expect(await featuresOf('suite')).toBeDefined();
    expect(await featuresOf('test')).toBeUndefined();
    expect(featureStore.snapshot().featureGroups[0]?.definition.Description).toBeUndefined();
  });

  test('a bad snapshot is refused and changes nothing', () => {
    open();
    featureStore.clock.set('2026-01-01T00:00:00Z');
    featureStore.createFeatureGroup(customersGroup());
    expect(() => featureStore.loadSnapshot({ format: 'something else' } as never)).toThrow(
      /Not a feature store snapshot/,
    );
    const snapshot = featureStore.snapshot();
    const broken = {
      ...snapshot,
      featureGroups: [
        {
          ...snapshot.featureGroups[0],
          onlineRecords: [{ recordIdentifier: 'x', eventTime: 'yesterday', features: {} }],
        },
      ],
    };
    expect(() => featureStore.loadSnapshot(broken as never)).toThrow(
      /featureGroups\[0\]\.onlineRecords\[0\]\.eventTime: expected an ISO-8601 UTC time/,
    );
    expect(() => featureStore.loadSnapshot({ ...snapshot, version: 99 } as never)).toThrow(/version 99/);
    expect(featureStore.snapshot()).toEqual(snapshot);
    // Refused at install: nothing stays patched, so the next mock installs cleanly.
    featureStore.restore();
    expect(() => mockFeatureStore({ snapshot: broken as never })).toThrow(/eventTime/);
    open();
    expect(featureStore.featureGroupNames()).toEqual([]);
  });
});
