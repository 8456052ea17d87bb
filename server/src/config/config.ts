/**
 * The platform's configuration after defaults and environment overrides: what the rest of the
 * server reads. `loadConfig` builds it from a YAML file.
 */
import type { Locality } from '@osb/api';
import type { AcceptedClient } from '../auth/token-verifier.ts';

/** A configured OSB broker. */
export interface BrokerConfig {
  id: string;
  displayName: string;
  /** Base URL of the broker's OSB API (the catalog is at `<url>/v2/catalog`). */
  url: string;
  username: string;
  password: string;
  locality: Locality;
  /** How long this broker may take to answer one request, catalog and lifecycle requests alike (default: `catalog.requestTimeoutSeconds`). */
  requestTimeoutSeconds?: number;
}

/** A configured user; `password` is only used by the development OpenID provider. */
export interface UserConfig {
  id: string;
  displayName: string;
  email?: string;
  euid?: string;
  password?: string;
}

/** A configured project with its members and tenants. */
export interface ProjectConfig {
  id: string;
  displayName: string;
  workspaceId: string;
  members: string[];
  tenants: { id: string; locationId: string; platform: string }[];
}

/** Background work on operations, shared by all replicas on one database (see docs/deployment.md). */
export interface OperationsConfig {
  /** How long a replica's claim on an operation lasts unless renewed: a dead replica's work moves on after this. */
  leaseSeconds: number;
  /** How often each replica looks for due work whose lease is free or expired. */
  sweepIntervalSeconds: number;
  /** The first delay between polls of an asynchronous operation (the backoff starts here). */
  pollIntervalSeconds: number;
  /** The longest delay between polls without a `Retry-After`. */
  maxPollIntervalSeconds: number;
  /**
   * How long a stopping replica keeps serving while its readiness answers 503, so that the load
   * balancer stops sending it requests, before it stops its work and hands back its leases.
   */
  shutdownGraceSeconds: number;
}

/** The whole, validated configuration. */
export interface MarketplaceConfig {
  server: { host: string; port: number; publicUrl: string };
  /**
   * `url` selects PostgreSQL (with `poolSize` connections, tables in `schema`); without it the
   * embedded PGlite keeps its data in `dataDir`.
   */
  database: { url?: string; dataDir: string; poolSize?: number; schema?: string };
  auth: {
    issuer: string;
    clientId: string;
    audience?: string;
    usernameClaim: string;
    /** The access-token claim with the user's project ids; when set it decides project membership. */
    projectsClaim?: string;
    /**
     * The clients of host portals whose access tokens the API accepts besides the UI's own; an
     * entry without `issuer` or `audience` takes those of `auth` (see `acceptedClientsOf`).
     */
    acceptedClients: (Omit<AcceptedClient, 'issuer'> & { issuer?: string })[];
    devProvider: boolean;
    /** Lets the development provider run on a non-loopback address (never in production). */
    devProviderOnAnyAddress: boolean;
  };
  /** Host pages that embed the marketplace element. */
  embedding: {
    /** Origins whose pages may call the API from the browser (CORS). */
    allowedOrigins: string[];
    /** The demo host portal at /portal, with its own client at the development OpenID provider. */
    demoPortal: { enabled: boolean; clientId: string };
  };
  demoBroker: { enabled: boolean; host: string; port: number; username: string; password: string };
  catalog: {
    refreshIntervalSeconds: number;
    requestTimeoutSeconds: number;
    /**
     * A broker whose catalog could not be fetched (down, timed out, 5xx) is asked again after this
     * delay, doubled after each failed retry up to `retryMaxDelaySeconds`, until it answers.
     */
    retryInitialDelaySeconds: number;
    retryMaxDelaySeconds: number;
    /** Hosts the UI loads broker images (icons, markdown) from, besides its own origin and `data:` images. */
    imageHosts: string[];
  };
  /**
   * The AES-256 key that encrypts stored binding credentials: `keyFile` holds it in base64.
   * `createIfMissing` (no file configured: `<dataDir>/credentials.key`) makes one on first start.
   */
  credentials: { keyFile: string; createIfMissing: boolean };
  /** Expiring bindings: warn this many days ahead; look for expired bindings every `checkIntervalSeconds`. */
  expiry: { warningDays: number; checkIntervalSeconds: number };
  /** Background work on operations, shared by all replicas on one database. */
  operations: OperationsConfig;
  ui: { productName: string; primaryColor?: string };
  locations: { id: string; displayName: string }[];
  brokers: BrokerConfig[];
  workspaces: { id: string; displayName: string }[];
  projects: ProjectConfig[];
  users: UserConfig[];
}
