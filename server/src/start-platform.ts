/**
 * Runs the platform the way `npm start` does: listens first (answering 503 while starting),
 * starts the demo broker if enabled, opens the database, builds the app, mounts the development
 * OpenID provider if enabled, and becomes ready.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { FastifyInstance, FastifyServerOptions } from 'fastify';
import { apiErrorBody } from '@osb/api';
import { buildApp } from './app.ts';
import type { MarketplaceConfig } from './config/config.ts';
import { openDatabase } from './store/open-database.ts';

/** A running platform. */
export interface RunningPlatform {
  /** The URL the platform listens at (its public URL). */
  url: string;
  /** The configuration in effect (with the bound port, the public URL and the demo broker's URL filled in). */
  config: MarketplaceConfig;
  app: FastifyInstance;
  /**
   * Shuts down gracefully: reports not ready, keeps serving for the configured grace time (so that
   * load balancers stop sending requests), then stops the background work, hands its leases to
   * the other replicas, stops the demo broker and closes the database.
   */
  close(): Promise<void>;
}

/** Options of `startPlatform`. */
export interface StartOptions {
  logger?: FastifyServerOptions['logger'];
  uiRoot?: string;
}

/**
 * Does everything `npm start` does: starts the demo broker if enabled, opens the database,
 * builds the app, mounts the development OpenID provider if enabled, and listens. With port 0
 * the public URL (and the dev provider's issuer) take the bound port.
 */
export async function startPlatform(config: MarketplaceConfig, options: StartOptions = {}): Promise<RunningPlatform> {
  const cleanups: (() => Promise<void>)[] = [];
  const close = async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  };
  try {
    await mkdir(config.database.dataDir, { recursive: true });
    let ready = false;
    let handler: ((request: IncomingMessage, response: ServerResponse) => void) | undefined;
    const server = createServer((request, response) => {
      if (ready && handler) return handler(request, response);
      response.writeHead(503, { 'Content-Type': 'application/json', 'Retry-After': '1' });
      response.end(JSON.stringify(apiErrorBody('platformStarting', {})));
    });
    await listen(server, config.server.port, config.server.host);
    cleanups.push(() => closeServer(server));
    const effective = withBoundPort(config, (server.address() as AddressInfo).port);

    if (effective.demoBroker.enabled) {
      const demoBroker = await startConfiguredDemoBroker(effective);
      cleanups.push(() => demoBroker.close());
      effective.brokers = effective.brokers.map((broker) => ({ ...broker, url: demoBroker.rewrite(broker.url) }));
    }

    const database = await openDatabase(effective.database);
    cleanups.push(() => database.close());
    const app = await buildApp(effective, {
      database,
      logger: options.logger,
      uiRoot: options.uiRoot,
      serverFactory: (fastifyHandler) => {
        handler = fastifyHandler;
        return server;
      },
    });
    cleanups.push(() => app.close());
    if (effective.auth.devProvider) {
      const { registerDevOidcProvider } = await import('./dev-oidc/dev-oidc-provider.ts');
      const publicUrl = effective.server.publicUrl;
      const portal = effective.embedding.demoPortal;
      await registerDevOidcProvider(app, {
        issuer: effective.auth.issuer,
        clients: [
          {
            clientId: effective.auth.clientId,
            // The app's start page, and the page a silent sign-in (in a hidden frame) is answered to.
            redirectUris: [
              `${publicUrl}/`,
              `${publicUrl}/silent-refresh.html`,
              'http://localhost:4200/',
              'http://localhost:4200/silent-refresh.html',
            ],
            postLogoutRedirectUris: [`${publicUrl}/signed-out`, 'http://localhost:4200/signed-out'],
          },
          ...(portal.enabled
            ? [
                {
                  clientId: portal.clientId,
                  redirectUris: [`${publicUrl}/portal/`],
                  postLogoutRedirectUris: [`${publicUrl}/portal/`],
                },
              ]
            : []),
        ],
        audience: effective.auth.audience ?? effective.auth.clientId,
        users: effective.users.map((user) => ({
          id: user.id,
          displayName: user.displayName,
          email: user.email,
          password: user.password ?? '',
        })),
        keyFile: join(effective.database.dataDir, 'dev-oidc-keys.json'),
      });
    }
    await app.ready();
    ready = true;
    const shutDown = async () => {
      app.readiness.accepting = false;
      await new Promise((resolve) => setTimeout(resolve, effective.operations.shutdownGraceSeconds * 1000));
      await close();
    };
    return { url: effective.server.publicUrl, config: effective, app, close: shutDown };
  } catch (error) {
    await close().catch(() => undefined);
    throw error;
  }
}

/**
 * What the console shows once the platform runs: where to open it and, with the development
 * provider, the demo users by id (their passwords stay in the configuration file, never in the log).
 */
export function startupBanner(url: string, config: MarketplaceConfig): string {
  const lines = [``, `  OSB Marketplace is running: open ${url}/`];
  if (config.embedding.demoPortal.enabled) lines.push(`  The demo host portal embedding it: ${url}/portal/`);
  if (config.auth.devProvider) {
    lines.push(``, `  Demo users (passwords: users[].password in the configuration file):`);
    for (const user of config.users) lines.push(`    ${user.id}   ${user.displayName}`);
  }
  lines.push(``, `  Stop with Ctrl+C.`, ``);
  return `${lines.join('\n')}\n`;
}

/**
 * The configuration with the bound port in effect: with port 0 the public URL takes the real
 * port, and a development provider's issuer (served by this platform) moves along with it.
 */
function withBoundPort(config: MarketplaceConfig, port: number): MarketplaceConfig {
  if (config.server.port !== 0) return structuredClone(config);
  const publicUrl = new URL(config.server.publicUrl);
  publicUrl.port = String(port);
  const publicBase = publicUrl.toString().replace(/\/+$/, '');
  const issuer = config.auth.devProvider
    ? `${publicUrl.origin}${new URL(config.auth.issuer).pathname.replace(/\/+$/, '')}`
    : config.auth.issuer;
  return {
    ...structuredClone(config),
    server: { ...config.server, port, publicUrl: publicBase },
    auth: { ...config.auth, issuer },
  };
}

/** Starts the demo broker; `rewrite` points configured demo broker URLs at where it really listens. */
async function startConfiguredDemoBroker(config: MarketplaceConfig) {
  const { startDemoBroker } = await import('./demo-broker/demo-broker.ts');
  const { host, port, username, password } = config.demoBroker;
  const broker = await startDemoBroker({
    host,
    port,
    username,
    password,
    locationIds: config.locations.map((location) => location.id),
    stateFile: join(config.database.dataDir, 'demo-broker-state.json'),
  });
  const configuredOrigin = `http://${host}:${port}`;
  const actualOrigin = new URL(broker.url).origin;
  return {
    close: () => broker.close(),
    rewrite: (url: string) =>
      url.startsWith(`${configuredOrigin}/`) ? actualOrigin + url.slice(configuredOrigin.length) : url,
  };
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  });
}
