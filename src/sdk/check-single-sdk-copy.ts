import { realpathSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { peerRequire } from './peer-require.cjs';

export interface SdkCopies {
  /** The copy this library loads and patches. */
  readonly library: string;
  /** The copy the project in the working directory resolves. */
  readonly project: string;
}

type Resolve = (packageName: string) => string;

const projectResolve: Resolve = (packageName) =>
  createRequire(join(process.cwd(), 'package.json')).resolve(packageName);

/**
 * Two copies of an SDK client package (for example one nested under this library) mean
 * two client classes: the one patched is not the one the application constructs, and its
 * calls would go to the network. Returns both paths when they differ.
 */
export const findSecondSdkCopy = (
  packageName: string,
  resolveLibrary: Resolve = (name) => peerRequire.resolve(name),
  resolveProject: Resolve = projectResolve,
): SdkCopies | undefined => {
  let library: string;
  let project: string;
  try {
    library = realpathSync(resolveLibrary(packageName));
    project = realpathSync(resolveProject(packageName));
  } catch {
    return undefined; // Not resolvable from one side: nothing to compare.
  }
  return library === project ? undefined : { library, project };
};

export const secondSdkCopyWarning = (packageName: string, copies: SdkCopies): string =>
  [
    `sagemaker-featurestore-mock: two copies of ${packageName} are installed.`,
    `  the mock patches:        ${copies.library}`,
    `  your project resolves:   ${copies.project}`,
    'Clients built from the second copy are not intercepted and would try to reach AWS.',
    `Fix: deduplicate (npm dedupe, or make ${packageName} a single version), or pass that copy's client class:`,
    "  mockFeatureStore({ clients: [require('<path>').SageMakerFeatureStoreRuntimeClient] })",
  ].join('\n');
