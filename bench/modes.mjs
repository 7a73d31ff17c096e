import { SageMakerFeatureStoreRuntimeClient } from '@aws-sdk/client-sagemaker-featurestore-runtime';
import { mockFeatureStore } from '../dist/esm/index.js';
import { startServer } from '../dist/esm/server/index.js';

/**
 * The ways a call can be answered; every case in cases.mjs runs under every mode.
 * `open(benchCase)` prepares a client and resolves to `{ send(iteration), close() }`.
 * Modes marked `baseline` are floors: the report gives every mode's cost as a ratio to
 * each of them. Server mode, direct mode or aws-sdk-client-mock's stub are more rows here.
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

const openEmulator = async (benchCase) => {
  const featureStore = mockFeatureStore({ featureGroups: benchCase.featureGroups });
  const client = new SageMakerFeatureStoreRuntimeClient(clientConfig({ requestHandler: unreachableHandler }));
  await benchCase.seed(client);
  return {
    client,
    send: (iteration) => client.send(benchCase.command(iteration)),
    close: () => featureStore.restore(),
  };
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
  const emulator = await openEmulator(benchCase);
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
 * @property {boolean} [target] false: reported, but not held to the target ratio
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
    name: 'emulator',
    description: 'mockFeatureStore() installed: the SDK middleware plugin, the restJson1 wire codec and the core',
    open: openEmulator,
  },
  {
    name: 'server',
    // Real loopback HTTP costs far more than the in-process work the target ratio is about.
    target: false,
    description:
      'server mode: startServer() on 127.0.0.1 in the same process and the client pointed at it with `endpoint`; SigV4 signing, a keep-alive loopback HTTP round trip, node:http, the wire codec and the core',
    open: openServer,
  },
];
