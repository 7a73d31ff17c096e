import {
  CreateFeatureGroupCommand,
  DescribeFeatureGroupCommand,
  SageMakerServiceException,
  type CreateFeatureGroupCommandInput,
  type SageMakerClient,
} from '@aws-sdk/client-sagemaker';
import { customersGroup } from '../support/fixtures.js';

/** A CreateFeatureGroup request as the SDK types it: the customers group, with overrides. */
export const customersRequest = (
  overrides: Partial<CreateFeatureGroupCommandInput> = {},
): CreateFeatureGroupCommandInput => ({ ...customersGroup(), ...overrides });

/** The customers group without an offline store. */
export const onlineOnlyRequest = (name: string): CreateFeatureGroupCommandInput => {
  const { OfflineStoreConfig: _omitted, ...request } = customersRequest({ FeatureGroupName: name });
  return request;
};

/** The customers group without an online store. */
export const offlineOnlyRequest = (name: string): CreateFeatureGroupCommandInput => {
  const { OnlineStoreConfig: _omitted, ...request } = customersRequest({ FeatureGroupName: name });
  return request;
};

export const createGroup = (client: SageMakerClient, request: CreateFeatureGroupCommandInput) =>
  client.send(new CreateFeatureGroupCommand(request));

export const describeGroup = (client: SageMakerClient, name: string) =>
  client.send(new DescribeFeatureGroupCommand({ FeatureGroupName: name }));

export interface ExpectedSageMakerError {
  /** The SDK's class: a modelled exception, or `SageMakerServiceException` for unmodelled codes. */
  readonly type: abstract new (...args: never[]) => SageMakerServiceException;
  readonly name: string;
  readonly message: RegExp | string | readonly (RegExp | string)[];
  /** awsJson1.1 answers client errors with 400. */
  readonly status?: number;
}

/**
 * Awaits a SageMaker call that must fail and checks it failed as the SDK reports service
 * errors: the class, the code as `name`, a client fault, the status and the message. For
 * unmodelled codes (`ValidationException`) `type` is the base class and the error must be
 * exactly that class, not a modelled subclass.
 */
export const expectSageMakerError = async (
  call: Promise<unknown>,
  expected: ExpectedSageMakerError,
): Promise<SageMakerServiceException> => {
  const error: unknown = await call.then(
    (output) => {
      throw new Error(`expected ${expected.name}, but the call succeeded with ${JSON.stringify(output)}`);
    },
    (rejection: unknown) => rejection,
  );
  expect(error).toBeInstanceOf(expected.type);
  const serviceError = error as SageMakerServiceException;
  if (expected.type === SageMakerServiceException) expect(serviceError.constructor).toBe(SageMakerServiceException);
  expect(serviceError.name).toBe(expected.name);
  expect(serviceError.$fault).toBe('client');
  expect(serviceError.$metadata.httpStatusCode).toBe(expected.status ?? 400);
  const parts = Array.isArray(expected.message) ? expected.message : [expected.message];
  for (const part of parts as readonly (RegExp | string)[]) {
    if (typeof part === 'string') expect(serviceError.message).toContain(part);
    else expect(serviceError.message).toMatch(part);
  }
  return serviceError;
};

/** An unmodelled ValidationException naming `message`. */
export const validationException = (message: ExpectedSageMakerError['message']): ExpectedSageMakerError => ({
  type: SageMakerServiceException,
  name: 'ValidationException',
  message,
});
