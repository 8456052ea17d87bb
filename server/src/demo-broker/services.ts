/**
 * The services the demo broker offers: global services (served under `/global`) and local
 * services (served under `/locations/<locationId>` for every configured location).
 *
 * Together they exercise every catalog feature the marketplace supports: markdown long
 * descriptions, icons (and one service without), sync and async plans, plan updates,
 * instance and binding retrieval, shareable, tenant-aware and sensitive services, expiring
 * bindings, credential rotation, costs in every meshMarketplace unit plus one outside that list,
 * maintenance info (raised at run time through `PUT /demo/plans/:planId/maintenance_info`) and
 * real-world parameter schemas from `fixtures/schemas/`.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { serviceIcons } from './icons.ts';

/** One cost component of a plan (OSB profile cost object). */
export interface DemoCost {
  /** Amount by currency; the marketplace reads `eur`. */
  amount: { eur: number };
  /** Billing unit, for example `MONTHLY` or `GB`. */
  unit: string;
}

/** A JSON schema as the catalog publishes it. */
export type JsonSchema = Record<string, unknown>;

/** OSB `maintenance_info` of a plan: a semantic version and what it brings. */
export interface DemoMaintenanceInfo {
  version: string;
  description: string;
}

/** A plan of a demo service, before ids and URLs are assigned. */
export interface DemoPlan {
  /** CLI-friendly plan name, unique within its service. */
  name: string;
  displayName: string;
  description: string;
  bullets: string[];
  free: boolean;
  costs: DemoCost[];
  /** Whether provisioning, updating and deprovisioning run asynchronously. */
  async: boolean;
  /** OSB `maximum_polling_duration` in seconds (async plans only). */
  maximumPollingDuration?: number;
  /** OSB `maintenance_info` of the plan. */
  maintenanceInfo?: DemoMaintenanceInfo;
  /** meshMarketplace `metadata.expiryDays`: bindings expire this many days after creation. */
  expiryDays?: number;
  /** Parameter schemas (OSB `schemas`), each a JSON schema for `parameters`. */
  schemas?: { instanceCreate?: JsonSchema; instanceUpdate?: JsonSchema; bindingCreate?: JsonSchema };
}

/** What a service needs to know to mint the credentials of a new binding. */
export interface CredentialRequest {
  instanceId: string;
  bindingId: string;
  /** The location of a local service; undefined for global services. */
  locationId?: string;
  /** Parameters of the binding request. */
  parameters: Record<string, unknown>;
  /** `bind_resource` of the binding request, for tenant bindings `{tenant_id, platform}`. */
  bindResource?: Record<string, unknown>;
  /** Base URL of the broker's own pages (dashboards, docs), as users' browsers reach it. */
  publicUrl: string;
}

/** A demo service offering, before ids and URLs are assigned. */
export interface DemoService {
  /** CLI-friendly service name, unique across the broker; also the docs page path. */
  name: string;
  displayName: string;
  description: string;
  /** Markdown shown on the service page. */
  longDescription: string;
  /** Icon as a `data:` URL; absent for the service that shows the UI's fallback icon. */
  imageUrl?: string;
  providerDisplayName: string;
  tags: string[];
  bindable: boolean;
  planUpdateable: boolean;
  instancesRetrievable: boolean;
  bindingsRetrievable: boolean;
  /** OSB `binding_rotatable`: a bind with `predecessor_binding_id` mints fresh credentials for the predecessor's parameters. */
  bindingRotatable?: boolean;
  /** meshMarketplace service metadata flags. */
  flags: { shareable?: boolean; tenantAware?: boolean; sensitive?: boolean };
  /** Whether binding and unbinding run asynchronously (they require `accepts_incomplete`). */
  asyncBindings: boolean;
  /** What an instance is called in progress messages ("Creating database… 40%"). */
  resourceNoun: string;
  /** Mints the credentials of a new binding. */
  createCredentials(request: CredentialRequest): Record<string, unknown>;
  plans: DemoPlan[];
}

const DRAFT_04 = 'http://json-schema.org/draft-04/schema#';

/** Reads a real-world schema from the repository's `fixtures/schemas/`. */
function fixtureSchema(fileName: string): JsonSchema {
  const url = new URL(`../../../fixtures/schemas/${fileName}`, import.meta.url);
  return JSON.parse(readFileSync(url, 'utf8')) as JsonSchema;
}

/** A random secret fit for demo credentials. */
function secret(bytes = 18): string {
  return randomBytes(bytes).toString('base64url');
}

/** The first block of a GUID, to build readable host names. */
function shortId(id: string): string {
  return (
    id
      .replace(/[^a-zA-Z0-9]/g, '')
      .slice(0, 8)
      .toLowerCase() || 'instance'
  );
}

const apiGatewayCreateSchema = fixtureSchema('meshcloud-docs-example-instance-create.json');

const apiGatewayUpdateSchema: JsonSchema = {
  $schema: DRAFT_04,
  type: 'object',
  properties: {
    securityContact: {
      type: 'string',
      title: 'Security Contact',
      description: 'Who is the security responsible person for this service instance?',
      format: 'email',
    },
    rateLimitPerSecond: {
      type: 'integer',
      title: 'Rate limit (requests per second)',
      description: 'Requests per second the gateway lets through before it answers 429.',
      minimum: 10,
      maximum: 10000,
      default: 100,
    },
  },
};

const apiGateway: DemoService = {
  name: 'api-gateway',
  displayName: 'API Gateway',
  description: 'Publish, secure and meter your HTTP APIs behind a managed gateway.',
  longDescription: [
    '## Managed API Gateway',
    '',
    'Put a hardened gateway in front of your APIs in minutes. Every instance gets its own',
    'endpoint, TLS certificates and a dashboard with live traffic.',
    '',
    '### Features',
    '',
    '- Rate limiting per consumer and per route',
    '- API keys and OAuth 2.0 token validation',
    '- Request logs retained for 30 days',
    '',
    '### Getting started',
    '',
    'Create a binding to receive an API key, then call your API with the header',
    '`X-Api-Key: <key>`. Read the [gateway guide](https://example.com/docs/api-gateway) for',
    'routing rules.',
  ].join('\n'),
  imageUrl: serviceIcons.apiGateway,
  providerDisplayName: 'Demo Cloud Networking',
  tags: ['api', 'gateway', 'networking'],
  bindable: true,
  planUpdateable: true,
  instancesRetrievable: true,
  bindingsRetrievable: true,
  flags: {},
  asyncBindings: false,
  resourceNoun: 'API gateway',
  createCredentials: ({ instanceId }) => ({
    api_url: `https://${shortId(instanceId)}.gateway.demo.example/`,
    api_key: secret(24),
  }),
  plans: [
    {
      name: 'standard',
      displayName: 'Standard',
      description: 'A shared gateway, ready as soon as you order it.',
      bullets: ['Up to 1,000 requests per second', 'Shared infrastructure', 'Ready instantly'],
      free: false,
      costs: [{ amount: { eur: 49 }, unit: 'MONTHLY' }],
      async: false,
      schemas: {
        instanceCreate: apiGatewayCreateSchema,
        instanceUpdate: apiGatewayUpdateSchema,
      },
    },
    {
      name: 'dedicated',
      displayName: 'Dedicated',
      description: 'A dedicated gateway cluster with its own IP addresses.',
      bullets: ['Up to 20,000 requests per second', 'Dedicated nodes and IP addresses', '99.95% availability'],
      free: false,
      costs: [{ amount: { eur: 1.2 }, unit: 'HOURLY' }],
      async: true,
      maximumPollingDuration: 600,
      maintenanceInfo: { version: '2.4.0', description: 'Gateway 2.4 with HTTP/3 support' },
      schemas: {
        instanceCreate: apiGatewayCreateSchema,
        instanceUpdate: apiGatewayUpdateSchema,
      },
    },
  ],
};

/** The zone name both DNS Zone plans ask for. */
const dnsZoneName: JsonSchema = {
  type: 'string',
  title: 'Zone name',
  description: 'The domain this zone answers for, for example `shop.example.com`.',
  pattern: '^([a-z0-9]([a-z0-9-]*[a-z0-9])?\\.)+[a-z]{2,}$',
};

const dnsZone: DemoService = {
  name: 'dns-zone',
  displayName: 'DNS Zone',
  description: 'Authoritative DNS zones on an anycast network, shareable across projects.',
  longDescription: [
    '## DNS Zone',
    '',
    'Host the DNS zone of your domain on our anycast name servers. Share one zone with the',
    'other projects of your workspace so every team can manage its records.',
    '',
    '### What you get',
    '',
    '- Four name servers on three continents',
    '- DNSSEC signing on request',
    '- An API token per binding to manage records',
    '',
    'Delegate your domain to the name servers listed in the binding, for example with',
    '`dig NS example.com`. See [delegating a domain](https://example.com/docs/dns).',
  ].join('\n'),
  imageUrl: serviceIcons.dnsZone,
  providerDisplayName: 'Demo Cloud Networking',
  tags: ['dns', 'networking', 'shareable'],
  bindable: true,
  planUpdateable: true,
  instancesRetrievable: false,
  bindingsRetrievable: false,
  flags: { shareable: true },
  asyncBindings: false,
  resourceNoun: 'DNS zone',
  createCredentials: ({ instanceId }) => ({
    zone_id: shortId(instanceId),
    name_servers: ['ns1.dns.demo.example', 'ns2.dns.demo.example', 'ns3.dns.demo.example', 'ns4.dns.demo.example'],
    api_url: 'https://api.dns.demo.example/v1',
    api_token: secret(),
  }),
  plans: [
    {
      name: 'free',
      displayName: 'Free',
      description: 'One zone with up to 100 records.',
      bullets: ['Up to 100 records', 'Anycast name servers'],
      free: true,
      costs: [],
      async: false,
      schemas: {
        instanceCreate: {
          $schema: DRAFT_04,
          type: 'object',
          properties: {
            zoneName: dnsZoneName,
          },
          required: ['zoneName'],
        },
      },
    },
    {
      name: 'premium',
      displayName: 'Premium',
      description: 'Unlimited records, DNSSEC and query analytics.',
      bullets: ['Unlimited records', 'DNSSEC signing', 'Query analytics'],
      free: false,
      costs: [{ amount: { eur: 0.5 }, unit: 'DAILY' }],
      async: false,
      schemas: {
        instanceCreate: {
          $schema: DRAFT_04,
          type: 'object',
          properties: {
            zoneName: dnsZoneName,
            dnssec: { type: 'boolean', title: 'Sign with DNSSEC', default: true },
          },
          required: ['zoneName'],
        },
      },
    },
  ],
};

const cdnCachingProfile: JsonSchema = {
  type: 'string',
  title: 'Caching profile',
  description: 'How long edge servers keep responses.',
  default: 'standard',
  oneOf: [
    { title: 'Standard (honour Cache-Control)', enum: ['standard'] },
    { title: 'Aggressive (cache for 24 hours)', enum: ['aggressive'] },
    { title: 'Bypass (no caching)', enum: ['bypass'] },
  ],
};

const cdnOriginUrl: JsonSchema = {
  type: 'string',
  title: 'Origin URL',
  description: 'Where the CDN fetches content it has not cached yet.',
  pattern: '^https?://',
};

/** Both CDN plans change only the caching profile. */
const cdnUpdateSchema: JsonSchema = {
  $schema: DRAFT_04,
  type: 'object',
  properties: { cachingProfile: cdnCachingProfile },
};

const cdn: DemoService = {
  name: 'cdn',
  displayName: 'CDN',
  description: 'Deliver static assets and media from 120 edge locations worldwide.',
  longDescription: [
    '## Content Delivery Network',
    '',
    'Serve your static files, images and videos from edge locations close to your users.',
    'Provisioning a distribution takes a moment while it is rolled out to every edge.',
    '',
    '### Highlights',
    '',
    '1. Automatic TLS for your custom domain',
    '2. Instant purge of cached files',
    '3. HTTP/3 and Brotli compression',
    '',
    'Purge a file with `POST /purge` or read the [CDN handbook](https://example.com/docs/cdn).',
  ].join('\n'),
  imageUrl: serviceIcons.cdn,
  providerDisplayName: 'Demo Cloud Edge',
  tags: ['cdn', 'caching', 'edge'],
  bindable: false,
  planUpdateable: true,
  instancesRetrievable: true,
  bindingsRetrievable: false,
  flags: {},
  asyncBindings: false,
  resourceNoun: 'CDN distribution',
  createCredentials: () => ({}),
  plans: [
    {
      name: 'pay-as-you-go',
      displayName: 'Pay as you go',
      description: 'Pay only for the requests your distribution serves.',
      bullets: ['No monthly fee', 'Billed per 1,000 requests', 'All edge locations'],
      free: false,
      costs: [{ amount: { eur: 0.08 }, unit: 'PER 1000 REQUESTS' }],
      async: true,
      maximumPollingDuration: 300,
      schemas: {
        instanceCreate: {
          $schema: DRAFT_04,
          type: 'object',
          properties: {
            originUrl: cdnOriginUrl,
            cachingProfile: cdnCachingProfile,
          },
          required: ['originUrl'],
        },
        instanceUpdate: cdnUpdateSchema,
      },
    },
    {
      name: 'flat-rate',
      displayName: 'Flat rate',
      description: 'Unlimited traffic for a yearly fee after a one-off setup.',
      bullets: ['Unlimited requests', 'Custom TLS certificates', 'Priority support'],
      free: false,
      costs: [
        { amount: { eur: 99 }, unit: 'SETUP FEE' },
        { amount: { eur: 1490 }, unit: 'YEARLY' },
      ],
      async: true,
      maximumPollingDuration: 300,
      maintenanceInfo: { version: '1.8.2', description: 'Edge software 1.8 with Brotli level 11' },
      schemas: {
        instanceCreate: {
          $schema: DRAFT_04,
          type: 'object',
          properties: {
            originUrl: cdnOriginUrl,
            cachingProfile: cdnCachingProfile,
            customDomain: {
              type: 'string',
              title: 'Custom domain',
              description: 'For example `cdn.shop.example.com`.',
            },
          },
          required: ['originUrl'],
        },
        instanceUpdate: cdnUpdateSchema,
      },
    },
  ],
};

const backup: DemoService = {
  name: 'backup',
  displayName: 'Backup',
  description: 'Policy-based backups of the cloud tenants of your project.',
  longDescription: [
    '## Backup',
    '',
    'Protect the virtual machines and volumes in your cloud tenants with scheduled backups.',
    'Bind the service to a **tenant** of your project to include it in the backup policy.',
    '',
    '### How it works',
    '',
    '- Create one backup instance per project',
    '- Add tenants by creating tenant bindings',
    '- Restore from the backup console linked in each binding',
    '',
    'Backups run at `02:00 UTC` by default. More in the [backup guide](https://example.com/docs/backup).',
  ].join('\n'),
  imageUrl: serviceIcons.backup,
  providerDisplayName: 'Demo Cloud Data Protection',
  tags: ['backup', 'tenant-aware'],
  bindable: true,
  planUpdateable: false,
  instancesRetrievable: false,
  bindingsRetrievable: false,
  flags: { tenantAware: true },
  asyncBindings: false,
  resourceNoun: 'backup policy',
  createCredentials: ({ instanceId, bindResource, publicUrl }) => ({
    backup_console_url:
      `${publicUrl}/dashboard/${encodeURIComponent(instanceId)}` +
      (typeof bindResource?.['tenant_id'] === 'string'
        ? `?tenant=${encodeURIComponent(bindResource['tenant_id'])}`
        : ''),
  }),
  plans: [
    {
      name: 'standard',
      displayName: 'Standard',
      description: 'Daily backups kept on fast storage, billed by stored volume.',
      bullets: ['Daily backups', 'Restores within minutes', 'Billed per GB stored'],
      free: false,
      costs: [{ amount: { eur: 0.05 }, unit: 'GB' }],
      async: false,
      schemas: {
        instanceCreate: {
          $schema: DRAFT_04,
          type: 'object',
          properties: {
            retentionDays: {
              type: 'integer',
              title: 'Retention (days)',
              description: 'How long backups are kept.',
              minimum: 7,
              maximum: 365,
              default: 30,
            },
          },
        },
      },
    },
    {
      name: 'archive',
      displayName: 'Archive',
      description: 'Weekly backups on cold storage, billed by the megabyte.',
      bullets: ['Weekly backups', 'Restores within 12 hours', 'Billed per MB stored'],
      free: false,
      costs: [{ amount: { eur: 0.00002 }, unit: 'MB' }],
      async: false,
    },
  ],
};

const secretsVault: DemoService = {
  name: 'secrets-vault',
  displayName: 'Secrets Vault',
  description: 'A managed vault for application secrets; credentials are shown only once.',
  longDescription: [
    '## Secrets Vault',
    '',
    'Keep passwords, keys and certificates out of your code. This is a **sensitive** service:',
    'the marketplace never stores its credentials and offers them for download only once,',
    'right after you create a binding.',
    '',
    '### Good to know',
    '',
    '- Store the downloaded token in your CI secret store',
    '- Lost the token? Delete the binding and create a new one',
    '',
    'Read a secret with `vault kv get secret/app`. See the [vault guide](https://example.com/docs/vault).',
  ].join('\n'),
  providerDisplayName: 'Demo Cloud Security',
  tags: ['security', 'secrets', 'sensitive'],
  bindable: true,
  planUpdateable: false,
  instancesRetrievable: false,
  bindingsRetrievable: false,
  bindingRotatable: true,
  flags: { sensitive: true },
  asyncBindings: false,
  resourceNoun: 'vault',
  createCredentials: ({ instanceId }) => ({
    vault_url: `https://${shortId(instanceId)}.vault.demo.example:8200`,
    token: `hvs.${secret(24)}`,
  }),
  plans: [
    {
      name: 'standard',
      displayName: 'Standard',
      description: 'A vault with up to 1,000 secrets.',
      bullets: ['Up to 1,000 secrets', 'Audit log', 'Credentials shown once'],
      free: false,
      costs: [{ amount: { eur: 15 }, unit: 'MONTHLY' }],
      async: false,
    },
  ],
};

const postgresqlBindingSchema: JsonSchema = {
  $schema: DRAFT_04,
  type: 'object',
  properties: {
    readOnly: {
      type: 'boolean',
      title: 'Read-only user',
      description: 'Create a user that can only read data.',
      default: false,
    },
  },
};

/** The update form of the admin-user plan: a new administrator password (secret) and the comment. */
const postgresqlAdminUpdateSchema: JsonSchema = {
  $schema: DRAFT_04,
  type: 'object',
  properties: {
    adminPassword: {
      type: 'string',
      title: 'Administrator password',
      description: 'At least 12 characters. Leave empty to keep the current one.',
      format: 'password',
      minLength: 12,
    },
    comment: { type: 'string', title: 'Comment' },
  },
};

const postgresql: DemoService = {
  name: 'postgresql',
  displayName: 'PostgreSQL',
  description: 'Managed PostgreSQL databases with automatic backups and failover.',
  longDescription: [
    '## Managed PostgreSQL',
    '',
    'A fully managed PostgreSQL server in this location. We take care of patches, backups',
    'and failover so you can focus on your schema.',
    '',
    '### Included',
    '',
    '- Point-in-time recovery for the retention period you choose',
    '- Encrypted storage and TLS connections',
    '- A separate database user per binding',
    '',
    '### Connect',
    '',
    'Each binding returns a connection URI; try `psql "$DATABASE_URL"`. See the',
    '[PostgreSQL documentation](https://www.postgresql.org/docs/) for SQL reference.',
  ].join('\n'),
  imageUrl: serviceIcons.postgresql,
  providerDisplayName: 'Demo Cloud Databases',
  tags: ['database', 'sql', 'postgresql'],
  bindable: true,
  planUpdateable: true,
  instancesRetrievable: true,
  bindingsRetrievable: true,
  flags: {},
  asyncBindings: true,
  resourceNoun: 'database',
  createCredentials: ({ instanceId, bindingId, locationId, parameters }) => {
    const host = `pg-${shortId(instanceId)}.${locationId ?? 'global'}.db.demo.example`;
    const database = `db_${shortId(instanceId)}`;
    const username = `${parameters['readOnly'] === true ? 'ro' : 'u'}_${shortId(bindingId)}`;
    const password = secret();
    return {
      host,
      port: 5432,
      database,
      username,
      password,
      uri: `postgresql://${username}:${password}@${host}:5432/${database}?sslmode=require`,
    };
  },
  plans: [
    {
      name: 'general-purpose',
      displayName: 'General Purpose',
      description: 'Dedicated vCores and up to 2 TB of storage for production workloads.',
      bullets: ['2 to 32 vCores', 'Up to 2 TB storage', 'Geo-redundant backups available'],
      free: false,
      costs: [{ amount: { eur: 0.35 }, unit: 'HOURLY' }],
      async: true,
      maximumPollingDuration: 900,
      maintenanceInfo: { version: '16.4.0', description: 'PostgreSQL 16.4 with the latest security fixes' },
      schemas: {
        instanceCreate: fixtureSchema('osba-postgresql-10-general-purpose-instance-create.json'),
        instanceUpdate: fixtureSchema('osba-postgresql-10-general-purpose-instance-update.json'),
        bindingCreate: postgresqlBindingSchema,
      },
    },
    {
      name: 'hobby',
      displayName: 'Hobby',
      description: 'A small shared database for development and tests.',
      bullets: ['Shared vCPU', 'Up to 10 GB storage', 'No backups'],
      free: true,
      costs: [],
      async: true,
      maximumPollingDuration: 600,
      schemas: {
        instanceCreate: {
          $schema: DRAFT_04,
          type: 'object',
          properties: {
            databaseName: {
              type: 'string',
              title: 'Database name',
              description: 'Lower-case letters, digits and underscores.',
              pattern: '^[a-z][a-z0-9_]{2,62}$',
              default: 'app',
            },
            storageGb: { type: 'integer', title: 'Storage (GB)', minimum: 1, maximum: 10, default: 5 },
          },
        },
        bindingCreate: postgresqlBindingSchema,
      },
    },
    {
      name: 'admin-user',
      displayName: 'Admin User',
      description: 'A small database with an administrator account whose password you choose.',
      bullets: ['Shared vCPU', 'Your own administrator password', 'Up to 20 GB storage'],
      free: false,
      costs: [{ amount: { eur: 0.05 }, unit: 'HOURLY' }],
      async: false,
      schemas: {
        // Served as draft-04, which OSB brokers declare; `writeOnly` is read as an annotation.
        instanceCreate: {
          ...fixtureSchema('marketplace-database-user-secret-instance-create.json'),
          $schema: DRAFT_04,
        },
        instanceUpdate: postgresqlAdminUpdateSchema,
        bindingCreate: postgresqlBindingSchema,
      },
    },
  ],
};

const objectStorageCreateSchema: JsonSchema = {
  $schema: DRAFT_04,
  type: 'object',
  properties: {
    bucketName: {
      type: 'string',
      title: 'Bucket name',
      description: '3 to 63 lower-case letters, digits and dashes.',
      pattern: '^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$',
    },
    versioning: { type: 'boolean', title: 'Keep old versions of objects', default: false },
  },
  required: ['bucketName'],
};

const objectStorageBindingSchema = fixtureSchema('gcp-cloud-storage-binding-create.json');

const objectStorage: DemoService = {
  name: 'object-storage',
  displayName: 'Object Storage',
  description: 'S3-compatible buckets with access keys that expire automatically.',
  longDescription: [
    '## Object Storage',
    '',
    'S3-compatible buckets stored in this location only. Access keys are issued per binding',
    'and **expire** after the number of days of the plan, so credentials roll regularly.',
    '',
    '### Features',
    '',
    '- Works with every S3 client',
    '- Optional object versioning',
    '- Roles from read-only to full control',
    '',
    'Upload with `aws s3 cp file.txt s3://<bucket>/`. See the [S3 API reference](https://docs.aws.amazon.com/s3/).',
  ].join('\n'),
  imageUrl: serviceIcons.objectStorage,
  providerDisplayName: 'Demo Cloud Storage',
  tags: ['storage', 's3', 'object-storage'],
  bindable: true,
  planUpdateable: false,
  instancesRetrievable: false,
  bindingsRetrievable: false,
  bindingRotatable: true,
  flags: {},
  asyncBindings: false,
  resourceNoun: 'bucket',
  createCredentials: ({ instanceId, locationId, parameters }) => ({
    endpoint: `https://s3.${locationId ?? 'global'}.storage.demo.example`,
    bucket: `bucket-${shortId(instanceId)}`,
    role: parameters['role'],
    access_key_id: randomBytes(10).toString('hex').toUpperCase(),
    secret_access_key: secret(30),
  }),
  plans: [
    {
      name: 'standard',
      displayName: 'Standard',
      description: 'Hot storage; access keys expire after 30 days.',
      bullets: ['Replicated within the location', 'Access keys valid for 30 days', 'Billed per GB stored'],
      free: false,
      costs: [{ amount: { eur: 0.02 }, unit: 'GB' }],
      async: false,
      expiryDays: 30,
      schemas: {
        instanceCreate: objectStorageCreateSchema,
        bindingCreate: objectStorageBindingSchema,
      },
    },
    {
      name: 'short-lived',
      displayName: 'Short-lived keys',
      description: 'For CI pipelines: access keys expire after 7 days.',
      bullets: ['Access keys valid for 7 days', 'Billed per GB stored'],
      free: false,
      costs: [{ amount: { eur: 0.025 }, unit: 'GB' }],
      async: false,
      expiryDays: 7,
      schemas: {
        instanceCreate: objectStorageCreateSchema,
        bindingCreate: objectStorageBindingSchema,
      },
    },
  ],
};

const redisCreateSchema = fixtureSchema('gcp-google-redis-instance-create.json');

const redis: DemoService = {
  name: 'redis',
  displayName: 'Redis',
  description: 'In-memory Redis caches for sessions, queues and leaderboards.',
  longDescription: [
    '## Redis',
    '',
    'A managed Redis instance for caching and messaging, reachable from the networks of this',
    'location.',
    '',
    '### Plans at a glance',
    '',
    '- **Basic**: a single node, ideal for caches',
    '- **Standard HA**: a replica in a second zone with automatic failover',
    '',
    'Test the connection with `redis-cli -u "$REDIS_URL" PING`. Commands are listed in the',
    '[Redis reference](https://redis.io/docs/latest/commands/).',
  ].join('\n'),
  imageUrl: serviceIcons.redis,
  providerDisplayName: 'Demo Cloud Databases',
  tags: ['cache', 'redis', 'key-value'],
  bindable: true,
  planUpdateable: true,
  instancesRetrievable: false,
  bindingsRetrievable: false,
  flags: {},
  asyncBindings: false,
  resourceNoun: 'cache',
  createCredentials: ({ instanceId, locationId }) => {
    const host = `redis-${shortId(instanceId)}.${locationId ?? 'global'}.cache.demo.example`;
    const password = secret();
    return { host, port: 6380, password, uri: `rediss://:${password}@${host}:6380/0` };
  },
  plans: [
    {
      name: 'basic',
      displayName: 'Basic',
      description: 'A single Redis node.',
      bullets: ['1 to 300 GB memory', 'Single zone'],
      free: false,
      costs: [{ amount: { eur: 3.5 }, unit: 'WEEKLY' }],
      async: false,
      schemas: { instanceCreate: redisCreateSchema },
    },
    {
      name: 'standard-ha',
      displayName: 'Standard HA',
      description: 'A primary and a replica in two zones with automatic failover.',
      bullets: ['Replica in a second zone', 'Automatic failover', '99.9% availability'],
      free: false,
      costs: [{ amount: { eur: 0.09 }, unit: 'HOURLY' }],
      async: false,
      maintenanceInfo: { version: '7.2.4', description: 'Redis 7.2.4' },
      schemas: { instanceCreate: redisCreateSchema },
    },
  ],
};

/** Services of the global broker (`/global`). */
export const globalServices: readonly DemoService[] = [apiGateway, dnsZone, cdn, backup, secretsVault];

/** Services of every location's broker (`/locations/<locationId>`). */
export const localServices: readonly DemoService[] = [postgresql, objectStorage, redis];
