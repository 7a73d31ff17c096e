import fc from 'fast-check';
import { mockFeatureStore, type FeatureStoreMock } from '../../src/index.js';
import { formatModelInstant } from './reference-model.js';
import { coreTarget, runSequence, sdkTarget, type Counters } from './run-sequence.js';
import { stepArb } from './scenario.js';

/**
 * Model-based property tests: random sequences of the seven runtime operations, feature-group
 * create/delete and clock advances, through the real SDK client and (for volume) the core
 * directly, compared step by step with the reference model (test/model/reference-model.ts).
 * A failure shrinks to a minimal sequence. Budgets: docs/reliability.md; `npm run test:long`
 * raises them (RELIABILITY_LONG=1).
 */
const LONG = process.env.RELIABILITY_LONG === '1';
const SEED = Number(process.env.RELIABILITY_SEED ?? 20261125);
/** Steps per sequence: long enough for deletes, TTLs and tokens to meet, short enough to shrink. */
const sequences = fc.array(stepArb, { minLength: 1, maxLength: 40, size: 'max' });

const budgets = LONG
  ? { sdkOperations: 200_000, directOperations: 100_000, coreOperations: 1_000_000 }
  : {
      sdkOperations: Number(process.env.RELIABILITY_SDK_OPERATIONS ?? 20_000),
      directOperations: 20_000,
      coreOperations: 0,
    };

let mock: FeatureStoreMock;
beforeAll(() => {
  mock = mockFeatureStore({ callHistory: false });
});
afterAll(() => mock.restore());

/** Runs sequences until `operations` steps have been checked; the seed makes every run the same. */
const checkSequences = async (
  run: (steps: Parameters<typeof runSequence>[2], counters: Counters) => Promise<void>,
  operations: number,
): Promise<Counters> => {
  const counters: Counters = { runs: 0, operations: 0 };
  // Sequences average about 18 steps; numRuns is sized for the budget and the count checked by the caller.
  const numRuns = Math.ceil(operations / 18);
  await fc.assert(
    fc.asyncProperty(sequences, (steps) => run(steps, counters)),
    { seed: SEED, numRuns, endOnFailure: false },
  );
  return counters;
};

describe('the emulator agrees with the reference model', () => {
  test('formatModelInstant agrees with Date#toISOString on whole milliseconds (the model checks its own formatter)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -62_167_219_200_000, max: 253_402_300_799_999 }), (ms) => {
        const iso = new Date(ms).toISOString().replace(/\.000Z$/, 'Z');
        expect(formatModelInstant(BigInt(ms) * 1_000_000n)).toBe(iso);
      }),
    );
  });

  test(`through the SDK client: ${budgets.sdkOperations} operations in random sequences`, async () => {
    const target = sdkTarget();
    try {
      const counters = await checkSequences((steps, c) => runSequence(mock, target, steps, c), budgets.sdkOperations);
      console.log(`model vs SDK client: ${counters.operations} operations in ${counters.runs} sequences`);
      expect(counters.operations).toBeGreaterThanOrEqual(budgets.sdkOperations * 0.9);
    } finally {
      target.destroy();
    }
  }, 600_000);

  test(`through the SDK client in direct mode: ${budgets.directOperations} operations in random sequences`, async () => {
    // Direct mode answers at send, without the wire; it must answer exactly as the wire path does.
    mock.configure({ mode: 'direct' });
    const target = sdkTarget();
    try {
      const counters = await checkSequences(
        (steps, c) => runSequence(mock, target, steps, c),
        budgets.directOperations,
      );
      console.log(
        `model vs SDK client in direct mode: ${counters.operations} operations in ${counters.runs} sequences`,
      );
      expect(counters.operations).toBeGreaterThanOrEqual(budgets.directOperations * 0.9);
    } finally {
      target.destroy();
      mock.configure({ mode: 'wire' });
    }
  }, 600_000);

  (LONG ? test : test.skip)(
    `through the core: ${budgets.coreOperations} operations in random sequences`,
    async () => {
      const target = coreTarget(mock);
      const counters = await checkSequences((steps, c) => runSequence(mock, target, steps, c), budgets.coreOperations);
      console.log(`model vs core: ${counters.operations} operations in ${counters.runs} sequences`);
      expect(counters.operations).toBeGreaterThanOrEqual(budgets.coreOperations * 0.9);
    },
    3_600_000,
  );
});
