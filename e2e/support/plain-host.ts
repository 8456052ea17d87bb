/**
 * The plain HTML host page (fixtures/embedding/plain-host.html), served on 127.0.0.1 for every
 * address below /plain/: another origin than the platform's `localhost`, so the element is loaded
 * and the API called across origins (CORS), from a real loopback server (so Chromium's local
 * network rules let the page call the platform).
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';

import { repositoryRoot } from './platform.ts';

/** Starts the plain host page's server on `port`. */
export async function startPlainHost(port: number): Promise<Server> {
  const html = readFileSync(join(repositoryRoot, 'fixtures', 'embedding', 'plain-host.html'));
  const server = createServer((request, response) => {
    if (request.method === 'GET' && request.url?.startsWith('/plain/')) {
      response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
      response.end(html);
      return;
    }
    response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return server;
}
