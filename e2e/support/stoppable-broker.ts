/**
 * A small OSB broker for end-to-end tests that can be stopped and started again on the same
 * port, as a broker that goes down and comes back: one global service whose instances are
 * provisioned asynchronously and finish when the test says so.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** A running stoppable broker. */
export interface StoppableBroker {
  url: string;
  /** The `brokers` entry that points a platform at it. */
  configEntry: Record<string, unknown>;
  /** Lets every running provision succeed at its next poll. */
  finishOperations(): void;
  /** Cuts every connection and stops listening: requests are refused. */
  stop(): Promise<void>;
  /** Listens again on the same port. */
  start(): Promise<void>;
}

/** The service it offers. */
export const STOPPABLE_SERVICE = { name: 'flaky-db', displayName: 'Flaky Database', planName: 'standard' };

const catalog = {
  services: [
    {
      id: 'flaky-db-service',
      name: STOPPABLE_SERVICE.name,
      description: 'A database whose broker goes down now and then',
      bindable: true,
      metadata: { displayName: STOPPABLE_SERVICE.displayName },
      plans: [{ id: 'flaky-db-standard', name: STOPPABLE_SERVICE.planName, description: 'Standard' }],
    },
  ],
};

/** Starts the broker on 127.0.0.1 (a free port). */
export async function startStoppableBroker(id: string): Promise<StoppableBroker> {
  let finished = false;
  const sockets = new Set<Socket>();
  const answer = (response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    response.writeHead(status, { 'Content-Type': 'application/json', ...headers });
    response.end(JSON.stringify(body));
  };
  const handle = (request: IncomingMessage, response: ServerResponse) => {
    request.resume();
    request.on('end', () => {
      const path = new URL(request.url ?? '/', 'http://broker').pathname;
      if (request.method === 'GET' && path === '/v2/catalog') return answer(response, 200, catalog);
      if (request.method === 'PUT' && /^\/v2\/service_instances\/[^/]+$/.test(path))
        return answer(response, 202, { operation: 'provisioning' });
      if (request.method === 'GET' && path.endsWith('/last_operation')) {
        // Asks to be polled every second, so that the test sees its going down at once.
        return answer(
          response,
          200,
          finished ? { state: 'succeeded' } : { state: 'in progress', description: 'Creating the database' },
          { 'Retry-After': '1' },
        );
      }
      if (request.method === 'DELETE') return answer(response, 200, {});
      return answer(response, 404, { description: 'Not offered' });
    });
  };
  let server = createServer(handle);
  const listen = async (port: number) => {
    server = createServer(handle);
    server.on('connection', (socket) => {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', resolve);
    });
  };
  // A port below Linux's ephemeral range (32768 and up), so that no outgoing connection takes it
  // while the broker is down; a random one, tried again when taken.
  let port = 0;
  for (let attempt = 0; port === 0; attempt++) {
    const candidate = 20_000 + Math.floor(Math.random() * 12_000);
    try {
      await listen(candidate);
      port = (server.address() as AddressInfo).port;
    } catch (error) {
      if (attempt >= 20) throw error;
    }
  }
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    configEntry: {
      id,
      displayName: 'Flaky broker',
      url,
      username: 'flaky-user',
      password: 'flaky-password',
      locality: 'global',
    },
    finishOperations: () => {
      finished = true;
    },
    async stop() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
    start: () => listen(port),
  };
}
