/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  transform: {},
  // jest 29's default testMatch does not look at .cjs files; 30's does.
  testMatch: ['<rootDir>/*.test.cjs'],
  setupFilesAfterEnv: ['sagemaker-featurestore-mock/jest'],
};
