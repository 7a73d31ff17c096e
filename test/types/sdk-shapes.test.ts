/**
 * Compile-time checks (run by `npm run typecheck`): what the SDK's command input types
 * describe can be handed to the mock's handle as is.
 */
import type { CreateFeatureGroupCommandInput } from '@aws-sdk/client-sagemaker';
import type { FeatureGroupDefinition, FeatureStoreMock } from '../../src/index.js';

type Accepts<Param, Arg> = [Arg] extends [Param] ? true : false;
const assertTrue = <T extends true>(): T | undefined => undefined;

assertTrue<Accepts<Parameters<FeatureStoreMock['createFeatureGroup']>[0], CreateFeatureGroupCommandInput>>();
assertTrue<Accepts<FeatureGroupDefinition, CreateFeatureGroupCommandInput>>();

test('SDK-typed CreateFeatureGroup inputs type-check against the handle (see npm run typecheck)', () => {
  const input: CreateFeatureGroupCommandInput = {
    FeatureGroupName: 'typed',
    RecordIdentifierFeatureName: 'id',
    EventTimeFeatureName: 'ts',
    FeatureDefinitions: [
      { FeatureName: 'id', FeatureType: 'String' },
      { FeatureName: 'ts', FeatureType: 'Fractional' },
    ],
    OnlineStoreConfig: { EnableOnlineStore: true },
  };
  const definition: FeatureGroupDefinition = input;
  expect(definition.FeatureGroupName).toBe('typed');
});
