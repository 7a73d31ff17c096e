import { FeatureStoreError } from '../errors.js';
import { beginDeleting } from '../feature-group-lifecycle.js';
import type { OperationContext } from '../operation-context.js';
import { resolveForControlPlane } from '../resolve-feature-group.js';
import { Constraints } from '../validation/constraints.js';
import { FEATURE_GROUP_NAME, FEATURE_GROUP_NAME_PATTERN_TEXT } from '../validation/patterns.js';
import { asInputObject } from '../validation/request-shapes.js';

/**
 * DeleteFeatureGroup: the group is gone at once (or `Deleting` for the configured time),
 * and the runtime API sees it as missing from this call on. The model takes a name
 * here, not an ARN.
 */
export const deleteFeatureGroup = (input: unknown, ctx: OperationContext): Record<string, never> => {
  const c = new Constraints();
  const request = asInputObject(c, input);
  if (c.present(request.FeatureGroupName, 'featureGroupName', 'string')) {
    const name = request.FeatureGroupName as string;
    if (c.length(name, 'featureGroupName', 1, 64)) {
      c.pattern(name, 'featureGroupName', FEATURE_GROUP_NAME, FEATURE_GROUP_NAME_PATTERN_TEXT);
    }
  }
  c.throwIfAny('ValidationException');
  const group = resolveForControlPlane(ctx, request.FeatureGroupName as string);
  if (group.status !== 'Created') {
    // No public source shows this case; a group in transition can't start another one.
    throw new FeatureStoreError(
      'ValidationException',
      `FeatureGroup ${group.name} is ${group.status}; it can be deleted once its status is Created.`,
    );
  }
  beginDeleting(ctx, group);
  return {};
};
