import { validationError } from '../errors.js';
import type { FeatureGroup } from '../feature-group.js';
import type { OperationContext } from '../operation-context.js';
import { requireOnlineStore, resolveForRead } from '../resolve-feature-group.js';
import type { ListRecordsInput, ListRecordsOutput } from '../shapes.js';
import { Constraints } from '../validation/constraints.js';
import { asInputObject, checkFeatureGroupNameOrArn } from '../validation/request-shapes.js';

export const MAX_LIST_RECORDS_RESULTS = 100;
/** No default is modelled; the emulator uses the largest page the model allows (docs/behaviour.md). */
export const DEFAULT_LIST_RECORDS_RESULTS = MAX_LIST_RECORDS_RESULTS;
const MAX_NEXT_TOKEN = 8192;
/**
 * Slots (live, soft-deleted, expired or removed records) one page may examine. Pages stay
 * O(MaxResults) however many skipped records lie between live ones; a page cut short by
 * this has fewer identifiers and still a NextToken, as a DynamoDB Scan page can.
 */
export const LIST_RECORDS_EXAMINE_AT_MOST = 10_000;

/** What a NextToken carries: the group it belongs to and the listing position to resume after. */
interface ListRecordsToken {
  readonly featureGroupArn: string;
  readonly creationTime: number;
  /** Tells apart a group deleted and created again within the same millisecond (same ARN and creation time). */
  readonly incarnation: number;
  readonly lastEvaluatedKey: number;
}

const incarnations = new WeakMap<FeatureGroup, number>();
let lastIncarnation = 0;
const incarnationOf = (group: FeatureGroup): number => {
  let incarnation = incarnations.get(group);
  if (incarnation === undefined) {
    incarnation = ++lastIncarnation;
    incarnations.set(group, incarnation);
  }
  return incarnation;
};

const encodeToken = (group: FeatureGroup, seq: number): string =>
  btoa(
    JSON.stringify({
      featureGroupArn: group.arn,
      creationTime: group.creationTime,
      incarnation: incarnationOf(group),
      lastEvaluatedKey: seq,
    } satisfies ListRecordsToken),
  );

const decodeToken = (group: FeatureGroup, token: string): number => {
  let parsed: Partial<ListRecordsToken> | undefined;
  try {
    parsed = JSON.parse(atob(token)) as Partial<ListRecordsToken>;
  } catch {
    parsed = undefined;
  }
  const seq = parsed?.lastEvaluatedKey;
  if (typeof seq !== 'number' || !Number.isSafeInteger(seq) || seq < 0) {
    throw validationError(
      'The NextToken is not valid. Pass the NextToken of an earlier ListRecords response unchanged.',
    );
  }
  if (
    parsed?.featureGroupArn !== group.arn ||
    parsed.creationTime !== group.creationTime ||
    parsed.incarnation !== incarnationOf(group)
  ) {
    throw validationError(
      `The NextToken was issued for another FeatureGroup than ${group.name}; pass it with the same FeatureGroupName.`,
    );
  }
  return seq;
};

/**
 * ListRecords (spec §12): record identifiers of a group's OnlineStore, in first-write
 * order, paged by an opaque NextToken that stays valid while the store changes: an
 * identifier present for the whole paging session is listed exactly once. Soft-deleted
 * records only with IncludeSoftDeletedRecords; expired records never.
 */
export const listRecords = (input: unknown, ctx: OperationContext): ListRecordsOutput => {
  const c = new Constraints();
  const request = asInputObject(c, input);
  checkFeatureGroupNameOrArn(c, request.FeatureGroupName, 'featureGroupName');
  if (c.optional(request.MaxResults, 'maxResults', 'number')) {
    c.range(request.MaxResults as number, 'maxResults', 1, MAX_LIST_RECORDS_RESULTS);
  }
  if (c.optional(request.NextToken, 'nextToken', 'string')) {
    c.length(request.NextToken as string, 'nextToken', 1, MAX_NEXT_TOKEN);
  }
  c.optional(request.IncludeSoftDeletedRecords, 'includeSoftDeletedRecords', 'boolean');
  c.throwIfAny();
  const { FeatureGroupName, MaxResults, NextToken, IncludeSoftDeletedRecords } = request as unknown as ListRecordsInput;

  const group = resolveForRead(ctx, FeatureGroupName);
  requireOnlineStore(group);
  const page = group.online.page({
    after: NextToken === undefined ? undefined : decodeToken(group, NextToken),
    limit: MaxResults ?? DEFAULT_LIST_RECORDS_RESULTS,
    includeDeleted: IncludeSoftDeletedRecords === true,
    nowMs: ctx.now,
    examineAtMost: LIST_RECORDS_EXAMINE_AT_MOST,
  });
  const output: ListRecordsOutput = { RecordIdentifiers: page.recordIds };
  if (page.resumeAfter !== undefined) output.NextToken = encodeToken(group, page.resumeAfter);
  return output;
};
