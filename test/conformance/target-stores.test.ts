import { ValidationError, type TargetStore } from '@aws-sdk/client-sagemaker-featurestore-runtime';
import { customersGroup } from '../support/fixtures.js';
import { describeEachTarget } from '../support/targets.js';
import {
  expectServiceError,
  featureValues,
  offlineOnlyGroup,
  onlineOnlyGroup,
  runtimeCalls,
  snapshotOf,
  NOW,
  T_EARLIER,
  T_LATER,
  T_STORED,
} from './helpers.js';

/**
 * TargetStores on groups with both stores, an online store only and an offline store
 * only: the default is every store the group has (spec §7.3 step 3, §7.7 step 2); naming
 * a store the group lacks is a ValidationError (A18); a delete aimed at one store leaves
 * the other alone (A23).
 */

type GroupKind = 'both' | 'online-only' | 'offline-only';
const groupName: Record<GroupKind, string> = {
  both: 'customers',
  'online-only': 'online-only',
  'offline-only': 'offline-only',
};

interface Case {
  readonly group: GroupKind;
  readonly operation: 'PutRecord' | 'SoftDelete' | 'HardDelete';
  readonly targets: TargetStore[] | undefined;
  /** Online state after the call: the put record, the record stored before, a tombstone, or nothing. */
  readonly online?: 'put' | 'before' | 'tombstone' | 'absent';
  /** The offline row appended by the call. */
  readonly offline?: 'row' | 'marker' | 'none';
  /** The store the error must name, when the call is rejected. */
  readonly rejectedFor?: TargetStore;
}

// prettier-ignore
const cases: readonly Case[] = [
  { group: 'both', operation: 'PutRecord', targets: undefined, online: 'put', offline: 'row' },
  { group: 'both', operation: 'PutRecord', targets: ['OnlineStore'], online: 'put', offline: 'none' },
  { group: 'both', operation: 'PutRecord', targets: ['OfflineStore'], online: 'before', offline: 'row' },
  { group: 'both', operation: 'PutRecord', targets: ['OnlineStore', 'OfflineStore'], online: 'put', offline: 'row' },
  { group: 'both', operation: 'SoftDelete', targets: undefined, online: 'tombstone', offline: 'marker' },
  { group: 'both', operation: 'SoftDelete', targets: ['OnlineStore'], online: 'tombstone', offline: 'none' },
  { group: 'both', operation: 'SoftDelete', targets: ['OfflineStore'], online: 'before', offline: 'marker' },
  { group: 'both', operation: 'HardDelete', targets: undefined, online: 'absent', offline: 'marker' },
  { group: 'both', operation: 'HardDelete', targets: ['OnlineStore'], online: 'absent', offline: 'none' },
  { group: 'both', operation: 'HardDelete', targets: ['OfflineStore'], online: 'before', offline: 'marker' },
  { group: 'online-only', operation: 'PutRecord', targets: undefined, online: 'put', offline: 'none' },
  { group: 'online-only', operation: 'PutRecord', targets: ['OnlineStore'], online: 'put', offline: 'none' },
  { group: 'online-only', operation: 'PutRecord', targets: ['OfflineStore'], rejectedFor: 'OfflineStore' },
  { group: 'online-only', operation: 'PutRecord', targets: ['OnlineStore', 'OfflineStore'], rejectedFor: 'OfflineStore' },
  { group: 'online-only', operation: 'SoftDelete', targets: undefined, online: 'tombstone', offline: 'none' },
  { group: 'online-only', operation: 'HardDelete', targets: undefined, online: 'absent', offline: 'none' },
  { group: 'online-only', operation: 'SoftDelete', targets: ['OfflineStore'], rejectedFor: 'OfflineStore' },
  { group: 'offline-only', operation: 'PutRecord', targets: undefined, online: 'absent', offline: 'row' },
  { group: 'offline-only', operation: 'PutRecord', targets: ['OfflineStore'], online: 'absent', offline: 'row' },
  { group: 'offline-only', operation: 'PutRecord', targets: ['OnlineStore'], rejectedFor: 'OnlineStore' },
  { group: 'offline-only', operation: 'SoftDelete', targets: undefined, online: 'absent', offline: 'marker' },
  { group: 'offline-only', operation: 'HardDelete', targets: undefined, online: 'absent', offline: 'marker' },
  { group: 'offline-only', operation: 'HardDelete', targets: ['OnlineStore'], rejectedFor: 'OnlineStore' },
];

const title = (c: Case): string => {
  const targets = c.targets === undefined ? 'default TargetStores' : `TargetStores [${c.targets.join(', ')}]`;
  const outcome = c.rejectedFor
    ? `ValidationError naming ${c.rejectedFor} (A18)`
    : `online ${c.online}, offline ${c.offline}`;
  return `${c.group} group, ${c.operation} with ${targets} → ${outcome}`;
};

describeEachTarget('TargetStores', (session) => {
  const calls = runtimeCalls(session);

  beforeEach(() => {
    session().featureStore.createFeatureGroup(customersGroup());
    session().featureStore.createFeatureGroup(onlineOnlyGroup());
    session().featureStore.createFeatureGroup(offlineOnlyGroup());
    session().featureStore.clock.set(NOW);
  });

  test.each(cases.map((c) => [title(c), c] as const))('%s', async (_title, c) => {
    const FeatureGroupName = groupName[c.group];
    // A record already in place, so a delete has something to act on.
    await calls.putCustomer('c1', T_STORED, { city: 'before' }, { FeatureGroupName });
    const before = snapshotOf(session, FeatureGroupName, ['c1']);
    const call =
      c.operation === 'PutRecord'
        ? calls.putCustomer('c1', T_LATER, { city: 'put' }, { FeatureGroupName, TargetStores: c.targets })
        : calls.delete('c1', T_LATER, { FeatureGroupName, TargetStores: c.targets, DeletionMode: c.operation });

    if (c.rejectedFor !== undefined) {
      await expectServiceError(call, {
        type: ValidationError,
        name: 'ValidationError',
        status: 400,
        message: ['TargetStores', c.rejectedFor, FeatureGroupName],
      });
      expect(snapshotOf(session, FeatureGroupName, ['c1'])).toEqual(before);
      return;
    }
    await call;

    const online = session().featureStore.onlineRecord(FeatureGroupName, 'c1');
    switch (c.online) {
      case 'put':
        expect(online).toMatchObject({ deleted: false, eventTime: T_LATER, features: { city: 'put' } });
        expect((await calls.get('c1', { FeatureGroupName })).Record).toContainEqual({
          FeatureName: 'city',
          ValueAsString: 'put',
        });
        break;
      case 'before':
        expect(online).toMatchObject({ deleted: false, eventTime: T_STORED, features: { city: 'before' } });
        expect((await calls.get('c1', { FeatureGroupName })).Record).toContainEqual({
          FeatureName: 'city',
          ValueAsString: 'before',
        });
        break;
      case 'tombstone':
        expect(online).toMatchObject({ deleted: true, eventTime: T_LATER });
        break;
      case 'absent':
        expect(online).toBeUndefined();
        break;
    }
    const appended = session().featureStore.offlineRecords(FeatureGroupName).slice(before.offline.length);
    if (c.offline === 'none') expect(appended).toEqual([]);
    else {
      expect(appended).toEqual([
        expect.objectContaining({
          customer_id: 'c1',
          event_time: T_LATER,
          city: c.offline === 'row' ? 'put' : null,
          is_deleted: c.offline === 'marker',
        }),
      ]);
    }
  });

  test('a put to the offline store only is not readable online (as AWS integration tests observe)', async () => {
    await calls.putCustomer('c9', T_STORED, {}, { TargetStores: ['OfflineStore'] });
    expect(await calls.get('c9')).not.toHaveProperty('Record');
  });

  test('HardDelete aimed at the offline store only writes its marker even when it is older than the online record (INF)', async () => {
    await calls.putCustomer('c1', T_STORED);
    await calls.delete('c1', T_EARLIER, { DeletionMode: 'HardDelete', TargetStores: ['OfflineStore'] });
    expect(session().featureStore.offlineRecords('customers').at(-1)).toMatchObject({
      event_time: T_EARLIER,
      is_deleted: true,
    });
    expect((await calls.get('c1')).Record).toEqual(featureValues({ customer_id: 'c1', event_time: T_STORED }));
  });

  test('naming a store twice acts once', async () => {
    await calls.putCustomer('c1', T_STORED, {}, { TargetStores: ['OfflineStore', 'OfflineStore'] });
    expect(session().featureStore.offlineRecords('customers')).toHaveLength(1);
  });
});
