/** @type {import('jest').Config} */
export default {
  testEnvironment: 'node',
  transform: {},
  setupFilesAfterEnv: ['sagemaker-featurestore-mock/jest'],
};
