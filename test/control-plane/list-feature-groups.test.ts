import {
  ListFeatureGroupsCommand,
  paginateListFeatureGroups,
  type FeatureGroupSummary,
  type ListFeatureGroupsCommandInput,
} from '@aws-sdk/client-sagemaker';
import { describeEachTarget } from '../support/targets.js';
import {
  createGroup,
  customersRequest,
  expectSageMakerError,
  onlineOnlyRequest,
  validationException,
} from './helpers.js';

const namesOf = (summaries: readonly FeatureGroupSummary[] | undefined): string[] =>
  (summaries ?? []).map((summary) => summary.FeatureGroupName ?? '');

describeEachTarget('ListFeatureGroups', (session) => {
  const list = (input: ListFeatureGroupsCommandInput = {}) =>
    session().sagemaker.send(new ListFeatureGroupsCommand(input));

  /** Five groups, one minute apart, created in the order b-orders, a-customers, c-sessions (online only), d-clicks, e-orders-archive. */
  beforeEach(async () => {
    const { sagemaker, featureStore } = session();
    featureStore.clock.set('2026-02-01T00:00:00Z');
    for (const request of [
      customersRequest({ FeatureGroupName: 'b-orders' }),
      customersRequest({ FeatureGroupName: 'a-customers' }),
      onlineOnlyRequest('c-sessions'),
      customersRequest({ FeatureGroupName: 'd-clicks' }),
      customersRequest({ FeatureGroupName: 'e-orders-archive' }),
    ]) {
      await createGroup(sagemaker, request);
      featureStore.clock.advance('1m');
    }
  });

  test('by default: newest first, with summaries of name, ARN, creation time and statuses', async () => {
    const output = await list();
    expect(namesOf(output.FeatureGroupSummaries)).toEqual([
      'e-orders-archive',
      'd-clicks',
      'c-sessions',
      'a-customers',
      'b-orders',
    ]);
    expect(output.NextToken).toBeUndefined();
    expect(output.FeatureGroupSummaries?.[2]).toEqual({
      FeatureGroupName: 'c-sessions',
      FeatureGroupArn: 'arn:aws:sagemaker:us-east-1:123456789012:feature-group/c-sessions',
      CreationTime: new Date('2026-02-01T00:02:00Z'),
      FeatureGroupStatus: 'Created',
      OfflineStoreStatus: { Status: 'Disabled' },
    });
  });

  test('SortBy Name / CreationTime / OfflineStoreStatus, Ascending and Descending', async () => {
    expect(namesOf((await list({ SortBy: 'Name', SortOrder: 'Ascending' })).FeatureGroupSummaries)).toEqual([
      'a-customers',
      'b-orders',
      'c-sessions',
      'd-clicks',
      'e-orders-archive',
    ]);
    expect(namesOf((await list({ SortBy: 'Name' })).FeatureGroupSummaries)).toEqual([
      'e-orders-archive',
      'd-clicks',
      'c-sessions',
      'b-orders',
      'a-customers',
    ]);
    expect(namesOf((await list({ SortBy: 'CreationTime', SortOrder: 'Ascending' })).FeatureGroupSummaries)).toEqual([
      'b-orders',
      'a-customers',
      'c-sessions',
      'd-clicks',
      'e-orders-archive',
    ]);
    // Active < Disabled; ties by name.
    expect(
      namesOf((await list({ SortBy: 'OfflineStoreStatus', SortOrder: 'Ascending' })).FeatureGroupSummaries),
    ).toEqual(['a-customers', 'b-orders', 'd-clicks', 'e-orders-archive', 'c-sessions']);
  });

  test('filters: NameContains (case-insensitive), statuses, creation time window', async () => {
    expect(
      namesOf((await list({ NameContains: 'ORDERS', SortBy: 'Name', SortOrder: 'Ascending' })).FeatureGroupSummaries),
    ).toEqual(['b-orders', 'e-orders-archive']);
    expect(namesOf((await list({ OfflineStoreStatusEquals: 'Disabled' })).FeatureGroupSummaries)).toEqual([
      'c-sessions',
    ]);
    expect((await list({ FeatureGroupStatusEquals: 'Creating' })).FeatureGroupSummaries).toEqual([]);
    expect(
      namesOf(
        (
          await list({
            CreationTimeAfter: new Date('2026-02-01T00:01:00Z'),
            CreationTimeBefore: new Date('2026-02-01T00:04:00Z'),
            SortOrder: 'Ascending',
          })
        ).FeatureGroupSummaries,
      ),
    ).toEqual(['c-sessions', 'd-clicks']);
  });

  test('MaxResults pages with a NextToken; paginateListFeatureGroups walks every page', async () => {
    const first = await list({ MaxResults: 2, SortBy: 'Name', SortOrder: 'Ascending' });
    expect(namesOf(first.FeatureGroupSummaries)).toEqual(['a-customers', 'b-orders']);
    expect(first.NextToken).toEqual(expect.any(String));
    const second = await list({ MaxResults: 2, SortBy: 'Name', SortOrder: 'Ascending', NextToken: first.NextToken });
    expect(namesOf(second.FeatureGroupSummaries)).toEqual(['c-sessions', 'd-clicks']);

    const pages: string[][] = [];
    for await (const page of paginateListFeatureGroups(
      { client: session().sagemaker, pageSize: 2 },
      { SortBy: 'Name', SortOrder: 'Descending' },
    )) {
      pages.push(namesOf(page.FeatureGroupSummaries));
    }
    expect(pages).toEqual([['e-orders-archive', 'd-clicks'], ['c-sessions', 'b-orders'], ['a-customers']]);
  });

  test('a page resumes after the last group it returned, even when groups come and go in between', async () => {
    const first = await list({ MaxResults: 2, SortBy: 'Name', SortOrder: 'Ascending' });
    await createGroup(session().sagemaker, customersRequest({ FeatureGroupName: 'aa-early' }));
    await createGroup(session().sagemaker, customersRequest({ FeatureGroupName: 'bb-late' }));
    const rest = await list({ MaxResults: 10, SortBy: 'Name', SortOrder: 'Ascending', NextToken: first.NextToken });
    expect(namesOf(rest.FeatureGroupSummaries)).toEqual(['bb-late', 'c-sessions', 'd-clicks', 'e-orders-archive']);
  });

  test('ten groups a page unless MaxResults says otherwise', async () => {
    const { sagemaker } = session();
    for (let i = 0; i < 7; i++) await createGroup(sagemaker, customersRequest({ FeatureGroupName: `more-${i}` }));
    const page = await list();
    expect(page.FeatureGroupSummaries).toHaveLength(10);
    expect(page.NextToken).toBeDefined();
    expect((await list({ NextToken: page.NextToken })).FeatureGroupSummaries).toHaveLength(2);
  });

  test('invalid MaxResults, enums and tokens are ValidationException', async () => {
    await expectSageMakerError(
      list({ MaxResults: 0 }),
      validationException(
        "Value '0' at 'maxResults' failed to satisfy constraint: Member must have value greater than or equal to 1",
      ),
    );
    await expectSageMakerError(
      list({ MaxResults: 101 }),
      validationException(
        "at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 100",
      ),
    );
    await expectSageMakerError(
      list({ SortBy: 'Size' as never }),
      validationException("at 'sortBy' failed to satisfy constraint: Member must satisfy enum value set"),
    );
    await expectSageMakerError(list({ NextToken: 'not-a-token' }), validationException('The NextToken is not valid'));
    const token = (await list({ MaxResults: 1 })).NextToken;
    await expectSageMakerError(
      list({ NextToken: token, SortBy: 'Name' }),
      validationException('with the same SortBy and SortOrder'),
    );
  });
});
