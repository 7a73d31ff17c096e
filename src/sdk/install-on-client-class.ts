import { getFeatureStoreMockPlugin, type WireTarget } from './feature-store-mock-plugin.js';
import type { ClientClassLike, ClientLike, CommandLike, PluggableLike } from './sdk-types.js';

type Send = (this: ClientLike, command: CommandLike, ...rest: unknown[]) => unknown;

/**
 * Wraps `Client.prototype.send` so every instance, including ones constructed later by
 * the code under test, routes its commands to the emulator. The plugin goes on each
 * command's own stack, never the client's, so `restore()` leaves no trace on clients.
 * Returns the function that undoes the wrap.
 */
export const installOnClientClass = (clientClass: ClientClassLike, target: WireTarget): (() => void) => {
  const prototype = clientClass.prototype as unknown as { send: Send };
  const hadOwnSend = Object.hasOwn(prototype, 'send');
  const previous = prototype.send;
  const plugins = new WeakMap<ClientLike, PluggableLike>();
  let active = true;

  const send: Send = function (this: ClientLike, command, ...rest) {
    if (active && command !== null && typeof command === 'object' && command.middlewareStack !== undefined) {
      let plugin = plugins.get(this);
      if (plugin === undefined) {
        plugin = getFeatureStoreMockPlugin(this.config, target);
        plugins.set(this, plugin);
      }
      plugin.applyToStack(command.middlewareStack);
    }
    return previous.call(this, command, ...rest);
  };
  prototype.send = send;

  return () => {
    active = false;
    if (prototype.send !== send) return; // Something (aws-sdk-client-mock) stubbed over us; `active` disarms the wrap.
    if (hadOwnSend) prototype.send = previous;
    else delete (prototype as Partial<typeof prototype>).send;
  };
};
