import { FeatureStoreError } from '../errors.js';
import type { OperationContext } from '../operation-context.js';
import type { FeatureParameter, UpdateFeatureMetadataInput } from '../shapes.js';
import { Constraints } from '../validation/constraints.js';
import { asInputObject } from '../validation/request-shapes.js';
import { checkFeatureReference, resolveFeature } from './describe-feature-metadata.js';

const MAX_PARAMETERS = 25;
/** FeatureParameterKey / FeatureParameterValue: letters, separators, digits and `_.:/=+-`. */
const PARAMETER_TEXT = /^[\p{L}\p{Z}\p{N}_.:/=+-]*$/u;
const PARAMETER_TEXT_SHOWN = '([\\p{L}\\p{Z}\\p{N}_.:/=+\\-]*)';

const checkParameterText = (c: Constraints, value: unknown, path: string): void => {
  if (!c.present(value, path, 'string')) return;
  if (c.length(value as string, path, 1, 255)) c.pattern(value as string, path, PARAMETER_TEXT, PARAMETER_TEXT_SHOWN);
};

const checkShape = (c: Constraints, request: Record<string, unknown>): void => {
  checkFeatureReference(c, request);
  if (c.optional(request.Description, 'description', 'string')) {
    c.length(request.Description as string, 'description', 0, 255);
  }
  if (c.optional(request.ParameterAdditions, 'parameterAdditions', 'array')) {
    const additions = request.ParameterAdditions as unknown[];
    c.count(additions, 'parameterAdditions', 0, MAX_PARAMETERS);
    additions.forEach((item, i) => {
      const path = `parameterAdditions.${i + 1}.member`;
      if (!c.present(item, path, 'object')) return;
      const parameter = item as Record<string, unknown>;
      checkParameterText(c, parameter.Key, `${path}.key`);
      checkParameterText(c, parameter.Value, `${path}.value`);
    });
  }
  if (c.optional(request.ParameterRemovals, 'parameterRemovals', 'array')) {
    const removals = request.ParameterRemovals as unknown[];
    c.count(removals, 'parameterRemovals', 0, MAX_PARAMETERS);
    removals.forEach((key, i) => checkParameterText(c, key, `parameterRemovals.${i + 1}.member`));
  }
};

/**
 * UpdateFeatureMetadata: set the description, add (or overwrite) and remove parameters.
 * Removals apply before additions; removing a key that isn't there is not an error.
 */
export const updateFeatureMetadata = (input: unknown, ctx: OperationContext): Record<string, never> => {
  const c = new Constraints();
  const request = asInputObject(c, input);
  checkShape(c, request);
  c.throwIfAny('ValidationException');
  const update = request as unknown as UpdateFeatureMetadataInput;
  const { metadata } = resolveFeature(ctx, update.FeatureGroupName, update.FeatureName);
  const parameters = new Map(metadata.parameters);
  for (const key of update.ParameterRemovals ?? []) parameters.delete(key);
  for (const { Key, Value } of update.ParameterAdditions ?? ([] as FeatureParameter[])) parameters.set(Key, Value);
  if (parameters.size > MAX_PARAMETERS) {
    throw new FeatureStoreError(
      'ValidationException',
      `A feature can have at most ${MAX_PARAMETERS} parameters; this update would leave ${update.FeatureName} with ${parameters.size}.`,
    );
  }
  metadata.parameters.clear();
  for (const [key, value] of parameters) metadata.parameters.set(key, value);
  if (update.Description !== undefined) metadata.description = update.Description;
  metadata.lastModifiedTime = ctx.now;
  return {};
};
