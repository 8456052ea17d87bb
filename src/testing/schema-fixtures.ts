import gcpCloudStorageBindingCreate from '../../fixtures/schemas/gcp-cloud-storage-binding-create.json';
import gcpGoogleRedisInstanceCreate from '../../fixtures/schemas/gcp-google-redis-instance-create.json';
import meshcloudDocsExampleInstanceCreate from '../../fixtures/schemas/meshcloud-docs-example-instance-create.json';
import osbaPostgresqlInstanceCreate from '../../fixtures/schemas/osba-postgresql-10-general-purpose-instance-create.json';
import osbaPostgresqlInstanceUpdate from '../../fixtures/schemas/osba-postgresql-10-general-purpose-instance-update.json';
import osbaStorageBlobInstanceCreate from '../../fixtures/schemas/osba-storage-blob-all-in-one-instance-create.json';
import overviewBrokerDefaultValueAndRequired from '../../fixtures/schemas/overview-broker-example-default-value-and-required.json';
import overviewBrokerOptionalObject from '../../fixtures/schemas/overview-broker-example-optional-object-with-required-field.json';
import overviewBrokerLargeInstanceCreate from '../../fixtures/schemas/overview-broker-large-instance-create.json';
import unipipeAzureVnetInstanceCreate from '../../fixtures/schemas/unipipe-azure-vnet-instance-create.json';

/** A real broker's parameter schema from fixtures/schemas (see its README for sources). */
export interface SchemaFixture {
  /** The file name in fixtures/schemas. */
  file: string;
  /** The parameters schema as the broker publishes it. */
  schema: unknown;
}

/** Every fixture in fixtures/schemas. */
export const SCHEMA_FIXTURES: readonly SchemaFixture[] = [
  { file: 'gcp-cloud-storage-binding-create.json', schema: gcpCloudStorageBindingCreate },
  { file: 'gcp-google-redis-instance-create.json', schema: gcpGoogleRedisInstanceCreate },
  { file: 'meshcloud-docs-example-instance-create.json', schema: meshcloudDocsExampleInstanceCreate },
  { file: 'osba-postgresql-10-general-purpose-instance-create.json', schema: osbaPostgresqlInstanceCreate },
  { file: 'osba-postgresql-10-general-purpose-instance-update.json', schema: osbaPostgresqlInstanceUpdate },
  { file: 'osba-storage-blob-all-in-one-instance-create.json', schema: osbaStorageBlobInstanceCreate },
  { file: 'overview-broker-example-default-value-and-required.json', schema: overviewBrokerDefaultValueAndRequired },
  { file: 'overview-broker-example-optional-object-with-required-field.json', schema: overviewBrokerOptionalObject },
  { file: 'overview-broker-large-instance-create.json', schema: overviewBrokerLargeInstanceCreate },
  { file: 'unipipe-azure-vnet-instance-create.json', schema: unipipeAzureVnetInstanceCreate },
];

/** The example schema of the meshMarketplace documentation. */
export const MESHCLOUD_EXAMPLE_SCHEMA = meshcloudDocsExampleInstanceCreate;
