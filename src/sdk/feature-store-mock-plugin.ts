import type { ExecuteScope } from '../core/index.js';
import type { WireRequest, WireResponse } from '../wire/index.js';
import { disableInstanceMetadata } from './instance-metadata-guard.js';
import type { ClientConfigLike, HttpRequestLike, Middleware, PluggableLike } from './sdk-types.js';

/** A command as it is sent, before any attempt: for call history. */
export interface ObservedCommand {
  readonly commandName: string;
  readonly clientName: string;
  readonly input: unknown;
  readonly region: string | undefined;
}

/** Told how a sent command settled; `handle` gets it back for each of the command's attempts. */
export interface CommandObserver {
  settled(outcome: { output?: unknown; error?: unknown }): void;
}

/** Whatever answers the plugin's HTTP requests: the mock handle, in practice. */
export interface WireTarget {
  readonly defaultRegion: string;
  handle(
    request: WireRequest,
    scope: ExecuteScope,
    commandName: string,
    observer?: CommandObserver,
  ): WireResponse | Promise<WireResponse>;
  /** Called once per `send` (not per retry attempt). */
  observeCommand?(command: ObservedCommand): CommandObserver | undefined;
}

const REGION = Symbol.for('sagemaker-featurestore-mock.region');
const OBSERVER = Symbol.for('sagemaker-featurestore-mock.observer');

/** smithy's naming triplet: the middleware names and options of the plugin. */
export const featureStoreMockRegionMiddlewareOptions = {
  name: 'featureStoreMockRegionMiddleware',
  step: 'initialize',
  priority: 'high',
  override: true,
} as const;

/** Sees each command once, outside the retry loop, with its final output or error: call history. */
export const featureStoreMockObserverMiddlewareOptions = {
  name: 'featureStoreMockObserverMiddleware',
  step: 'initialize',
  priority: 'high',
  override: true,
} as const;

/** Replaces the auth-scheme middleware, where credentials would be resolved, with a no-auth scheme. */
export const featureStoreMockNoAuthMiddlewareOptions = {
  name: 'httpAuthSchemeMiddleware',
  step: 'serialize',
  relation: 'before',
  toMiddleware: 'endpointV2Middleware',
  tags: ['HTTP_AUTH_SCHEME'],
  override: true,
} as const;

/** The emulator answers where the network would: last in the deserialize step, under the SDK's deserializer. */
export const featureStoreMockMiddlewareOptions = {
  name: 'featureStoreMockMiddleware',
  step: 'deserialize',
  priority: 'low',
  tags: ['FEATURE_STORE_MOCK'],
  override: true,
} as const;

/** Configs given the fallback region, and what they had before: `undoRegionFallbacks()` puts it back. */
const fallbackConfigs: WeakRef<ClientConfigLike>[] = [];
const originals = new WeakMap<ClientConfigLike, Pick<ClientConfigLike, 'region' | 'useFipsEndpoint'>>();

/**
 * The client's region; a client without one gets `fallback` (also used by direct mode).
 * The SDK's region provider reads the explicit config, `AWS_REGION` and the shared config
 * file, then (current `@smithy/core`) the EC2 instance metadata service: it is asked with
 * that last, networked source switched off, so a regionless client never leaves the machine.
 */
export const resolveRegion = async (config: ClientConfigLike, fallback: string): Promise<string> => {
  const release = disableInstanceMetadata();
  try {
    const region =
      typeof config.region === 'function' ? await (config.region as () => Promise<unknown>)() : config.region;
    if (typeof region === 'string' && region !== '') return region;
  } catch {
    // "Region is missing": the emulator needs none, so the client gets the default below.
  } finally {
    release();
  }
  if (!originals.has(config)) {
    originals.set(config, { region: config.region, useFipsEndpoint: config.useFipsEndpoint });
    fallbackConfigs.push(new WeakRef(config));
  }
  config.region = () => Promise.resolve(fallback);
  config.useFipsEndpoint = () => Promise.resolve(false);
  return fallback;
};

/** Gives clients that got the fallback region their own settings back (on `restore()`: no trace on clients). */
export const undoRegionFallbacks = (): void => {
  for (const ref of fallbackConfigs.splice(0)) {
    const config = ref.deref();
    const original = config === undefined ? undefined : originals.get(config);
    if (config === undefined || original === undefined) continue;
    config.region = original.region;
    config.useFipsEndpoint = original.useFipsEndpoint;
    originals.delete(config);
  }
};

const regionMiddleware =
  (config: ClientConfigLike, target: WireTarget): Middleware =>
  (next, context) =>
  async (args) => {
    context[REGION as unknown as string] = await resolveRegion(config, target.defaultRegion);
    return next(args);
  };

const observerMiddleware =
  (target: WireTarget): Middleware =>
  (next, context) =>
  async (args) => {
    const observer = target.observeCommand?.({
      commandName: String(context.commandName ?? ''),
      clientName: String(context.clientName ?? ''),
      input: args.input,
      region: context[REGION as unknown as string] as string | undefined,
    });
    if (observer === undefined) return next(args);
    context[OBSERVER as unknown as string] = observer;
    try {
      const result = await next(args);
      observer.settled({ output: result.output });
      return result;
    } catch (error) {
      observer.settled({ error });
      throw error;
    }
  };

const NO_AUTH_SCHEME = {
  httpAuthOption: { schemeId: 'smithy.api#noAuth', signingProperties: {} },
  identity: {},
  signer: { sign: (request: unknown) => Promise.resolve(request) },
};

const noAuthMiddleware: Middleware = (next, context) => (args) => {
  const smithyContext = (context.__smithy_context ??= {}) as Record<string, unknown>;
  smithyContext.selectedHttpAuthScheme = NO_AUTH_SCHEME;
  return next(args);
};

const toWireRequest = (request: HttpRequestLike): WireRequest => ({
  method: request.method,
  path: request.path,
  query: request.query ?? {},
  headers: request.headers,
  body: request.body as WireRequest['body'],
});

const terminalMiddleware =
  (target: WireTarget): Middleware =>
  (_next, context) =>
  async (args) => {
    const region = context[REGION as unknown as string] as string | undefined;
    const fullName = String(context.commandName ?? '');
    const commandName = fullName.endsWith('Command') ? fullName.slice(0, -'Command'.length) : fullName;
    const observer = context[OBSERVER as unknown as string] as CommandObserver | undefined;
    const response = await target.handle(
      toWireRequest(args.request as HttpRequestLike),
      { region },
      commandName,
      observer,
    );
    return { response, output: undefined };
  };

/**
 * The plugin that routes one client's commands to the emulator, for
 * `client.middlewareStack.use()` or a command's own stack. The SDK's serializer,
 * endpoint resolution, retry strategy and deserializer all still run.
 */
export const getFeatureStoreMockPlugin = (config: ClientConfigLike, target: WireTarget): PluggableLike => ({
  applyToStack(stack) {
    stack.add(regionMiddleware(config, target), featureStoreMockRegionMiddlewareOptions);
    stack.add(observerMiddleware(target), featureStoreMockObserverMiddlewareOptions);
    stack.addRelativeTo(noAuthMiddleware, featureStoreMockNoAuthMiddlewareOptions);
    stack.add(terminalMiddleware(target), featureStoreMockMiddlewareOptions);
  },
});
