import {
  GetRecordCommand,
  PutRecordCommand,
  SageMakerFeatureStoreRuntime,
  SageMakerFeatureStoreRuntimeClient,
} from '@aws-sdk/client-sagemaker-featurestore-runtime';
import { CreateFeatureGroupCommand, DescribeFeatureGroupCommand, SageMakerClient } from '@aws-sdk/client-sagemaker';
import {
  GetRecordCommand as OldGetRecordCommand,
  SageMakerFeatureStoreRuntimeClient as OldRuntimeClient,
} from 'client-featurestore-runtime-3.523';
import fc from 'fast-check';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mockFeatureStore, type CreateFeatureGroupInput, type FeatureStoreMock } from '../../src/index.js';
import { startServer } from '../../src/server/index.js';
import { coreTarget } from '../model/run-sequence.js';
import { GROUPS, START_MS, stepArb, type Step } from '../model/scenario.js';

/**
 * Isolation and cleanup: after `restore()` no client of the process is intercepted and the
 * emulator leaves nothing running; after `reset()` the store is exactly as declared.
 */

/** A request handler the test controls: counts requests and answers 200 with an empty JSON body. */
const countingHandler = () => {
  const requests: string[] = [];
  return {
    requests,
    handler: {
      handle: (request: { method: string; hostname: string; path: string }) => {
        requests.push(`${request.method} ${request.hostname}${request.path}`);
        return Promise.resolve({
          response: {
            statusCode: 200,
            headers: { 'content-type': 'application/json' },
            body: new TextEncoder().encode('{}'),
          },
        });
      },
    },
  };
};

const credentials = { accessKeyId: 'AKIDISOLATION', secretAccessKey: 'dummy' };
const GROUP = GROUPS[0] as CreateFeatureGroupInput;
const getInput = { FeatureGroupName: GROUP.FeatureGroupName, RecordIdentifierValueAsString: 'r1' };

describe('restore()', () => {
  test('afterwards no client is intercepted: every kind of client reaches its own request handler', async () => {
    const sendDescriptors = [SageMakerFeatureStoreRuntimeClient, SageMakerClient, OldRuntimeClient].map((client) =>
      Object.getOwnPropertyDescriptor(client.prototype, 'send'),
    );
    const { requests, handler } = countingHandler();
    const config = { region: 'us-east-1', credentials, maxAttempts: 1, requestHandler: handler };
    const before = new SageMakerFeatureStoreRuntimeClient(config);
    const stackBefore = before.middlewareStack.identify();

    const mock = mockFeatureStore({ clients: [OldRuntimeClient], featureGroups: [GROUP] });
    const during = new SageMakerFeatureStoreRuntimeClient(config);
    const aggregated = new SageMakerFeatureStoreRuntime(config);
    const sagemaker = new SageMakerClient(config);
    const old = new OldRuntimeClient(config);
    const send = (): Promise<unknown[]> =>
      Promise.all([
        before.send(new GetRecordCommand(getInput)),
        during.send(new GetRecordCommand(getInput)),
        aggregated.getRecord(getInput),
        sagemaker.send(new DescribeFeatureGroupCommand({ FeatureGroupName: GROUP.FeatureGroupName })),
        old.send(new OldGetRecordCommand(getInput)),
      ]);
    // While installed: the emulator answers all of them; the handler sees nothing.
    await send();
    expect(requests).toEqual([]);
    expect(mock.calls()).toHaveLength(5);

    mock.restore();
    await send();
    // Afterwards: each request went to the handler, with the SDK's real endpoints; the emulator saw none.
    expect(requests.sort()).toEqual([
      'GET featurestore-runtime.sagemaker.us-east-1.amazonaws.com/FeatureGroup/std-both',
      'GET featurestore-runtime.sagemaker.us-east-1.amazonaws.com/FeatureGroup/std-both',
      'GET featurestore-runtime.sagemaker.us-east-1.amazonaws.com/FeatureGroup/std-both',
      'GET featurestore-runtime.sagemaker.us-east-1.amazonaws.com/FeatureGroup/std-both',
      'POST api.sagemaker.us-east-1.amazonaws.com/',
    ]);
    expect(mock.calls()).toHaveLength(5);
    // Nothing of the emulator is left on the classes or on a client's own stack.
    expect(
      [SageMakerFeatureStoreRuntimeClient, SageMakerClient, OldRuntimeClient].map((client) =>
        Object.getOwnPropertyDescriptor(client.prototype, 'send'),
      ),
    ).toEqual(sendDescriptors);
    expect(before.middlewareStack.identify()).toEqual(stackBefore);
    for (const client of [before, during, sagemaker, old]) client.destroy();
    aggregated.destroy();
  });

  test('afterwards a client pointed at a loopback server talks to that server', async () => {
    const seen: string[] = [];
    const server: Server = createServer((request, response) => {
      seen.push(`${request.method} ${request.url}`);
      response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const client = new SageMakerFeatureStoreRuntimeClient({
      region: 'us-east-1',
      endpoint,
      credentials,
      maxAttempts: 1,
    });
    try {
      const mock = mockFeatureStore({ featureGroups: [GROUP] });
      await client.send(new GetRecordCommand(getInput));
      expect(seen).toEqual([]);
      mock.restore();
      await client.send(new GetRecordCommand(getInput));
      expect(seen).toEqual(['GET /FeatureGroup/std-both?RecordIdentifierValueAsString=r1']);
    } finally {
      client.destroy();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  test('a client with no region that the emulator served is left as it was: the SDK asks for a region again', async () => {
    const saved = { ...process.env };
    // No region anywhere the SDK looks.
    for (const name of ['AWS_REGION', 'AWS_DEFAULT_REGION', 'AWS_PROFILE']) delete process.env[name];
    process.env.AWS_CONFIG_FILE = '/nonexistent/reliability/config';
    process.env.AWS_SHARED_CREDENTIALS_FILE = '/nonexistent/reliability/credentials';
    const { requests, handler } = countingHandler();
    const client = new SageMakerFeatureStoreRuntimeClient({ credentials, maxAttempts: 1, requestHandler: handler });
    try {
      await expect(client.send(new GetRecordCommand(getInput))).rejects.toThrow(/Region is missing/);
      const mock = mockFeatureStore({ featureGroups: [GROUP] });
      await client.send(new GetRecordCommand(getInput));
      mock.restore();
      await expect(client.send(new GetRecordCommand(getInput))).rejects.toThrow(/Region is missing/);
      expect(requests).toEqual([]);
    } finally {
      client.destroy();
      process.env = saved;
    }
  });

  test('afterwards no timer, socket or server of the emulator keeps the process alive', async () => {
    const resources = (): string[] =>
      process
        .getActiveResourcesInfo()
        .filter((type) => ['Timeout', 'Immediate', 'TCPSocketWrap', 'TCPServerWrap'].includes(type))
        .sort();
    // The check sees a timer when there is one.
    const interval = setInterval(() => undefined, 1000);
    expect(resources()).toContain('Timeout');
    clearInterval(interval);
    await new Promise((resolve) => setImmediate(resolve));
    const before = resources();

    const mock = mockFeatureStore({ featureGroups: [GROUP], offlineDelivery: { delay: '15m' } });
    const client = new SageMakerFeatureStoreRuntimeClient({ region: 'us-east-1', maxAttempts: 1 });
    mock.faults.add({ operation: 'GetRecord', delay: 20 });
    await client.send(new GetRecordCommand(getInput));
    mock.clock.advance('1h');
    mock.restore();
    const server = await startServer({ featureGroups: [GROUP] });
    const remote = new SageMakerFeatureStoreRuntimeClient({
      region: 'us-east-1',
      endpoint: server.url,
      credentials,
      maxAttempts: 1,
    });
    await remote.send(new GetRecordCommand(getInput));
    remote.destroy();
    client.destroy();
    await server.close();
    // Node releases a closed socket's handle a few turns of the event loop later.
    const more = (): string[] => {
      const left = [...before];
      return resources().filter((type) => {
        const at = left.indexOf(type);
        if (at >= 0) left.splice(at, 1);
        return at < 0;
      });
    };
    for (let turn = 0; turn < 100 && more().length > 0; turn++) await new Promise((resolve) => setImmediate(resolve));
    expect(more()).toEqual([]);
  });
});

describe('reset()', () => {
  let inside = false;
  let mock: FeatureStoreMock;
  beforeAll(() => {
    mock = mockFeatureStore({ featureGroups: GROUPS as CreateFeatureGroupInput[], isInsideTest: () => inside });
  });
  afterAll(() => mock.restore());

  /** Runs steps of the model scenario straight on the core, plus settings changes, as a test might. */
  const scramble = async (steps: readonly Step[]): Promise<void> => {
    const core = coreTarget(mock);
    mock.clock.set(START_MS);
    mock.faults.add({ operation: 'PutRecord', error: 'ThrottlingException', probability: 0.1 });
    mock.configure({ offlineDelivery: { delay: '1m' }, behaviour: { unknownFeatureNames: 'ignore' } });
    for (const step of steps) {
      if (step.op === 'AdvanceClock') mock.clock.advance(step.ms);
      else if (step.op === 'RestoreFeatureGroups') {
        for (const def of GROUPS) core.send('CreateFeatureGroup', { ...def });
      } else if (step.op === 'CreateFeatureGroup') core.send('CreateFeatureGroup', { ...GROUPS[step.group]! });
      else if (step.op === 'DeleteFeatureGroup')
        core.send('DeleteFeatureGroup', { FeatureGroupName: GROUPS[step.group]!.FeatureGroupName });
      else core.send(step.op, step.input);
    }
    // And groups of the test's own, through the real client and through the handle.
    const sagemaker = new SageMakerClient({ region: 'us-east-1', maxAttempts: 1 });
    await sagemaker.send(
      new CreateFeatureGroupCommand({ ...(GROUPS[5] as CreateFeatureGroupInput), FeatureGroupName: 'by-the-api' }),
    );
    sagemaker.destroy();
    mock.createFeatureGroup({ ...(GROUPS[5] as CreateFeatureGroupInput), FeatureGroupName: 'by-the-handle' });
  };

  test('puts the store back exactly as declared, whatever the test did (random sequences of every operation)', async () => {
    const { clock: _clock, ...declared } = mock.snapshot();
    await fc.assert(
      fc.asyncProperty(fc.array(stepArb, { minLength: 1, maxLength: 40 }), async (steps) => {
        inside = true;
        await scramble(steps);
        mock.reset();
        inside = false;
        const { clock: _after, ...after } = mock.snapshot();
        expect(after).toEqual(declared);
        expect(mock.calls()).toEqual([]);
        expect(mock.clock.frozen).toBe(false);
        // Faults and settings are gone too: a put lands at once and its row is visible at once.
        const put = {
          FeatureGroupName: GROUP.FeatureGroupName,
          Record: [
            { FeatureName: 'id', ValueAsString: 'probe' },
            { FeatureName: 'et', ValueAsString: '2026-01-01T00:00:00Z' },
          ],
        };
        const runtime = new SageMakerFeatureStoreRuntimeClient({ region: 'us-east-1', maxAttempts: 1 });
        for (let i = 0; i < 20; i++) await runtime.send(new PutRecordCommand(put));
        runtime.destroy();
        expect(mock.offlineRecords(GROUP.FeatureGroupName)).toHaveLength(20);
        mock.reset();
      }),
      { seed: Number(process.env.RELIABILITY_SEED ?? 20261125), numRuns: 100 },
    );
  }, 120_000);
});
