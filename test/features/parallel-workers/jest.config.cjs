// A small project run by ../parallel-workers.test.ts with --maxWorkers=2: two test files,
// each in its own jest worker process, with the jest preset from the sources.
const swc = [
  '@swc/jest',
  { jsc: { target: 'es2022', parser: { syntax: 'typescript' } }, module: { type: 'commonjs' } },
];

/** @type {import('jest').Config} */
module.exports = {
  rootDir: __dirname,
  testEnvironment: 'node',
  testMatch: ['<rootDir>/*.worker.ts'],
  moduleFileExtensions: ['ts', 'cts', 'js', 'cjs', 'json'],
  transform: { '^.+\\.c?ts$': swc },
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1', '^(\\.{1,2}/.*)\\.cjs$': '$1.cts' },
  setupFilesAfterEnv: ['<rootDir>/../../../src/jest/setup.ts'],
};
