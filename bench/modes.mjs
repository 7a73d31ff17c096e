import * as runtime from '@aws-sdk/client-sagemaker-featurestore-runtime';
import { mockClient } from 'aws-sdk-client-mock';
import { mockFeatureStore } from '../dist/esm/index.js';
import { startServer } from '../dist/esm/server/index.js';

const { SageMakerFeatureStoreRuntimeClient } = runtime;

/**
 * The ways a call can be answered; every case in cases.mjs runs under every mode.
 * `open(benchCase)` prepares a client and resolves to `{ send(iteration), close() }`.
 * Modes marked `baseline` are references: the report gives every mode's cost as a ratio
 * to each of them. A mode's `target` names the baseline it is held to and the ratio.
 */

/** The client configuration every mode shares; only who answers differs. */
const clientConfig = (extra) => ({
  region: 'us-east-1',
  credentials: { accessKeyId: 'AKIDBENCHMARK', secretAccessKey: 'benchmark-secret' },
  maxAttempts: 1,
  ...extra,
});

/** Auth schemes that sign nothing: the emulator skips SigV4 too, so this floor isolates the emulator's own work. */
const unsignedAuthSchemes = [
  {
    schemeId: 'aws.auth#sigv4',
    identityProvider: () => async () => ({}),
    signer: { sign: async (request) => request },
  },
];

/** A request handler that answers every request with the same bytes and does nothing else. */
const cannedHandler = (response) => ({
  handle: async () => ({
    response: { statusCode: response.statusCode, headers: response.headers, body: response.body.subarray(0) },
  }),
});

const unreachableHandler = {
  handle: () => Promise.reject(new Error('the emulator should answer, not the request handler')),
};

/** Runs one command and records the HTTP response under the deserializer: the bytes the emulator answered. */
const captureResponse = async (client, command) => {
  let captured;
  command.middlewareStack.add(
    (next) => async (args) => {
      const result = await next(args);
      const { statusCode, headers, body } = result.response;
      captured = { statusCode, headers: { ...headers }, body: new Uint8Array(body) };
      return result;
    },
    { step: 'deserialize', name: 'benchCaptureResponse' },
  );
  await client.send(command);
  if (captured === undefined) throw new Error('could not capture the emulator response');
  return captured;
};

/** The emulator installed in-process (call history on, as users get it), seeded through the client. */
const openEmulator = (mode) => async (benchCase) => {
  const featureStore = mockFeatureStore({ featureGroups: benchCase.featureGroups, mode });
  const client = new SageMakerFeatureStoreRuntimeClient(clientConfig({ requestHandler: unreachableHandler }));
  await benchCase.seed(client);
  return {
    client,
    featureStore,
    send: (iteration) => client.send(benchCase.command(iteration)),
    close: () => featureStore.restore(),
  };
};

/** The core alone: `FeatureStore.execute` with the case's input, no SDK, no call history. */
const openCore = async (benchCase) => {
  const emulator = await openEmulator('direct')(benchCase);
  const { store } = emulator.featureStore;
  return {
    send: (iteration) => store.execute(benchCase.operation, benchCase.input(iteration)),
    close: emulator.close,
  };
};

/** aws-sdk-client-mock's stateless stub, as its README shows it: `mockClient(Client).on(Command).resolves({})`. */
const openClientMockStub = async (benchCase) => {
  const stub = mockClient(SageMakerFeatureStoreRuntimeClient);
  stub.on(runtime[`${benchCase.operation}Command`]).resolves({});
  const client = new SageMakerFeatureStoreRuntimeClient(clientConfig({ requestHandler: unreachableHandler }));
  return { send: (iteration) => client.send(benchCase.command(iteration)), close: () => stub.restore() };
};

/** Server mode: a real HTTP round trip per call to startServer() on a loopback port; the client only sets `endpoint`. */
const openServer = async (benchCase) => {
  const server = await startServer({ featureGroups: benchCase.featureGroups });
  const client = new SageMakerFeatureStoreRuntimeClient(clientConfig({ endpoint: server.url }));
  await benchCase.seed(client);
  return {
    client,
    send: (iteration) => client.send(benchCase.command(iteration)),
    close: () => {
      client.destroy();
      void server.close();
    },
  };
};

/** A floor: the same client answered by a no-op handler that replays the emulator's bytes for this case. */
const openFloor = (extraConfig) => async (benchCase) => {
  const emulator = await openEmulator('wire')(benchCase);
  const response = await captureResponse(emulator.client, benchCase.command(0));
  emulator.close();
  const client = new SageMakerFeatureStoreRuntimeClient(
    clientConfig({ requestHandler: cannedHandler(response), ...extraConfig }),
  );
  return { client, send: (iteration) => client.send(benchCase.command(iteration)), close: () => {} };
};

/**
 * @typedef {object} BenchMode
 * @property {string} name
 * @property {string} description
 * @property {boolean} [baseline]
 * @property {{ against: string, max: number }} [target] the baseline this mode is held to, and the ratio (mean per call)
 * @property {(benchCase: import('./cases.mjs').BenchCase) => Promise<{ send: (iteration: number) => Promise<unknown>, close: () => void }>} open
 */

/** @type {BenchMode[]} */
export const modes = [
  {
    name: 'sdk-floor',
    baseline: true,
    description:
      'the SDK floor: the same client answered by a no-op request handler, with dummy static credentials (SigV4 signing runs), replaying the bytes the emulator answers',
    open: openFloor({}),
  },
  {
    name: 'sdk-floor-unsigned',
    baseline: true,
    description:
      'sdk-floor with a signer that signs nothing; the emulator skips SigV4 as well, so this isolates its own work',
    open: openFloor({ httpAuthSchemes: unsignedAuthSchemes }),
  },
  {
    name: 'client-mock-stub',
    baseline: true,
    description:
      "aws-sdk-client-mock's stateless stub: mockClient(Client).on(Command).resolves({}); a sinon stub replaces send, no SDK pipeline, no state",
    open: openClientMockStub,
  },
  {
    name: 'wire',
    target: { against: 'sdk-floor', max: 1.15 },
    description:
      "mockFeatureStore() installed (wire mode, the default): the SDK's whole stack with the plugin, the restJson1 wire codec and the core",
    open: openEmulator('wire'),
  },
  {
    name: 'direct',
    target: { against: 'client-mock-stub', max: 1.0 },
    description:
      "mockFeatureStore({ mode: 'direct' }): answered at send from the core, inputs and outputs shaped as the wire would, call history on",
    open: openEmulator('direct'),
  },
  {
    name: 'core',
    description: 'FeatureStore.execute(operation, input) alone: validation and state, no SDK, no call history',
    open: openCore,
  },
  {
    name: 'server',
    // Real loopback HTTP: reported for scale, held to no ratio.
    description:
      'server mode: startServer() on 127.0.0.1 in the same process and the client pointed at it with `endpoint`; SigV4 signing, a keep-alive loopback HTTP round trip, node:http, the wire codec and the core',
    open: openServer,
  },
];
