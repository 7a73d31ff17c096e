import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PutRecordCommand, SageMakerFeatureStoreRuntimeClient } from '@aws-sdk/client-sagemaker-featurestore-runtime';
import { featureStore } from '../../../src/jest/setup.js';
import { customersGroup } from '../../support/fixtures.js';

const barrier = process.env.FSMOCK_BARRIER_DIR as string;

const waitFor = async (file: string): Promise<void> => {
  for (let waited = 0; !existsSync(file); waited += 25) {
    if (waited > 30_000) throw new Error(`${file} never appeared: the other file did not run alongside this one`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
};

/**
 * Both worker files write the same record id with their own value, wait until the other
 * has written too, then check they still see only their own: state is per process.
 */
export const writeTheSameRecordAs = (me: string, other: string): void => {
  featureStore.createFeatureGroup(customersGroup());

  test(`${me} sees only its own record while ${other} writes the same id`, async () => {
    await new SageMakerFeatureStoreRuntimeClient({}).send(
      new PutRecordCommand({
        FeatureGroupName: 'customers',
        Record: [
          { FeatureName: 'customer_id', ValueAsString: 'shared' },
          { FeatureName: 'event_time', ValueAsString: '2026-01-01T00:00:00Z' },
          { FeatureName: 'city', ValueAsString: me },
        ],
      }),
    );
    writeFileSync(join(barrier, `${me}.written`), '');
    await waitFor(join(barrier, `${other}.written`));

    expect(featureStore).toHaveOnlineRecord('customers', 'shared', { city: me });
    expect(featureStore.offlineRecords('customers').map((row) => row.city)).toEqual([me]);
    expect(featureStore.calls()).toHaveLength(1);
    writeFileSync(
      join(barrier, `${me}.json`),
      JSON.stringify({ pid: process.pid, worker: process.env.JEST_WORKER_ID }),
    );
  }, 40_000);
};
