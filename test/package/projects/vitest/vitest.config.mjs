import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: { setupFiles: ['sagemaker-featurestore-mock/vitest'] },
});
