import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { FeatureStoreError, type FeatureStore } from '../core/index.js';
import {
  encodeError,
  isControlPlaneRequest,
  nextRequestId,
  type WireRequest,
  type WireResponse,
} from '../wire/index.js';
import { checkContentType } from './check-content-type.js';
import { handleControlRequest, isControlPath } from './control-endpoint.js';
import { BodyTooLargeError, declaredTooLarge, readBody } from './read-body.js';
import { ServerFeatureStore, type ServerFeatureStoreOptions } from './server-feature-store.js';
import { parseRequestTarget, toWireRequest } from './to-wire-request.js';

export const DEFAULT_MAX_BODY_BYTES = 8 * 1024 * 1024;
/**
 * Room for the request line and headers. A RecordIdentifierValueAsString may be 358,400
 * characters and travels in the GetRecord/DeleteRecord query string, percent-encoded (up
 * to 9 bytes a character), so Node's 16 KiB default would refuse requests the model allows.
 */
export const DEFAULT_MAX_HEADER_BYTES = 4 * 1024 * 1024;

export interface StartServerOptions extends ServerFeatureStoreOptions {
  /** Port to listen on; 0 (the default) picks a free one. */
  readonly port?: number;
  /** Interface to bind. Default `127.0.0.1`: the emulator is not meant to be reachable from other machines. */
  readonly host?: string;
  /** Largest request body accepted; larger ones get 413. Default 8 MiB. */
  readonly maxBodyBytes?: number;
  /** Largest request line plus headers accepted; larger ones get 431. Default 4 MiB. */
  readonly maxHeaderBytes?: number;
  /** A client must send all headers within this time, else 408. Default 10 s. */
  readonly headersTimeoutMs?: number;
  /** A client must send the whole request within this time, else 408. Default 30 s. */
  readonly requestTimeoutMs?: number;
}

export interface RunningServer {
  /** `http://host:port`, the endpoint URL to give clients. */
  readonly url: string;
  readonly port: number;
  /** The emulator core behind the server. */
  readonly store: FeatureStore;
  /** Declares groups, inspects state and controls the clock, like the in-process handle. */
  readonly featureStore: ServerFeatureStore;
  /** Stops accepting connections, lets requests in flight finish, closes the data directory. */
  close(): Promise<void>;
}

/** How long `close()` waits for requests in flight before cutting their connections. */
const CLOSE_GRACE_MS = 2000;

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** The body as text; the AWS protocols are UTF-8 JSON, anything else is a serialization error. */
const decodeUtf8 = (body: Uint8Array): string | undefined => {
  try {
    return utf8.decode(body);
  } catch {
    return undefined;
  }
};

const send = (response: ServerResponse, wire: WireResponse, closeConnection = false): void => {
  const headers: Record<string, string> = { ...wire.headers };
  if (closeConnection) headers.connection = 'close';
  response.writeHead(wire.statusCode, headers);
  response.end(wire.body);
};

const sendJson = (response: ServerResponse, statusCode: number, body: unknown): void => {
  const bytes = Buffer.from(JSON.stringify(body), 'utf8');
  response.writeHead(statusCode, { 'content-type': 'application/json', 'content-length': String(bytes.length) });
  response.end(bytes);
};

/** Errors the server itself raises, encoded in the protocol the request was speaking. */
const sendError = (response: ServerResponse, request: WireRequest, error: FeatureStoreError, close = false): void => {
  send(
    response,
    encodeError(isControlPlaneRequest(request) ? 'awsJson1_1' : 'restJson1', error, nextRequestId()),
    close,
  );
};

const hostForUrl = (address: AddressInfo): string =>
  address.family === 'IPv6' || address.address.includes(':') ? `[${address.address}]` : address.address;

/**
 * Serves the emulator over HTTP on one port: the Feature Store runtime (restJson1, routed
 * by method and path), the SageMaker feature-group operations (awsJson1.1, `POST /` with
 * `X-Amz-Target`), and the control endpoint under `/_mock`. A thin `node:http` wrapper
 * around the wire handler the SDK plugin uses; no rule of the emulator lives here.
 */
export const startServer = async (options: StartServerOptions = {}): Promise<RunningServer> => {
  const featureStore = new ServerFeatureStore(options);
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const headersTimeout = options.headersTimeoutMs ?? 10_000;
  const requestTimeout = Math.max(options.requestTimeoutMs ?? 30_000, headersTimeout);

  const onRequest = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const wireHead = toWireRequest(request, '');
    let body: Buffer;
    try {
      body = await readBody(request, maxBodyBytes);
    } catch (error) {
      if (!(error instanceof BodyTooLargeError)) return; // the client went away; nobody to answer
      // Keep reading (and dropping) the rest so the client gets to read the answer.
      request.resume();
      sendError(response, wireHead, new FeatureStoreError('RequestEntityTooLargeException', error.message, 413), true);
      return;
    }
    const text = decodeUtf8(body);
    if (text === undefined) {
      sendError(
        response,
        wireHead,
        new FeatureStoreError('SerializationException', 'The request body is not valid UTF-8.', 400),
      );
      return;
    }
    const wire = toWireRequest(request, text);
    if (isControlPath(wire.path)) {
      const answer = handleControlRequest(
        featureStore,
        wire.method,
        parseRequestTarget(request.url ?? '/'),
        body.toString('utf8'),
      );
      sendJson(response, answer.statusCode, answer.body);
      return;
    }
    const unsupported = checkContentType(wire, body.length);
    if (unsupported !== undefined) {
      sendError(response, wire, unsupported);
      return;
    }
    send(response, await featureStore.handle(wire));
  };

  const server = createServer(
    {
      headersTimeout,
      requestTimeout,
      maxHeaderSize: options.maxHeaderBytes ?? DEFAULT_MAX_HEADER_BYTES,
      // Timeouts are only checked this often; Node's default (30 s) would let slow clients linger.
      connectionsCheckingInterval: Math.max(50, Math.min(1000, Math.floor(headersTimeout / 2))),
    },
    (request, response) => {
      onRequest(request, response).catch((error: unknown) => {
        // A bug or a failed journal write: answer 500 and keep serving.
        console.error('sagemaker-featurestore-mock: request failed:', error);
        if (response.headersSent) {
          response.destroy();
          return;
        }
        const failure = new FeatureStoreError('InternalFailure', 'The emulator failed to process the request.');
        sendError(response, toWireRequest(request, ''), failure);
      });
    },
  );

  // `Expect: 100-continue`: refuse an oversized body before the client sends it.
  server.on('checkContinue', (request: IncomingMessage, response: ServerResponse) => {
    const tooLarge = declaredTooLarge(request, maxBodyBytes);
    if (tooLarge === undefined) {
      response.writeContinue();
      server.emit('request', request, response);
      return;
    }
    const failure = new FeatureStoreError('RequestEntityTooLargeException', tooLarge.message, 413);
    sendError(response, toWireRequest(request, ''), failure, true);
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  }).catch((error: unknown) => {
    featureStore.close();
    throw error;
  });

  const address = server.address() as AddressInfo;
  let closing: Promise<void> | undefined;
  return {
    url: `http://${hostForUrl(address)}:${address.port}`,
    port: address.port,
    store: featureStore.store,
    featureStore,
    close() {
      closing ??= new Promise<void>((resolve, reject) => {
        const force = setTimeout(() => server.closeAllConnections(), CLOSE_GRACE_MS);
        force.unref();
        server.close((error) => {
          clearTimeout(force);
          featureStore.close();
          if (error === undefined) resolve();
          else reject(error);
        });
        server.closeIdleConnections();
      });
      return closing;
    },
  };
};
