/**
 * How the broker transport reports what happened on the wire: a broken connection after the
 * request went out may have created something (like a timeout), a refused one cannot have.
 */
import { describe, it, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { OsbClient } from '../src/osb/osb-client.ts';
import { sendToBroker } from '../src/osb/broker-gateway.ts';
import { buildDeprovisionRequest } from '../src/osb/requests.ts';
import { unreachableUrl } from './support/test-brokers.ts';

const servers: Server[] = [];
after(async () => {
  for (const server of servers) {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
});

async function serve(handler: Parameters<typeof createServer>[1]): Promise<string> {
  const server = createServer(handler);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

function client(url: string): OsbClient {
  return new OsbClient({ url, username: 'u', password: 'p', publicUrl: 'http://platform', timeoutSeconds: 1 });
}

const request = buildDeprovisionRequest({ instanceId: 'i', serviceId: 's', planId: 'p' });

describe('sendToBroker', () => {
  it('reports every status with its JSON body and Retry-After', async () => {
    const url = await serve((_request, response) => {
      response.writeHead(503, { 'Content-Type': 'application/json', 'Retry-After': '7' });
      response.end('{"description":"later"}');
    });
    assert.deepEqual(await sendToBroker(client(url), request), {
      kind: 'response',
      status: 503,
      body: { description: 'later' },
      retryAfter: '7',
    });
  });

  it('reports a body that is not a JSON object as undefined', async () => {
    const url = await serve((_request, response) => {
      response.writeHead(201, { 'Content-Type': 'text/html' });
      response.end('<html></html>');
    });
    assert.deepEqual(await sendToBroker(client(url), request), { kind: 'response', status: 201, body: undefined });
  });

  it('counts a connection the broker closed after receiving the request as a timeout', async () => {
    const url = await serve((incoming) => incoming.socket.destroy());
    assert.deepEqual(await sendToBroker(client(url), request), { kind: 'timeout' });
  });

  it('counts an answer that never comes as a timeout', async () => {
    const url = await serve(() => undefined);
    assert.deepEqual(await sendToBroker(client(url), request), { kind: 'timeout' });
  });

  it('counts a refused connection as unreachable', async () => {
    assert.deepEqual(await sendToBroker(client(await unreachableUrl()), request), { kind: 'unreachable' });
  });
});
