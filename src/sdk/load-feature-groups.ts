import { readFileSync } from 'node:fs';
import type { CreateFeatureGroupOutput, FeatureGroupDefinition, FeatureStore } from '../core/index.js';

/**
 * Feature group definitions as teams keep them next to their infrastructure code: a JSON
 * file path, JSON text, or the parsed value. The value is one CreateFeatureGroup request
 * (the `aws sagemaker create-feature-group --cli-input-json` shape), an array of them, or
 * an object with a `FeatureGroups` array.
 */
export type FeatureGroupDefinitions =
  | string
  | FeatureGroupDefinition
  | readonly FeatureGroupDefinition[]
  | { readonly FeatureGroups: readonly FeatureGroupDefinition[] };

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const parse = (text: string, origin: string): unknown => {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new Error(`loadFeatureGroups: ${origin} is not valid JSON: ${(error as Error).message}`, { cause: error });
  }
};

const readSource = (source: FeatureGroupDefinitions): { value: unknown; origin: string } => {
  if (typeof source !== 'string') return { value: source, origin: 'the definitions' };
  const text = source.trimStart();
  if (text.startsWith('{') || text.startsWith('['))
    return { value: parse(source, 'the JSON text'), origin: 'the JSON' };
  let fileText: string;
  try {
    fileText = readFileSync(source, 'utf8');
  } catch (error) {
    throw new Error(`loadFeatureGroups: can't read ${source}: ${(error as Error).message}`, { cause: error });
  }
  return { value: parse(fileText, source), origin: source };
};

/** The CreateFeatureGroup requests in `source`, in order. */
export const readFeatureGroupDefinitions = (source: FeatureGroupDefinitions): unknown[] => {
  const { value, origin } = readSource(source);
  if (Array.isArray(value)) return value as unknown[];
  if (isObject(value) && Array.isArray(value.FeatureGroups)) return value.FeatureGroups as unknown[];
  if (isObject(value) && 'FeatureGroupName' in value) return [value];
  throw new Error(
    `loadFeatureGroups: ${origin} holds neither a CreateFeatureGroup request, an array of them, nor an object with a FeatureGroups array.`,
  );
};

/**
 * Creates every group of `source` through CreateFeatureGroup, all or nothing: when one is
 * rejected, the groups created before it are removed again and the error names the entry.
 */
export const loadFeatureGroups = (
  store: FeatureStore,
  create: (request: FeatureGroupDefinition) => CreateFeatureGroupOutput,
  source: FeatureGroupDefinitions,
  region: string | undefined,
): CreateFeatureGroupOutput[] => {
  const requests = readFeatureGroupDefinitions(source);
  const outputs: CreateFeatureGroupOutput[] = [];
  const scope = store.scope({ region });
  requests.forEach((request, index) => {
    try {
      outputs.push(create(request as FeatureGroupDefinition));
    } catch (error) {
      for (const created of requests.slice(0, index)) {
        const group = store.registry.get(scope, String((created as FeatureGroupDefinition).FeatureGroupName));
        if (group !== undefined) store.registry.remove(group);
      }
      const name =
        isObject(request) && typeof request.FeatureGroupName === 'string' ? ` (${request.FeatureGroupName})` : '';
      const code = (error as { code?: string }).code;
      throw new Error(
        `loadFeatureGroups: feature group ${index + 1} of ${requests.length}${name} was rejected${code === undefined ? '' : ` with ${code}`}: ${(error as Error).message} No group was loaded.`,
        { cause: error },
      );
    }
  });
  return outputs;
};
