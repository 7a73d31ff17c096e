// The SDK warns about Node 20 support on every client; the tests don't need to read that.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const swc = [
  '@swc/jest',
  { jsc: { target: 'es2022', parser: { syntax: 'typescript' } }, module: { type: 'commonjs' } },
];

/** Shared by every project: TypeScript through swc, `.js` specifiers mapped back to the `.ts` sources. */
const base = {
  testEnvironment: 'node',
  moduleFileExtensions: ['ts', 'cts', 'js', 'cjs', 'mjs', 'json'],
  transform: { '^.+\\.c?ts$': swc },
  moduleNameMapper: {
    '^(\\.{1,2}/.*)\\.js$': '$1',
    '^(\\.{1,2}/.*)\\.cjs$': '$1.cts',
  },
};

/** @type {import('jest').Config} */
module.exports = {
  projects: [
    {
      ...base,
      displayName: 'unit+conformance',
      roots: ['<rootDir>/src', '<rootDir>/test'],
      testMatch: ['**/*.test.ts'],
      testPathIgnorePatterns: ['/test/preset/'],
    },
    // The jest preset exactly as users install it, from the sources.
    {
      ...base,
      displayName: 'preset',
      roots: ['<rootDir>/test/preset'],
      testMatch: ['**/*.test.ts'],
      setupFilesAfterEnv: ['<rootDir>/src/jest/setup.ts'],
    },
    // The example application, importing the built package by its public name.
    {
      ...base,
      displayName: 'example',
      roots: ['<rootDir>/examples'],
      testMatch: ['**/*.test.ts'],
      // Only the example's own `.js` specifiers are mapped; the package itself resolves to dist/ untouched.
      moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
      setupFilesAfterEnv: ['sagemaker-featurestore-mock/jest'],
    },
  ],
};
