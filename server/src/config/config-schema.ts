/**
 * The TypeBox schema of the YAML configuration file. docs/configuration.md describes every key.
 */
import Type, { type Static } from 'typebox';

const NonEmpty = Type.String({ minLength: 1 });
const Identifier = Type.String({ minLength: 1, pattern: '^[A-Za-z0-9][A-Za-z0-9._-]*$' });
const HttpUrl = Type.String({ pattern: '^https?://[^\\s]+$' });
/** A host name with an optional port (`cdn.example.com`, `images.example.com:8443`), or `*.` and a domain for all its subdomains. */
const ImageHost = Type.String({
  pattern:
    '^(\\*\\.)?[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*(:[0-9]{1,5})?$',
});
const Port = Type.Integer({ minimum: 0, maximum: 65535 });

/** Where a broker's services are offered: everywhere, or in one configured location. */
export const BrokerLocalitySchema = Type.Union([
  Type.Literal('global'),
  Type.Object({ location: Identifier }, { additionalProperties: false }),
]);

/** The configuration file as written (before defaults and environment overrides). */
export const ConfigFileSchema = Type.Object(
  {
    server: Type.Object(
      {
        host: Type.Optional(NonEmpty),
        port: Type.Optional(Port),
        publicUrl: HttpUrl,
      },
      { additionalProperties: false },
    ),
    database: Type.Optional(
      Type.Object(
        {
          url: Type.Optional(Type.String({ pattern: '^postgres(ql)?://' })),
          dataDir: Type.Optional(NonEmpty),
          poolSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })),
          schema: Type.Optional(Type.String({ pattern: '^[a-z_][a-z0-9_]*$' })),
        },
        { additionalProperties: false },
      ),
    ),
    auth: Type.Object(
      {
        issuer: HttpUrl,
        clientId: NonEmpty,
        audience: Type.Optional(NonEmpty),
        usernameClaim: Type.Optional(NonEmpty),
        projectsClaim: Type.Optional(NonEmpty),
        acceptedClients: Type.Optional(
          Type.Array(
            Type.Object(
              { clientId: NonEmpty, issuer: Type.Optional(HttpUrl), audience: Type.Optional(NonEmpty) },
              { additionalProperties: false },
            ),
          ),
        ),
        devProvider: Type.Optional(Type.Boolean()),
        devProviderOnAnyAddress: Type.Optional(Type.Boolean()),
      },
      { additionalProperties: false },
    ),
    embedding: Type.Optional(
      Type.Object(
        {
          allowedOrigins: Type.Optional(Type.Array(Type.String({ pattern: '^https?://[^/\\s]+$' }))),
          demoPortal: Type.Optional(
            Type.Object(
              { enabled: Type.Boolean(), clientId: Type.Optional(NonEmpty) },
              { additionalProperties: false },
            ),
          ),
        },
        { additionalProperties: false },
      ),
    ),
    demoBroker: Type.Optional(
      Type.Object(
        {
          enabled: Type.Boolean(),
          host: Type.Optional(NonEmpty),
          port: Type.Optional(Port),
          username: NonEmpty,
          password: NonEmpty,
        },
        { additionalProperties: false },
      ),
    ),
    catalog: Type.Optional(
      Type.Object(
        {
          refreshIntervalSeconds: Type.Optional(Type.Integer({ minimum: 1 })),
          requestTimeoutSeconds: Type.Optional(Type.Number({ exclusiveMinimum: 0 })),
          retryInitialDelaySeconds: Type.Optional(Type.Number({ exclusiveMinimum: 0 })),
          retryMaxDelaySeconds: Type.Optional(Type.Number({ exclusiveMinimum: 0 })),
          imageHosts: Type.Optional(Type.Array(ImageHost, { uniqueItems: true })),
        },
        { additionalProperties: false },
      ),
    ),
    credentials: Type.Optional(
      Type.Object(
        {
          keyFile: Type.Optional(NonEmpty),
        },
        { additionalProperties: false },
      ),
    ),
    expiry: Type.Optional(
      Type.Object(
        {
          warningDays: Type.Optional(Type.Integer({ minimum: 0 })),
          checkIntervalSeconds: Type.Optional(Type.Integer({ minimum: 1 })),
        },
        { additionalProperties: false },
      ),
    ),
    operations: Type.Optional(
      Type.Object(
        {
          leaseSeconds: Type.Optional(Type.Number({ exclusiveMinimum: 0 })),
          sweepIntervalSeconds: Type.Optional(Type.Number({ exclusiveMinimum: 0 })),
          pollIntervalSeconds: Type.Optional(Type.Number({ exclusiveMinimum: 0 })),
          maxPollIntervalSeconds: Type.Optional(Type.Number({ exclusiveMinimum: 0 })),
          shutdownGraceSeconds: Type.Optional(Type.Number({ minimum: 0 })),
        },
        { additionalProperties: false },
      ),
    ),
    ui: Type.Optional(
      Type.Object(
        {
          productName: Type.Optional(NonEmpty),
          primaryColor: Type.Optional(NonEmpty),
        },
        { additionalProperties: false },
      ),
    ),
    locations: Type.Array(Type.Object({ id: Identifier, displayName: NonEmpty }, { additionalProperties: false })),
    brokers: Type.Array(
      Type.Object(
        {
          id: Identifier,
          displayName: NonEmpty,
          url: HttpUrl,
          username: NonEmpty,
          password: NonEmpty,
          locality: BrokerLocalitySchema,
          requestTimeoutSeconds: Type.Optional(Type.Number({ exclusiveMinimum: 0 })),
        },
        { additionalProperties: false },
      ),
    ),
    workspaces: Type.Array(Type.Object({ id: Identifier, displayName: NonEmpty }, { additionalProperties: false })),
    projects: Type.Array(
      Type.Object(
        {
          id: Identifier,
          displayName: NonEmpty,
          workspaceId: Identifier,
          members: Type.Array(NonEmpty),
          tenants: Type.Optional(
            Type.Array(
              Type.Object(
                { id: NonEmpty, locationId: Identifier, platform: NonEmpty },
                { additionalProperties: false },
              ),
            ),
          ),
        },
        { additionalProperties: false },
      ),
    ),
    users: Type.Array(
      Type.Object(
        {
          id: NonEmpty,
          displayName: NonEmpty,
          email: Type.Optional(NonEmpty),
          euid: Type.Optional(NonEmpty),
          password: Type.Optional(NonEmpty),
        },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);

/** The configuration file as written. */
export type ConfigFile = Static<typeof ConfigFileSchema>;
