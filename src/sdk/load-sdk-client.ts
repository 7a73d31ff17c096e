import { peerRequire } from './peer-require.cjs';
import type { ClientClassLike } from './sdk-types.js';

export const RUNTIME_PACKAGE = '@aws-sdk/client-sagemaker-featurestore-runtime';
export const RUNTIME_CLIENT = 'SageMakerFeatureStoreRuntimeClient';
export const SAGEMAKER_PACKAGE = '@aws-sdk/client-sagemaker';
export const SAGEMAKER_CLIENT = 'SageMakerClient';

/** The user's copy of an SDK package, or undefined when it is not installed. */
export const loadSdkModule = (packageName: string): Record<string, unknown> | undefined => {
  try {
    return peerRequire(packageName) as Record<string, unknown>;
  } catch (error) {
    if ((error as { code?: string }).code === 'MODULE_NOT_FOUND') return undefined;
    throw error;
  }
};

export const loadClientClass = (packageName: string, className: string): ClientClassLike | undefined => {
  const client = loadSdkModule(packageName)?.[className];
  return typeof client === 'function' ? (client as unknown as ClientClassLike) : undefined;
};
