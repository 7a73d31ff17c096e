/**
 * Structural views of the SDK objects the plugin touches. Typing them here, instead of
 * importing `@smithy/types`, keeps the public API independent of the user's smithy version.
 */

export interface HttpRequestLike {
  method: string;
  hostname?: string;
  path: string;
  query?: Record<string, string | string[] | null | undefined>;
  headers: Record<string, string>;
  body?: unknown;
}

export type MiddlewareHandler = (args: {
  input: unknown;
  request?: unknown;
}) => Promise<{ output?: unknown; response?: unknown }>;
export type Middleware = (next: MiddlewareHandler, context: Record<string, unknown>) => MiddlewareHandler;

export interface MiddlewareStackLike {
  add(middleware: Middleware, options: Record<string, unknown>): void;
  addRelativeTo(middleware: Middleware, options: Record<string, unknown>): void;
}

/** What `client.middlewareStack.use()` takes: smithy's `Pluggable`. */
export interface PluggableLike {
  applyToStack(stack: MiddlewareStackLike): void;
}

export interface ClientConfigLike {
  region?: unknown;
  useFipsEndpoint?: unknown;
}

export interface CommandLike {
  readonly input: unknown;
  readonly middlewareStack: MiddlewareStackLike;
  readonly constructor: { readonly name: string };
}

export interface ClientLike {
  readonly config: ClientConfigLike;
  readonly middlewareStack: MiddlewareStackLike;
  send(command: CommandLike, ...rest: unknown[]): unknown;
}

/** A client class, such as `SageMakerFeatureStoreRuntimeClient` or `SageMakerClient`. */
export interface ClientClassLike {
  readonly name: string;
  readonly prototype: { send: (...args: never[]) => unknown };
}
