import {
  BatchWriteRecordCommand,
  ListRecordsCommand,
  paginateListRecords,
  ResourceNotFound,
  ValidationError,
  type ListRecordsCommandInput,
} from '@aws-sdk/client-sagemaker-featurestore-runtime';
import fc from 'fast-check';
import { customersGroup } from '../support/fixtures.js';
import { describeEachTarget } from '../support/targets.js';
import {
  expectServiceError,
  featureValues,
  offlineOnlyGroup,
  runtimeCalls,
  NOW,
  T_LATER,
  T_STORED,
} from './helpers.js';

/** Event time number `n`: one second apart, so a larger `n` is always later. */
const at = (n: number): string => new Date(Date.UTC(2026, 0, 1) + n * 1000).toISOString();

describeEachTarget('ListRecords', (session) => {
  const calls = runtimeCalls(session);
  const list = (input: Partial<ListRecordsCommandInput> = {}) =>
    session().runtime.send(new ListRecordsCommand({ FeatureGroupName: 'customers', ...input }));
  /** Every identifier, following NextToken with the SDK's own paginator. */
  const listAll = async (input: Partial<ListRecordsCommandInput> = {}, pageSize?: number) => {
    const ids: string[] = [];
    const pages = paginateListRecords(
      { client: session().runtime, ...(pageSize === undefined ? {} : { pageSize }) },
      { FeatureGroupName: 'customers', ...input },
    );
    for await (const page of pages) ids.push(...(page.RecordIdentifiers ?? []));
    return ids;
  };
  const putMany = async (ids: readonly string[], group = 'customers', eventTime = T_STORED) => {
    for (let i = 0; i < ids.length; i += 25) {
      await session().runtime.send(
        new BatchWriteRecordCommand({
          Entries: ids.slice(i, i + 25).map((id) => ({
            FeatureGroupName: group,
            Record: featureValues({ customer_id: id, event_time: eventTime }),
          })),
        }),
      );
    }
  };

  beforeEach(() => {
    session().featureStore.createFeatureGroup(customersGroup());
    session().featureStore.clock.set(NOW);
  });

  test('lists the record identifiers of the online store, first written first, with no NextToken when all fit', async () => {
    await putMany(['b', 'a', 'c']);
    await calls.putCustomer('a', T_LATER); // an overwrite keeps its place
    const output = await list();
    expect(output).toEqual({
      RecordIdentifiers: ['b', 'a', 'c'],
      $metadata: expect.objectContaining({ httpStatusCode: 200 }),
    });
  });

  test('an empty group lists nothing', async () => {
    expect((await list()).RecordIdentifiers).toEqual([]);
    expect((await list()).NextToken).toBeUndefined();
  });

  test('pages of MaxResults; the last page has no NextToken, even when it is exactly full', async () => {
    await putMany(['r1', 'r2', 'r3', 'r4', 'r5']);
    const first = await list({ MaxResults: 2 });
    expect(first.RecordIdentifiers).toEqual(['r1', 'r2']);
    expect(first.NextToken).toEqual(expect.any(String));
    const second = await list({ MaxResults: 2, NextToken: first.NextToken });
    expect(second.RecordIdentifiers).toEqual(['r3', 'r4']);
    const third = await list({ MaxResults: 2, NextToken: second.NextToken });
    expect(third).toMatchObject({ RecordIdentifiers: ['r5'] });
    expect(third.NextToken).toBeUndefined();

    const exact = await list({ MaxResults: 3, NextToken: first.NextToken });
    expect(exact.RecordIdentifiers).toEqual(['r3', 'r4', 'r5']);
    expect(exact.NextToken).toBeUndefined();
  });

  test('without MaxResults a page holds at most 100 identifiers', async () => {
    const ids = Array.from({ length: 150 }, (_, i) => `r${i}`);
    await putMany(ids);
    const first = await list();
    expect(first.RecordIdentifiers).toEqual(ids.slice(0, 100));
    const second = await list({ NextToken: first.NextToken });
    expect(second.RecordIdentifiers).toEqual(ids.slice(100));
    expect(second.NextToken).toBeUndefined();
  });

  test('paginateListRecords from the SDK walks every page unchanged', async () => {
    const ids = Array.from({ length: 250 }, (_, i) => `r${i}`);
    await putMany(ids);
    expect(await listAll({}, 7)).toEqual(ids);
    expect(await listAll()).toEqual(ids);
  });

  test('the FeatureGroup may be named by ARN, and a token works with either form', async () => {
    await putMany(['r1', 'r2']);
    const arn = 'arn:aws:sagemaker:us-east-1:123456789012:feature-group/customers';
    const first = await list({ FeatureGroupName: arn, MaxResults: 1 });
    expect(first.RecordIdentifiers).toEqual(['r1']);
    expect((await list({ MaxResults: 1, NextToken: first.NextToken })).RecordIdentifiers).toEqual(['r2']);
  });

  describe('which records are listed', () => {
    test('soft-deleted records only with IncludeSoftDeletedRecords; hard-deleted records never', async () => {
      await putMany(['live', 'soft', 'hard']);
      await calls.delete('soft', T_LATER);
      await calls.delete('hard', T_LATER, { DeletionMode: 'HardDelete' });
      expect((await list()).RecordIdentifiers).toEqual(['live']);
      expect((await list({ IncludeSoftDeletedRecords: false })).RecordIdentifiers).toEqual(['live']);
      expect((await list({ IncludeSoftDeletedRecords: true })).RecordIdentifiers).toEqual(['live', 'soft']);
    });

    test('a record soft-deleted before it was ever written is listed with IncludeSoftDeletedRecords', async () => {
      await calls.delete('ghost', T_STORED);
      expect((await list()).RecordIdentifiers).toEqual([]);
      expect((await list({ IncludeSoftDeletedRecords: true })).RecordIdentifiers).toEqual(['ghost']);
    });

    test('expired records are not listed, with or without IncludeSoftDeletedRecords', async () => {
      await calls.putCustomer('short', '2026-06-01T11:00:00Z', {}, { TtlDuration: { Unit: 'Hours', Value: 2 } });
      await calls.putCustomer('long', '2026-06-01T11:00:00Z', {}, { TtlDuration: { Unit: 'Days', Value: 2 } });
      expect((await list()).RecordIdentifiers).toEqual(['short', 'long']);
      session().featureStore.clock.set('2026-06-01T13:00:00Z');
      expect((await list()).RecordIdentifiers).toEqual(['long']);
      expect((await list({ IncludeSoftDeletedRecords: true })).RecordIdentifiers).toEqual(['long']);
    });

    test('writes that reached only the offline store are not listed', async () => {
      await calls.putCustomer('offline', T_STORED, {}, { TargetStores: ['OfflineStore'] });
      await calls.putCustomer('online', T_STORED);
      expect((await list()).RecordIdentifiers).toEqual(['online']);
    });

    test('a hard-deleted record written again is listed in its new place', async () => {
      await putMany(['r1', 'r2', 'r3']);
      await calls.delete('r1', T_LATER, { DeletionMode: 'HardDelete' });
      await calls.putCustomer('r1', '2026-02-01T00:00:00Z');
      expect((await list()).RecordIdentifiers).toEqual(['r2', 'r3', 'r1']);
    });
  });

  describe('paging while the store changes', () => {
    test('records present throughout are listed once; overwritten ones are not listed again; deleted ones drop out', async () => {
      await putMany(['r1', 'r2', 'r3', 'r4', 'r5', 'r6']);
      const first = await list({ MaxResults: 2 });
      expect(first.RecordIdentifiers).toEqual(['r1', 'r2']);
      await calls.putCustomer('r1', T_LATER); // already listed: stays behind the token
      await calls.delete('r2', T_LATER, { DeletionMode: 'HardDelete' }); // the token's own record goes away
      await calls.delete('r4', T_LATER); // soft-deleted ahead of the token
      await calls.putCustomer('new', T_STORED); // written after the session started
      const rest = [];
      let token = first.NextToken;
      while (token !== undefined) {
        const page = await list({ MaxResults: 2, NextToken: token });
        rest.push(...(page.RecordIdentifiers ?? []));
        token = page.NextToken;
      }
      expect(rest).toEqual(['r3', 'r5', 'r6', 'new']);
    });

    test('a token stays valid after many removals (the index is compacted under it)', async () => {
      // r40…r1149 expire at 12:01; more than 1024 removals, over half the index, make it compact.
      const ids = Array.from({ length: 1500 }, (_, i) => `r${i}`);
      const expiring = new Set(ids.slice(40, 1150));
      for (let i = 0; i < ids.length; i += 25) {
        await session().runtime.send(
          new BatchWriteRecordCommand({
            Entries: ids.slice(i, i + 25).map((id) => ({
              FeatureGroupName: 'customers',
              Record: featureValues({ customer_id: id, event_time: '2026-06-01T11:59:00Z' }),
              ...(expiring.has(id) ? { TtlDuration: { Unit: 'Minutes', Value: 2 } } : {}),
            })),
          }),
        );
      }
      const first = await list({ MaxResults: 50 });
      expect(first.RecordIdentifiers).toEqual(ids.slice(0, 50));
      session().featureStore.clock.set('2026-06-01T12:01:00Z');
      // A listing from the start meets the expired records and purges them.
      expect(await listAll()).toEqual([...ids.slice(0, 40), ...ids.slice(1150)]);
      await calls.putCustomer('r45', T_LATER); // expired and written again: a new place at the end
      const rest = await listAll({ NextToken: first.NextToken });
      expect(rest).toEqual([...ids.slice(1150), 'r45']);
    });

    test('property: whatever happens between pages, a record live throughout is listed exactly once, and a listed record was live', async () => {
      let run = 0;
      const pool = Array.from({ length: 12 }, (_, i) => `r${i}`);
      const operation = fc.record({
        kind: fc.constantFrom('put', 'soft-delete', 'hard-delete'),
        id: fc.constantFrom(...pool),
      });
      const step = fc.record({
        maxResults: fc.integer({ min: 1, max: 4 }),
        ops: fc.array(operation, { maxLength: 3 }),
      });
      await fc.assert(
        fc.asyncProperty(fc.subarray(pool), fc.array(step, { maxLength: 12 }), async (initial, steps) => {
          const group = `run-${++run}`;
          session().featureStore.createFeatureGroup(customersGroup({ FeatureGroupName: group }));
          let clock = 0;
          const live = new Set<string>();
          const apply = async (kind: string, id: string) => {
            const eventTime = at(++clock);
            if (kind === 'put') {
              await calls.putCustomer(id, eventTime, {}, { FeatureGroupName: group });
              live.add(id);
            } else {
              const mode = kind === 'hard-delete' ? 'HardDelete' : 'SoftDelete';
              await calls.delete(id, eventTime, { FeatureGroupName: group, DeletionMode: mode });
              live.delete(id);
            }
          };
          for (const id of initial) await apply('put', id);

          const liveThroughout = new Set(initial);
          const removedDuringSession = new Set<string>();
          const listed: string[] = [];
          let token: string | undefined;
          let index = 0;
          do {
            const { maxResults, ops } = steps[index++] ?? { maxResults: 3, ops: [] };
            const page = await list({ FeatureGroupName: group, MaxResults: maxResults, NextToken: token });
            expect(page.RecordIdentifiers?.length).toBeLessThanOrEqual(maxResults);
            for (const id of page.RecordIdentifiers ?? []) expect(live).toContain(id);
            listed.push(...(page.RecordIdentifiers ?? []));
            token = page.NextToken;
            for (const { kind, id } of ops) {
              if (kind !== 'put') liveThroughout.delete(id);
              if (kind === 'hard-delete') removedDuringSession.add(id);
              await apply(kind, id);
            }
          } while (token !== undefined);

          for (const id of liveThroughout) expect(listed.filter((x) => x === id)).toEqual([id]);
          // Only a record that was removed and written again takes a new place, so may show up twice.
          const twice = listed.filter((id, i) => listed.indexOf(id) !== i);
          for (const id of twice) expect(removedDuringSession).toContain(id);
        }),
        { numRuns: 40 },
      );
      // Hundreds of calls per run of the property: generous for the server target; nothing here is timed.
    }, 60_000);
  });

  test('a page examines a bounded number of records: a long run of expired ones gives a short page with a NextToken', async () => {
    const expiring = Array.from({ length: 10_050 }, (_, i) => `e${i}`);
    for (let i = 0; i < expiring.length; i += 25) {
      await session().runtime.send(
        new BatchWriteRecordCommand({
          TtlDuration: { Unit: 'Minutes', Value: 1 },
          Entries: expiring.slice(i, i + 25).map((id) => ({
            FeatureGroupName: 'customers',
            Record: featureValues({ customer_id: id, event_time: '2026-06-01T11:59:30Z' }),
          })),
        }),
      );
    }
    await calls.putCustomer('kept', T_LATER);
    session().featureStore.clock.set('2026-06-01T12:01:00Z');
    const first = await list();
    expect(first.RecordIdentifiers).toEqual([]);
    expect(first.NextToken).toEqual(expect.any(String));
    expect(await listAll()).toEqual(['kept']);
    // 400 calls to seed: generous for the server target on a busy machine; nothing here is timed.
  }, 60_000);

  describe('errors', () => {
    test.each([
      ['MaxResults 0', { MaxResults: 0 }, "Value '0' at 'maxResults'"],
      ['MaxResults 101', { MaxResults: 101 }, "Value '101' at 'maxResults'"],
      ['an empty NextToken', { NextToken: '' }, "at 'nextToken' failed to satisfy constraint: Member must have length"],
      ['a NextToken over 8192 characters', { NextToken: 'x'.repeat(8193) }, 'length less than or equal to 8192'],
      ['a NextToken that was never issued', { NextToken: 'not-a-token' }, 'NextToken is not valid'],
      [
        'a NextToken with a forged position',
        { NextToken: btoa('{"lastEvaluatedKey":"abc123"}') },
        'NextToken is not valid',
      ],
    ])('%s: ValidationError', async (_title, input, message) => {
      await expectServiceError(list(input), { type: ValidationError, name: 'ValidationError', status: 400, message });
    });

    test("another feature group's NextToken: ValidationError", async () => {
      session().featureStore.createFeatureGroup(customersGroup({ FeatureGroupName: 'other' }));
      await putMany(['a', 'b'], 'other');
      const { NextToken } = await list({ FeatureGroupName: 'other', MaxResults: 1 });
      await expectServiceError(list({ NextToken }), {
        type: ValidationError,
        name: 'ValidationError',
        status: 400,
        message: 'another FeatureGroup',
      });
    });

    test('an unknown feature group: ResourceNotFound', async () => {
      await expectServiceError(list({ FeatureGroupName: 'nope' }), {
        type: ResourceNotFound,
        name: 'ResourceNotFound',
        status: 404,
        message: "Resource Not Found: Amazon SageMaker can't find a FeatureGroup with name nope",
      });
    });

    test('a feature group without an online store: ValidationError', async () => {
      session().featureStore.createFeatureGroup(offlineOnlyGroup());
      await expectServiceError(list({ FeatureGroupName: 'offline-only' }), {
        type: ValidationError,
        name: 'ValidationError',
        status: 400,
        message: 'no OnlineStore',
      });
    });
  });
});
