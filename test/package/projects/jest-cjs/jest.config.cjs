/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  transform: {},
  setupFilesAfterEnv: ['sagemaker-featurestore-mock/jest'],
};
