import fc from 'fast-check';
import { Constraints } from './constraints.js';
import { MAX_VALUE_AS_STRING } from './patterns.js';
import { checkRecordMembers, isWellFormedRecord } from './request-shapes.js';

/** The fast path may only skip the member-by-member check where that check finds nothing. */
describe('isWellFormedRecord', () => {
  const featureName = fc.oneof(fc.constantFrom('age', 'customer_id', 'a-b', '', '_x', 'x'.repeat(65)), fc.string());
  const text = fc.oneof(fc.string(), fc.constant('x'.repeat(MAX_VALUE_AS_STRING + 1)));
  const anything = fc.oneof(fc.constant(null), fc.constant(undefined), fc.integer(), fc.boolean(), fc.object());
  const featureValue = fc.oneof(
    fc.record(
      {
        FeatureName: fc.oneof(featureName, anything),
        ValueAsString: fc.oneof(text, anything),
        ValueAsStringList: fc.oneof(fc.array(fc.oneof(text, anything), { maxLength: 3 }), anything),
      },
      { requiredKeys: [] },
    ),
    anything,
    fc.array(fc.string(), { maxLength: 2 }),
  );
  const record = fc.oneof(fc.array(featureValue, { maxLength: 4 }), anything);

  test('accepts only records in which the member-by-member check finds no violation', () => {
    fc.assert(
      fc.property(record, (value) => {
        const c = new Constraints();
        checkRecordMembers(c, value, 'record');
        if (isWellFormedRecord(value)) expect(c.ok).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  test('accepts the records requests carry, so the fast path is the one taken', () => {
    expect(
      isWellFormedRecord([
        { FeatureName: 'customer_id', ValueAsString: 'c1' },
        { FeatureName: 'tags', ValueAsStringList: ['a', 'b'] },
        { FeatureName: 'score', ValueAsString: '0.5', ValueAsStringList: undefined },
      ]),
    ).toBe(true);
  });
});
