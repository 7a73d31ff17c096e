import type { Fault, FaultRule } from '../core/index.js';

/** `featureStore.faults`: add fault rules, list them, take them all out. */
export interface FaultControls {
  /**
   * Adds a rule; rules are checked in the order added.
   * @example
   * featureStore.faults.add({ operation: 'PutRecord', error: 'ThrottlingException', times: 2 });
   * featureStore.faults.add({ featureGroup: 'customers', delay: '200ms' });
   * featureStore.faults.add({ operation: 'BatchGetRecord', recordIdentifier: 'c2', unprocessed: true, times: 1 });
   */
  add(rule: FaultRule): Fault;
  /** The rules in the order they are checked. */
  list(): readonly Fault[];
  /** Removes every rule and restarts the random sequence (reset() does this too). */
  clear(): void;
  /** Restarts the random sequence of `probability` rules, from a new seed when one is given. */
  reseed(seed?: number): void;
}
