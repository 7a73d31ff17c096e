import { performance } from 'node:perf_hooks';
import * as runtime from '@aws-sdk/client-sagemaker-featurestore-runtime';
import { FeatureStore, mockFeatureStore } from '../dist/esm/index.js';
import { batchOf25, customerRecord, customersGroup, EVENT_TIME } from './cases.mjs';
import { cpuClock, median, timeEach, timeTask } from './measure.mjs';

/**
 * The emulator at volume, on the core (`FeatureStore.execute`: the SDK's cost is the same
 * at any store size): point reads and writes at 1k, 100k and 1M stored records, ListRecords
 * over 1M, offline appends, the offline index, heap per record, and `reset()`.
 * Each function returns rows for the report (see run.mjs).
 */

const SIZES = [1_000, 100_000, 1_000_000];
const label = (size) => (size >= 1_000_000 ? `${size / 1_000_000}M` : `${size / 1_000}k`);

/** A deterministic pseudo-random sequence of record identifiers in [from, to), so every run reads the same ones. */
const randomIds = (from, to) => {
  let x = 12345;
  return () => {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    return `c${from + (x % (to - from))}`;
  };
};

const grow = (store, featureGroupName, count) => {
  for (let first = 0; first < count; first += 25) {
    store.execute('BatchWriteRecord', { Entries: batchOf25(first, featureGroupName) });
  }
};

/**
 * GetRecord and PutRecord of records picked uniformly at random from feature groups of 1k,
 * 100k and 1M records: through a client in direct mode (the fastest way a test reaches the
 * emulator, call history off as for bulk work; the flatness target) and on the core alone.
 * The sizes are measured in interleaved rounds, like the per-call table, and each ratio is
 * the median of per-round ratios. Also the offline index at each size, and ListRecords
 * paging the 1M records.
 */
export const measureStoreSize = async (timeMs, rounds) => {
  const rows = [];
  const sized = SIZES.map((size) => ({ size, name: `records-${label(size)}` }));
  const featureStore = mockFeatureStore({
    featureGroups: sized.map(({ name }) => ({ ...customersGroup, FeatureGroupName: name })),
    mode: 'direct',
    callHistory: false,
  });
  const client = new runtime.SageMakerFeatureStoreRuntimeClient({ region: 'us-east-1', maxAttempts: 1 });
  const { store } = featureStore;
  const offlineRows = () => store.registry.all().reduce((sum, group) => sum + group.offline.size, 0);
  try {
    const seedStart = performance.now();
    for (const { name, size } of sized) grow(store, name, size);
    const seedSeconds = (performance.now() - seedStart) / 1000;

    // First, while every record has exactly one offline row: the offline index at each size.
    const offline = [];
    for (const { name, size } of sized) {
      const fresh = randomIds(0, size);
      const result = await timeTask(
        `offlineRecords @${label(size)}`,
        () => featureStore.offlineRecords(name, { recordIdentifier: fresh() }),
        timeMs,
        { collectFirst: false },
      );
      offline.push({ size, result });
    }
    for (const { size, result } of offline) {
      rows.push({
        section: 'scale',
        case: `offlineRecords(recordIdentifier), a record with one row, @ ${label(size)} records`,
        mode: 'handle',
        ...result,
        perSecond: 1e6 / result.cpuUs,
        ratio: { value: result.cpuUs / offline[0].result.cpuUs, vs: `@ ${label(SIZES[0])}` },
      });
    }

    const ways = [
      ['GetRecord', 'direct'],
      ['PutRecord', 'direct'],
      ['GetRecord', 'core'],
      ['PutRecord', 'core'],
    ];
    const call = (operation, mode, name, size) => {
      const ids = randomIds(0, size);
      const input =
        operation === 'GetRecord'
          ? () => ({ FeatureGroupName: name, RecordIdentifierValueAsString: ids() })
          : () => ({ FeatureGroupName: name, Record: customerRecord(ids()) });
      return mode === 'core'
        ? () => store.execute(operation, input())
        : () => client.send(new runtime[`${operation}Command`](input()));
    };
    const results = []; // { round, operation, mode, size, ...stats }
    for (let round = 1; round <= rounds; round++) {
      for (const [operation, mode] of ways) {
        for (const { name, size } of sized) {
          const stats = await timeTask(
            `${operation} ${mode} @${label(size)}`,
            call(operation, mode, name, size),
            timeMs,
            {
              collectFirst: false,
            },
          );
          results.push({ round, operation, mode, size, ...stats });
        }
      }
    }
    for (const [operation, mode] of ways) {
      for (const { size } of sized) {
        const mine = results.filter((r) => r.operation === operation && r.mode === mode && r.size === size);
        const ratio = median(
          mine.map(
            (r) =>
              r.cpuUs /
              results.find(
                (b) => b.round === r.round && b.operation === operation && b.mode === mode && b.size === SIZES[0],
              ).cpuUs,
          ),
        );
        const cpuUs = median(mine.map((r) => r.cpuUs));
        rows.push({
          section: 'scale',
          case: `${operation}, uniformly random record, @ ${label(size)} records`,
          mode,
          cpuUs,
          meanUs: median(mine.map((r) => r.meanUs)),
          p50Us: median(mine.map((r) => r.p50Us)),
          p99Us: median(mine.map((r) => r.p99Us)),
          perSecond: 1e6 / cpuUs,
          ratio: { value: ratio, vs: `@ ${label(SIZES[0])}` },
          target:
            mode === 'direct' && size === SIZES.at(-1)
              ? { text: `≤ 1.5× @ ${label(SIZES[0])}`, met: ratio <= 1.5 }
              : undefined,
          detail: `median of ${rounds} interleaved rounds; 1.1M records seeded in ${seedSeconds.toFixed(1)} s by BatchWriteRecord; ${offlineRows()} offline rows at the end`,
        });
      }
    }
    const [, , largest] = sized;
    // Every page of the 1M-record store, as a client pages: MaxResults 100, resuming from each NextToken.
    let pages = 0;
    let listed = 0;
    const walkStart = performance.now();
    const walkCpu = cpuClock();
    for (let token; ;) {
      const page = store.execute('ListRecords', { FeatureGroupName: largest.name, MaxResults: 100, NextToken: token });
      pages += 1;
      listed += page.RecordIdentifiers.length;
      if (page.NextToken === undefined) break;
      token = page.NextToken;
    }
    const walkMs = performance.now() - walkStart;
    const walkCpuUs = cpuClock() - walkCpu;
    if (listed !== largest.size) throw new Error(`ListRecords listed ${listed} of ${largest.size} records`);
    rows.push({
      section: 'scale',
      case: `ListRecords, every page of ${label(largest.size)} records`,
      mode: 'core',
      cpuUs: walkCpuUs / pages,
      perSecond: (listed * 1e6) / walkCpuUs,
      perSecondUnit: 'records/s',
      detail: `${pages} pages of 100 in ${(walkMs / 1000).toFixed(2)} s wall, ${(walkCpuUs / 1e6).toFixed(2)} s CPU`,
    });
  } finally {
    featureStore.restore();
  }
  return rows;
};

/** Offline rows appended per second: PutRecord to a group with only an offline store. */
export const measureOfflineAppend = async (timeMs) => {
  const { OnlineStoreConfig: _online, ...offlineOnly } = customersGroup;
  const store = new FeatureStore();
  store.execute('CreateFeatureGroup', { ...offlineOnly, FeatureGroupName: 'offline' });
  let id = 0;
  const result = await timeTask(
    'offline append',
    () => store.execute('PutRecord', { FeatureGroupName: 'offline', Record: customerRecord(`c${id++}`) }),
    timeMs,
  );
  return [
    {
      section: 'scale',
      case: 'offline rows appended (PutRecord, offline-only group)',
      mode: 'core',
      ...result,
      perSecond: 1e6 / result.cpuUs,
      perSecondUnit: 'rows/s',
      detail: `${store.registry.all()[0].offline.size} rows at the end`,
    },
  ];
};

const TEN_FEATURES = Array.from({ length: 10 }, (_, i) => `f${i}`);

const tenFeatureGroup = (name, stores) => ({
  FeatureGroupName: name,
  RecordIdentifierFeatureName: 'f0',
  EventTimeFeatureName: 'f1',
  FeatureDefinitions: TEN_FEATURES.map((FeatureName) => ({ FeatureName, FeatureType: 'String' })),
  ...stores,
});

/** Heap per stored record of 10 String features, each value a distinct string (so the strings are the record's own). */
const heapPerRecord = (group, count) => {
  const store = new FeatureStore();
  store.execute('CreateFeatureGroup', group);
  globalThis.gc();
  globalThis.gc();
  const before = process.memoryUsage().heapUsed;
  let rawBytes = 0;
  for (let i = 0; i < count; i++) {
    const record = TEN_FEATURES.map((FeatureName, k) => ({
      FeatureName,
      // One-byte strings of ~12 characters; the event time is a distinct ISO instant per record.
      ValueAsString:
        k === 1 ? new Date(Date.UTC(2026, 0, 1) + i).toISOString() : `v${k}-${i.toString(36).padStart(8, '0')}`,
    }));
    for (const value of record) rawBytes += value.ValueAsString.length;
    store.execute('PutRecord', { FeatureGroupName: group.FeatureGroupName, Record: record });
  }
  globalThis.gc();
  globalThis.gc();
  const perRecord = (process.memoryUsage().heapUsed - before) / count;
  const rawPerRecord = rawBytes / count;
  if (store.registry.all()[0] === undefined) throw new Error('lost the group');
  return { perRecord, rawPerRecord, overhead: perRecord - rawPerRecord };
};

/** Heap bytes per stored online record and per offline row, for a 10-feature record (needs --expose-gc). */
export const measureMemory = (count = 100_000) => {
  if (typeof globalThis.gc !== 'function') return [];
  const online = heapPerRecord(tenFeatureGroup('online', { OnlineStoreConfig: { EnableOnlineStore: true } }), count);
  const offline = heapPerRecord(
    tenFeatureGroup('offline', { OfflineStoreConfig: { S3StorageConfig: { S3Uri: 's3://bucket/prefix' } } }),
    count,
  );
  return [
    ['online record, 10 String features (online-only group)', online],
    ['offline row, 10 String features (offline-only group)', offline],
  ].map(([name, m]) => ({
    section: 'memory',
    case: name,
    mode: 'core',
    value: m.overhead,
    unit: 'B beyond raw strings',
    target: { text: '≤ 1024 B beyond raw strings', met: m.overhead <= 1024 },
    detail: `${m.perRecord.toFixed(0)} B heap per record over ${count} records, of which ${m.rawPerRecord.toFixed(0)} B raw string bytes`,
  }));
};

/** `reset()` of the handle with 100 feature groups declared, after a test that wrote 10 records. */
export const measureReset = () => {
  const groups = Array.from({ length: 100 }, (_, i) => ({ ...customersGroup, FeatureGroupName: `group-${i}` }));
  const featureStore = mockFeatureStore({ featureGroups: groups });
  try {
    const result = timeEach(
      2_000,
      (i) => {
        for (let k = 0; k < 10; k++) {
          featureStore.store.execute('PutRecord', {
            FeatureGroupName: `group-${(i + k) % 100}`,
            Record: customerRecord(`c${k}`, EVENT_TIME),
          });
        }
      },
      () => featureStore.reset(),
    );
    return [
      {
        section: 'reset',
        case: 'reset(), 100 feature groups declared, 10 records written',
        mode: 'handle',
        ...result,
        target: { text: '< 1000 µs', met: result.cpuUs < 1000 },
      },
    ];
  } finally {
    featureStore.restore();
  }
};
