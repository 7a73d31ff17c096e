import {
  delayOnClock,
  callTargets,
  decideFaults,
  executeWithFaults,
  FeatureStoreError,
  identifierNameIn,
  type CallFaults,
  type ExecuteScope,
  type FaultInjector,
  type FeatureStore,
} from '../core/index.js';
import {
  bodyText,
  encodeError,
  handleWireRequest,
  isControlPlaneRequest,
  type WireHooks,
  type WireRequest,
  type WireResponse,
} from '../wire/index.js';
import { CallRecord, operationOf, type CallHistory } from './call-history.js';
import type { CommandObserver, ObservedCommand, WireTarget } from './feature-store-mock-plugin.js';
import { applyUnhandledPolicy, unknownOperationHint, type UnhandledPolicy } from './unhandled.js';

export interface WireResponderOptions {
  readonly store: FeatureStore;
  readonly faults: FaultInjector;
  /** Undefined when the handle keeps no call history. */
  readonly history: CallHistory | undefined;
  /** Read on every call: `configure()` may change it. */
  readonly onUnhandled: () => UnhandledPolicy;
  /** More hooks of the handle (test-scoped groups), run before the policy's. */
  readonly hooks?: WireHooks;
}

/** The store as `handleWireRequest` sees it, with `execute` going through the faults decided for the call. */
const withExecute = (store: FeatureStore, execute: FeatureStore['execute']): FeatureStore => {
  const view = Object.create(store) as FeatureStore;
  view.execute = execute;
  return view;
};

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

/**
 * The handle's side of the plugin: answers each HTTP exchange through the wire codec, with
 * fault rules, the unhandled policy and call history around it. Injected delays wait on
 * the emulator's clock after the answer is computed, so state changes at arrival time.
 */
export class WireResponder implements WireTarget {
  /** Warnings already printed since the last reset, so a loop warns once. */
  readonly warned = new Set<string>();
  /** The hooks around every execution (the handle's, then the unhandled policy); direct mode runs them too. */
  readonly hooks: WireHooks;

  constructor(private readonly options: WireResponderOptions) {
    const { store, onUnhandled, hooks } = options;
    this.hooks = {
      beforeExecute: hooks?.beforeExecute,
      afterExecute: (exchange, outcome) => {
        hooks?.afterExecute?.(exchange, outcome);
        applyUnhandledPolicy(store, onUnhandled(), this.warned, exchange, outcome);
      },
    };
  }

  get defaultRegion(): string {
    return this.options.store.defaultRegion;
  }

  handle(
    request: WireRequest,
    scope: ExecuteScope,
    commandName: string,
    observer?: CommandObserver,
  ): WireResponse | Promise<WireResponse> {
    const { store, faults: injector } = this.options;
    const receivedAt = store.clock.now();
    let faults: CallFaults | undefined;
    const target =
      injector.size === 0
        ? store
        : withExecute(store, (operation, input, callScope) => {
            faults = decideFaults(store, injector, operation, input, callScope);
            return executeWithFaults(store, operation, input, callScope, faults);
          });
    const response = this.explainUnknownOperation(
      request,
      handleWireRequest(target, request, scope, this.hooks),
      commandName,
    );
    if (observer instanceof CallRecord) {
      observer.attempts.push({
        receivedAt: new Date(receivedAt),
        statusCode: response.statusCode,
        errorCode: response.headers['x-amzn-errortype'],
        faults: (faults?.applied ?? []).map((fault) => fault.description),
        delayMs: faults?.delayMs ?? 0,
      });
    }
    const delayMs = faults?.delayMs ?? 0;
    return delayMs > 0 ? delayOnClock(store.clock, delayMs).then(() => response) : response;
  }

  observeCommand(command: ObservedCommand): CommandObserver | undefined {
    const { store, history } = this.options;
    if (history === undefined) return undefined;
    const input = isObject(command.input) ? command.input : {};
    const region = command.region ?? store.defaultRegion;
    const targets = callTargets(operationOf(command.commandName), input, identifierNameIn(store, { region }));
    const now = (): number => store.clock.now();
    const record = new CallRecord(
      command.commandName,
      command.clientName,
      region,
      input,
      targets,
      new Date(now()),
      now,
    );
    history.add(record);
    return record;
  }

  /** The policy for operations the emulator does not implement: a hint in the message, or a warning. */
  private explainUnknownOperation(request: WireRequest, response: WireResponse, commandName: string): WireResponse {
    if (response.headers['x-amzn-errortype'] !== 'UnknownOperationException') return response;
    let message = '';
    try {
      message = String((JSON.parse(bodyText(response.body)) as { Message?: unknown }).Message ?? '');
    } catch {
      // An answer we encoded ourselves; it is JSON.
    }
    const hint = unknownOperationHint(commandName === '' ? undefined : commandName);
    if (this.options.onUnhandled() === 'warn') {
      if (!this.warned.has(message)) console.warn(`${message} ${hint}`);
      this.warned.add(message);
      return response;
    }
    const protocol = isControlPlaneRequest(request) ? 'awsJson1_1' : 'restJson1';
    const error = new FeatureStoreError('UnknownOperationException', `${message} [${hint}]`, response.statusCode);
    return encodeError(protocol, error, response.headers['x-amzn-requestid'] ?? '');
  }
}
