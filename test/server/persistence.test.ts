import { appendFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, type RunningServer } from '../../src/server/index.js';
import { customersGroup } from '../support/fixtures.js';
import { control, rawRequest, spawnServer } from './helpers.js';

const JOURNAL = 'journal.jsonl';

const put = (url: string, id: string, eventTime = '2026-01-01T00:00:00Z'): ReturnType<typeof rawRequest> =>
  rawRequest(url, {
    method: 'PUT',
    path: '/FeatureGroup/customers',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      Record: [
        { FeatureName: 'customer_id', ValueAsString: id },
        { FeatureName: 'event_time', ValueAsString: eventTime },
        { FeatureName: 'age', ValueAsString: '42' },
      ],
    }),
  });

const remove = (
  url: string,
  id: string,
  eventTime: string,
  mode: 'SoftDelete' | 'HardDelete',
): ReturnType<typeof rawRequest> =>
  rawRequest(url, {
    method: 'DELETE',
    path: `/FeatureGroup/customers?RecordIdentifierValueAsString=${id}&EventTime=${encodeURIComponent(eventTime)}&DeletionMode=${mode}`,
  });

describe('persistence with a data directory', () => {
  let dataDir: string;
  const open: RunningServer[] = [];
  const start = async (options: Parameters<typeof startServer>[0] = {}): Promise<RunningServer> => {
    const server = await startServer({ dataDir, ...options });
    open.push(server);
    return server;
  };
  const restart = async (
    server: RunningServer,
    options: Parameters<typeof startServer>[0] = {},
  ): Promise<RunningServer> => {
    await server.close();
    return start(options);
  };

  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'fsmock-data-'));
  });
  afterEach(async () => {
    await Promise.all(open.splice(0).map((server) => server.close()));
    rmSync(dataDir, { recursive: true, force: true });
  });

  test('groups, online records, offline rows, the clock and behaviour survive a restart', async () => {
    let server = await start();
    server.featureStore.createFeatureGroup(
      customersGroup({ OnlineStoreConfig: { EnableOnlineStore: true, TtlDuration: { Unit: 'Hours', Value: 1 } } }),
    );
    server.featureStore.clock.set('2026-03-01T10:00:00Z');
    expect((await put(server.url, 'c1', '2026-03-01T09:30:00Z')).status).toBe(200);
    expect((await put(server.url, 'c2', '2026-03-01T09:00:00Z')).status).toBe(200);
    server.featureStore.clock.advance('10m');
    expect((await remove(server.url, 'c2', '2026-03-01T09:30:00Z', 'SoftDelete')).status).toBe(200);
    server.featureStore.setBehaviour({ unknownFeatureNames: 'ignore' });
    const before = {
      groups: server.featureStore.featureGroups(),
      c1: server.featureStore.onlineRecord('customers', 'c1'),
      c2: server.featureStore.onlineRecord('customers', 'c2'),
      offline: server.featureStore.offlineRecords('customers'),
      now: server.featureStore.clock.now(),
      behaviour: server.featureStore.behaviour,
    };
    expect(before.c1?.expiresAt).toBe('2026-03-01T10:30:00Z'); // EventTime + TtlDuration
    expect(before.c2?.deleted).toBe(true);
    expect(before.offline.map((row) => row.api_invocation_time)).toEqual([
      '2026-03-01T10:00:00.000Z',
      '2026-03-01T10:00:00.000Z',
      '2026-03-01T10:10:00.000Z',
    ]);

    server = await restart(server);
    expect(server.featureStore.replayed).toBe(7);
    expect({
      groups: server.featureStore.featureGroups(),
      c1: server.featureStore.onlineRecord('customers', 'c1'),
      c2: server.featureStore.onlineRecord('customers', 'c2'),
      offline: server.featureStore.offlineRecords('customers'),
      now: server.featureStore.clock.now(),
      behaviour: server.featureStore.behaviour,
    }).toEqual(before);

    // The restored clock keeps ruling TTL: an hour later c1 has expired.
    server.featureStore.clock.advance('1h');
    expect(server.featureStore.onlineRecord('customers', 'c1')).toBeUndefined();
    server = await restart(server);
    expect(server.featureStore.onlineRecord('customers', 'c1')).toBeUndefined();
  });

  test('a call that failed is not journaled; reads are not journaled', async () => {
    const server = await start({ featureGroups: [customersGroup()] });
    expect((await put(server.url, 'c1')).status).toBe(200);
    expect((await put(server.url, 'c1', 'not a time')).status).toBe(400);
    await rawRequest(server.url, { path: '/FeatureGroup/customers?RecordIdentifierValueAsString=c1' });
    const lines = readFileSync(join(dataDir, JOURNAL), 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { operation?: string });
    expect(lines.map((entry) => entry.operation)).toEqual(['CreateFeatureGroup', 'PutRecord']);
  });

  test('the journal holds what the core ran: entries a fault left unprocessed stay unwritten after a restart', async () => {
    let server = await start({ featureGroups: [customersGroup()] });
    server.featureStore.faults.add({ operation: 'BatchWriteRecord', recordIdentifier: 'c2', unprocessed: true });
    const entry = (id: string) => ({
      FeatureGroupName: 'customers',
      Record: [
        { FeatureName: 'customer_id', ValueAsString: id },
        { FeatureName: 'event_time', ValueAsString: '2026-01-01T00:00:00Z' },
      ],
    });
    const response = await rawRequest(server.url, {
      method: 'POST',
      path: '/BatchWriteRecord',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ Entries: [entry('c1'), entry('c2')] }),
    });
    expect(response.status).toBe(200);
    expect((response.json() as { UnprocessedEntries: unknown[] }).UnprocessedEntries).toHaveLength(1);
    server = await restart(server);
    expect(server.featureStore.offlineRecords('customers').map((row) => row.customer_id)).toEqual(['c1']);
  });

  test('reset survives a restart; groups declared on start are kept and not declared twice', async () => {
    const declared = { featureGroups: [customersGroup()] };
    let server = await start(declared);
    server.featureStore.createFeatureGroup(customersGroup({ FeatureGroupName: 'scratch' }));
    await put(server.url, 'c1');
    server.featureStore.clock.set('2030-01-01T00:00:00Z');
    expect((await control(server.url, 'POST', '/reset')).status).toBe(200);

    server = await restart(server, declared);
    expect(server.featureStore.featureGroupNames()).toEqual(['customers']);
    expect(server.featureStore.offlineRecords('customers')).toEqual([]);
    expect(server.featureStore.clock.frozen).toBe(false);
    const journal = readFileSync(join(dataDir, JOURNAL), 'utf8');
    expect(journal.match(/"CreateFeatureGroup"/g)).toHaveLength(2); // customers once, scratch once
  });

  test('a torn last line (a crash mid-write) is cut off; later writes append cleanly', async () => {
    let server = await start({ featureGroups: [customersGroup()] });
    await put(server.url, 'c1');
    await server.close();
    appendFileSync(join(dataDir, JOURNAL), '{"type":"operation","operation":"PutRecord","input":{"Reco');

    server = await start();
    expect(server.featureStore.onlineRecord('customers', 'c1')?.recordIdentifier).toBe('c1');
    await put(server.url, 'c2');
    server = await restart(server);
    expect(server.featureStore.offlineRecords('customers').map((row) => row.customer_id)).toEqual(['c1', 'c2']);
  });

  test('a journal line that is not an entry stops the start with a clear error', async () => {
    writeFileSync(join(dataDir, JOURNAL), '{"type":"clock","offset":0}\nnot json\n{"type":"clock","offset":0}\n');
    await expect(startServer({ dataDir })).rejects.toThrow(/journal\.jsonl line 2 is not a journal entry/);
    // The failed start released the directory.
    await expect(start()).rejects.toThrow(/line 2/);
  });

  test('one server per data directory', async () => {
    await start();
    await expect(startServer({ dataDir })).rejects.toThrow(/in use by the server with process id/);
  });

  test('a start that fails on a declared group releases the data directory', async () => {
    const invalid = customersGroup({ FeatureGroupName: 'not a valid name' });
    await expect(startServer({ dataDir, featureGroups: [invalid] })).rejects.toThrow(/featureGroupName/);
    const server = await start({ featureGroups: [customersGroup()] });
    expect(server.featureStore.featureGroupNames()).toEqual(['customers']);
  });

  test('store and dataDir exclude each other', async () => {
    const first = await startServer();
    try {
      await expect(startServer({ dataDir, store: first.store })).rejects.toThrow(/exclude each other/);
    } finally {
      await first.close();
    }
  });

  test('kill -9 while writes are in flight loses at most the requests in flight', async () => {
    const groups = join(dataDir, 'groups.json');
    writeFileSync(groups, JSON.stringify([customersGroup()]));
    const first = await spawnServer(['--data-dir', join(dataDir, 'state'), '--feature-groups', groups]);
    const acknowledged: string[] = [];
    let killed = false;
    // Four writers in parallel; the kill lands while some of their requests are in flight.
    const writer = async (w: number): Promise<void> => {
      for (let i = 0; !killed; i++) {
        const id = `w${w}-${i}`;
        try {
          const response = await put(first.url, id);
          if (response.status === 200) acknowledged.push(id);
        } catch {
          return; // the connection died with the server
        }
        if (acknowledged.length >= 200 && !killed) {
          killed = true;
          first.child.kill('SIGKILL');
        }
      }
    };
    await Promise.all([0, 1, 2, 3].map(writer));
    expect(await first.exited).toEqual({ code: null, signal: 'SIGKILL' });

    const second = await spawnServer(['--data-dir', join(dataDir, 'state'), '--feature-groups', groups]);
    try {
      const rows = await control(second.url, 'GET', '/feature-groups/customers/offline-records');
      const stored = new Set((rows.json() as { records: { customer_id: string }[] }).records.map((r) => r.customer_id));
      expect(acknowledged.filter((id) => !stored.has(id))).toEqual([]);
      expect(stored.size - acknowledged.length).toBeLessThanOrEqual(4); // answered by the server, never read by us
      expect(second.output()).toMatch(/replayed \d+ journal entries/);
    } finally {
      second.child.kill('SIGTERM');
      await second.exited;
    }
  });
});
