import type { Meta, StoryObj } from '@storybook/angular-vite';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { expect, waitFor, within } from 'storybook/test';
import { ParametersForm } from './parameters-form';
import { SchemaPreview } from './schema-preview';
import { MESHCLOUD_EXAMPLE_SCHEMA, SCHEMA_FIXTURES, type SchemaFixture } from '@testing/schema-fixtures';

const meta: Meta<ParametersForm> = {
  title: 'Shared/Parameters form',
  component: ParametersForm,
  args: { mode: 'create', showSchemaNotes: true },
  argTypes: { mode: { control: 'inline-radio', options: ['create', 'update', 'bind'] } },
  decorators: [
    (story) => ({
      ...story(),
      template: `<div style="max-width: 720px; padding: 16px">${story().template ?? ''}</div>`,
    }),
  ],
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
    await expect(
      await canvas.findByText(/^The value does not have the expected form: .*exactly 5 digits/),
    ).toBeVisible();
    await expect(canvas.queryByText(/\^\[0-9\]\{5\}\$/)).toBeNull();
    await expect(registration).toHaveAttribute('aria-invalid', 'true');
    await userEvent.clear(registration);
    await userEvent.type(registration, '12345');
    await waitFor(() => expect(canvas.queryByText(/does not have the expected form/)).toBeNull());
    await expect(registration).toHaveAttribute('aria-invalid', 'false');
  },
};

/** Google Cloud Storage binding: a required role with dotted values. */
export const GcpCloudStorageBinding: Story = {
  args: { schema: fixture('gcp-cloud-storage-binding-create.json').schema, mode: 'bind' },
};

/** Google Redis: `examples` as placeholders, a pattern with length limits, integer bounds. */
export const GcpGoogleRedis: Story = { args: { schema: fixture('gcp-google-redis-instance-create.json').schema } };

/** The seed example as the fixture file holds it. */
export const MeshcloudDocsExample: Story = {
  args: { schema: fixture('meshcloud-docs-example-instance-create.json').schema },
};

/** Azure PostgreSQL: labelled regions, integer enum, lists of objects, a tag map, a password. */
export const OsbaPostgresqlCreate: Story = {
  args: { schema: fixture('osba-postgresql-10-general-purpose-instance-create.json').schema },
};

/** Azure PostgreSQL update form: defaults become placeholders, nothing is sent unless changed. */
export const OsbaPostgresqlUpdate: Story = {
  args: { schema: fixture('osba-postgresql-10-general-purpose-instance-update.json').schema, mode: 'update' },
};

/** Azure Blob Storage: enums, booleans as "enabled"/"disabled", a name pattern, a tag map. */
export const OsbaStorageBlob: Story = {
  args: { schema: fixture('osba-storage-blob-all-in-one-instance-create.json').schema },
};

/** overview-broker: a required integer with a default. */
export const OverviewBrokerDefaultAndRequired: Story = {
  args: { schema: fixture('overview-broker-example-default-value-and-required.json').schema },
};

/** overview-broker: an optional object with a required field, omitted while untouched. */
export const OverviewBrokerOptionalObject: Story = {
  args: { schema: fixture('overview-broker-example-optional-object-with-required-field.json').schema },
};

/** overview-broker: a boolean, a string with length limits, an enum and a nested object. */
export const OverviewBrokerLarge: Story = {
  args: { schema: fixture('overview-broker-large-instance-create.json').schema },
};

/** UniPipe: ngx-schema-form `widget` keywords and labelled choices. */
export const UnipipeAzureVnet: Story = { args: { schema: fixture('unipipe-azure-vnet-instance-create.json').schema } };

/** A schema with an external reference: the explanation and the JSON editor. */
export const UnrenderableSchema: Story = {
  args: { schema: { type: 'object', properties: { size: { $ref: 'https://example.com/size.json' } } } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole('alert')).toHaveTextContent(
      "This plan's parameter schema cannot be shown as a form",
    );
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
        tier: {
          title: 'Tier',
          oneOf: [
            { const: 'std', title: 'Standard' },
            { const: 'prem', title: 'Premium' },
          ],
          default: 'std',
        },
        zones: {
          type: 'array',
          title: 'Zones',
          items: { type: 'string', title: 'Zone' },
          minItems: 1,
          maxItems: 3,
          default: ['a'],
        },
        labels: { type: 'object', title: 'Labels', additionalProperties: { type: 'string' } },
        advanced: { title: 'Advanced (JSON)', description: 'Anything the broker accepts.' },
        network: {
          $ref: '#/$defs/network',
        },
      },
      $defs: {
        network: {
          type: 'object',
          title: 'Network',
          properties: { cidr: { type: 'string', title: 'CIDR', pattern: '^[0-9./]+$' } },
        },
      },
    },
  },
};

/** The kinds of field whose placeholders differ in size: text or check box, with or without a description. */
const LARGE_FORM_KINDS = [
  { type: 'string', description: 'What this text sets' },
  { type: 'string' },
  { type: 'boolean', description: 'What this switch sets' },
  { type: 'boolean' },
];

/**
 * A form of 300 fields: those in view are drawn at once, the others show placeholders with their
 * labels, taking the room of the drawn field, and are drawn a few per frame.
 */
export const LargeForm: Story = {
  args: {
    schema: {
      type: 'object',
      properties: Object.fromEntries(
        Array.from({ length: 300 }, (_, index) => [
          `field${index}`,
          { title: `Field ${index + 1}`, ...LARGE_FORM_KINDS[index % LARGE_FORM_KINDS.length] },
        ]),
      ),
    },
  },
  play: async ({ canvasElement }) => {
    const nextFrame = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    // The room each kind's placeholder takes, in view (its box and margin) and out of view (the slot).
    const waiting = LARGE_FORM_KINDS.map((_, kind) => {
      const slot = [...canvasElement.querySelectorAll<HTMLElement>('.mp-sf-slot')]
        .slice(200)
        .find((candidate, index) => index % LARGE_FORM_KINDS.length === kind)!;
      const placeholder = slot.querySelector<HTMLElement>('.mp-sf-placeholder')!;
      return {
        slot,
        inView: placeholder.getBoundingClientRect().height + parseFloat(getComputedStyle(placeholder).marginBottom),
        outOfView: slot.getBoundingClientRect().height,
      };
    });
    await waitFor(() => expect(canvasElement.querySelector('.mp-sf-placeholder')).toBeNull(), { timeout: 15_000 });
    for (const { slot, inView, outOfView } of waiting) {
      slot.scrollIntoView();
      await nextFrame();
      const drawn = slot.getBoundingClientRect().height;
      await expect({ field: slot.dataset['mpPointer'], inView, outOfView }).toEqual({
        field: slot.dataset['mpPointer'],
        inView: drawn,
        outOfView: drawn,
      });
    }
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

/** The `userEvent` a story's play function receives. */
type UserEvents = Parameters<NonNullable<StoryObj<SchemaPreview>['play']>>[0]['userEvent'];

/**
 * A story that renders one fixture in the broker authors' preview, fills what it requires with
 * `fill`, and checks that the parameters it produces are valid for the original schema (Ajv).
 */
function filledFixtureStory(
  file: string,
  fill: (canvas: ReturnType<typeof within>, user: UserEvents) => Promise<void>,
): StoryObj<SchemaPreview> {
  return {
    render: (args) => ({ props: args, template: `<mp-schema-preview [initialJson]="initialJson" />` }),
    args: { initialJson: JSON.stringify(fixture(file).schema, null, 2) },
    parameters: { controls: { include: [] } },
    decorators: [(story) => ({ ...story(), moduleMetadata: { imports: [SchemaPreview] } })],
    play: async ({ canvasElement, userEvent }) => {
      const canvas = within(canvasElement);
      await fill(canvas, userEvent);
      await waitFor(() => expect(canvas.getByText('Valid', { exact: true })).toBeVisible());
      const produced = JSON.parse(canvasElement.querySelector('.mp-schema-preview__output pre')!.textContent!);
      const ajv = new Ajv({ strict: false, allErrors: true });
      addFormats(ajv);
      const valid = ajv.validate(fixture(file).schema as object, produced);
      await expect(valid, JSON.stringify(ajv.errors)).toBe(true);
    },
  };
}

async function pick(canvas: ReturnType<typeof within>, user: UserEvents, field: RegExp, option: string): Promise<void> {
  await user.click(await canvas.findByRole('combobox', { name: field }));
  await user.click(await within(document.body).findByRole('option', { name: option }));
}

/** A root-level oneOf of two shapes: the variant picker, the common field kept, the second shape filled. */
export const RootOneOfVariants = filledFixtureStory(
  'marketplace-backup-target-root-oneof-instance-create.json',
  async (canvas, user) => {
    await pick(canvas, user, /Backup target/, 'Target: azure-blob');
    await user.type(await canvas.findByLabelText(/Storage account/), 'teambackups');
    await user.type(canvas.getByLabelText(/Container/), 'nightly');
  },
);

/** anyOf inside list items: each record picks its shape. */
export const ArrayItemAnyOf = filledFixtureStory(
  'marketplace-dns-records-array-anyof-instance-create.json',
  async (canvas, user) => {
    await user.type(await canvas.findByLabelText(/Zone/), 'example.org');
    await user.click(canvas.getByRole('button', { name: 'Add item' }));
    await pick(canvas, user, /Kind/, 'A record');
    await user.type(await canvas.findByLabelText(/^Name/), 'www');
    await user.type(canvas.getByLabelText(/IPv4 address/), '10.0.0.1');
  },
);

/** draft-07 if/then/else: replicas appear and are required once high availability is on. */
export const IfThenElse = filledFixtureStory(
  'marketplace-database-if-then-instance-create.json',
  async (canvas, user) => {
    await expect(canvas.queryByLabelText(/Replicas/)).toBeNull();
    await user.click(await canvas.findByRole('checkbox', { name: /High availability/ }));
    await user.type(await canvas.findByLabelText(/Replicas/), '2');
  },
);

/** Dates and times with Material pickers, a readOnly field, examples as placeholders. */
export const DateAndTime = filledFixtureStory(
  'marketplace-maintenance-window-date-time-instance-create.json',
  async (canvas, user) => {
    await expect(await canvas.findByLabelText(/Support tier/)).toHaveAttribute('readonly');
    await user.type(canvas.getByLabelText(/First maintenance/), '12/1/2026');
    await user.tab();
  },
);

/** A secret: masked while typed, with a button to reveal it. */
export const SecretField = filledFixtureStory(
  'marketplace-database-user-secret-instance-create.json',
  async (canvas, user) => {
    const password = await canvas.findByLabelText(/Administrator password/);
    await expect(password).toHaveAttribute('type', 'password');
    await user.type(password, 'correct-horse-battery');
    await user.click(canvas.getAllByRole('button', { name: 'Show the value while typing' })[0]!);
    await expect(password).toHaveAttribute('type', 'text');
  },
);
