import type { DirectSend } from './direct-mode.js';
import { getFeatureStoreMockPlugin, type WireTarget } from './feature-store-mock-plugin.js';
import type { ClientClassLike, ClientLike, CommandLike, PluggableLike } from './sdk-types.js';
import { isSinonStub, unansweredCommandWarning } from './sinon-stub.js';

type Send = (this: ClientLike, command: CommandLike, ...rest: unknown[]) => unknown;

/**
 * Wraps `Client.prototype.send` so every instance, including ones constructed later by
 * the code under test, routes its commands to the emulator. The plugin goes on each
 * command's own stack, never the client's, so `restore()` leaves no trace on clients.
 * With `direct`, commands it answers skip the stack (direct mode). Returns the function that undoes the wrap.
 */
export const installOnClientClass = (
  clientClass: ClientClassLike,
  target: WireTarget,
  direct?: DirectSend,
): (() => void) => {
  const prototype = clientClass.prototype as unknown as { send: Send };
  const hadOwnSend = Object.hasOwn(prototype, 'send');
  const previous = prototype.send;
  const plugins = new WeakMap<ClientLike, PluggableLike>();
  let active = true;
  // aws-sdk-client-mock was there first: its stub answers before our plugin can run.
  const underStub = isSinonStub(previous);
  const warnedCommands = new Set<string>();
  const explainUndefined = (result: unknown, commandName: string): unknown => {
    const check = (output: unknown): unknown => {
      if (output === undefined && active && !warnedCommands.has(commandName)) {
        warnedCommands.add(commandName);
        console.warn(unansweredCommandWarning(clientClass.name, commandName));
      }
      return output;
    };
    // An unconfigured stub returns undefined itself, not even a promise.
    const thenable = typeof (result as { then?: unknown } | undefined)?.then === 'function';
    return thenable ? (result as Promise<unknown>).then(check) : check(result);
  };

  const send: Send = function (this: ClientLike, command, ...rest) {
    if (active && command !== null && typeof command === 'object' && command.middlewareStack !== undefined) {
      // Under a stub, the stub answers first; direct mode only replaces the stack of a real send.
      const answered = underStub ? undefined : direct?.(this, command, rest);
      if (answered !== undefined) return answered;
      let plugin = plugins.get(this);
      if (plugin === undefined) {
        plugin = getFeatureStoreMockPlugin(this.config, target);
        plugins.set(this, plugin);
      }
      plugin.applyToStack(command.middlewareStack);
    }
    const result = previous.call(this, command, ...rest);
    // The real SDK never resolves undefined; a sinon stub without a behaviour does.
    return underStub ? explainUndefined(result, String(command?.constructor?.name)) : result;
  };
  prototype.send = send;

  return () => {
    active = false;
    if (prototype.send !== send) return; // Something (aws-sdk-client-mock) stubbed over us; `active` disarms the wrap.
    if (hadOwnSend) prototype.send = previous;
    else delete (prototype as Partial<typeof prototype>).send;
  };
};
