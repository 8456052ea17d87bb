import type { Meta, StoryObj } from '@storybook/angular-vite';
import { expect, waitFor, within } from 'storybook/test';
import { ParametersForm } from './parameters-form';
import { SchemaPreview } from './schema-preview';
import { MESHCLOUD_EXAMPLE_SCHEMA, SCHEMA_FIXTURES, type SchemaFixture } from '../../../testing/schema-fixtures';

const meta: Meta<ParametersForm> = {
  title: 'Shared/Parameters form',
  component: ParametersForm,
  args: { mode: 'create', showSchemaNotes: true },
  argTypes: { mode: { control: 'inline-radio', options: ['create', 'update', 'bind'] } },
  decorators: [(story) => ({ ...story(), template: `<div style="max-width: 720px; padding: 16px">${story().template ?? ''}</div>` })],
};
export default meta;

type Story = StoryObj<ParametersForm>;

function fixture(name: string): SchemaFixture {
  return SCHEMA_FIXTURES.find((entry) => entry.file === name)!;
}

/** The example schema of the meshMarketplace documentation, with its External → registration number flow. */
export const MeshMarketplaceExample: Story = {
  args: { schema: MESHCLOUD_EXAMPLE_SCHEMA },
  play: async ({ canvasElement, userEvent }) => {
    const canvas = within(canvasElement);
    await expect(canvas.queryByLabelText(/External Registration Number/)).toBeNull();
    await userEvent.click(await canvas.findByRole('combobox', { name: /Service Type/ }));
    await userEvent.click(await within(document.body).findByRole('option', { name: 'External' }));
    const registration = await canvas.findByLabelText(/External Registration Number/);
    await userEvent.type(registration, '12a');
    await userEvent.tab();
    await expect(await canvas.findByText('The value does not have the expected form.')).toBeVisible();
    await expect(registration).toHaveAttribute('aria-invalid', 'true');
    await userEvent.clear(registration);
    await userEvent.type(registration, '12345');
    await waitFor(() => expect(canvas.queryByText(/does not have the expected form/)).toBeNull());
    await expect(registration).toHaveAttribute('aria-invalid', 'false');
  },
};

/** Google Cloud Storage binding: a required role with dotted values. */
export const GcpCloudStorageBinding: Story = { args: { schema: fixture('gcp-cloud-storage-binding-create.json').schema, mode: 'bind' } };

/** Google Redis: `examples` as placeholders, a pattern with length limits, integer bounds. */
export const GcpGoogleRedis: Story = { args: { schema: fixture('gcp-google-redis-instance-create.json').schema } };

/** The seed example as the fixture file holds it. */
export const MeshcloudDocsExample: Story = { args: { schema: fixture('meshcloud-docs-example-instance-create.json').schema } };

/** Azure PostgreSQL: labelled regions, integer enum, lists of objects, a tag map, a password. */
export const OsbaPostgresqlCreate: Story = { args: { schema: fixture('osba-postgresql-10-general-purpose-instance-create.json').schema } };

/** Azure PostgreSQL update form: defaults become placeholders, nothing is sent unless changed. */
export const OsbaPostgresqlUpdate: Story = {
  args: { schema: fixture('osba-postgresql-10-general-purpose-instance-update.json').schema, mode: 'update' },
};

/** Azure Blob Storage: enums, booleans as "enabled"/"disabled", a name pattern, a tag map. */
export const OsbaStorageBlob: Story = { args: { schema: fixture('osba-storage-blob-all-in-one-instance-create.json').schema } };

/** overview-broker: a required integer with a default. */
export const OverviewBrokerDefaultAndRequired: Story = {
  args: { schema: fixture('overview-broker-example-default-value-and-required.json').schema },
};

/** overview-broker: an optional object with a required field, omitted while untouched. */
export const OverviewBrokerOptionalObject: Story = {
  args: { schema: fixture('overview-broker-example-optional-object-with-required-field.json').schema },
};

/** overview-broker: a boolean, a string with length limits, an enum and a nested object. */
export const OverviewBrokerLarge: Story = { args: { schema: fixture('overview-broker-large-instance-create.json').schema } };

/** UniPipe: ngx-schema-form `widget` keywords and labelled choices. */
export const UnipipeAzureVnet: Story = { args: { schema: fixture('unipipe-azure-vnet-instance-create.json').schema } };

/** A schema with an external reference: the explanation and the JSON editor. */
export const UnrenderableSchema: Story = {
  args: { schema: { type: 'object', properties: { size: { $ref: 'https://example.com/size.json' } } } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole('alert')).toHaveTextContent("This plan's parameter schema cannot be shown as a form");
    await expect(canvas.getByLabelText(/Parameters \(JSON\)/)).toBeVisible();
  },
};

/** Every widget once: text, textarea, email, URL, password, date, numbers, check box, radio, select, list, map, JSON, nested object. */
export const WidgetGallery: Story = {
  args: {
    schema: {
      $schema: 'http://json-schema.org/draft-07/schema#',
      type: 'object',
      required: ['name', 'size'],
      properties: {
        name: { type: 'string', title: 'Name', minLength: 3, maxLength: 20, examples: ['orders-db'] },
        notes: { type: 'string', title: 'Notes', widget: 'textarea' },
        contact: { type: 'string', title: 'Contact', format: 'email' },
        website: { type: 'string', title: 'Website', format: 'uri' },
        adminPassword: { type: 'string', title: 'Admin password' },
        start: { type: 'string', title: 'Start date', format: 'date' },
        replicas: { type: 'integer', title: 'Replicas', minimum: 1, maximum: 5, default: '3' },
        ratio: { type: 'number', title: 'Ratio', exclusiveMinimum: 0 },
        backups: { type: 'boolean', title: 'Daily backups', default: true },
        size: { type: 'string', title: 'Size', widget: { id: 'radio' }, enum: ['S', 'M', 'L'] },
        tier: { title: 'Tier', oneOf: [{ const: 'std', title: 'Standard' }, { const: 'prem', title: 'Premium' }], default: 'std' },
        zones: { type: 'array', title: 'Zones', items: { type: 'string', title: 'Zone' }, minItems: 1, maxItems: 3, default: ['a'] },
        labels: { type: 'object', title: 'Labels', additionalProperties: { type: 'string' } },
        advanced: { title: 'Advanced (JSON)', description: 'Anything the broker accepts.' },
        network: {
          $ref: '#/$defs/network',
        },
      },
      $defs: {
        network: { type: 'object', title: 'Network', properties: { cidr: { type: 'string', title: 'CIDR', pattern: '^[0-9./]+$' } } },
      },
    },
  },
};

/** A plan without a schema: an optional JSON editor. */
export const NoSchema: Story = { args: { schema: undefined } };

const SAMPLE_CATALOG = {
  services: [
    {
      id: 'preview-postgres',
      name: 'postgresql',
      description: 'PostgreSQL',
      bindable: true,
      plans: [
        {
          id: 'preview-postgres-small',
          name: 'general-purpose',
          description: 'General purpose',
          schemas: {
            service_instance: {
              create: { parameters: fixture('osba-postgresql-10-general-purpose-instance-create.json').schema },
              update: { parameters: fixture('osba-postgresql-10-general-purpose-instance-update.json').schema },
            },
            service_binding: { create: { parameters: fixture('gcp-cloud-storage-binding-create.json').schema } },
          },
        },
      ],
    },
    {
      id: 'preview-example',
      name: 'example-service',
      description: 'The meshMarketplace example',
      bindable: false,
      plans: [
        {
          id: 'preview-example-plan',
          name: 'standard',
          description: 'Standard',
          schemas: { service_instance: { create: { parameters: MESHCLOUD_EXAMPLE_SCHEMA } } },
        },
      ],
    },
  ],
};

/** For broker authors: paste a schema or a whole catalog and see every plan's forms and output. */
export const BrokerAuthorPreview: StoryObj<SchemaPreview> = {
  render: (args) => ({ props: args, template: `<mp-schema-preview [initialJson]="initialJson" />` }),
  args: { initialJson: JSON.stringify(SAMPLE_CATALOG, null, 2) },
  parameters: { controls: { include: [] } },
  decorators: [(story) => ({ ...story(), moduleMetadata: { imports: [SchemaPreview] } })],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole('heading', { name: 'postgresql / general-purpose' })).toBeVisible();
    await expect(canvas.getByRole('heading', { name: 'example-service / standard' })).toBeVisible();
    await expect(canvas.getAllByRole('heading', { name: 'Binding' })).toHaveLength(1);
  },
};
