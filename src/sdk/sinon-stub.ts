/**
 * aws-sdk-client-mock's `mockClient(Client)` replaces `Client.prototype.send` with a sinon
 * stub. Commands the stub answers never run the middleware stack, so they never reach the
 * emulator; commands it has no behaviour for resolve to `undefined`, unless the stub
 * forwards them with `mock.send.callThrough()`. These helpers recognise that situation
 * (with the same test aws-sdk-client-mock uses) so the mock can say so instead of failing
 * silently.
 */
interface SinonStubLike {
  readonly isSinonProxy: true;
  restore(): void;
  readonly defaultBehavior?: { readonly callsThrough?: boolean } | null;
}

export const isSinonStub = (value: unknown): value is SinonStubLike =>
  typeof value === 'function' &&
  (value as Partial<SinonStubLike>).isSinonProxy === true &&
  typeof (value as Partial<SinonStubLike>).restore === 'function';

/** True when the stub sends commands it has no behaviour for to the method it replaced. */
export const forwardsUnmatched = (stub: SinonStubLike): boolean => stub.defaultBehavior?.callsThrough === true;

const HOW_TO =
  'Forward the commands you do not stub to the emulator with `clientMock.send.callThrough()` ' +
  '(again after `clientMock.reset()`, which forgets it), or mock the other clients only. ' +
  'See docs/aws-sdk-client-mock.md in sagemaker-featurestore-mock.';

/** The stub sits outside the emulator and drops unmatched commands: said once per stub. */
export const stubOverEmulatorWarning = (clientName: string): string =>
  `sagemaker-featurestore-mock: ${clientName}.prototype.send is a sinon stub (aws-sdk-client-mock's mockClient(${clientName})). ` +
  `Commands it has no behaviour for resolve to undefined and never reach the emulator, and the ones it answers are not in featureStore.calls(). ${HOW_TO}`;

/** The stub answered a command with nothing, which the real SDK never does. */
export const unansweredCommandWarning = (clientName: string, commandName: string): string =>
  `sagemaker-featurestore-mock: ${commandName} was answered by a sinon stub of ${clientName}.prototype.send (aws-sdk-client-mock) ` +
  `with undefined; the emulator never saw it. ${HOW_TO}`;

/**
 * Warns once per stub when a client class's `send` is a sinon stub that does not forward
 * unmatched commands. `warned` remembers the stubs already reported.
 */
export const warnAboutSinonStub = (
  clientClass: { readonly name: string; readonly prototype: object },
  warned: WeakSet<object>,
): void => {
  const send = (clientClass.prototype as { send?: unknown }).send;
  if (!isSinonStub(send) || forwardsUnmatched(send) || warned.has(send)) return;
  warned.add(send);
  console.warn(stubOverEmulatorWarning(clientClass.name));
};
