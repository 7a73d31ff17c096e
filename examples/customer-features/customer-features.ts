import {
  DeleteRecordCommand,
  GetRecordCommand,
  PutRecordCommand,
  SageMakerFeatureStoreRuntimeClient,
} from '@aws-sdk/client-sagemaker-featurestore-runtime';

/**
 * Application code: it builds its own client, as production code does, with the region
 * from the environment (AWS_REGION). Nothing here knows about the mock.
 */
const client = new SageMakerFeatureStoreRuntimeClient({});

export interface Customer {
  id: string;
  lifetimeValue: number;
  segment: string;
}

export const saveCustomer = async (customer: Customer, at: Date = new Date()): Promise<void> => {
  await client.send(
    new PutRecordCommand({
      FeatureGroupName: 'customers',
      Record: [
        { FeatureName: 'customer_id', ValueAsString: customer.id },
        { FeatureName: 'event_time', ValueAsString: at.toISOString() },
        { FeatureName: 'lifetime_value', ValueAsString: String(customer.lifetimeValue) },
        { FeatureName: 'segment', ValueAsString: customer.segment },
      ],
    }),
  );
};

export const loadCustomer = async (id: string): Promise<Customer | undefined> => {
  const { Record } = await client.send(
    new GetRecordCommand({ FeatureGroupName: 'customers', RecordIdentifierValueAsString: id }),
  );
  if (Record === undefined) return undefined;
  const value = (name: string) => Record.find((feature) => feature.FeatureName === name)?.ValueAsString;
  return { id, lifetimeValue: Number(value('lifetime_value')), segment: value('segment') ?? 'unknown' };
};

/** GDPR erasure: remove the customer from the online store; Feature Store records the deletion offline. */
export const forgetCustomer = async (id: string, at: Date = new Date()): Promise<void> => {
  await client.send(
    new DeleteRecordCommand({
      FeatureGroupName: 'customers',
      RecordIdentifierValueAsString: id,
      EventTime: at.toISOString(),
      DeletionMode: 'HardDelete',
    }),
  );
};
