import {
  controlPlaneOperations,
  groupConfigSnapshot,
  groupFromSnapshot,
  type FeatureGroupSnapshot,
  type FeatureStore,
} from '../core/index.js';

/** Control-plane operations that change nothing (apart from settling a timed status). */
const READ_ONLY: ReadonlySet<string> = new Set([
  'DescribeFeatureGroup',
  'ListFeatureGroups',
  'DescribeFeatureMetadata',
]);

/**
 * The suite's feature groups as they were before a test first changed the control plane
 * (created, updated or deleted a group, or its metadata), through the API or the handle.
 * `restore()` (part of `reset()`) puts them back exactly, so a test that deletes or alters
 * a suite-level group does not leak into the next one.
 */
export class ControlPlaneCheckpoint {
  private saved: FeatureGroupSnapshot[] | undefined;

  constructor(
    private readonly store: FeatureStore,
    isInsideTest: () => boolean,
  ) {
    store.beforeExecute = (operation) => {
      if (this.saved !== undefined || READ_ONLY.has(operation)) return;
      if (Object.hasOwn(controlPlaneOperations, operation) && isInsideTest()) {
        this.saved = store.registry.all().map(groupConfigSnapshot);
      }
    };
  }

  /** Back to the checkpoint, if a test took one; the groups come back without records. */
  restore(): void {
    if (this.saved === undefined) return;
    this.store.registry.clear();
    this.saved.forEach((snapshot, i) => this.store.registry.add(groupFromSnapshot(snapshot, `checkpoint[${i}]`)));
    this.saved = undefined;
  }
}
