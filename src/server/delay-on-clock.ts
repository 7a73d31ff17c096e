import type { Clock } from '../core/index.js';

/**
 * Resolves once `ms` have passed for the emulator: when its clock is set or advanced past
 * the due time (POST /_mock/clock), or when a real timer of that length fires. The same
 * rule as the in-process handle's injected delays.
 */
export const delayOnClock = (clock: Clock, ms: number): Promise<void> => {
  if (!(ms > 0)) return Promise.resolve();
  const due = clock.now() + ms;
  return new Promise((resolve) => {
    const finish = (): void => {
      unsubscribe();
      clearTimeout(timer);
      resolve();
    };
    const unsubscribe = clock.onChange(() => {
      if (clock.now() >= due) finish();
    });
    const timer = setTimeout(finish, ms);
  });
};
