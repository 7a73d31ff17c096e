import type { Clock } from './clock.js';

/**
 * Resolves once `ms` have passed for the emulator: when its clock is advanced or set past
 * the due time (`clock.advance('200ms')`), or when a timer of that length fires. The timer
 * is the runner's `setTimeout` at call time, so under jest's or vitest's fake timers
 * `advanceTimersByTime` ends the delay and no test waits for real. Shared by the SDK
 * plugin's and the HTTP server's injected delays; the timer comes from `globalThis`, so
 * the core still imports nothing.
 */
export const delayOnClock = (clock: Clock, ms: number): Promise<void> => {
  if (!(ms > 0)) return Promise.resolve();
  const due = clock.now() + ms;
  const { setTimeout: schedule, clearTimeout: cancel } = globalThis;
  return new Promise((resolve) => {
    const finish = (): void => {
      unsubscribe();
      cancel(timer);
      resolve();
    };
    const unsubscribe = clock.onChange(() => {
      if (clock.now() >= due) finish();
    });
    const timer = schedule(finish, ms);
  });
};
