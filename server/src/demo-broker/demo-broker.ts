/**
 * The demo OSB broker: a real Open Service Broker API v2.17 server with one broker per path
 * prefix, `/global` for global services and `/locations/<locationId>` for the local services
 * of each location, plus the HTML pages its catalog and instances link to
 * (`/dashboard/<instanceId>`, `/docs/<service>`, `/docs/<service>/support`).
 */
import Fastify, { type FastifyError, type FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import { BrokerCatalog, type CatalogService } from './catalog.ts';
import { osbRoutes } from './osb-routes.ts';
import { dashboardPage, documentationPage, supportPage } from './pages.ts';
import { ParameterValidator } from '../osb/parameter-validator.ts';
import { RequestLog } from './request-log.ts';
import { globalServices, localServices } from './services.ts';
import { DemoBrokerStore } from './store.ts';

/** How to run the demo broker. */
export interface DemoBrokerOptions {
  /** Interface to listen on, for example `127.0.0.1`. */
  host: string;
  /** Port to listen on; 0 picks a free one. */
  port: number;
  /** Basic-auth user name platforms must send. */
  username: string;
  /** Basic-auth password platforms must send. */
  password: string;
  /** Locations that get a local broker under `/locations/<locationId>`. */
  locationIds: string[];
  /** JSON file that keeps instances and bindings across restarts; in memory only without it. */
  stateFile?: string;
  /** How long asynchronous operations take, in seconds (default 5). */
  asyncOperationSeconds?: number;
}

/** A started demo broker. */
export interface RunningDemoBroker {
  /** Base URL, for example `http://127.0.0.1:8090`; brokers live under `/global` and `/locations/<id>`. */
  url: string;
  /** Stops listening and waits for the state file to be written. */
  close(): Promise<void>;
}

/** Location ids become path segments and host names: keep them to safe characters. */
const LOCATION_ID = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/** Starts the demo broker and resolves once it listens. */
export async function startDemoBroker(options: DemoBrokerOptions): Promise<RunningDemoBroker> {
  for (const locationId of options.locationIds) {
    if (!LOCATION_ID.test(locationId)) throw new Error(`Invalid location id for the demo broker: ${locationId}`);
  }
  const store = await DemoBrokerStore.open(options.stateFile);
  const catalogs = [
    new BrokerCatalog('global', undefined, globalServices),
    ...options.locationIds.map((locationId) => new BrokerCatalog(`locations/${locationId}`, locationId, localServices)),
  ];
  const app = Fastify({ logger: false, forceCloseConnections: true });
  // Routes need the public URL, which is known only once the port is.
  const publicUrlHolder = { value: '' };
  await buildApp(app, { options, store, catalogs, publicUrlHolder });

  await app.listen({ host: options.host, port: options.port });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  const hostForUrl = options.host.includes(':') ? `[${options.host}]` : options.host;
  publicUrlHolder.value = `http://${browserHost(options.host)}:${port}`;

  return {
    url: `http://${hostForUrl}:${port}`,
    async close() {
      await app.close();
      await store.flush();
    },
  };
}

/**
 * The host name users' browsers use for the broker's pages: `localhost` for loopback and
 * wildcard addresses, else the configured host.
 */
function browserHost(host: string): string {
  if (['127.0.0.1', '::1', '0.0.0.0', '::', 'localhost'].includes(host)) return 'localhost';
  return host.includes(':') ? `[${host}]` : host;
}

interface AppParts {
  options: DemoBrokerOptions;
  store: DemoBrokerStore;
  catalogs: BrokerCatalog[];
  publicUrlHolder: { value: string };
}

/** Registers body parsing, error handling, the broker prefixes and the HTML pages. */
async function buildApp(app: FastifyInstance, { options, store, catalogs, publicUrlHolder }: AppParts): Promise<void> {
  // Platforms send `Content-Type: application/json` on DELETE and GET too, often without a body.
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => {
    const text = typeof body === 'string' ? body : body.toString('utf8');
    if (text.trim() === '') return done(null, undefined);
    try {
      done(null, JSON.parse(text));
    } catch {
      done(Object.assign(new Error('The request body is not valid JSON.'), { statusCode: 400 }), undefined);
    }
  });

  app.setErrorHandler((error: FastifyError, _request, reply) => {
    const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
    const description = status === 500 ? 'The demo broker failed to handle the request.' : error.message;
    if (status === 500) process.emitWarning(`Demo broker error: ${error.stack ?? error.message}`);
    return reply.code(status).send({ error: status === 500 ? 'InternalError' : 'BadRequest', description });
  });
  app.setNotFoundHandler((request, reply) =>
    reply
      .code(404)
      .send({ error: 'NotFound', description: `No route for ${request.method} ${request.url.split('?')[0]}.` }),
  );

  const validator = new ParameterValidator();
  const asyncOperationMs = Math.max(0, (options.asyncOperationSeconds ?? 5) * 1000);
  for (const catalog of catalogs) {
    await app.register(
      async (scope) =>
        osbRoutes(scope, {
          catalog,
          store,
          validator,
          requestLog: new RequestLog(200),
          username: options.username,
          password: options.password,
          publicUrl: () => publicUrlHolder.value,
          asyncOperationMs,
        }),
      { prefix: `/${catalog.prefix}` },
    );
  }

  const pages = app.withTypeProvider<TypeBoxTypeProvider>();
  const serviceByName = (name: string): CatalogService | undefined =>
    catalogs.flatMap((catalog) => catalog.services).find((service) => service.definition.name === name);

  pages.get(
    '/dashboard/:instanceId',
    {
      schema: {
        params: Type.Object({ instanceId: Type.String() }),
        querystring: Type.Object({ tenant: Type.Optional(Type.String()) }),
      },
    },
    async (request, reply) => {
      const found = store.findInstanceAnywhere(request.params.instanceId);
      if (!found)
        return reply.code(404).type('text/plain; charset=utf-8').send('This service instance does not exist.');
      const catalog = catalogs.find((candidate) => candidate.prefix === found.prefix);
      const service = catalog?.findService(found.instance.serviceId);
      return reply.type('text/html; charset=utf-8').send(dashboardPage(found.instance, service, request.query.tenant));
    },
  );
  pages.get(
    '/docs/:serviceName',
    { schema: { params: Type.Object({ serviceName: Type.String() }) } },
    async (request, reply) => {
      const service = serviceByName(request.params.serviceName);
      if (!service) return reply.code(404).type('text/plain; charset=utf-8').send('Unknown service.');
      return reply.type('text/html; charset=utf-8').send(documentationPage(service));
    },
  );
  pages.get(
    '/docs/:serviceName/support',
    { schema: { params: Type.Object({ serviceName: Type.String() }) } },
    async (request, reply) => {
      const service = serviceByName(request.params.serviceName);
      if (!service) return reply.code(404).type('text/plain; charset=utf-8').send('Unknown service.');
      return reply.type('text/html; charset=utf-8').send(supportPage(service));
    },
  );
}
