import { FeatureStoreError } from '../errors.js';
import type { FeatureGroup } from '../feature-group.js';
import { settledGroupsInScope } from '../feature-group-lifecycle.js';
import type { OperationContext } from '../operation-context.js';
import type { FeatureGroupSummary, ListFeatureGroupsInput, ListFeatureGroupsOutput } from '../shapes.js';
import { Constraints } from '../validation/constraints.js';
import { asInputObject } from '../validation/request-shapes.js';
import { offlineStoreStatusOf } from './describe-feature-group.js';

const STATUSES = ['Creating', 'Created', 'CreateFailed', 'Deleting', 'DeleteFailed'] as const;
const OFFLINE_STATUSES = ['Active', 'Blocked', 'Disabled'] as const;
const SORT_ORDERS = ['Ascending', 'Descending'] as const;
const SORT_BY = ['Name', 'FeatureGroupStatus', 'OfflineStoreStatus', 'CreationTime'] as const;
/** SageMaker's List operations answer 10 items a page unless MaxResults says otherwise (INF). */
const DEFAULT_MAX_RESULTS = 10;

type SortBy = (typeof SORT_BY)[number];
type SortKey = string | number;

/** Timestamps arrive as epoch seconds over awsJson1.1, as Dates from direct callers. */
const epochMs = (value: unknown): number | undefined =>
  value instanceof Date ? value.getTime() : typeof value === 'number' ? value * 1000 : undefined;

const checkTimestamp = (c: Constraints, value: unknown, path: string): void => {
  if (value === undefined || value === null || epochMs(value) !== undefined) return;
  c.fail(path, value, 'be a timestamp');
};

const checkShape = (c: Constraints, request: Record<string, unknown>): void => {
  if (c.optional(request.NameContains, 'nameContains', 'string')) {
    c.length(request.NameContains as string, 'nameContains', 1, 64);
  }
  const enums: [string, string, readonly string[]][] = [
    ['FeatureGroupStatusEquals', 'featureGroupStatusEquals', STATUSES],
    ['OfflineStoreStatusEquals', 'offlineStoreStatusEquals', OFFLINE_STATUSES],
    ['SortOrder', 'sortOrder', SORT_ORDERS],
    ['SortBy', 'sortBy', SORT_BY],
  ];
  for (const [member, path, allowed] of enums) {
    if (c.optional(request[member], path, 'string')) c.oneOf(request[member], path, allowed);
  }
  checkTimestamp(c, request.CreationTimeAfter, 'creationTimeAfter');
  checkTimestamp(c, request.CreationTimeBefore, 'creationTimeBefore');
  if (c.optional(request.MaxResults, 'maxResults', 'number'))
    c.range(request.MaxResults as number, 'maxResults', 1, 100);
  if (c.optional(request.NextToken, 'nextToken', 'string')) c.length(request.NextToken as string, 'nextToken', 0, 8192);
};

const sortKey = (group: FeatureGroup, by: SortBy): SortKey => {
  switch (by) {
    case 'Name':
      return group.name.toLowerCase();
    case 'FeatureGroupStatus':
      return group.status;
    case 'OfflineStoreStatus':
      return offlineStoreStatusOf(group);
    case 'CreationTime':
      return group.creationTime;
  }
};

/** A position in the listing: the sort key and (unique) lower-cased name of the last item returned. */
type Position = readonly [SortKey, string];

const comparePositions = (a: Position, b: Position): number => {
  if (a[0] !== b[0]) return a[0] < b[0] ? -1 : 1;
  return a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0;
};

/**
 * Pages resume after the last item returned (keyset pagination), so groups created or
 * deleted between pages neither repeat nor shift the rest. The token is opaque to callers.
 */
const encodeToken = (by: SortBy, order: string, position: Position): string =>
  btoa(JSON.stringify([by, order, ...position]));

const decodeToken = (token: string, by: SortBy, order: string): Position => {
  let parsed: unknown;
  try {
    parsed = JSON.parse(atob(token));
  } catch {
    parsed = undefined;
  }
  if (
    !Array.isArray(parsed) ||
    parsed.length !== 4 ||
    parsed[0] !== by ||
    parsed[1] !== order ||
    (typeof parsed[2] !== 'string' && typeof parsed[2] !== 'number') ||
    typeof parsed[3] !== 'string'
  ) {
    throw new FeatureStoreError(
      'ValidationException',
      'The NextToken is not valid: pass the NextToken of the previous ListFeatureGroups response, with the same SortBy and SortOrder.',
    );
  }
  return [parsed[2] as SortKey, parsed[3] as string];
};

const summaryOf = (group: FeatureGroup): FeatureGroupSummary => ({
  FeatureGroupName: group.name,
  FeatureGroupArn: group.arn,
  CreationTime: new Date(group.creationTime),
  FeatureGroupStatus: group.status,
  OfflineStoreStatus: { Status: offlineStoreStatusOf(group) },
});

/** ListFeatureGroups: the caller's account and region, filtered, sorted (default CreationTime, Descending), paged. */
export const listFeatureGroups = (input: unknown, ctx: OperationContext): ListFeatureGroupsOutput => {
  const c = new Constraints();
  const request = asInputObject(c, input);
  checkShape(c, request);
  c.throwIfAny('ValidationException');
  const query = request as ListFeatureGroupsInput;
  const by: SortBy = query.SortBy ?? 'CreationTime';
  const order = query.SortOrder ?? 'Descending';
  const direction = order === 'Ascending' ? 1 : -1;
  const after = epochMs(query.CreationTimeAfter);
  const before = epochMs(query.CreationTimeBefore);
  const nameContains = query.NameContains?.toLowerCase();
  const resumeAfter =
    query.NextToken === undefined || query.NextToken === '' ? undefined : decodeToken(query.NextToken, by, order);

  const matching = settledGroupsInScope(ctx)
    .filter(
      (group) =>
        (nameContains === undefined || group.name.toLowerCase().includes(nameContains)) &&
        (query.FeatureGroupStatusEquals === undefined || group.status === query.FeatureGroupStatusEquals) &&
        (query.OfflineStoreStatusEquals === undefined ||
          offlineStoreStatusOf(group) === query.OfflineStoreStatusEquals) &&
        (after === undefined || group.creationTime > after) &&
        (before === undefined || group.creationTime < before),
    )
    .map((group) => ({ group, position: [sortKey(group, by), group.name.toLowerCase()] as Position }))
    .sort((a, b) => direction * comparePositions(a.position, b.position));

  const start =
    resumeAfter === undefined
      ? 0
      : matching.findIndex((item) => direction * comparePositions(item.position, resumeAfter) > 0);
  const remaining = start === -1 ? [] : matching.slice(start);
  const page = remaining.slice(0, query.MaxResults ?? DEFAULT_MAX_RESULTS);
  const output: ListFeatureGroupsOutput = { FeatureGroupSummaries: page.map((item) => summaryOf(item.group)) };
  const last = page.at(-1);
  if (remaining.length > page.length && last !== undefined) output.NextToken = encodeToken(by, order, last.position);
  return output;
};
