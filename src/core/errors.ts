/**
 * The error codes the emulator answers with. Runtime codes are the Feature Store
 * runtime model's exception shapes; `ValidationException` and `ThrottlingException`
 * are codes the real service emits without modelling them (spec §3.4).
 */
export type FeatureStoreErrorCode =
  | 'ValidationError'
  | 'ValidationException'
  | 'ResourceNotFound'
  | 'AccessForbidden'
  | 'InternalFailure'
  | 'ServiceUnavailable'
  | 'ConflictException'
  | 'ThrottlingException'
  | 'ResourceInUse'
  | 'ResourceLimitExceeded'
  | (string & {});

/** A service error raised by the core. Adapters turn it into the wire or SDK form. */
export class FeatureStoreError extends Error {
  override readonly name = 'FeatureStoreError';

  constructor(
    readonly code: FeatureStoreErrorCode,
    message: string,
    /** HTTP status to answer with; when absent the protocol codec picks the modelled one. */
    readonly httpStatus?: number,
  ) {
    super(message);
  }
}

export const validationError = (message: string): FeatureStoreError =>
  new FeatureStoreError('ValidationError', message);

export const isFeatureStoreError = (value: unknown): value is FeatureStoreError => value instanceof FeatureStoreError;
