/**
 * Reads the YAML configuration, validates it and applies defaults and environment overrides.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';
import { parse } from 'yaml';
import { Value } from 'typebox/value';
import { ConfigFileSchema, type ConfigFile } from './config-schema.ts';
import type { MarketplaceConfig } from './config.ts';

/** The configuration used when MARKETPLACE_CONFIG is not set. */
export const DEFAULT_CONFIG_PATH = fileURLToPath(new URL('../../config/demo.yaml', import.meta.url));

/** A configuration that cannot be used; the message names the file, the key and the reason. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/** Environment variables that override the file. */
export interface ConfigEnvironment {
  MARKETPLACE_CONFIG?: string;
  DATABASE_URL?: string;
  MARKETPLACE_DATA_DIR?: string;
  PORT?: string;
}

/**
 * Loads the configuration from `MARKETPLACE_CONFIG` (or the demo file), validates it and applies
 * the `DATABASE_URL`, `MARKETPLACE_DATA_DIR` and `PORT` overrides. Throws a `ConfigError`.
 */
export function loadConfig(env: ConfigEnvironment = process.env, cwd = process.cwd()): MarketplaceConfig {
  const path = resolve(cwd, env.MARKETPLACE_CONFIG || DEFAULT_CONFIG_PATH);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new ConfigError(`Cannot read the configuration file ${path}: ${(error as Error).message}`);
  }
  let document: unknown;
  try {
    document = parse(text);
  } catch (error) {
    throw new ConfigError(`The configuration file ${path} is not valid YAML: ${(error as Error).message}`);
  }
  return parseConfig(document, path, env, cwd);
}

/** Validates an already parsed configuration document; `source` names it in error messages. */
export function parseConfig(
  document: unknown,
  source: string,
  env: ConfigEnvironment = {},
  cwd = process.cwd(),
): MarketplaceConfig {
  if (!Value.Check(ConfigFileSchema, document)) {
    const problems = Value.Errors(ConfigFileSchema, document)
      .filter((error) => error.keyword !== 'boolean' && error.keyword !== 'anyOf')
      .slice(0, 10)
      .map((error) => `  ${formatPath(error.instancePath)}: ${describeError(error)}`);
    throw new ConfigError(`The configuration file ${source} is invalid:\n${[...new Set(problems)].join('\n')}`);
  }
  const file = document as ConfigFile;
  const config = applyDefaults(file, env, cwd);
  const problems = crossReferenceProblems(config);
  if (problems.length > 0) {
    throw new ConfigError(`The configuration file ${source} is invalid:\n${problems.map((p) => `  ${p}`).join('\n')}`);
  }
  return config;
}

function applyDefaults(file: ConfigFile, env: ConfigEnvironment, cwd: string): MarketplaceConfig {
  const port = env.PORT !== undefined && env.PORT !== '' ? parsePort(env.PORT) : (file.server.port ?? 8080);
  const dataDir = resolve(cwd, env.MARKETPLACE_DATA_DIR || file.database?.dataDir || './data');
  const issuer = file.auth.issuer.replace(/\/+$/, '');
  return {
    server: { host: file.server.host ?? '127.0.0.1', port, publicUrl: file.server.publicUrl.replace(/\/+$/, '') },
    database: {
      url: env.DATABASE_URL || file.database?.url,
      dataDir,
      ...(file.database?.poolSize !== undefined ? { poolSize: file.database.poolSize } : {}),
      ...(file.database?.schema !== undefined ? { schema: file.database.schema } : {}),
    },
    auth: {
      issuer,
      clientId: file.auth.clientId,
      audience: file.auth.audience,
      usernameClaim: file.auth.usernameClaim ?? 'sub',
      projectsClaim: file.auth.projectsClaim,
      acceptedClients: (file.auth.acceptedClients ?? []).map((client) => ({
        clientId: client.clientId,
        ...(client.issuer ? { issuer: client.issuer.replace(/\/+$/, '') } : {}),
        ...(client.audience ? { audience: client.audience } : {}),
      })),
      devProvider: file.auth.devProvider ?? false,
      devProviderOnAnyAddress: file.auth.devProviderOnAnyAddress ?? false,
    },
    embedding: {
      allowedOrigins: file.embedding?.allowedOrigins ?? [],
      demoPortal: {
        enabled: file.embedding?.demoPortal?.enabled ?? false,
        clientId: file.embedding?.demoPortal?.clientId ?? 'osb-demo-portal',
      },
    },
    demoBroker: {
      enabled: file.demoBroker?.enabled ?? false,
      host: file.demoBroker?.host ?? '127.0.0.1',
      port: file.demoBroker?.port ?? 8090,
      username: file.demoBroker?.username ?? '',
      password: file.demoBroker?.password ?? '',
    },
    catalog: {
      refreshIntervalSeconds: file.catalog?.refreshIntervalSeconds ?? 300,
      requestTimeoutSeconds: file.catalog?.requestTimeoutSeconds ?? 10,
      retryInitialDelaySeconds: file.catalog?.retryInitialDelaySeconds ?? 2,
      retryMaxDelaySeconds: file.catalog?.retryMaxDelaySeconds ?? 60,
      imageHosts: (file.catalog?.imageHosts ?? []).map((host) => host.toLowerCase()),
    },
    credentials: file.credentials?.keyFile
      ? { keyFile: resolve(cwd, file.credentials.keyFile), createIfMissing: false }
      : { keyFile: resolve(dataDir, 'credentials.key'), createIfMissing: true },
    expiry: {
      warningDays: file.expiry?.warningDays ?? 7,
      checkIntervalSeconds: file.expiry?.checkIntervalSeconds ?? 3600,
    },
    operations: {
      leaseSeconds: file.operations?.leaseSeconds ?? 30,
      sweepIntervalSeconds: file.operations?.sweepIntervalSeconds ?? 5,
      pollIntervalSeconds: file.operations?.pollIntervalSeconds ?? 2,
      maxPollIntervalSeconds: file.operations?.maxPollIntervalSeconds ?? 30,
      shutdownGraceSeconds: file.operations?.shutdownGraceSeconds ?? 0,
    },
    ui: { productName: file.ui?.productName ?? 'OSB Marketplace', primaryColor: file.ui?.primaryColor },
    locations: file.locations,
    brokers: file.brokers.map((broker) => ({
      ...broker,
      url: broker.url.replace(/\/+$/, ''),
      locality:
        broker.locality === 'global'
          ? { kind: 'global' as const }
          : { kind: 'local' as const, locationId: broker.locality.location },
    })),
    workspaces: file.workspaces,
    projects: file.projects.map((project) => ({ ...project, tenants: project.tenants ?? [] })),
    users: file.users,
  };
}

function crossReferenceProblems(config: MarketplaceConfig): string[] {
  const problems: string[] = [];
  const locationIds = new Set(config.locations.map((location) => location.id));
  const workspaceIds = new Set(config.workspaces.map((workspace) => workspace.id));
  const userIds = new Set(config.users.map((user) => user.id));
  for (const [kind, items] of Object.entries({
    locations: config.locations,
    brokers: config.brokers,
    workspaces: config.workspaces,
    projects: config.projects,
    users: config.users,
  })) {
    const seen = new Set<string>();
    items.forEach((item, index) => {
      if (seen.has(item.id)) problems.push(`${kind}[${index}].id: '${item.id}' is used twice`);
      seen.add(item.id);
    });
  }
  config.brokers.forEach((broker, index) => {
    if (broker.locality.kind === 'local' && !locationIds.has(broker.locality.locationId)) {
      problems.push(
        `brokers[${index}].locality.location: '${broker.locality.locationId}' is not a configured location`,
      );
    }
  });
  config.projects.forEach((project, index) => {
    if (!workspaceIds.has(project.workspaceId)) {
      problems.push(`projects[${index}].workspaceId: '${project.workspaceId}' is not a configured workspace`);
    }
    project.members.forEach((member, memberIndex) => {
      if (!userIds.has(member))
        problems.push(`projects[${index}].members[${memberIndex}]: '${member}' is not a configured user`);
    });
    project.tenants.forEach((tenant, tenantIndex) => {
      if (!locationIds.has(tenant.locationId)) {
        problems.push(
          `projects[${index}].tenants[${tenantIndex}].locationId: '${tenant.locationId}' is not a configured location`,
        );
      }
    });
  });
  if (config.demoBroker.enabled && (!config.demoBroker.username || !config.demoBroker.password)) {
    problems.push('demoBroker: username and password are required when enabled');
  }
  if (config.auth.devProvider && !config.auth.devProviderOnAnyAddress && !isLoopback(config.server.host)) {
    problems.push(
      `auth.devProvider: the development OpenID provider signs anyone in with the demo passwords, so it runs only on a ` +
        `loopback address (server.host 127.0.0.1, ::1 or localhost), not on '${config.server.host}'. Use a real OpenID ` +
        'provider, or set auth.devProviderOnAnyAddress: true to force it.',
    );
  }
  if (config.auth.devProvider) {
    config.users.forEach((user, index) => {
      if (!user.password) problems.push(`users[${index}].password: required when auth.devProvider is true`);
    });
  }
  return problems;
}

/** Whether a listen address only accepts connections from this machine. */
function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host);
}

function parsePort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new ConfigError(`The environment variable PORT must be a port number (0-65535), not '${value}'`);
  }
  return port;
}

function formatPath(instancePath: string): string {
  if (!instancePath) return '(top level)';
  return instancePath
    .slice(1)
    .split('/')
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce((path, part) => (/^\d+$/.test(part) ? `${path}[${part}]` : path ? `${path}.${part}` : part), '');
}

function describeError(error: { keyword: string; message: string; params: Record<string, unknown> }): string {
  switch (error.keyword) {
    case 'required':
      return `missing ${(error.params['requiredProperties'] as string[]).map((name) => `'${name}'`).join(', ')}`;
    case 'additionalProperties':
      return `unknown key ${(error.params['additionalProperties'] as string[]).map((name) => `'${name}'`).join(', ')}`;
    case 'pattern':
      return `has the wrong format (expected to match ${String(error.params['pattern'])})`;
    default:
      return error.message;
  }
}
