/**
 * Small OSB brokers over real HTTP for tests: each answers the catalog its own way (well,
 * with an error, never, or with a broken catalog).
 */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A request as the broker saw it. */
export interface RecordedRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** A running test broker. */
export interface TestBroker {
  url: string;
  requests: RecordedRequest[];
  /** Replaces how the broker answers from now on. */
  respondWith(responder: Responder): void;
  close(): Promise<void>;
}

/** How a test broker answers: status, body, headers, after `delayMs` (default at once); `hang` never answers. */
export type Responder = (
  request: RecordedRequest,
) => { status: number; body?: unknown; raw?: string; headers?: Record<string, string>; delayMs?: number } | 'hang';

/** Starts a broker on 127.0.0.1 port 0. */
export async function startTestBroker(responder: Responder): Promise<TestBroker> {
  let current = responder;
  const requests: RecordedRequest[] = [];
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const recorded = {
        method: request.method ?? '',
        url: request.url ?? '',
        headers: request.headers,
        body: Buffer.concat(chunks).toString(),
      };
      requests.push(recorded);
      const answer = current(recorded);
      if (answer === 'hang') return;
      setTimeout(() => {
        response.writeHead(answer.status, { 'Content-Type': 'application/json', ...answer.headers });
        response.end(answer.raw ?? (answer.body === undefined ? '' : JSON.stringify(answer.body)));
      }, answer.delayMs ?? 0);
    });
  });
  keepIdleConnections(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    respondWith: (responder) => {
      current = responder;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * Keeps idle keep-alive connections open for a minute instead of Node's 5 s. The platform's HTTP
 * client reuses them until shortly before the server's announced timeout, but these servers run
 * in the test process: when it is busy (the embedded database runs in it, on a loaded machine),
 * the server's timer and the client's next request can come in the same moment, and the request
 * fails with ECONNRESET (a catalog fetch at start then takes the broker for unreachable).
 */
export function keepIdleConnections(server: Server): void {
  server.keepAliveTimeout = 60_000;
}

/** A broker that serves `catalog` at /v2/catalog. */
export function serveCatalog(catalog: unknown): Responder {
  return (request) =>
    request.url.endsWith('/v2/catalog') ? { status: 200, body: catalog } : { status: 404, body: {} };
}

/** A URL where nothing listens (the port was just freed). */
export async function unreachableUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}

/** A valid catalog with one service `<prefix>-db` and plans `small` and `large`, ids prefixed too. */
export function validCatalog(prefix: string): { services: Record<string, unknown>[] } {
  return {
    services: [
      {
        id: `${prefix}-service-id`,
        name: `${prefix}-db`,
        description: `A ${prefix} database`,
        bindable: true,
        tags: ['database'],
        metadata: { displayName: `${prefix} Database`, providerDisplayName: 'Test Provider' },
        plans: [
          { id: `${prefix}-plan-small`, name: 'small', description: 'A small one', free: true },
          {
            id: `${prefix}-plan-large`,
            name: 'large',
            description: 'A large one',
            free: false,
            metadata: { costs: [{ amount: { eur: 12.5 }, unit: 'MONTHLY' }], bullets: ['8 GB'] },
          },
        ],
      },
    ],
  };
}
