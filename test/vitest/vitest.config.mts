import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// The vitest preset exactly as users install it (one setup file), run from the sources.
export default defineConfig({
  resolve: {
    alias: [
      {
        find: /^\.\/peer-require\.cjs$/,
        replacement: fileURLToPath(new URL('peer-require-shim.mts', import.meta.url)),
      },
    ],
  },
  test: {
    root: fileURLToPath(new URL('.', import.meta.url)),
    include: ['**/*.vitest.ts'],
    setupFiles: ['../../src/vitest/setup.ts'],
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
  },
});
