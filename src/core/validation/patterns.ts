/** Model patterns and limits (runtime model 2020-07-01, SageMaker model 2017-07-24; spec §4-§6). */

export const FEATURE_GROUP_NAME_OR_ARN_PATTERN_TEXT =
  '(arn:aws[a-z\\-]*:sagemaker:[a-z0-9\\-]*:[0-9]{12}:feature-group/)?([a-zA-Z0-9]([-_]*[a-zA-Z0-9]){0,63})';
/** The model pattern is unanchored; a whole-string match is what the service resolves. */
export const FEATURE_GROUP_NAME_OR_ARN =
  /^(?:arn:(aws[a-z-]*):sagemaker:([a-z0-9-]*):([0-9]{12}):feature-group\/)?([a-zA-Z0-9](?:[-_]*[a-zA-Z0-9]){0,63})$/;

export const FEATURE_GROUP_NAME_PATTERN_TEXT = '[a-zA-Z0-9]([_-]*[a-zA-Z0-9]){0,63}';
export const FEATURE_GROUP_NAME = /^[a-zA-Z0-9](?:[_-]*[a-zA-Z0-9]){0,63}$/;

export const FEATURE_NAME_PATTERN_TEXT = '^[a-zA-Z0-9]([-_]*[a-zA-Z0-9]){0,63}';
export const FEATURE_NAME = /^[a-zA-Z0-9](?:[-_]*[a-zA-Z0-9]){0,63}$/;

export const RESERVED_FEATURE_NAMES: readonly string[] = ['is_deleted', 'write_time', 'api_invocation_time'];

export const MAX_FEATURE_GROUP_NAME_OR_ARN = 150;
export const MAX_CONTROL_PLANE_NAME_OR_ARN = 256;
export const MAX_VALUE_AS_STRING = 358_400;
/** Quotas: record 350 KB, record identifier 2 KB (spec §6.3). */
export const MAX_RECORD_BYTES = 350 * 1024;
export const MAX_RECORD_IDENTIFIER_BYTES = 2 * 1024;
export const MAX_BATCH_GET_RECORDS = 100;

export const TARGET_STORES = ['OnlineStore', 'OfflineStore'] as const;
export const TTL_UNITS = ['Seconds', 'Minutes', 'Hours', 'Days', 'Weeks'] as const;
export const DELETION_MODES = ['SoftDelete', 'HardDelete'] as const;
export const EXPIRATION_TIME_RESPONSES = ['Enabled', 'Disabled'] as const;
export const FEATURE_TYPES = ['Integral', 'Fractional', 'String'] as const;
export const COLLECTION_TYPES = ['List', 'Set', 'Vector'] as const;
export const STORAGE_TYPES = ['Standard', 'Standard_V2', 'InMemory'] as const;
export const TABLE_FORMATS = ['Default', 'Glue', 'Iceberg'] as const;

export const INTEGRAL = /^[+-]?\d+$/;
export const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
export const INT64_MIN = -(2n ** 63n);
export const INT64_MAX = 2n ** 63n - 1n;

/** Something `Constraints.pattern` can test text with: a RegExp, or a memoised one. */
export interface TextTest {
  test(text: string): boolean;
}

/**
 * A regular expression whose answers are remembered (up to `limit` texts, then forgotten
 * at once): for names every request repeats, such as feature names, a map lookup instead
 * of a backtracking match. Only for expressions without the `g` or `y` flag.
 */
export const memoizedTest = (regex: RegExp, limit = 4096): TextTest => {
  const answers = new Map<string, boolean>();
  return {
    test(text) {
      let answer = answers.get(text);
      if (answer === undefined) {
        answer = regex.test(text);
        if (answers.size >= limit) answers.clear();
        answers.set(text, answer);
      }
      return answer;
    },
  };
};

export const FEATURE_NAME_TEST = memoizedTest(FEATURE_NAME);

/** UTF-8 byte length without allocating an encoded copy. */
export const utf8Length = (text: string): number => {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
};
