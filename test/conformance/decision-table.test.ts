import { ValidationError } from '@aws-sdk/client-sagemaker-featurestore-runtime';
import { customersGroup } from '../support/fixtures.js';
import { describeEachTarget } from '../support/targets.js';
import { expectServiceError, runtimeCalls, snapshotOf, NOW, T_EARLIER, T_LATER, T_STORED } from './helpers.js';

/**
 * Spec decision table 7.7.1: every online state of a record crossed with PutRecord,
 * DeleteRecord SoftDelete and DeleteRecord HardDelete, on a group with both stores.
 * Each cell asserts the online result (GetRecord and the stored state) and the exact
 * offline rows the call appended.
 */

type State = 'absent' | 'expired' | 'hard-deleted' | 'live(c)' | 'tombstone(c)';
type Operation = 'PutRecord' | 'SoftDelete' | 'HardDelete';
/** `new` = the put's record, `old` = the record put at c, tombstone(x) = soft-deleted at x. */
type Online = 'new' | 'old' | 'absent' | 'tombstone(t)' | 'tombstone(c)';

interface Cell {
  readonly state: State;
  readonly t: string;
  readonly operation: Operation;
  readonly online: Online;
  /** The offline row appended: a put row, a delete marker, or none. */
  readonly offline: 'row' | 'marker' | 'none';
  readonly rejected?: true;
}

const OP_TIME = '2026-06-01T12:01:00.000Z';

const relation = (t: string): string => (t === T_LATER ? 't > c' : t === T_STORED ? 't = c' : 't < c');

// prettier-ignore
const cells: readonly Cell[] = [
  // absent / expired / hard-deleted: t is earlier than anything stored before, which must not matter.
  { state: 'absent', t: T_EARLIER, operation: 'PutRecord', online: 'new', offline: 'row' },
  { state: 'absent', t: T_EARLIER, operation: 'SoftDelete', online: 'tombstone(t)', offline: 'marker' },
  { state: 'absent', t: T_EARLIER, operation: 'HardDelete', online: 'absent', offline: 'marker' },
  { state: 'expired', t: T_EARLIER, operation: 'PutRecord', online: 'new', offline: 'row' },
  { state: 'expired', t: T_EARLIER, operation: 'SoftDelete', online: 'tombstone(t)', offline: 'marker' },
  { state: 'expired', t: T_EARLIER, operation: 'HardDelete', online: 'absent', offline: 'marker' },
  { state: 'hard-deleted', t: T_EARLIER, operation: 'PutRecord', online: 'new', offline: 'row' },
  { state: 'hard-deleted', t: T_EARLIER, operation: 'SoftDelete', online: 'tombstone(t)', offline: 'marker' },
  { state: 'hard-deleted', t: T_EARLIER, operation: 'HardDelete', online: 'absent', offline: 'marker' },
  // live(c)
  { state: 'live(c)', t: T_LATER, operation: 'PutRecord', online: 'new', offline: 'row' },
  { state: 'live(c)', t: T_LATER, operation: 'SoftDelete', online: 'tombstone(t)', offline: 'marker' },
  { state: 'live(c)', t: T_LATER, operation: 'HardDelete', online: 'absent', offline: 'marker' },
  { state: 'live(c)', t: T_STORED, operation: 'PutRecord', online: 'new', offline: 'row' },
  { state: 'live(c)', t: T_STORED, operation: 'SoftDelete', online: 'old', offline: 'marker' },
  { state: 'live(c)', t: T_STORED, operation: 'HardDelete', online: 'old', offline: 'none', rejected: true },
  { state: 'live(c)', t: T_EARLIER, operation: 'PutRecord', online: 'old', offline: 'row' },
  { state: 'live(c)', t: T_EARLIER, operation: 'SoftDelete', online: 'old', offline: 'marker' },
  { state: 'live(c)', t: T_EARLIER, operation: 'HardDelete', online: 'old', offline: 'none', rejected: true },
  // tombstone(c)
  { state: 'tombstone(c)', t: T_LATER, operation: 'PutRecord', online: 'new', offline: 'row' },
  { state: 'tombstone(c)', t: T_LATER, operation: 'SoftDelete', online: 'tombstone(t)', offline: 'marker' },
  { state: 'tombstone(c)', t: T_LATER, operation: 'HardDelete', online: 'absent', offline: 'marker' },
  { state: 'tombstone(c)', t: T_STORED, operation: 'PutRecord', online: 'new', offline: 'row' },
  { state: 'tombstone(c)', t: T_STORED, operation: 'SoftDelete', online: 'tombstone(c)', offline: 'marker' },
  { state: 'tombstone(c)', t: T_STORED, operation: 'HardDelete', online: 'tombstone(c)', offline: 'none', rejected: true },
  { state: 'tombstone(c)', t: T_EARLIER, operation: 'PutRecord', online: 'tombstone(c)', offline: 'row' },
  { state: 'tombstone(c)', t: T_EARLIER, operation: 'SoftDelete', online: 'tombstone(c)', offline: 'marker' },
  { state: 'tombstone(c)', t: T_EARLIER, operation: 'HardDelete', online: 'tombstone(c)', offline: 'none', rejected: true },
];

const title = (cell: Cell): string => {
  const when =
    cell.state === 'live(c)' || cell.state === 'tombstone(c)' ? `${cell.state}, ${relation(cell.t)}` : cell.state;
  const outcome = cell.rejected ? '400, no marker' : `online ${cell.online}, offline ${cell.offline}`;
  return `${when}: ${cell.operation} → ${outcome}`;
};

describeEachTarget('decision table 7.7.1', (session) => {
  const calls = runtimeCalls(session);

  beforeEach(() => {
    session().featureStore.createFeatureGroup(customersGroup());
    session().featureStore.clock.set(NOW);
  });

  const arrange = async (state: State): Promise<void> => {
    switch (state) {
      case 'absent':
        return;
      case 'expired':
        // ExpiresAt = c + 60 s, months before NOW.
        await calls.putCustomer(
          'c1',
          T_STORED,
          { age: '1', city: 'old' },
          { TtlDuration: { Unit: 'Seconds', Value: 60 } },
        );
        return;
      case 'hard-deleted':
        await calls.putCustomer('c1', T_STORED, { age: '1', city: 'old' });
        await calls.delete('c1', '2026-01-01T00:00:15Z', { DeletionMode: 'HardDelete' });
        return;
      case 'live(c)':
        await calls.putCustomer('c1', T_STORED, { age: '1', city: 'old' });
        return;
      case 'tombstone(c)':
        await calls.putCustomer('c1', '2026-01-01T00:00:01Z', { age: '1', city: 'old' });
        await calls.delete('c1', T_STORED, { DeletionMode: 'SoftDelete' });
        return;
    }
  };

  const act = (cell: Cell): Promise<unknown> =>
    cell.operation === 'PutRecord'
      ? calls.putCustomer('c1', cell.t, { city: 'new' })
      : calls.delete('c1', cell.t, { DeletionMode: cell.operation });

  test.each(cells.map((cell) => [title(cell), cell] as const))('%s', async (_title, cell) => {
    await arrange(cell.state);
    session().featureStore.clock.set(OP_TIME);
    const before = snapshotOf(session, 'customers', ['c1']);

    if (cell.rejected) {
      await expectServiceError(act(cell), {
        type: ValidationError,
        name: 'ValidationError',
        status: 400,
        message: ['EventTime', cell.t, 'must be later than'],
      });
      expect(snapshotOf(session, 'customers', ['c1'])).toEqual(before);
      return;
    }
    const output = await act(cell);
    expect(output).toEqual({ $metadata: expect.objectContaining({ httpStatusCode: 200 }) });

    const got = await calls.get('c1');
    const stored = session().featureStore.onlineRecord('customers', 'c1');
    switch (cell.online) {
      case 'new':
        // Full overwrite: age, set by the old put, is gone.
        expect(got.Record).toEqual([
          { FeatureName: 'customer_id', ValueAsString: 'c1' },
          { FeatureName: 'event_time', ValueAsString: cell.t },
          { FeatureName: 'city', ValueAsString: 'new' },
        ]);
        expect(stored).toMatchObject({ deleted: false, eventTime: cell.t });
        break;
      case 'old':
        expect(got.Record).toEqual([
          { FeatureName: 'customer_id', ValueAsString: 'c1' },
          { FeatureName: 'event_time', ValueAsString: T_STORED },
          { FeatureName: 'age', ValueAsString: '1' },
          { FeatureName: 'city', ValueAsString: 'old' },
        ]);
        expect(stored).toMatchObject({ deleted: false, eventTime: T_STORED });
        break;
      case 'absent':
        expect(got).not.toHaveProperty('Record');
        expect(stored).toBeUndefined();
        break;
      case 'tombstone(t)':
      case 'tombstone(c)':
        expect(got).not.toHaveProperty('Record');
        expect(stored).toMatchObject({ deleted: true, eventTime: cell.online === 'tombstone(t)' ? cell.t : T_STORED });
        break;
    }

    const appended =
      cell.offline === 'none'
        ? []
        : [
            {
              customer_id: 'c1',
              event_time: cell.t,
              age: null,
              score: null,
              city: cell.offline === 'row' ? 'new' : null,
              write_time: OP_TIME,
              api_invocation_time: OP_TIME,
              is_deleted: cell.offline === 'marker',
            },
          ];
    expect(session().featureStore.offlineRecords('customers')).toEqual([...before.offline, ...appended]);
  });
});
