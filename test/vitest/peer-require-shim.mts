// vite does not transpile `.cts`; under vitest the sources get a Node `require`, as the ESM build does.
import { createRequire } from 'node:module';

export const peerRequire = createRequire(import.meta.url);
