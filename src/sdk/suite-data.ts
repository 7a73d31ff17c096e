import {
  exportSnapshot,
  importSnapshot,
  restoreSnapshotRecords,
  seedRecords,
  type FeatureGroup,
  type FeatureStore,
  type FeatureStoreSnapshot,
  type FixtureFormat,
  type FixtureRow,
  type SeedOptions,
  type SeedResult,
} from '../core/index.js';
import { readFixtureRows, readSnapshot, writeSnapshot } from './fixture-files.js';

export interface SeedFileOptions extends Omit<SeedOptions, 'source'> {
  /** The file's format when its extension does not say it. */
  readonly format?: FixtureFormat;
}

/**
 * Seeds and snapshots, and which of them outlive `reset()`. Data loaded while no test is
 * running (module scope, beforeAll, or the mock's options) is the suite's: `reset()` puts it
 * back before every test. Data loaded inside a test lasts until the next `reset()`, and
 * groups a snapshot replaced inside a test come back.
 */
export class SuiteData {
  /** Suite-level loads, replayed in order after the records are cleared. */
  private readonly replays: (() => void)[] = [];
  /** Suite-level groups a snapshot replaced inside a test. */
  private displaced: FeatureGroup[] = [];

  constructor(
    private readonly store: FeatureStore,
    private readonly isInsideTest: () => boolean,
    private readonly testScoped: Set<FeatureGroup>,
  ) {}

  seed(
    featureGroupName: string,
    rowsOrFile: string | readonly FixtureRow[],
    options: SeedFileOptions = {},
  ): SeedResult {
    const rows = readFixtureRows(rowsOrFile, options.format);
    const seedOptions: SeedOptions = {
      ...options,
      source: typeof rowsOrFile === 'string' ? rowsOrFile : featureGroupName,
    };
    const result = seedRecords(this.store, featureGroupName, rows, seedOptions);
    if (!this.isInsideTest()) {
      this.replays.push(() => {
        // A test may have deleted the group (DeleteFeatureGroup); then there is nothing to seed.
        if (this.store.findFeatureGroup(featureGroupName, options.region ?? this.store.defaultRegion) === undefined)
          return;
        seedRecords(this.store, featureGroupName, rows, seedOptions);
      });
    }
    return result;
  }

  snapshot(): FeatureStoreSnapshot {
    return exportSnapshot(this.store);
  }

  saveSnapshot(file: string): FeatureStoreSnapshot {
    const snapshot = exportSnapshot(this.store);
    writeSnapshot(file, snapshot);
    return snapshot;
  }

  loadSnapshot(snapshotOrFile: string | FeatureStoreSnapshot): void {
    const snapshot = readSnapshot(snapshotOrFile);
    const { added, replaced } = importSnapshot(this.store, snapshot);
    if (!this.isInsideTest()) {
      this.replays.push(() => restoreSnapshotRecords(this.store, snapshot));
      return;
    }
    // A group created in this test needs no bringing back; a suite-level one does.
    for (const group of replaced) if (!this.testScoped.has(group)) this.displaced.push(group);
    for (const group of added) this.testScoped.add(group);
  }

  /** Before the records are cleared: suite groups that a test's snapshot replaced return. */
  restoreDisplacedGroups(): void {
    for (const group of this.displaced) {
      const current = this.store.registry.get(group.scope, group.name);
      if (current !== undefined) this.store.registry.remove(current);
      this.store.registry.add(group);
    }
    this.displaced = [];
  }

  /** After the records are cleared: the suite's seeds and snapshots again, in order. */
  replay(): void {
    for (const replay of this.replays) replay();
  }
}
